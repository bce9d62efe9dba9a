// npm run eval:model -- [--limit N] [--seeds K] [--seed-start S0] [--steps S] [--guidance G] [--guidance-min-t T]
//                       [--scheduler ddim|dpmpp-2m|unipc] [--prompts FILE (default <model-dir>/eval_prompts.json)]
//                       [--model-dir DIR] [--out FILE.json] [--write-model-eval]
// Generates the held-out prompts of eval_prompts.json with the ONNX pipeline (the same code the
// shop runs) and measures:
//   colour      background = most frequent palette colour of the tile; motif colour = the most
//               frequent other palette colour (geometric motifs only; artwork keeps its colours)
//   motif/layout accuracy of classifier.onnx's argmax vs the expected words
//   seam        mean |Δ| across the wrap edge / mean |Δ| between interior neighbours (1.0 = as
//               smooth as the interior, i.e. seamless; > 1 = visible seam); and the wrap edge /
//               the middle line (same content phase: 1.0 = seamless even for cells that end on
//               the border)
//   diversity   mean absolute pixel difference between the K seeds of one prompt (0..1); and the
//               same up to a cyclic shift (the smallest over all shifts, at 2 px steps): a tile and
//               its shifted copy repeat into the same wallpaper, so only that part is real variety
// Prints a table; writes JSON to --out (default /tmp/seedprint-eval.json), and to
// <model-dir>/eval.json only with --write-model-eval.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { classify, sampleBase } from '../lib/generation/embedded';
import { loadModelFrom, resolveModelDir } from '../lib/generation/model-registry';
import { isScheduler } from '../lib/generation/sampler';
import { ROLES } from '../lib/generation/vocab';
import { edgeDiffs, minShiftDistance, seamRatioOf } from './eval-metrics';

// Model folders are chosen at run time: keep bundlers from tracing the whole project.
const pJoin = (...p: string[]) => path.join(/*turbopackIgnore: true*/ ...p);
const pResolve = (...p: string[]) => path.resolve(/*turbopackIgnore: true*/ ...p);

// Palette of the training renderer (models/data/pattern_tiles.py COLOR_RGB).
const PALETTE: Record<string, [number, number, number]> = {
  red: [205, 35, 40], orange: [240, 130, 30], yellow: [250, 210, 40], green: [50, 150, 60], teal: [20, 140, 140], blue: [40, 110, 220], navy: [20, 35, 90],
  purple: [120, 50, 160], pink: [245, 140, 185], brown: [120, 72, 40], black: [18, 18, 18], white: [250, 250, 250], grey: [135, 135, 135], cream: [245, 232, 200],
};
const NAMES = Object.keys(PALETTE);

function nearest(r: number, g: number, b: number): number {
  let best = 0, bd = Infinity;
  NAMES.forEach((n, i) => {
    const [pr, pg, pb] = PALETTE[n];
    const rm = (r + pr) / 2;
    const d = (2 + rm / 256) * (r - pr) ** 2 + 4 * (g - pg) ** 2 + (2 + (255 - rm) / 256) * (b - pb) ** 2;
    if (d < bd) {
      bd = d;
      best = i;
    }
  });
  return best;
}

/** Palette histogram of one NCHW [-1,1] image. */
function paletteCounts(x: Float32Array, i: number, R: number): number[] {
  const plane = R * R, off = i * 3 * plane;
  const counts = new Array(NAMES.length).fill(0);
  const q = (v: number) => Math.round((Math.max(-1, Math.min(1, v)) + 1) * 127.5);
  for (let p = 0; p < plane; p++) counts[nearest(q(x[off + p]), q(x[off + plane + p]), q(x[off + 2 * plane + p]))]++;
  return counts;
}

