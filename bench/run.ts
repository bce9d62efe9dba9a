// `npm run bench`: runs each area's benchmarks, prints a table, writes bench/results.json.
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrerequisites } from './prerequisites';
import type { Metrics } from './types';

const areas: Record<string, () => Promise<Metrics>> = {
  generation: async () => (await import('./generation')).benchGeneration(),
  mockup: async () => (await import('./mockup')).benchMockup(),
  print: async () => (await import('./print')).benchPrint(),
  pattern: async () => (await import('./pattern')).benchPattern(),
  tryon: async () => (await import('./tryon')).benchTryon(),
  http: async () => (await import('./http')).benchHttp(),
  scale: async () => (await import('./scale')).benchScale(),
};

const only = process.argv.slice(2);
const results: Metrics = {};
const wants = (area: string) => !only.length || only.includes(area);
if (wants('generation') || wants('mockup')) ensurePrerequisites();
for (const [name, run] of Object.entries(areas)) {
  if (only.length && !only.includes(name)) continue;
  if (!fs.existsSync(path.join(import.meta.dirname, `${name}.ts`))) continue;
  console.log(`running ${name}…`);
  try {
    Object.assign(results, await run());
  } catch (err) {
    console.error(`${name} failed:`, err);
    process.exitCode = 1;
  }
}

// Side-by-side comparisons: one that did not run is a failed row, not a missing one.
const COMPARISONS: [string, string, number][] = [
  ['generation', 'generation.onnx_vs_torch_speedup', 1.5],
  ['mockup', 'mockup.vs_imagemagick_speedup', 2],
];
for (const [area, key, goal] of COMPARISONS) {
  if (wants(area) && !results[key]) {
    results[key] = { value: 0, unit: 'x', goal, better: 'higher', note: 'comparison did not run (see the errors above)' };
    console.error(`[bench] ${key}: the comparison did not run`);
    process.exitCode = 1;
  }
}

const rows = Object.entries(results).map(([k, m]) => {
  const ok = m.goal === undefined ? '' : (m.better === 'lower' ? m.value <= m.goal : m.value >= m.goal) ? 'yes' : 'NO';
  return [k, String(m.value), m.unit, m.goal === undefined ? '' : `${m.better === 'lower' ? '≤' : '≥'} ${m.goal}`, ok];
});
const head = ['metric', 'value', 'unit', 'goal', 'met'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);

const file = path.join(import.meta.dirname, 'results.json');
const previous = fs.existsSync(file) && only.length ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
fs.writeFileSync(file, JSON.stringify({ ...previous, ...Object.fromEntries(Object.entries(results).map(([k, m]) => [k, { value: m.value, unit: m.unit, goal: m.goal, better: m.better }])) }, null, 2) + '\n');
console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
