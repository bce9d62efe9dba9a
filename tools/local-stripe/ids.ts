// Stripe-looking identifiers: a type prefix and 24 random base62 characters.
import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomToken(length = 24): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  // Rejection sampling keeps the distribution uniform (248 = 4 * 62).
  for (let i = 0; i < bytes.length && out.length < length; i++) if (bytes[i] < 248) out += ALPHABET[bytes[i] % 62];
  return out.length === length ? out : out + randomToken(length - out.length);
}

export const newId = (prefix: string) => `${prefix}${randomToken()}`;
export const nowSeconds = () => Math.floor(Date.now() / 1000);
