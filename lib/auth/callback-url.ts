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
