// Signed, expiring URLs for private try-on files: HMAC-SHA256 with env().AUTH_SECRET over
// kind, id and expiry. Whoever holds the URL may fetch the file until it expires (like an S3
// presigned URL); only the owner's API answers hand such URLs out.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

export type FileKind = 'photo' | 'render';
export const URL_TTL_S = 15 * 60;

function mac(kind: FileKind, id: string, exp: number): string {
  return createHmac('sha256', env().AUTH_SECRET).update(`tryon:${kind}:${id}:${exp}`).digest('base64url');
}

export function signedFileUrl(kind: FileKind, id: string, now = Date.now(), ttlS = URL_TTL_S): string {
  // round the expiry so URLs stay the same for a while (browser cache friendly)
  const exp = Math.ceil((now / 1000 + ttlS) / 60) * 60;
  return `/api/tryon/files/${kind}/${encodeURIComponent(id)}?exp=${exp}&sig=${mac(kind, id, exp)}`;
}

export function verifySignature(kind: string, id: string, exp: string | null, sig: string | null, now = Date.now()): 'ok' | 'expired' | 'invalid' {
  if ((kind !== 'photo' && kind !== 'render') || !exp || !sig || !/^\d{1,12}$/.test(exp)) return 'invalid';
  const want = Buffer.from(mac(kind, id, Number(exp)));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'invalid';
  if (Number(exp) * 1000 < now) return 'expired';
  return 'ok';
}
