// How engine version 2 arranges a tossed pattern the way a surface designer would: a few hero
// motifs spread evenly, smaller companions and accents in the spaces between them, gentle
// rotation, then small fillers (dots, sparkles, sprigs) where cloth would otherwise show bare.
// Best-candidate sampling on the torus keeps the spacing even, so there are no holes or clumps.
import type { PatternSpec, Placement } from './compose';
import type { Steer } from './ground';
import { mulberry32 } from './textures/random';
import { TILE, type Hex } from './types';
import type { Density, Scale } from './understand';

/** Hero motif size in tile units: at 384 px a tile, medium heroes are ~100 px across. */
const HERO: Record<Scale, number> = { tiny: 140, small: 195, medium: 265, large: 340, giant: 560 };
/** How far apart motifs keep, in sums of their radii. */
const GAP: Record<Density, number> = { sparse: 1.45, normal: 1.06, dense: 0.9 };
/** Share of the tile heroes cover; companions and accents fill what they leave. */
const HERO_COVER: Record<Density, number> = { sparse: 0.12, normal: 0.2, dense: 0.26 };
/** Version 3 sparse: heroes this much larger, covering this share of the tile. */
const FEW_SCALE = 1.15;
const FEW_COVER = 0.2;
const TIERS = [
  { scale: 1, per: 1 },
  { scale: 0.68, per: 2 },
  { scale: 0.47, per: 3 },
];
const r2 = (v: number) => Math.round(v * 100) / 100;
export const FILLER_ITEM = -2;
// Caps that keep a tile quick to rasterise (four 512 px previews well under 100 ms).
const MAX_MOTIFS = 48;
const MAX_FILLERS = 48;

const torusDist = (ax: number, ay: number, bx: number, by: number) => {
  const dx = Math.min(Math.abs(ax - bx), TILE - Math.abs(ax - bx));
  const dy = Math.min(Math.abs(ay - by), TILE - Math.abs(ay - by));
  return Math.sqrt(dx * dx + dy * dy);
};

/** Radius a placement keeps clear: motif art fills ~90% of its box; lettering is wide. */
const radius = (p: Placement) => (p.item === -1 ? p.size * 0.75 : p.item === FILLER_ITEM ? p.size * 0.5 : p.size * 0.45);

/** The clearance a new circle at (x, y) with radius r would have, given the gap factor. */
function clearance(out: Placement[], x: number, y: number, r: number, gap: number): number {
  let c = Infinity;
  for (const p of out) {
    const d = torusDist(x, y, p.x, p.y) - (radius(p) + r) * gap;
    if (d < c) c = d;
  }
  return c;
}

/**
 * Tossed motifs in three sizes (hero, companion, accent); `count` asks for that many heroes only.
 * Positions always come from the even best-candidate scatter, with or without `steer`: spacing
 * decides whether a pattern looks good, so the diffusion field (ground.ts) never moves a motif.
 * It decides only what leaves spacing alone (see `steerPlacements`).
 */
export function scatterV2(spec: PatternSpec, seed: number, steer?: Steer): Placement[] {
  const { out, tiers, nominal } = evenScatter(spec, seed);
  return steer ? steerPlacements(out, tiers, nominal, spec.scale === 'giant' ? Math.min(1, GAP[spec.density]) : GAP[spec.density], spec.motifs.length, steer, (spec.v ?? 1) >= 3) : out;
}

