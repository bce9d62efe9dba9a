// Route templates for metric labels: /api/listings/ck123 is counted as /api/listings/[id], so
// the number of series stays the number of routes, whatever paths clients invent. Templates
// come from the app/ folder (route.ts and page.tsx files), read once.
import fs from 'node:fs';
import path from 'node:path';

type Template = { route: string; pattern: RegExp; dynamic: number; catchAll: boolean };

function segmentPattern(seg: string): { re: string; dynamic: boolean } {
  if (/^\[\[\.\.\..+\]\]$/.test(seg)) return { re: '(?:/.*)?', dynamic: true };
  if (/^\[\.\.\..+\]$/.test(seg)) return { re: '/.+', dynamic: true };
  if (/^\[.+\]$/.test(seg)) return { re: '/[^/]+', dynamic: true };
  return { re: `/${seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, dynamic: false };
}

export function compileTemplates(routes: readonly string[]): Template[] {
  return routes
    .map((route) => {
      const segs = route.split('/').filter(Boolean);
      const parts = segs.map(segmentPattern);
      return { route, pattern: new RegExp(`^${parts.map((p) => p.re).join('')}/?$`), dynamic: parts.filter((p) => p.dynamic).length, catchAll: segs.some((x) => x.startsWith('[...') || x.startsWith('[[...')) };
    })
    // As Next.js matches: static first, then fewer dynamic segments, catch-alls last.
    .sort((a, b) => Number(a.catchAll) - Number(b.catchAll) || a.dynamic - b.dynamic || b.route.length - a.route.length);
}

/** Every route of the app: folders holding route.ts or page.tsx, without (groups) and @slots. */
export function appRoutes(appDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, segs: string[]) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && /^(route|page)\.(ts|tsx|js|jsx)$/.test(e.name))) out.push(`/${segs.join('/')}`);
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('_') || e.name.startsWith('@')) continue;
      walk(path.join(dir, e.name), /^\(.+\)$/.test(e.name) ? segs : [...segs, e.name]);
    }
  };
  walk(appDir, []);
  return out;
}

let cached: Template[] | undefined;

/** The template a path belongs to: the route, `static` for build assets, or `unmatched`. */
export function routeOf(pathname: string, templates: Template[] = (cached ??= compileTemplates(appRoutes(path.resolve('app'))))): string {
  if (pathname.startsWith('/_next/')) return 'static';
  for (const t of templates) if (t.pattern.test(pathname)) return t.route;
  return 'unmatched';
}
