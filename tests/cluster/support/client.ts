// An HTTP client for the cluster test: a cookie jar, and a source address of its own on the
// loopback network (127.x.y.z), so per-address limits see distinct shoppers behind the proxy.
import http from 'node:http';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  json<T = Record<string, unknown>>(): T;
  /** The X-Request-Id HAProxy gave the request (echoed by the app). */
  requestId: string | null;
}

export class Client {
  readonly cookies = new Map<string, string>();
  private readonly agent: http.Agent;

  constructor(
    readonly base: string,
    readonly localAddress = '127.0.0.1',
  ) {
    // An idle kept-alive connection is dropped after 5 s, before the proxy drops it (HAProxy's
    // `timeout http-keep-alive 10s`): a request sent on a connection the proxy is closing at that
    // moment fails without an answer ("socket hang up"). Browsers resend such a request; this
    // client does not. A request itself may take up to its own timeout.
    this.agent = new http.Agent({ keepAlive: true, localAddress, maxSockets: 64, timeout: 5_000 });
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** The same cookies, talking to another address (an app instance's own port). */
  at(base: string): Client {
    const c = new Client(base, this.localAddress);
    for (const [k, v] of this.cookies) c.cookies.set(k, v);
    return c;
  }

  request(method: string, pathOrUrl: string, opts: { json?: unknown; form?: Record<string, string>; body?: Buffer; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Reply> {
    const url = new URL(pathOrUrl, this.base);
    const headers: Record<string, string> = { ...opts.headers };
    let body: Buffer | undefined = opts.body;
    if (opts.json !== undefined) {
      body = Buffer.from(JSON.stringify(opts.json));
      headers['content-type'] = 'application/json';
    } else if (opts.form) {
      body = Buffer.from(new URLSearchParams(opts.form).toString());
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    if (body) headers['content-length'] = String(body.length);
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent: this.agent, timeout: opts.timeoutMs ?? 120_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          for (const sc of res.headers['set-cookie'] ?? []) {
            const [pair] = sc.split(';');
            const eq = pair.indexOf('=');
            const name = pair.slice(0, eq).trim();
            const value = pair.slice(eq + 1).trim();
            if (/max-age=0|expires=thu, 01 jan 1970/i.test(sc) || value === '') this.cookies.delete(name);
            else this.cookies.set(name, value);
          }
          const buf = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: buf,
            text: () => buf.toString('utf8'),
            json: <T>() => JSON.parse(buf.toString('utf8')) as T,
            requestId: (res.headers['x-request-id'] as string | undefined) ?? null,
          });
        });
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname} timed out`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  get = (p: string, o?: Parameters<Client['request']>[2]) => this.request('GET', p, o);
  post = (p: string, o?: Parameters<Client['request']>[2]) => this.request('POST', p, o);

  close(): void {
    this.agent.destroy();
  }
}

/** A multipart/form-data body with one file field, and its content-type header. */
export function multipart(field: string, filename: string, type: string, data: Buffer, fields: Record<string, string> = {}): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----seedprint${Math.random().toString(16).slice(2)}`;
  const text = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const head = Buffer.from(`${text}--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** NDJSON lines of a studio answer. */
export function ndjson(r: Reply): Record<string, unknown>[] {
  return r
    .text()
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Latencies (ms) → p95. */
export function p95(ms: number[]): number {
  if (!ms.length) return NaN;
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
}
