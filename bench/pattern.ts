// The pattern engine: how fast a prompt is understood (p95 over the 157 shopper requests, after
// the first load), and four candidates with their 512 px previews, as the studio makes them.
import fs from 'node:fs';
import path from 'node:path';
import { generateCandidates } from '../lib/generation';
import { motifLibrary, understandPrompt } from '../lib/pattern';
import type { Metrics } from './types';

export async function benchPattern(): Promise<Metrics> {
  const { prompts } = JSON.parse(fs.readFileSync(path.resolve('scripts/pattern/eval-prompts.json'), 'utf8')) as { prompts: { prompt: string }[] };
  const t0 = performance.now();
  motifLibrary();
  understandPrompt('warm up');
  const loadMs = performance.now() - t0;
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const { prompt } of prompts) {
      const t = performance.now();
      understandPrompt(prompt);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)];
  await generateCandidates({ prompt: 'skulls and roses', seed: 1, engine: 'auto' }); // fonts, art and sharp warm
  const runs: number[] = [];
  for (const [i, prompt] of ['lemons on light blue', 'gatos y perros', 'my name Alice in pink script', 'red tartan', 'hearts, no red'].entries()) {
    const t = performance.now();
    await generateCandidates({ prompt, seed: 100 + i, engine: 'auto' });
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return {
    'pattern.understand_p95_ms': { value: r1(p95), unit: 'ms', goal: 5, better: 'lower', note: `${times.length} parses of the 157 eval requests; first load of the motif and name index ${Math.round(loadMs)} ms` },
    'pattern.candidates4_ms': { value: r1(runs[Math.floor(runs.length / 2)]), unit: 'ms', goal: 400, better: 'lower', note: 'median of 5 prompts: understand, 4 specs, 4 previews at 512 px with recipes' },
  };
}
