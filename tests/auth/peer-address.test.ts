// The loopback check behind /dev/outbox: the socket address is stamped on each request by the
// server itself; a client cannot claim loopback with X-Forwarded-For or a forged stamp header.
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { PEER_HEADER, installPeerStamp, isLoopbackAddress, isLoopbackRequest, peerAddress } from '../../lib/http/peer';

const servers: http.Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

/** A real server answering with what the app would decide from the request headers. */
async function server(): Promise<number> {
  const s = http.createServer((req, res) => {
    const h = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]));
    res.end(JSON.stringify({ peer: peerAddress(h), loopback: isLoopbackRequest(h) }));
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '0.0.0.0', r));
  return (s.address() as AddressInfo).port;
}

async function ask(host: string, port: number, headers: Record<string, string> = {}) {
  return new Promise<{ peer: string | null; loopback: boolean }>((resolve, reject) => {
    http.get({ host, port, headers }, (res) => {
      let b = '';
      res.on('data', (c) => (b += c)).on('end', () => resolve(JSON.parse(b)));
    }).on('error', reject);
  });
}

describe('peer address', () => {
  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['10.0.0.1', '::ffff:10.0.0.1', '0.0.0.0', '', null, '128.0.0.1']) expect(isLoopbackAddress(a)).toBe(false);
  });

  it('trusts nothing before the stamp is installed (a forged header is not loopback)', async () => {
    const port = await server();
    expect(await ask('127.0.0.1', port, { [PEER_HEADER]: 'x 127.0.0.1' })).toEqual({ peer: null, loopback: false });
  });

  it('stamps the socket address, ignoring X-Forwarded-For and forged stamps', async () => {
    installPeerStamp();
    const port = await server();
    expect(await ask('127.0.0.1', port)).toEqual({ peer: '127.0.0.1', loopback: true });
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (external) {
      // A request from a non-loopback socket stays non-loopback whatever it claims.
      const forged = await ask(external, port, { 'x-forwarded-for': '127.0.0.1', [PEER_HEADER]: 'deadbeef 127.0.0.1' });
      expect(forged).toEqual({ peer: external, loopback: false });
    }
  });
});
