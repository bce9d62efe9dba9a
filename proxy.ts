// Security headers on every page (Next.js proxy, formerly middleware): a nonce-based
// Content-Security-Policy (Next.js puts the nonce on its own scripts when it finds it in the
// request's CSP header), frame-ancestors / X-Frame-Options, Referrer-Policy, and HSTS when the
// page is served over https. API routes are left out of the matcher: a proxy makes Next.js copy
// each request body (up to 10 MB), which uploads must not pay; they check Origin in handle().
// Cached pages (the home page, product, listing, shop and search pages: lib/http/security
// CACHED_PAGES) are left out too: their policy has no nonce, so next.config's headers() adds it
// without the proxy's cost.
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './lib/env';
import { contentSecurityPolicy, isCachedPage, newNonce, securityHeaders } from './lib/http/security';

export function proxy(req: NextRequest) {
  const nonce = isCachedPage(req.nextUrl.pathname) ? null : newNonce();
  const csp = contentSecurityPolicy({ nonce, dev: env().NODE_ENV === 'development' });
  const requestHeaders = new Headers(req.headers);
  if (nonce) {
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', csp);
  }
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', csp);
  const https = req.headers.get('x-forwarded-proto') === 'https' || req.nextUrl.protocol === 'https:' || env().PUBLIC_URL.startsWith('https:');
  for (const [k, v] of Object.entries(securityHeaders({ https }))) res.headers.set(k, v);
  return res;
}

export const config = {
  matcher: [
    {
      source: '/((?!$|products/|listings/|shops/|search(?:/|$)|api/|_next/static|_next/image|r/|favicon\\.ico|robots\\.txt|sitemap\\.xml).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