async function main() {
  const { values } = parseArgs({
    options: {
      limit: { type: 'string' },
      seeds: { type: 'string', default: '2' },
      steps: { type: 'string' },
      guidance: { type: 'string' },
      'guidance-min-t': { type: 'string' },
      scheduler: { type: 'string' },
      'model-dir': { type: 'string' },
      out: { type: 'string', default: '/tmp/seedprint-eval.json' },
      'write-model-eval': { type: 'boolean', default: false },
      batch: { type: 'string', default: '8' },
      'seed-start': { type: 'string', default: '1000' },
      prompts: { type: 'string' },
    },
  });
  const dir = values['model-dir'] ? pResolve(values['model-dir']) : resolveModelDir();
  const m = await loadModelFrom(dir);
  const R = m.manifest.resolution;
  // --prompts: another prompt file of the same format (e.g. make_vocab.py --rephrase SEED OUT.json)
  const evalFile = values.prompts ? pResolve(values.prompts) : pJoin(dir, 'eval_prompts.json');
  if (!fs.existsSync(evalFile)) throw new Error(`${evalFile} not found`);
  let prompts = (JSON.parse(fs.readFileSync(evalFile, 'utf8')).prompts as { prompt: string; expected: Record<string, string | null>; ids: number[] }[]);
  if (values.limit) prompts = prompts.slice(0, Number(values.limit));
  const K = Math.max(1, Number(values.seeds));
  const steps = Number(values.steps ?? m.manifest.defaults.steps);
  const guidance = Number(values.guidance ?? m.manifest.defaults.guidance);
  // the model's default interval unless given; 0 = guidance at every step
  const guidanceMinT = Number(values['guidance-min-t'] ?? m.manifest.defaults.guidanceMinT ?? 0) || undefined;
  const scheduler = values.scheduler ?? m.manifest.defaults.scheduler;
  if (!isScheduler(scheduler)) throw new Error(`unknown scheduler ${scheduler}`);
  const batch = Math.max(1, Number(values.batch));

  // every (prompt, seed) job; parser ids must equal the file's (else the eval is of the wrong thing)
  const jobs: { p: number; seed: number; tokens: number[] }[] = [];
  let parserMismatch = 0;
  prompts.forEach((pr, p) => {
    const tokens = m.parser.parse(pr.prompt).tokens;
    if (tokens.join() !== pr.ids.join()) parserMismatch++;
    for (let k = 0; k < K; k++) jobs.push({ p, seed: Number(values['seed-start']) + k, tokens: pr.ids });
  });

  const t0 = performance.now();
  const rows = prompts.map(() => ({ bg: [] as boolean[], mc: [] as boolean[], motif: [] as boolean[], layout: [] as boolean[], clsBg: [] as boolean[], clsMc: [] as boolean[], clsScale: [] as boolean[], seam: [] as number[], wrap: [] as number[], mid: [] as number[], imgs: [] as Float32Array[], motifSeen: [] as string[] }));
  const motifWords = m.vocab.words.motif, layoutWords = m.vocab.words.layout;
  for (let s = 0; s < jobs.length; s += batch) {
    const chunk = jobs.slice(s, s + batch);
    const x = await sampleBase(m, { tokens: chunk.map((j) => j.tokens), seeds: chunk.map((j) => j.seed), steps, guidance, guidanceMinT, scheduler });
    const cls = m.classifier ? await classify(m, x, chunk.length) : null;
    const nM = cls ? cls.motif.length / chunk.length : 0, nL = cls ? cls.layout.length / chunk.length : 0;
    chunk.forEach((j, i) => {
      const exp = prompts[j.p].expected;
      const row = rows[j.p];
      const counts = paletteCounts(x, i, R);
      const order = counts.map((c, k) => [c, k]).sort((a, b) => b[0] - a[0]).map(([, k]) => NAMES[k]);
      if (exp.background) row.bg.push(order[0] === exp.background);
      if (exp.motif_color) row.mc.push(order.slice(0, 3).filter((n) => n !== exp.background).includes(exp.motif_color));
      if (cls) {
        const arg = (a: Float32Array, off: number, n: number) => {
          let b = 0;
          for (let k = 1; k < n; k++) if (a[off + k] > a[off + b]) b = k;
          return b;
        };
        // logits over the words, with or without the null entry at 0
        const mi = arg(cls.motif, i * nM, nM) - (nM === motifWords.length + 1 ? 1 : 0);
        const li = arg(cls.layout, i * nL, nL) - (nL === layoutWords.length + 1 ? 1 : 0);
        if (exp.motif) row.motif.push(motifWords[mi] === exp.motif);
        row.motifSeen.push(motifWords[mi]);
        if (exp.layout) row.layout.push(layoutWords[li] === exp.layout);
        // optional heads: background [14] (i = words[i+1]), scale [3], motif_color [15] (0 = none)
        const head = (name: string, words: string[], withNull: boolean) => {
          const a = cls[name];
          if (!a) return undefined;
          const n = a.length / chunk.length;
          const k = arg(a, i * n, n);
          return withNull ? (k === 0 ? null : words[k - 1]) : words[k];
        };
        const bgW = head('background', m.vocab.words.background, false);
        if (bgW !== undefined && exp.background) row.clsBg.push(bgW === exp.background);
        const scW = head('scale', m.vocab.words.scale, false);
        if (scW !== undefined && exp.scale) row.clsScale.push(scW === exp.scale);
        const mcW = head('motif_color', m.vocab.words.motif_color, true);
        if (mcW !== undefined && exp.motif && !m.vocab.artwork.has(exp.motif)) row.clsMc.push(mcW === (exp.motif_color ?? null));
      }
      const e = edgeDiffs(x, i, R);
      row.seam.push(seamRatioOf(e));
      row.wrap.push(e.wrap);
      row.mid.push(e.mid);
      row.imgs.push(x.slice(i * 3 * R * R, (i + 1) * 3 * R * R));
    });
    process.stderr.write(`\r${Math.min(s + batch, jobs.length)}/${jobs.length} images`);
  }
  process.stderr.write('\n');
  const mean = (a: number[]) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : NaN);
  const rate = (k: 'bg' | 'mc' | 'motif' | 'layout' | 'clsBg' | 'clsMc' | 'clsScale') => mean(rows.flatMap((r) => r[k].map(Number)));
  const pairs = (dist: (a: Float32Array, b: Float32Array) => number) =>
    mean(
      rows.flatMap((r) => {
        const d: number[] = [];
        for (let a = 0; a < r.imgs.length; a++) for (let b = a + 1; b < r.imgs.length; b++) d.push(dist(r.imgs[a], r.imgs[b]));
        return d;
      }),
    );
  const diversity = pairs((a, b) => {
    let s = 0;
    for (let k = 0; k < a.length; k++) s += Math.abs(a[k] - b[k]);
    return s / a.length / 2;
  });
  const diversityUpToShift = pairs((a, b) => minShiftDistance(a, b, R));
  const byKind = (artwork: boolean) => {
    const sel = rows.filter((_, p) => m.vocab.artwork.has(prompts[p].expected.motif ?? '') === artwork);
    return { prompts: sel.length, motifAccuracy: mean(sel.flatMap((r) => r.motif.map(Number))), backgroundMatch: mean(sel.flatMap((r) => r.bg.map(Number))) };
  };
  // Accuracy per expected word of one role: which motifs / layouts / scales the model gets wrong.
  const breakdown = (role: 'motif' | 'layout' | 'scale', k: 'motif' | 'layout') => {
    const out: Record<string, { n: number; accuracy: number }> = {};
    for (const word of m.vocab.words[role]) {
      const sel = rows.filter((_, p) => prompts[p].expected[role] === word).flatMap((r) => r[k].map(Number));
      if (sel.length) out[word] = { n: sel.length, accuracy: mean(sel) };
    }
    return out;
  };
  // What the classifier saw instead, per expected motif (its most frequent wrong answer).
  const confusions: Record<string, { seenAs: string; share: number }> = {};
  for (const word of m.vocab.words.motif) {
    const seen = rows.filter((_, p) => prompts[p].expected.motif === word).flatMap((r) => r.motifSeen).filter((w) => w !== word);
    const n = rows.filter((_, p) => prompts[p].expected.motif === word).reduce((a, r) => a + r.motifSeen.length, 0);
    const counts = new Map<string, number>();
    for (const w of seen) counts.set(w, (counts.get(w) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (top) confusions[word] = { seenAs: top[0], share: top[1] / n };
  }
  // What the classifier scores on clean renders of these same prompts (train_classifier.py writes it
  // into the manifest): the most a perfect generator could get from this judge.
  type ClassifierInfo = { evalPromptRenderAccuracy?: { motif?: number; layout?: number } };
  const clsInfo = (m.manifest.raw.eval as { classifier?: ClassifierInfo } | undefined)?.classifier;
  const ceiling = clsInfo?.evalPromptRenderAccuracy ? { motif: clsInfo.evalPromptRenderAccuracy.motif ?? null, layout: clsInfo.evalPromptRenderAccuracy.layout ?? null } : null;
  const result = {
    model: { id: m.manifest.id, version: m.manifest.version, baseSha256: m.manifest.files.base.sha256, modelSha256: m.manifest.modelSha256, dir: path.relative(process.cwd(), dir) },
    settings: { promptFile: values.prompts ?? null, prompts: prompts.length, seedsPerPrompt: K, seedStart: Number(values['seed-start']), steps, guidance, guidanceMinT: guidanceMinT ?? null, scheduler, roles: ROLES },
    metrics: {
      backgroundColourMatch: rate('bg'),
      motifColourMatch: rate('mc'),
      motifAccuracy: m.classifier ? rate('motif') : null,
      layoutAccuracy: m.classifier ? rate('layout') : null,
      classifierBackgroundAccuracy: rate('clsBg'),
      classifierMotifColourAccuracy: rate('clsMc'),
      classifierScaleAccuracy: rate('clsScale'),
      seamRatio: mean(rows.flatMap((r) => r.seam)),
      seamRatioP95: rows.flatMap((r) => r.seam).sort((a, b) => a - b)[Math.floor(0.95 * (rows.length * K - 1))],
      seamVsMidline: mean(rows.flatMap((r) => r.wrap)) / mean(rows.flatMap((r) => r.mid)),
      diversity,
      diversityUpToShift,
      geometric: byKind(false),
      artwork: byKind(true),
      motifAccuracyByMotif: breakdown('motif', 'motif'),
      motifAccuracyByScale: breakdown('scale', 'motif'),
      layoutAccuracyByLayout: breakdown('layout', 'layout'),
      layoutAccuracyByMotif: breakdown('motif', 'layout'),
      motifConfusions: confusions,
      classifierCeiling: ceiling,
    },
    parserMismatches: parserMismatch,
    seconds: (performance.now() - t0) / 1000,
    createdAt: new Date().toISOString(),
  };
  const f = (v: number | null) => (v === null || Number.isNaN(v) ? '  n/a' : v.toFixed(3));
  const M = result.metrics;
  console.log(`\nseedprint eval — ${m.manifest.id} ${m.manifest.version} — ${prompts.length} held-out prompts × ${K} seeds, ${scheduler} ${steps} steps, guidance ${guidance}${guidanceMinT ? ` at t ≥ ${guidanceMinT}` : ''}\n`);
  console.log('metric                       value   note');
  console.log('---------------------------  ------  ----------------------------------------------');
  console.log(`background colour match      ${f(M.backgroundColourMatch)}   most frequent palette colour = expected`);
  console.log(`motif colour match           ${f(M.motifColourMatch)}   expected colour among the top non-background colours`);
  console.log(`motif accuracy (classifier)  ${f(M.motifAccuracy)}   geometric ${f(M.geometric.motifAccuracy)}, artwork ${f(M.artwork.motifAccuracy)}`);
  console.log(`layout accuracy (classifier) ${f(M.layoutAccuracy)}`);
  if (ceiling) console.log(`classifier on clean renders  ${f(ceiling.motif)} / ${f(ceiling.layout)}  motif / layout on clean renders of the 240 eval prompts: the ceiling`);
  console.log(`classifier bg / mc / scale   ${f(M.classifierBackgroundAccuracy)}   motif colour ${f(M.classifierMotifColourAccuracy)}, scale ${f(M.classifierScaleAccuracy)} (when the heads exist)`);
  console.log(`seam ratio (mean / p95)      ${f(M.seamRatio)}   p95 ${f(M.seamRatioP95)}; 1.0 = edge as smooth as interior`);
  console.log(`seam vs middle line          ${f(M.seamVsMidline)}   wrap edge / middle line (same content phase); 1.0 = seamless`);
  console.log(`diversity across seeds       ${f(M.diversity)}   mean |Δpixel| between seeds of a prompt (0..1)`);
  console.log(`  up to a cyclic shift       ${f(M.diversityUpToShift)}   the same after the best shift of one tile (the wallpapers' difference)`);
  console.log(`parser mismatches            ${parserMismatch}       prompts whose TS parse differs from the file's ids`);
  console.log(`time                         ${result.seconds.toFixed(1)} s`);
  fs.writeFileSync(values.out!, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${values.out}`);
  if (values['write-model-eval']) {
    const target = pJoin(dir, 'eval.json');
    fs.writeFileSync(target, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`wrote ${target}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
