/**
 * Keeps a post-sign-in destination on this site: only a path ("/account?x=1"), never another
 * origin, a protocol-relative "//host" or a backslash trick. Anything else becomes `fallback`.
 */
export function safeCallbackPath(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f]/.test(value)) return fallback;
  try {
    const u = new URL(value, 'http://seedprint.invalid');
    if (u.origin !== 'http://seedprint.invalid') return fallback;
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return fallback;
  }
}

export function signInPath(callbackUrl?: string, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ ...(callbackUrl ? { callbackUrl: safeCallbackPath(callbackUrl, '/') } : {}), ...extra });
  const s = q.toString();
  return s ? `/signin?${s}` : '/signin';
}

/**
 * Where Auth.js may send the browser after signing in or out: always on PUBLIC_URL (never the
 * address the server is bound to, such as http://0.0.0.0:3000). A path, or a URL on PUBLIC_URL's
 * origin, is kept; anything else (another site, a malformed value) becomes `fallback`.
 */
export function resolveAuthRedirect(url: string, publicUrl: string, fallback = '/'): string {
  const origin = new URL(publicUrl).origin;
  if (url.startsWith('/')) return `${origin}${safeCallbackPath(url, fallback)}`;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return `${origin}${fallback}`;
  }
  if (target.origin !== origin) return `${origin}${fallback}`;
  return `${origin}${safeCallbackPath(`${target.pathname}${target.search}${target.hash}`, fallback)}`;
}

/**
 * The same request addressed to PUBLIC_URL's origin. Next.js hands route handlers a URL built
 * from the bind address (http://0.0.0.0:PORT), and Auth.js builds every redirect from it.
 */
export function publicAuthUrl(requestUrl: string, publicUrl: string): string {
  const u = new URL(requestUrl);
  const pub = new URL(publicUrl);
  return `${pub.origin}${u.pathname}${u.search}`;
}
