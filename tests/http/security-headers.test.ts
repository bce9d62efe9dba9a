// Security headers on pages (proxy.ts, run as Next.js runs it) and the cross-site check on
// state-changing API routes (handle(), through real route handlers).
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy, config } from '../../proxy';
import { POST as cartPost } from '../../app/api/cart/items/route';
import { assertSameOrigin, contentSecurityPolicy, isCachedPage } from '../../lib/http/security';

const PUBLIC = 'http://localhost:3000'; // the test default of PUBLIC_URL

describe('page security headers (proxy.ts)', () => {
  it('sends a nonce-based CSP, frame-ancestors, X-Frame-Options and Referrer-Policy, and passes the nonce to Next.js', () => {
    const res = proxy(new NextRequest(`${PUBLIC}/cart`));
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeNull(); // plain http
    // Next.js reads the request's CSP header to put the nonce on its scripts.
    expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    expect(res.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    // A fresh nonce per request.
    const again = proxy(new NextRequest(`${PUBLIC}/cart`)).headers.get('content-security-policy');
    expect(again).not.toBe(csp);
  });

  it('adds HSTS when served over https', () => {
    const res = proxy(new NextRequest(`${PUBLIC}/cart`, { headers: { 'x-forwarded-proto': 'https' } }));
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
  });

  it('cached (ISR) pages get the policy without a nonce from next.config, not from the proxy', async () => {
    expect(isCachedPage('/products/hoodie')).toBe(true);
    expect(isCachedPage('/products')).toBe(false);
    expect(isCachedPage('/')).toBe(true); // the home page is ISR too
    expect(isCachedPage('/cart')).toBe(false);
    const rules = await (await import('../../next.config')).default.headers!();
    const headersFor = (path: string, reqHeaders: Record<string, string> = {}) => {
      const out = new Map<string, string>();
      for (const r of rules) {
        const re = new RegExp(`^${r.source.replace(':path+', '.+')}$`);
        const has = (r.has ?? []).every((h) => h.type === 'header' && reqHeaders[h.key] === h.value);
        if (re.test(path) && has) for (const h of r.headers) out.set(h.key.toLowerCase(), h.value);
      }
      return out;
    };
    for (const page of ['/', '/products/hoodie', '/listings/hearts-ab12', '/shops/studio-k', '/search', '/search/cats']) {
      const h = headersFor(page);
      expect(h.get('content-security-policy'), page).toBe(contentSecurityPolicy({ nonce: null }));
      expect(h.get('content-security-policy')).toMatch(/script-src 'self' 'unsafe-inline'/);
      expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(h.get('x-frame-options')).toBe('DENY');
      expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(h.get('strict-transport-security')).toBeUndefined();
      expect(headersFor(page, { 'x-forwarded-proto': 'https' }).get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    }
    for (const page of ['/cart', '/products', '/account', '/listings', '/shops', '/searching']) expect(headersFor(page).size, page).toBe(0);
  });

  it('runs on every page that is not cached, and not on API routes or static files', () => {
    const first = config.matcher[0];
    if (typeof first === 'string') throw new Error('the first matcher has a missing-header condition');
    const source = new RegExp(`^${first.source.replace('/(', '/(?:')}$`);
    for (const page of ['/cart', '/products', '/design', '/admin/mockups', '/dev/outbox', '/orders/abc']) expect(source.test(page), page).toBe(true);
    for (const other of ['/api/cart/items', '/_next/static/chunks/a.js', '/r/abc.png', '/favicon.ico']) expect(source.test(other), other).toBe(false);
    // Exactly the cached pages are left to next.config's headers.
    for (const page of ['/', '/products/hoodie', '/products/tee', '/listings/a-b', '/shops/k', '/search/mug', '/searching', '/cart', '/products', '/listings', '/shops'])
      expect(source.test(page), page).toBe(!isCachedPage(page));
  });

  it("sends /search?q=… to that query's cached page, with the policy without a nonce", () => {
    expect(config.matcher).toContain('/search'); // prefetches of /search?q=… too
    const res = proxy(new NextRequest(`${PUBLIC}/search?q=${encodeURIComponent('  Red hearts/50% ')}&page=2`));
    const target = new URL(res.headers.get('x-middleware-rewrite') ?? 'http://x/none');
    expect(target.pathname).toBe(`/search/${encodeURIComponent('Red hearts/50%')}`);
    expect(target.searchParams.get('q')).toBeNull();
    expect(target.searchParams.get('page')).toBe('2');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ nonce: null }));
    expect(res.headers.get('x-middleware-request-x-nonce')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    // No query (or only spaces): the search page itself.
    for (const url of ['/search', '/search?q=', '/search?q=%20%20']) expect(proxy(new NextRequest(`${PUBLIC}${url}`)).headers.get('x-middleware-rewrite'), url).toBeNull();
  });

  it('allows the eval React needs only in development', () => {
    expect(contentSecurityPolicy({ nonce: 'n', dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: 'n' })).not.toContain("'unsafe-eval'");
  });
});

describe('state-changing API requests from another site', () => {
  const post = (headers: Record<string, string>) =>
    cartPost(new Request(`${PUBLIC}/api/cart/items`, { method: 'POST', headers: { 'content-type': 'application/json', host: 'localhost:3000', ...headers }, body: '{}' }), undefined);

  it('are refused with 403 through a real route handler', async () => {
    const res = await post({ origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { message: 'This request came from another site and was refused.', code: 'forbidden' } });
    expect((await post({ origin: 'null' })).status).toBe(403);
  });

  it('are let through from PUBLIC_URL, the Host the request was sent to, or without Origin', () => {
    const req = (method: string, headers: Record<string, string>) => new Request('http://0.0.0.0:3000/api/x', { method, headers });
    expect(() => assertSameOrigin(req('POST', { origin: PUBLIC }), PUBLIC)).not.toThrow();
    expect(() => assertSameOrigin(req('PATCH', { origin: 'http://192.168.1.5:3000', host: '192.168.1.5:3000' }), PUBLIC)).not.toThrow();
    expect(() => assertSameOrigin(req('POST', {}), PUBLIC)).not.toThrow(); // Stripe, factories, curl
    expect(() => assertSameOrigin(req('GET', { origin: 'https://evil.example' }), PUBLIC)).not.toThrow();
    expect(() => assertSameOrigin(req('DELETE', { origin: 'https://evil.example', host: 'localhost:3000' }), PUBLIC)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertSameOrigin(req('POST', { origin: 'http://localhost:3000.evil.example', host: 'localhost:3000' }), PUBLIC)).toThrow(expect.objectContaining({ status: 403 }));
  });
});
