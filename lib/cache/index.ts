// Public API of lib/cache: short-lived, bounded in-process caches of public data.
export { clearCache, ttlCache, type TtlCache } from './ttl-cache';
