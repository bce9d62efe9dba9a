import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { handle } from '../../lib/http/route';
import { mockupResponse, type TileLoader } from '../../lib/mockup';

const DESIGN = 'a'.repeat(64);
const tilePng = sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 10, g: 120, b: 200 } } }).png().toBuffer();
const loader: TileLoader = async (id) => (id === DESIGN ? tilePng : null);

const GET = handle<{ params: Promise<{ product: string; view: string }> }>(async (req, ctx) => mockupResponse(req, await ctx.params, loader));

function call(pathname: string, init?: RequestInit) {
  const url = new URL(pathname, 'http://shop.test');
  const [, , , product, view] = url.pathname.split('/');
  return GET(new Request(url, init), { params: Promise.resolve({ product, view }) });
}

describe('GET /api/mockups/<product>/<view>.png', () => {
  it('answers 400 with a readable message for a bad query', async () => {
    for (const [q, word] of [
      ['color=ffffff&repeat=4', 'design'],
      [`design=${DESIGN.slice(1)}`, 'design'],
      [`design=${DESIGN}&color=red`, 'color'],
      [`design=${DESIGN}&color=%23ff00ff00`, 'color'],
      [`design=${DESIGN}&repeat=abc`, 'repeat'],
      [`design=${DESIGN}&repeat=0`, 'repeat'],
      [`design=${DESIGN}&size=300`, 'size'],
    ]) {
      const res = await call(`/api/mockups/tee/front.png?${q}`);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toContain(word);
    }
  });

  it('answers 404 for an unknown product, view or design', async () => {
    expect((await call(`/api/mockups/sock/front.png?design=${DESIGN}`)).status).toBe(404);
    expect((await call(`/api/mockups/tee/side.png?design=${DESIGN}`)).status).toBe(404);
    expect((await call(`/api/mockups/tee/front.gif?design=${DESIGN}`)).status).toBe(404);
    expect((await call(`/api/mockups/tee/front.png?design=${'b'.repeat(64)}`)).status).toBe(404);
  });

  it('renders the mockup with cache headers, an ETag and 304 on revalidation', async () => {
    const res = await call(`/api/mockups/mug/front.png?design=${DESIGN}&color=27272A&repeat=1.5&size=512`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([512, 512]);
    const again = await call(`/api/mockups/mug/front.png?design=${DESIGN}&color=27272a&repeat=1.5&size=512`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const other = await call(`/api/mockups/mug/front.png?design=${DESIGN}&color=ffffff&repeat=1.5&size=512`, { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('accepts the aliases (poster front = 18x24)', async () => {
    const res = await call(`/api/mockups/poster/front.png?design=${DESIGN}&size=512`);
    expect(res.status).toBe(200);
  });
});
