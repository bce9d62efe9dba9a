import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { env } from '@/lib/env';
import { isTestMode } from '@/lib/payments';
import { SessionSummaryProvider } from './_components/session-summary';
import { SiteFooter } from './_components/site-footer';
import { SiteHeader } from './_components/site-header';
import { TestModeBanner } from './_components/test-mode-banner';

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(env().PUBLIC_URL),
    title: { default: 'Seedprint — patterns nobody has designed yet', template: '%s · Seedprint' },
    description:
      'Design a seamless pattern with our on-server diffusion model and get it printed on hoodies, tees, mugs, totes, posters and phone cases.',
    applicationName: 'Seedprint',
    openGraph: { siteName: 'Seedprint', type: 'website', locale: 'en_US' },
    twitter: { card: 'summary_large_image' },
    icons: { icon: '/icon.svg' },
  };
}

export const viewport: Viewport = { themeColor: '#186241', width: 'device-width', initialScale: 1 };

// The layout reads no cookies: the header asks /api/session from the browser, so pages that
// are the same for everyone (product pages) can be served statically.
export default function RootLayout({ children }: { children: ReactNode }) {
  const testMode = isTestMode();
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <a href="#main" className="sr-only z-50 rounded-lg bg-white px-4 py-2 font-semibold text-brand-800 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
          Skip to content
        </a>
        <SessionSummaryProvider>
          {testMode ? <TestModeBanner /> : null}
          <SiteHeader />
          <div id="main" className="flex-1">
            {children}
          </div>
          <SiteFooter testMode={testMode} />
        </SessionSummaryProvider>
      </body>
    </html>
  );
}
