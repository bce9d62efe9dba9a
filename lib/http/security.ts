// Security headers and the cross-site request check, shared by proxy.ts (pages) and handle()
// (state-changing API routes). Framework-free so tests call them directly.
import { forbidden } from './errors';

/**
 * Pages served from Next's cache (ISR): their HTML is rendered once, so no per-request nonce can
 * be in it. They get a policy without a nonce (inline scripts allowed, still only this origin's
 * script files). A page added to Next's static cache must be listed here, or its scripts are
 * blocked by the nonce policy.
 */
export const CACHED_PAGE_PREFIXES = ['/products/', '/listings/', '/shops/', '/search/'] as const;
/** Cached pages matched exactly: the home page (ISR, app/page.tsx) and search (each query its own cached page). */
export const CACHED_PAGES = ['/', '/search'] as const;

export function isCachedPage(pathname: string): boolean {
  return (CACHED_PAGES as readonly string[]).includes(pathname) || CACHED_PAGE_PREFIXES.some((p) => pathname.startsWith(p) && pathname.length > p.length);
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of a page. With a nonce, inline scripts run only when they carry it
 * (Next.js adds it to its own scripts when it finds it in the request's CSP header); script files
 * only from this origin. `dev` allows the eval React's development build needs.
 */
export function contentSecurityPolicy(opts: { nonce: string | null; dev?: boolean }): string {
  const script = ["'self'", opts.nonce ? `'nonce-${opts.nonce}'` : "'unsafe-inline'", "'wasm-unsafe-eval'", ...(opts.dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    "style-src 'self' 'unsafe-inline'", // React style attributes cannot carry a nonce
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Cached pages' headers as next.config `headers()` rules: their policy has no nonce, so Next.js
 * adds them without running proxy.ts (whose matcher leaves these pages out), sparing every cached
 * hit the proxy's cost. HSTS when the request came over https (X-Forwarded-Proto from the proxy in
 * front, or TLS here).
 */
export function cachedPageHeaderRules(): { source: string; headers: { key: string; value: string }[]; has?: { type: 'header'; key: string; value: string }[] }[] {
  const headers = [{ key: 'Content-Security-Policy', value: contentSecurityPolicy({ nonce: null }) }, ...Object.entries(securityHeaders({ https: false })).map(([key, value]) => ({ key, value }))];
  const sources = [...CACHED_PAGES, ...CACHED_PAGE_PREFIXES.map((p) => `${p}:path+`)];
  return sources.flatMap((source) => [{ source, headers }, { source, has: [{ type: 'header' as const, key: 'x-forwarded-proto', value: 'https' }], headers: [{ key: 'Strict-Transport-Security', value: HSTS }] }]);
}

/** Headers every page carries besides the CSP; HSTS only when the page was served over https. */
export function securityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    ...(opts.https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Throws 403 when a state-changing request comes from a page on another site: its Origin header
 * (which browsers send with every cross-site POST/PUT/PATCH/DELETE) is neither PUBLIC_URL's origin
 * nor the Host the request was sent to. Requests without Origin (server-to-server: Stripe
 * webhooks, factories, curl) carry no browser cookies of a visitor and pass.
 */
export function assertSameOrigin(req: Request, publicUrl: string): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const origin = req.headers.get('origin');
  if (origin === null) return;
  let o: URL | null = null;
  try {
    o = origin === 'null' ? null : new URL(origin);
  } catch {
    o = null;
  }
  if (o) {
    if (o.origin === new URL(publicUrl).origin) return;
    const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
    if (host && o.host === host.split(',')[0].trim()) return;
  }
  throw forbidden('This request came from another site and was refused.');
}
