// Security headers on every page (Next.js proxy, formerly middleware): a nonce-based
// Content-Security-Policy (Next.js puts the nonce on its own scripts when it finds it in the
// request's CSP header), frame-ancestors / X-Frame-Options, Referrer-Policy, and HSTS when the
// page is served over https. API routes are left out of the matcher: a proxy makes Next.js copy
// each request body (up to 10 MB), which uploads must not pay; they check Origin in handle().
// Cached pages (the home page, product, listing, shop and search pages: lib/http/security
// CACHED_PAGES) are left out too: their policy has no nonce, so next.config's headers() adds it
// without the proxy's cost. /search is cached too (each query its own page, app/search/[q]):
// the proxy only sends /search?q=… to that page, with the same policy.
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './lib/env';
import { contentSecurityPolicy, isCachedPage, newNonce, securityHeaders } from './lib/http/security';

/** /search?q=… → /search/<query, percent-encoded>; null for the search page without a query. */
function searchRewrite(req: NextRequest): URL | null {
  if (req.nextUrl.pathname !== '/search') return null;
  const q = req.nextUrl.searchParams.get('q')?.trim();
  if (!q) return null;
  const url = req.nextUrl.clone();
  url.pathname = `/search/${encodeURIComponent(q)}`;
  url.searchParams.delete('q'); // the page reads its query from the path only
  return url;
}

export function proxy(req: NextRequest) {
  const nonce = isCachedPage(req.nextUrl.pathname) ? null : newNonce();
  const csp = contentSecurityPolicy({ nonce, dev: env().NODE_ENV === 'development' });
  const requestHeaders = new Headers(req.headers);
  if (nonce) {
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', csp);
  }
  const rewrite = searchRewrite(req);
  const res = rewrite ? NextResponse.rewrite(rewrite, { request: { headers: requestHeaders } }) : NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', csp);
  const https = req.headers.get('x-forwarded-proto') === 'https' || req.nextUrl.protocol === 'https:' || env().PUBLIC_URL.startsWith('https:');
  for (const [k, v] of Object.entries(securityHeaders({ https }))) res.headers.set(k, v);
  return res;
}

export const config = {
  matcher: [
    {
      source: '/((?!$|products/|listings/|shops/|search/|api/|_next/static|_next/image|r/|favicon\\.ico|robots\\.txt|sitemap\\.xml).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
    // Search prefetches too: a link to /search?q=… must prefetch that query's page, not the empty one.
    '/search',
  ],
};
