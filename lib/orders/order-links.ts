// Guests reach their order page through a link signed with the server secret.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

export function orderAccessToken(orderId: string): string {
  return createHmac('sha256', env().AUTH_SECRET).update(`order:${orderId}`).digest('base64url').slice(0, 32);
}

export function verifyOrderAccessToken(orderId: string, token: string | null | undefined): boolean {
  if (!token) return false;
  const a = Buffer.from(orderAccessToken(orderId));
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function orderUrl(orderId: string, base = env().PUBLIC_URL): string {
  return `${base}/orders/${orderId}?t=${orderAccessToken(orderId)}`;
}