function evenScatter(spec: PatternSpec, seed: number) {
  const rand = mulberry32(seed ^ 0x85ebca6b);
  const k = Math.max(1, spec.motifs.length);
  // Version 3, sparse ("just a few", "minimal", "lots of space"): a few larger heroes and nothing
  // between them but ground.
  const few = (spec.v ?? 1) >= 3 && spec.density === 'sparse';
  const hero = HERO[spec.scale] * (spec.count && spec.count <= 4 ? 1.15 : few ? FEW_SCALE : 1);
  // Giant motifs ask for size over air: they keep only their own width apart, so two fit a tile.
  const gap = spec.scale === 'giant' ? Math.min(1, GAP[spec.density]) : GAP[spec.density];
  const heroes = spec.count ?? (few ? Math.max(3, Math.round((TILE * TILE * FEW_COVER) / (hero * hero))) : Math.max(2, Math.round((TILE * TILE * HERO_COVER[spec.density]) / (hero * hero))));
  const out: Placement[] = [];
  const tiers: number[] = [];
  const nominal: number[] = [];
  const levels = spec.count || few ? TIERS.slice(0, 1) : TIERS;
  // Version 3 turns motifs less: a hand-set tilt, not a jumble.
  const turnRange = (spec.v ?? 1) >= 3 ? 24 : 40;
  for (const [t, tier] of levels.entries()) {
    const size = hero * tier.scale;
    const want = t === 0 ? heroes : Math.max(k, heroes * tier.per) + (spec.density === 'dense' ? heroes * 2 : 0);
    let misses = 0;
    for (let n = 0; n < want && misses < 4 && out.length < MAX_MOTIFS; ) {
      // Best of several random spots: the one with the most room keeps spacing even.
      let best = { x: 0, y: 0, c: -Infinity };
      for (let s = 0; s < 14; s++) {
        const x = rand() * TILE;
        const y = rand() * TILE;
        const c = out.length ? clearance(out, x, y, size * 0.45, gap) : TILE;
        if (c > best.c) best = { x, y, c };
      }
      if (best.c < 0) {
        misses++;
        continue;
      }
      const s = size * (0.92 + rand() * 0.16);
      const turn = rand() - 0.5;
      out.push({ x: r2(best.x), y: r2(best.y), size: r2(s), rotate: r2(turn * turnRange), flip: rand() < 0.25, item: (n + t) % k });
      tiers.push(t);
      nominal.push(size);
      n++;
    }
  }
  return { out, tiers, nominal };
}

/** Steered sizes stay within this share of the tier's size. */
const STEER_SIZE = 0.1;
/** Steered turns stay within ± this many degrees. */
const STEER_TURN = 15;

/**
 * What the field decides on an even scatter, none of which moves a motif: which motif kind takes
 * which spot (`dealKinds`: never less mixed than the scatter's own), a size within ±10 %
 * of the tier's, larger where the field is strong but never closer to a neighbour than the spacing
 * allows (or than the even scatter already had), and a turn along the field's flow (±15°).
 * `neverSmaller` (version 3): no motif drawn smaller than the even scatter drew it.
 */
function steerPlacements(base: Placement[], tiers: number[], nominal: number[], gap: number, motifs: number, steer: Steer, neverSmaller: boolean): Placement[] {
  const k = Math.max(1, motifs);
  const f = base.map((p) => steer.at(p.x, p.y));
  const item = dealKinds(base, tiers, f, k);
  // A motif grows by at most half the room it has to each neighbour: two neighbours that both
  // grow still keep the gap, and the closest pair of the even scatter stays the closest pair.
  // Room already short of the gap gives no growth.
  let closest = Infinity;
  for (const [i, p] of base.entries()) for (const q of base.slice(i + 1)) closest = Math.min(closest, torusDist(p.x, p.y, q.x, q.y) / (radius(p) + radius(q)));
  gap = Math.max(gap, closest);
  const growth = base.map((p, i) => {
    let room = Infinity;
    for (const [j, q] of base.entries()) if (j !== i) room = Math.min(room, torusDist(p.x, p.y, q.x, q.y) / gap - radius(p) - radius(q));
    return Math.max(0, room / 2);
  });
  return base.map((p, i) => {
    const want = nominal[i] * (1 - STEER_SIZE + 2 * STEER_SIZE * f[i]);
    const grown = Math.min(want, p.size + growth[i] / 0.45); // radius is 0.45 of a motif's size
    // Version 3 has no fillers to cover a shrunk motif's room: the field only grows motifs.
    const size = neverSmaller ? Math.max(p.size, grown) : grown;
    const turn = p.rotate / 40; // the even scatter's own turn, in [-0.5, 0.5]: a little hand-set variety
    const rotate = Math.max(-STEER_TURN, Math.min(STEER_TURN, 12 * steer.flow(p.x, p.y) + 6 * turn));
    return { ...p, size: r2(size), rotate: r2(rotate), item: item[i] };
  });
}

/**
 * Which kind takes which spot: tier by tier, spots in the order of field strength, each given the kind (of those
 * its tier still owes) least present around it, so kinds interleave; each tier keeps the even
 * scatter's count of every kind. If that mixes worse than the even scatter's own dealing (more
 * motifs whose nearest neighbour is of their kind), the scatter's kinds are relabelled instead,
 * starting the round where the field under the first hero says: the same mix, other kinds.
 */
