import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  const base = env().PUBLIC_URL.replace(/\/$/, '');
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/account', '/orders', '/dev', '/cart', '/checkout'] }],
    sitemap: `${base}/sitemap.xml`,
    host: base,
  };
}
