// A pattern spec → a seamless vector tile. The spec is what a design's recipe stores (resolved
// motif ids and exact colours, not words), so a design renders the same however the parser
// changes. Deterministic in (spec, seed): a seeded PRNG, fixed iteration order, rounded numbers.
import { fieldSteer, type GroundField, type GroundSpec, type Steer } from './ground';
import { letteringPath } from './lettering';
import { motifById } from './motif-library';
import { TEXTURES } from './textures';
import { mulberry32 } from './textures/random';
import { FILLER_ITEM, fillerSymbol, fillers, scatterV2 } from './arrange';
import { recolourToPalette, tintFamily, tintMotif } from './tint';
import { TILE, type Hex } from './types';
import type { Density, Layout, Scale } from './understand';

export interface PatternSpec {
  v?: 2 | 3; // engine version that draws it (absent: 1). Changes to drawing are gated on it: stored designs never change.
  background: Hex;
  motifs: { id: string; tint?: Hex; main?: Hex; whole?: true; palette?: Hex[] }[]; // main: the motif's own colour the tint (or the palette's first colour) replaces
  layout: Layout;
  density: Density;
  scale: Scale;
  count?: number;
  texture?: { id: string; colours: Hex[] };
  text?: { content: string; font: string; colour: Hex; outline?: Hex }; // outline (v3): keeps an asked ink legible on a ground close to it
  accent?: Hex; // stripes and borders
  vertical?: true; // stripes up and down
  filler?: { kind: 'dots' | 'sparkles' | 'sprigs'; colour: Hex }; // v2: small shapes between the motifs
  ground?: GroundSpec; // the diffusion model's tile that steers the composition (ground.ts)
}

/** Motif placements, in tile units; each is drawn with its wrapped copies. */
export interface Placement {
  x: number;
  y: number;
  size: number;
  rotate: number;
  flip: boolean;
  item: number; // index into spec.motifs, -1 for the lettering, -2 (FILLER_ITEM) for a filler
}

const CELLS: Record<Scale, number> = { tiny: 8, small: 6, medium: 4, large: 3, giant: 2 };
const DENSITY: Record<Density, number> = { sparse: 0.75, normal: 1, dense: 1.8 };
const r2 = (v: number) => Math.round(v * 100) / 100;
/** The engine version a spec is drawn with. */
export const engineVersion = (spec: PatternSpec): 1 | 2 | 3 => spec.v ?? 1;

/**
 * Where motifs go: the layout's lattice, or a seeded Poisson-disc scatter on the torus. `steer`:
 * the diffusion field of a spec with a ground (ground.ts) sets sizes, kinds and turns at the
 * positions the scatter or lattice gives; it never moves a motif.
 */