function dealKinds(base: Placement[], tiers: number[], f: number[], k: number): number[] {
  const shift = Math.min(k - 1, Math.floor(f[0] * k));
  const relabelled = base.map((p) => (p.item + shift) % k);
  if (k < 2) return relabelled;
  const owed = new Map<string, number>();
  base.forEach((p, i) => owed.set(`${tiers[i]}:${(p.item + shift) % k}`, (owed.get(`${tiers[i]}:${(p.item + shift) % k}`) ?? 0) + 1));
  const item = base.map(() => -1);
  const order = base.map((_, i) => i).sort((a, b) => tiers[a] - tiers[b] || f[b] - f[a] || a - b); // heroes first: they set the look
  for (const i of order) {
    let best = { m: -1, crowd: Infinity };
    for (let m = 0; m < k; m++) {
      if (!owed.get(`${tiers[i]}:${m}`)) continue;
      let crowd = 0;
      for (const [j, q] of base.entries()) if (item[j] === m) crowd += 1 / Math.max(1, torusDist(base[i].x, base[i].y, q.x, q.y)) ** 2;
      if (crowd < best.crowd) best = { m, crowd };
    }
    item[i] = best.m;
    owed.set(`${tiers[i]}:${best.m}`, owed.get(`${tiers[i]}:${best.m}`)! - 1);
  }
  return sameKindNeighbours(base, item) <= sameKindNeighbours(base, base.map((p) => p.item)) ? item : relabelled;
}

/** How many motifs have a nearest neighbour (wrapping) of their own kind. */
function sameKindNeighbours(ps: Placement[], item: number[]): number {
  let n = 0;
  for (const [i, p] of ps.entries()) {
    let near = { d: Infinity, j: -1 };
    for (const [j, q] of ps.entries()) if (j !== i && torusDist(p.x, p.y, q.x, q.y) < near.d) near = { d: torusDist(p.x, p.y, q.x, q.y), j };
    if (near.j >= 0 && item[near.j] === item[i]) n++;
  }
  return n;
}

/**
 * Small fillers in the spaces the motifs leave, evenly spread; the motifs' placements are not
 * changed.
 */
export function fillers(spec: PatternSpec, seed: number, motifs: Placement[]): Placement[] {
  if (!spec.filler) return [];
  const rand = mulberry32(seed ^ 0x27d4eb2f);
  const hero = HERO[spec.scale];
  const size = hero * (spec.filler.kind === 'dots' ? 0.075 : spec.filler.kind === 'sparkles' ? 0.14 : 0.19);
  const spacing = hero * (spec.density === 'sparse' ? 0.4 : 0.27);
  const out: Placement[] = [];
  let misses = 0;
  while (out.length < MAX_FILLERS && misses < 6) {
    let best = { x: 0, y: 0, c: -Infinity };
    for (let s = 0; s < 10; s++) {
      const x = rand() * TILE;
      const y = rand() * TILE;
      let c = clearance(motifs, x, y, size * 0.5, 1.05);
      for (const f of out) c = Math.min(c, torusDist(x, y, f.x, f.y) - spacing);
      if (c > best.c) best = { x, y, c };
    }
    if (best.c < 0) {
      misses++;
      continue;
    }
    out.push({ x: r2(best.x), y: r2(best.y), size: r2(size * (0.8 + rand() * 0.4)), rotate: r2(rand() * 360), flip: false, item: FILLER_ITEM });
  }
  return out;
}

/** The filler's shape, drawn in a 100 × 100 box centred on the placement. */
export function fillerSymbol(kind: 'dots' | 'sparkles' | 'sprigs', colour: Hex): string {
  if (kind === 'dots') return `<symbol id="filler" viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" fill="${colour}"/></symbol>`;
  if (kind === 'sparkles') return `<symbol id="filler" viewBox="0 0 100 100"><path d="M50 2 Q56 44 98 50 Q56 56 50 98 Q44 56 2 50 Q44 44 50 2Z" fill="${colour}"/></symbol>`;
  return `<symbol id="filler" viewBox="0 0 100 100"><path d="M50 96 Q48 60 50 6" stroke="${colour}" stroke-width="6" fill="none" stroke-linecap="round"/><path d="M50 40 Q22 34 14 12 Q40 12 50 40Z M50 62 Q78 56 88 34 Q60 32 50 62Z" fill="${colour}"/></symbol>`;
}
