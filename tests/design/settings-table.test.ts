// The README's settings table and lib/env.ts's schema name the same variables, no more, no fewer.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../lib/env';

function readmeSettings(): string[] {
  const lines = fs.readFileSync('README.md', 'utf8').split('\n');
  const start = lines.findIndex((l) => /^\|\s*variable\s*\|\s*default\s*\|/.test(l));
  expect(start, 'README has a settings table').toBeGreaterThan(-1);
  const names: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const first = line.split('|')[1];
    names.push(...[...first.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]));
  }
  return names;
}

describe('settings table', () => {
  it('lists every lib/env.ts setting exactly once and nothing else', () => {
    const table = readmeSettings();
    expect(new Set(table).size, 'no variable listed twice').toBe(table.length);
    expect([...table].sort()).toEqual([...SETTINGS].sort());
  });
});