export function placements(spec: PatternSpec, seed: number, steer?: Steer): Placement[] {
  if (spec.layout === 'frame') return framePlacements(spec);
  if (spec.layout === 'diagonal') return diagonalPlacements(spec);
  if (engineVersion(spec) >= 3 && spec.text && LETTERING_ROWS.has(spec.layout)) return letteringRows(spec);
  if (engineVersion(spec) >= 3 && spec.count && spec.layout === 'tossed' && spec.motifs.length) return countPlacements(spec, spec.count);
  if (engineVersion(spec) >= 2 && spec.layout === 'tossed' && !spec.text && spec.motifs.length) return scatterV2(spec, seed, steer);
  const rand = mulberry32(seed ^ 0x9e3779b9);
  const items = spec.motifs.length + (spec.text ? 1 : 0);
  const itemAt = (k: number) => (items === 0 ? 0 : k % items === spec.motifs.length ? -1 : k % items);
  const lettersOnly = !!spec.text && !spec.motifs.length;
  let n = Math.max(1, Math.round(CELLS[spec.scale] * Math.sqrt(DENSITY[spec.density])));
  if (spec.count) n = Math.max(1, Math.round(Math.sqrt(spec.count)));
  // Words must be read: lettering gets a cell that fits a name, whatever the scale.
  if (spec.text) n = Math.min(n, spec.text.content.length > 10 ? 2 : 3);
  const cell = TILE / n;
  // Version 2 lattices carry larger motifs (fillers take the spaces between them).
  const lattice = engineVersion(spec) >= 2 && !spec.text && (spec.layout === 'grid' || spec.layout === 'half-drop');
  const size = cell * (lettersOnly ? 0.9 : lattice ? 0.74 : spec.scale === 'large' ? 0.78 : 0.62);
  const out: Placement[] = [];
  if (spec.layout === 'tossed') {
    const target = spec.count ?? Math.round(n * n * 1.15);
    const minDist = cell * 0.78;
    for (let tries = 0; out.length < target && tries < target * 60; tries++) {
      const x = rand() * TILE;
      const y = rand() * TILE;
      const ok = out.every((p) => {
        const dx = Math.min(Math.abs(p.x - x), TILE - Math.abs(p.x - x));
        const dy = Math.min(Math.abs(p.y - y), TILE - Math.abs(p.y - y));
        return dx * dx + dy * dy >= minDist * minDist;
      });
      if (ok) {
        const item = itemAt(out.length);
        const words = item === -1; // lettering is never mirrored and only gently tilted
        const jitter = rand();
        const turn = (rand() - 0.5) * (words ? 16 : 50);
        // Steered: larger where the field is strong, turned with its flow. Version 2 never draws a
        // motif larger than without the field, and turns within ±15°, so it never crowds the scatter.
        const v1 = engineVersion(spec) < 2;
        const even = size * (0.85 + jitter * 0.3);
        const sz = !steer ? even : v1 ? size * (0.85 + 0.3 * steer.at(x, y)) : Math.min(even, size * (0.9 + 0.2 * steer.at(x, y)));
        const rotate = !steer ? turn : v1 ? (words ? 8 : 20) * steer.flow(x, y) + turn * 0.3 : Math.max(-15, Math.min(15, (words ? 6 : 12) * steer.flow(x, y) + turn * 0.1));
        out.push({ x: r2(x), y: r2(y), size: r2(sz), rotate: r2(rotate), flip: !words && rand() < 0.3, item });
      }
    }
    return out;
  }
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const k = row * n + col;
      let x = (col + 0.5) * cell;
      let y = (row + 0.5) * cell;
      if (spec.layout === 'half-drop' && col % 2 === 1) y += cell / 2;
      if (spec.layout === 'stripes' && row % 2 === 1) continue; // every other row is a stripe
      if (spec.layout === 'border' && row !== 0) continue;
      if (spec.layout === 'stripes' || spec.layout === 'border') x += (row % 4 === 2 ? cell / 2 : 0);
      const item = itemAt(spec.layout === 'mirror' ? row : k);
      // Steered lattices lean gently with the field's flow: a wave through the rows.
      const rotate = lattice && steer ? r2(8 * steer.flow(x, y % TILE)) : lattice && spec.layout === 'half-drop' ? ((row + col) % 2 ? 8 : -8) : 0;
      // Vertical stripes: the same lattice turned a quarter, motifs in the plain columns.
      if (spec.vertical && spec.layout === 'stripes') [x, y] = [y, x];
      out.push({ x: r2(x), y: r2(y % TILE), size: r2(size), rotate, flip: item !== -1 && spec.layout === 'mirror' && (row + col) % 2 === 1, item });
    }
  }
  return out;
}

/**
 * The tile as SVG markup (with the outer <svg>), `px` pixels square, viewBox 0 0 TILE TILE.
 * `ground`: the diffusion field of a spec with a ground, computed beforehand (composing stays sync).
 */
