// Addresses that match no page: the 404 is rendered per request rather than served prebuilt, so
// its scripts carry the request's CSP nonce (proxy.ts) and the header (sign-in, search) works.
import { notFound } from 'next/navigation';

export const dynamic = 'force-dynamic';

export default function MissingPage(): never {
  notFound();
}
