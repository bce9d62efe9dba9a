// Request bodies are counted while they are read: a 300 MB chunked upload (no Content-Length)
// to the try-on photo route, through a real HTTP server, gets a 413 once the limit is passed,
// and the server neither reads the rest nor holds it in memory.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as uploadRoute } from '../../app/api/tryon/photos/route';
import { readBodyLimited, readJsonLimited } from '../../lib/http/body';
import { stopBoss } from '../../lib/queue';
import { resetDatabase } from '../setup/db';

const MB = 1024 * 1024;

let server: http.Server;
let port = 0;
let pulled = 0; // bytes the route actually read from the socket

beforeAll(async () => {
  await resetDatabase();
  // What Next.js does for a route handler: the socket's body as a web stream, no buffering.
  server = http.createServer(async (req, res) => {
    // The socket's body as a web stream that reads only what the route pulls; a route that stops
    // reading (cancel) leaves the rest unread, as Next.js does, instead of destroying the socket.
    let open = true;
    const counted = new ReadableStream<Uint8Array>(
      {
        start(c) {
          req.pause();
          req.on('data', (chunk: Buffer) => {
            if (!open) return;
            pulled += chunk.byteLength;
            c.enqueue(new Uint8Array(chunk));
            if ((c.desiredSize ?? 0) <= 0) req.pause();
          });
          req.on('end', () => open && ((open = false), c.close()));
          req.on('error', (err) => open && ((open = false), c.error(err)));
        },
        pull() {
          req.resume();
        },
        cancel() {
          open = false;
          req.pause();
        },
      },
      new ByteLengthQueuingStrategy({ highWaterMark: MB }),
    );
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new Request(`http://127.0.0.1:${port}${req.url}`, { method: req.method, headers, body: counted, duplex: 'half' } as RequestInit);
    const answer = await uploadRoute(request, undefined as never);
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    // The unread rest of a refused body is discarded unread (not counted), and the connection
    // dropped a while after the answer, so the client (on this same busy event loop) reads the
    // answer before its writes could fail with EPIPE.
    res.end(Buffer.from(await answer.arrayBuffer()), () => setTimeout(() => req.destroy(), 2_000));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await stopBoss();
});

/** Streams `total` bytes of multipart body with Transfer-Encoding: chunked, stopping once answered. */
function chunkedUpload(path: string, cookie: string, total: number): Promise<{ status: number; body: { error?: { code: string; message: string } }; sent: number }> {
  return new Promise((resolve, reject) => {
    const boundary = 'seedprintboundary';
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' } });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(MB, 0x61);
    req.on('response', (res) => {
      answered = true;
      let b = '';
      res.on('data', (c) => (b += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(b), sent }));
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

describe('bounded request bodies', () => {
  it('a 300 MB chunked photo upload gets 413 after at most the limit is read, in bounded memory', async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const r = await chunkedUpload('/api/tryon/photos', '', 300 * MB).finally(() => clearInterval(sampler));
    expect(pulled).toBeLessThanOrEqual(64 * MB); // the 61 MB limit plus what was in flight; before the fix all 300 MB
    expect(r.status).toBe(413);
    expect(r.body.error?.code).toBe('payload_too_large');
    expect(r.body.error?.message).toMatch(/Too much data in one upload/);
    expect(r.sent).toBeLessThan(200 * MB); // the client was stopped long before 300 MB
    expect(peak - before).toBeLessThan(200 * MB); // before the fix: the whole 300 MB, then a copy
  });

  it('readBodyLimited counts bytes without Content-Length and trusts no claimed length', async () => {
    const stream = (n: number) =>
      new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < n; i++) c.enqueue(new Uint8Array(1000));
          c.close();
        },
      });
    const req = (n: number, headers: Record<string, string> = {}) => new Request('http://t/', { method: 'POST', body: stream(n), headers, duplex: 'half' } as RequestInit);
    await expect(readBodyLimited(req(5), 5000)).resolves.toHaveLength(5000);
    await expect(readBodyLimited(req(6), 5000)).rejects.toMatchObject({ status: 413, code: 'payload_too_large' });
    await expect(readBodyLimited(req(6, { 'content-length': '10' }), 5000)).rejects.toMatchObject({ status: 413 });
    await expect(readBodyLimited(req(1, { 'content-length': '999999' }), 5000)).rejects.toMatchObject({ status: 413 });
    await expect(readJsonLimited(new Request('http://t/', { method: 'POST', body: JSON.stringify({ a: 'x'.repeat(2 * MB) }) }))).rejects.toMatchObject({ status: 413 });
    await expect(readJsonLimited(new Request('http://t/', { method: 'POST', body: '{"a":1}' }))).resolves.toEqual({ a: 1 });
    await expect(readJsonLimited(new Request('http://t/', { method: 'POST', body: '{nope' }))).rejects.toMatchObject({ status: 400, code: 'invalid_json' });
  });
});