export function composeTile(spec: PatternSpec, seed: number, px = TILE, ground?: GroundField): string {
  const defs: string[] = [];
  const layers: string[] = [`<rect x="-10" y="-10" width="${TILE + 20}" height="${TILE + 20}" fill="${spec.background}"/>`];
  if (spec.ground && !ground) throw new Error('This pattern is composed by the diffusion model: compute its field (lib/generation) before composing.');
  const steer = spec.ground && ground ? fieldSteer(ground) : undefined;
  if (spec.texture) {
    const def = TEXTURES.find((t) => t.id === spec.texture!.id);
    if (def) layers.push(`<g>${def.render({ seed, colours: spec.texture.colours, v: engineVersion(spec) })}</g>`);
  }
  const n = Math.max(1, Math.round(CELLS[spec.scale] * Math.sqrt(DENSITY[spec.density])));
  if (spec.layout === 'diagonal') {
    const p = diagonalPeriod(spec);
    const w = p * DIAGONAL_BAND;
    const bands: string[] = [];
    for (let c = 0; c <= 2 * TILE + p; c += p) bands.push(`M${r2(c + 10)} -10L${r2(c + w + 10)} -10L-10 ${r2(c + w + 10)}L-10 ${r2(c + 10)}Z`);
    layers.push(`<path d="${bands.join('')}" fill="${spec.accent ?? spec.background}"/>`);
  }
  if (spec.layout === 'stripes' || spec.layout === 'border') {
    const cell = TILE / (spec.count ? Math.max(1, Math.round(Math.sqrt(spec.count))) : n);
    const accent = spec.accent ?? spec.background;
    const bands = spec.layout === 'stripes' ? Array.from({ length: Math.ceil(TILE / cell / 2) }, (_, i) => (2 * i + 1) * cell) : [cell];
    for (const y of bands)
      layers.push(
        spec.vertical && spec.layout === 'stripes'
          ? `<rect x="${r2(y + cell * 0.1)}" y="-10" width="${r2(cell * 0.8)}" height="${TILE + 20}" fill="${accent}"/>`
          : `<rect x="-10" y="${r2(y + cell * 0.1)}" width="${TILE + 20}" height="${r2(cell * 0.8)}" fill="${accent}"/>`,
      );
  }
  spec.motifs.forEach((m, i) => {
    const motif = motifById(m.id);
    if (!motif) throw new Error(`Unknown motif "${m.id}"`);
    const v2 = engineVersion(spec) >= 2 && m.main;
    const coloured = v2 && m.palette?.length ? recolourToPalette(motif.body, m.palette, m.main!) : v2 && m.tint && m.whole ? tintMotif(motif.body, m.tint, m.main) : v2 && m.tint ? tintFamily(motif.body, m.tint, m.main!) : m.tint ? tintMotif(motif.body, m.tint, m.main) : motif.body;
    const body = namespaceIds(coloured, `m${i}`);
    defs.push(`<symbol id="m${i}" viewBox="0 0 ${motif.width} ${motif.height}">${body}</symbol>`);
  });
  // Version 3 rows: a long phrase in two lines; every other layout and version: one line, as always drawn.
  const rows = engineVersion(spec) >= 3 && !!spec.text && LETTERING_ROWS.has(spec.layout);
  let text: TextBlock | undefined;
  if (spec.text) text = rows ? rowBlock(spec.text.content, spec.text.font) : oneLine(letteringPath(spec.text.content, spec.text.font, { size: 100 }));
  const placed = placements(spec, seed, steer);
  if (engineVersion(spec) >= 2 && spec.filler && ['tossed', 'grid', 'half-drop'].includes(spec.layout)) {
    defs.push(fillerSymbol(spec.filler.kind, spec.filler.colour));
    placed.unshift(...fillers(spec, seed, placed)); // drawn first: under the motifs
  }
  // Version 3 rows of lettering wrap by their own width and height: a wide row needs no copies above and below.
  for (const p of placed) {
    const reach = rows && p.item === -1 ? { x: p.size / 2 + 20, y: (p.size * text!.height) / text!.width / 2 + 20 } : undefined;
    for (const [dx, dy] of wrapOffsets(p, reach)) {
      const t = `translate(${r2(p.x + dx)} ${r2(p.y + dy)}) rotate(${p.rotate})${p.flip ? ' scale(-1 1)' : ''}`;
      if (p.item === -1 && text && spec.text) {
        // Version 3 rows give the lettering's width; earlier layouts a cell it fits in.
        const k = rows ? p.size / text.width : (p.size * (spec.motifs.length ? 1.4 : 1)) / Math.max(text.width, text.height * 2);
        // An outline (in font units, 100 to the em) keeps an asked ink legible on a ground close to it.
        const outline = spec.text.outline ? ` stroke="${spec.text.outline}" stroke-width="14" stroke-linejoin="round" paint-order="stroke"` : '';
        const paths = text.lines.map((l) => `<path${l.x || l.y ? ` transform="translate(${r2(l.x)} ${r2(l.y)})"` : ''} d="${l.d}" fill="${spec.text!.colour}"${outline}/>`).join('');
        layers.push(`<g transform="${t} scale(${r2(k)}) translate(${r2(-text.width / 2)} ${r2(-text.height / 2)})">${paths}</g>`);
      } else if (p.item === FILLER_ITEM) {
        layers.push(`<use href="#filler" transform="${t}" x="${r2(-p.size / 2)}" y="${r2(-p.size / 2)}" width="${p.size}" height="${p.size}"/>`);
      } else if (p.item >= 0) {
        layers.push(`<use href="#m${p.item}" transform="${t}" x="${r2(-p.size / 2)}" y="${r2(-p.size / 2)}" width="${p.size}" height="${p.size}"/>`);
      }
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${px}" height="${px}" viewBox="0 0 ${TILE} ${TILE}"><defs>${defs.join('')}</defs>${layers.join('')}</svg>`;
}

// Version 3 lettering: the words are the headline, in rows across the tile (each row offset like
// bricks), as wide as the tile allows and never shorter than LETTER_MIN of its height unless the
// words are very long; named motifs sit in the bands between the rows, smaller than the words.
const LETTERING_ROWS = new Set<Layout>(['tossed', 'grid', 'half-drop']);
const LETTER_WIDTH = 0.84;
const LETTER_MAX = 0.2;
export const LETTER_MIN = 0.07;

/** Lettering as drawn: one or more lines of outlines, each offset within the block, in font units. */
interface TextBlock {
  lines: { d: string; x: number; y: number }[];
  width: number;
  height: number;
}

const oneLine = (l: { d: string; width: number; height: number }): TextBlock => ({ lines: [{ d: l.d, x: 0, y: 0 }], width: l.width, height: l.height });

/** A line longer than this many times its height is broken in two, so the words can be set larger. */
const LONG_LINE = 7;
const blocks = new Map<string, TextBlock>();

/** The words for version-3 rows: one line, or two (split at the space nearest the middle) when one would be long and thin. Cached: drawn for every candidate. */
function rowBlock(content: string, font: string): TextBlock {
  const key = `${font}|${content}`;
  const known = blocks.get(key);
  if (known) return known;
  const single = letteringPath(content, font, { size: 100 });
  const spaces = [...content.matchAll(/ /g)].map((m) => m.index);
  let block = oneLine(single);
  if (single.width / single.height > LONG_LINE && spaces.length) {
    const at = spaces.reduce((b, i) => (Math.abs(i - content.length / 2) < Math.abs(b - content.length / 2) ? i : b));
    const [a, b] = [content.slice(0, at), content.slice(at + 1)].map((l) => letteringPath(l, font, { size: 100 }));
    const width = Math.max(a.width, b.width);
    block = { lines: [{ d: a.d, x: (width - a.width) / 2, y: 0 }, { d: b.d, x: (width - b.width) / 2, y: a.height * 0.92 }], width, height: a.height * 0.92 + b.height };
  }
  blocks.set(key, block);
  if (blocks.size > 64) blocks.delete(blocks.keys().next().value!);
  return block;
}

function letteringRows(spec: PatternSpec): Placement[] {
  const text = rowBlock(spec.text!.content, spec.text!.font);
  const aspect = text.width / Math.max(1, text.height);
  const width = Math.min(TILE * LETTER_WIDTH, TILE * LETTER_MAX * (text.lines.length > 1 ? 1.6 : 1) * aspect);
  const height = width / aspect;
  const k = spec.motifs.length;
  const rows = k ? 2 : 3;
  const out: Placement[] = [];
  for (let r = 0; r < rows; r++) out.push({ x: r2(((0.5 + r / rows) % 1) * TILE), y: r2(((r + 0.5) * TILE) / rows), size: r2(width), rotate: 0, flip: false, item: -1 });
  if (!k) return out;
  // Between the rows: a band TILE/2 tall less the words' height.
  const size = Math.max(90, Math.min(230, (TILE / 2 - height) * 0.72));
  const per = Math.max(2, Math.floor(TILE / (size * 1.9)));
  for (let band = 0; band < 2; band++) {
    for (let j = 0; j < per; j++) {
      const x = ((j + 0.5 + (band ? 0.5 : 0)) * TILE) / per;
      out.push({ x: r2(x % TILE), y: r2((band * TILE) / 2), size: r2(size), rotate: (j + band) % 2 ? 6 : -6, flip: false, item: (j + band) % k });
    }
  }
  return out;
}

const COUNT_SIZE: Record<Scale, number> = { tiny: 0.3, small: 0.42, medium: 0.62, large: 0.72, giant: 0.85 };

/**
 * Version 3: "three large whales", "one per tile": exactly that many motifs a tile, on the even
 * lattice of that many points on the torus (the step that keeps them furthest apart), large.
 */
function countPlacements(spec: PatternSpec, n: number): Placement[] {
  let best = { a: 1, d: -1 };
  for (let a = 1; a < Math.max(2, n); a++) {
    let d = Infinity;
    for (let i = 1; i < n; i++) {
      const dx = Math.min(i / n, 1 - i / n);
      const fy = ((i * a) / n) % 1;
      d = Math.min(d, Math.hypot(dx, Math.min(fy, 1 - fy)));
    }
    if (d > best.d + 1e-9) best = { a, d };
  }
  const size = (TILE / Math.sqrt(n)) * COUNT_SIZE[spec.scale];
  return Array.from({ length: n }, (_, i) => ({
    x: r2(((i + 0.5) / n) * TILE),
    y: r2(((((i * best.a + 0.5) / n) % 1) * TILE)),
    size: r2(size),
    rotate: i % 2 ? 6 : -6,
    flip: false,
    item: i % spec.motifs.length,
  }));
}

// Diagonal stripes: bands where (x + y) mod period < DIAGONAL_BAND × period, the period a whole
// fraction of the tile so the bands meet across its edges; motifs sit on the centre lines of the plain bands.
const DIAGONAL_BANDS: Record<Scale, number> = { tiny: 6, small: 5, medium: 4, large: 3, giant: 2 };
const DIAGONAL_BAND = 0.4;
const diagonalPeriod = (spec: PatternSpec) => TILE / DIAGONAL_BANDS[spec.scale];

function diagonalPlacements(spec: PatternSpec): Placement[] {
  const items = spec.motifs.length + (spec.text ? 1 : 0);
  if (!items) return [];
  const p = diagonalPeriod(spec);
  const size = p * (1 - DIAGONAL_BAND) * 0.62; // fits the plain band's width across (period × 0.6 / √2) with a margin
  const out: Placement[] = [];
  let k = 0;
  // Along each centre line x + y ≡ c (mod TILE), every half period: positions repeat every tile both ways.
  const n = DIAGONAL_BANDS[spec.scale];
  for (let band = 0; band < n; band++) {
    const c = p * (band + DIAGONAL_BAND + (1 - DIAGONAL_BAND) / 2);
    for (let j = 0; j < 2 * n; j++) {
      const x = (j * p) / 2;
      const idx = k++ % items;
      const words = idx === spec.motifs.length;
      out.push({ x: r2(x), y: r2((((c - x) % TILE) + TILE) % TILE), size: r2(words ? size * 1.6 : size), rotate: words ? -45 : 0, flip: false, item: words ? -1 : idx });
    }
  }
  return out;
}

// A frame: motifs all round the tile's edges, evenly spaced and wholly inside it, the centre plain.
const FRAME_SIZE: Record<Scale, number> = { tiny: 90, small: 120, medium: 160, large: 200, giant: 240 };

function framePlacements(spec: PatternSpec): Placement[] {
  const items = spec.motifs.length + (spec.text ? 1 : 0);
  if (!items) return [];
  const size = FRAME_SIZE[spec.scale] * (spec.density === 'dense' ? 0.85 : 1);
  const inset = size * 0.62;
  const span = TILE - 2 * inset;
  const gap = spec.density === 'sparse' ? 1.6 : spec.density === 'dense' ? 1.05 : 1.25;
  const per = Math.max(2, Math.floor(span / (size * gap)) + 1); // motifs a side, corners included
  const step = span / (per - 1);
  const spots: [number, number][] = [];
  for (let j = 0; j < per - 1; j++) spots.push([inset + j * step, inset]); // top, left to right
  for (let j = 0; j < per - 1; j++) spots.push([TILE - inset, inset + j * step]); // right, downwards
  for (let j = 0; j < per - 1; j++) spots.push([TILE - inset - j * step, TILE - inset]); // bottom, right to left
  for (let j = 0; j < per - 1; j++) spots.push([inset, TILE - inset - j * step]); // left, upwards
  const out: Placement[] = spec.motifs.length ? spots.map(([x, y], k) => ({ x: r2(x), y: r2(y), size: r2(size), rotate: 0, flip: false, item: k % spec.motifs.length })) : [];
  // Words to print sit in the plain centre.
  if (spec.text) out.push({ x: TILE / 2, y: TILE / 2, size: r2(span - size * 1.2), rotate: 0, flip: false, item: -1 });
  return out;
}

/** A motif near an edge is drawn again on the opposite side, so the tile repeats seamlessly. */
function wrapOffsets(p: Placement, reach?: { x: number; y: number }): [number, number][] {
  const rx = reach?.x ?? p.size * 0.75; // half the diagonal of a rotated square motif
  const ry = reach?.y ?? p.size * 0.75;
  const xs = [0, ...(p.x - rx < 0 ? [TILE] : []), ...(p.x + rx > TILE ? [-TILE] : [])];
  const ys = [0, ...(p.y - ry < 0 ? [TILE] : []), ...(p.y + ry > TILE ? [-TILE] : [])];
  return xs.flatMap((dx) => ys.map((dy) => [dx, dy] as [number, number]));
}

/** Prefixes ids inside a motif's markup, so two motifs' gradients never collide. */
function namespaceIds(body: string, prefix: string): string {
  return body.replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`).replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`).replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}
