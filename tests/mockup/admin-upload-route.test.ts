// Admin template upload through its route handler (/admin/mockups posts here): files over 1 MB
// are accepted up to the 15 MB the form promises (a server action stopped at 1 MB with a 500);
// the role is checked first, and the body is counted while it is read (413 past the limit).
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';

// No Next.js cache outside the server: record what would be revalidated.
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock('next/cache', () => ({ revalidatePath: (p: string) => void revalidated.push(p) }));

import { POST } from '../../app/api/admin/mockups/route';
import { ensureUserWithRole } from '../../lib/auth';
import { db } from '../../lib/db/client';
import { resolveTemplate } from '../../lib/mockup';


async function cookieFor(email: string, role: 'SHOPPER' | 'ADMIN') {
  const user = await ensureUserWithRole(email, role);
  const sessionToken = randomBytes(32).toString('hex');
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3600_000) } });
  return `authjs.session-token=${sessionToken}`;
}

function templateForm(photo: Buffer, view = 'big-photo'): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries({ product: 'tote', view, area: 'front', widthIn: '14', heightIn: '16', tlx: '25', tly: '25', trx: '75', try: '25', brx: '75', bry: '75', blx: '25', bly: '75' })) fd.set(k, v);
  fd.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'photo.png');
  return fd;
}

const post = (cookie: string, body: FormData | Blob, headers: Record<string, string> = {}) =>
  POST(new Request('http://localhost:3000/api/admin/mockups', { method: 'POST', headers: { cookie, ...headers }, body }), undefined);

describe('POST /api/admin/mockups', () => {
  it('saves a photo well over 1 MB for an administrator', async () => {
    // Noise does not compress: a ~3 MB PNG.
    const photo = await sharp(randomBytes(1000 * 1000 * 3), { raw: { width: 1000, height: 1000, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(photo.length).toBeGreaterThan(2.5 * 1024 * 1024);
    const res = await post(await cookieFor('admin@seedprint.local', 'ADMIN'), templateForm(photo));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: 'Template tote/big-photo saved.', preview: '/api/mockups/tote/big-photo.png' });
    expect(resolveTemplate('tote', 'big-photo')).toBeTruthy();
    expect(revalidated).toEqual(['/admin/mockups', '/products/tote']);
  });

  it('answers 403 to a shopper and 401 without a session, before reading the body', async () => {
    const photo = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } }).png().toBuffer();
    const shopper = await post(await cookieFor('shopper@example.com', 'SHOPPER'), templateForm(photo, 'nope'));
    expect(shopper.status).toBe(403);
    expect(((await shopper.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await post('', templateForm(photo, 'nope'))).status).toBe(401);
  });

  it('refuses a body over the limit with 413, counting the bytes (no Content-Length needed)', async () => {
    const admin = await cookieFor('admin2@seedprint.local', 'ADMIN');
    const huge = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(1024 * 1024)); // endless: only a counting reader stops it
      },
    });
    const res = await POST(
      new Request('http://localhost:3000/api/admin/mockups', { method: 'POST', headers: { cookie: admin, 'content-type': 'multipart/form-data; boundary=x' }, body: huge, duplex: 'half' } as RequestInit),
      undefined,
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });
});
