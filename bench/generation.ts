// Generation benchmarks (called by bench/run.ts). Uses the model the shop would load
// (models/seedprint-tiny-v1, or GENERATION_MODEL_DIR), on this machine's CPU/GPU.
//   generation.candidates4_ms      prompt -> 4 PNG candidates (one batch, CFG, default steps), median
//   generation.candidates4_every_step_cfg_ms  the same with guidance at every step (no interval)
//   generation.unet_call_ms        one base UNet call at batch 8 (4 candidates x cond/uncond), median
//   generation.onnx_vs_torch_speedup  torch sampling time / ONNX sampling time, same work
//                                  (4 candidates x steps, CFG), via models/sample_torch.py
//   generation.upscale4x_ms        64 -> 256 px SR upscale of one tile (PNG in, PNG out), median
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Metrics } from './types';

const run = promisify(execFile);

function median(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const r1 = (v: number) => Math.round(v * 10) / 10;

export async function benchGeneration(): Promise<Metrics> {
  const gen = await import('../lib/generation');
  const { sampleBase } = await import('../lib/generation/embedded');
  const { loadModel, generationSettings } = await import('../lib/generation/model-registry');
  const m = await loadModel();
  const prompt = 'small red hearts on navy, half-drop';
  const tokens = m.parser.parse(prompt).tokens;
  const { steps, guidance } = m.manifest.defaults;
  const threads = generationSettings().GENERATION_INTRA_OP_THREADS;
  const note = `${m.manifest.id}${path.resolve(m.manifest.dir).includes('fixtures') ? ' (random stand-in)' : ''}, ${steps} steps, guidance ${guidance}${m.manifest.defaults.guidanceMinT ? ` at t ≥ ${m.manifest.defaults.guidanceMinT}` : ''}, ${threads} threads, ${m.provider}`;

  // warm-up (first run allocates arenas)
  await gen.generateCandidates({ prompt, seed: 1 });

  // 5 timed runs of 4 candidates (seeds 10, 14, ...), with the model's default guidance or `over` it
  const timeCandidates = async (over: { guidanceMinT?: number } = {}) => {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await gen.generateCandidates({ prompt, seed: 10 + i * 4, ...over });
      ms.push(performance.now() - t);
    }
    return ms;
  };
  const cand = await timeCandidates();
  // the same with guidance at every step (the default before guidance intervals), side by side
  const candEvery = await timeCandidates({ guidanceMinT: 0 });

  const calls: number[] = [];
  const sampling: number[] = [];
  // 7 runs a side: torch's run-to-run spread on 2 cores is ±10 %, a median of 3 swung the ratio 1.3-1.6
  const RUNS = 7;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await sampleBase(m, { tokens, seeds: [1, 2, 3, 4], steps, guidance, scheduler: 'ddim', onUnetCall: (ms) => void calls.push(ms) });
    sampling.push(performance.now() - t);
  }

  const [c] = (await gen.generateCandidates({ prompt, seed: 99, count: 1 })).candidates;
  await gen.upscale(c.png, 4); // warm-up of the SR session
  const up: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await gen.upscale(c.png, 4);
    up.push(performance.now() - t);
  }

  const out: Metrics = {
    'generation.candidates4_ms': { value: r1(median(cand)), unit: 'ms', goal: 400, better: 'lower', note },
    'generation.candidates4_every_step_cfg_ms': { value: r1(median(candEvery)), unit: 'ms', better: 'lower', note: 'the same 4 candidates with guidance at every step (no interval)' },
    'generation.unet_call_ms': { value: r1(median(calls)), unit: 'ms', better: 'lower', note: 'batch 8 (4 candidates x cond/uncond)' },
    'generation.upscale4x_ms': { value: r1(median(up)), unit: 'ms', better: 'lower', note: `64->256, ${m.manifest.srSteps} SR steps` },
  };

  // torch reference, same work: 4 candidates x steps with CFG (skipped if the script is absent).
  // Its weights are rebuilt from the shipped ONNX (2 s) into a temporary folder, so it runs on a fresh
  // checkout and never times a training checkpoint that differs from what the shop serves.
  const script = path.resolve('models/sample_torch.py');
  if (fs.existsSync(script)) {
    const ckpt = fs.mkdtempSync(path.join(os.tmpdir(), 'seedprint-bench-ckpt-'));
    try {
      await run('/usr/bin/python3', [path.resolve('models/ckpt_from_onnx.py'), '--stages', 'base,base-hi', '--model-dir', m.manifest.dir, '--out', ckpt], { timeout: 120_000 });
      const { stdout } = await run('/usr/bin/python3', [script, '--prompt-ids', tokens.join(','), '--steps', String(steps), '--guidance', String(guidance), '--n', '4', '--threads', String(threads), '--repeat', String(RUNS)], {
        timeout: 300_000,
        maxBuffer: 1 << 20,
        env: { ...process.env, SEEDPRINT_CKPT: ckpt },
      });
      const last = stdout.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
      const torchMs = last ? Number(JSON.parse(last).ms) : NaN;
      if (Number.isFinite(torchMs) && torchMs > 0) {
        out['generation.onnx_vs_torch_speedup'] = {
          value: Math.round((torchMs / median(sampling)) * 100) / 100,
          unit: 'x',
          goal: 1.5,
          better: 'higher',
          note: `torch ${r1(torchMs)} ms vs onnxruntime ${r1(median(sampling))} ms for 4 x ${steps} steps`,
        };
      }
    } catch (err) {
      console.warn(`[bench] torch reference skipped: ${(err as Error).message.split('\n')[0]}`);
    } finally {
      fs.rmSync(ckpt, { recursive: true, force: true });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchGeneration().then((r) => console.log(JSON.stringify(r, null, 2)));
}
