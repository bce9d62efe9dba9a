// From what a shopper asked for to pattern specs: four candidates that differ in composition
// (and in colours and layout where the shopper left them open), none of them using what the
// shopper ruled out. The spec is stored in the design's recipe; composeTile draws it.
import sharp from 'sharp';
import { deltaE2000 } from './colours';
import type { PatternSpec } from './compose';
import { mulberry32 } from './textures/random';
import { motifById } from './motif-library';
import type { Hex, NamedColour } from './types';
import type { Layout, PatternIntent } from './understand';

/** New specs are drawn by this engine version; every earlier version stays drawable (compose.ts). */
export const PATTERN_ENGINE = { id: 'seedprint-pattern', version: 2 } as const;

// Grounds that flatter most motifs, tried in a seeded order when the shopper names none.
const GROUNDS: Hex[] = ['#fdf6e3', '#1f2a44', '#f6d9d0', '#dde8d5', '#ffffff', '#2a2a2e', '#fbe9a8', '#d3e6f5', '#efe3f7', '#0f5257'];
// Colours a motif takes when its own colour was ruled out ("hearts, no red").
const TINTS: Hex[] = ['#e75a9b', '#3a7bd5', '#8e5cc4', '#2fa36b', '#f08a24', '#f2c230', '#16a3a3'];
const LAYOUT_CHOICES: Layout[] = ['tossed', 'half-drop', 'tossed', 'grid'];

const mainColours = new Map<string, Hex>();

/** The colour a motif mostly shows: the commonest saturated colour of its pixels (else the commonest). */
export async function motifMainColour(id: string): Promise<Hex> {
  const known = mainColours.get(id);
  if (known) return known;
  const motif = motifById(id);
  if (!motif) return '#808080';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 ${motif.width} ${motif.height}">${motif.body}</svg>`;
  const { data } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const counts = new Map<string, number>();
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] < 250) continue;
    const key = `#${[0, 1, 2].map((c) => (data[i + c] & 0xf8).toString(16).padStart(2, '0')).join('')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const chroma = (h: string) => Math.max(...[1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16))) - Math.min(...[1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
  const main = ((sorted.find(([h]) => chroma(h) > 40) ?? sorted[0])?.[0] ?? '#808080') as Hex;
  mainColours.set(id, main);
  return main;
}

// "on blue" means a blue a designer would pick, not the screen primary #0000ff.
const DESIGNER_BASICS: Record<string, Hex> = { '#ff0000': '#d9363e', '#0000ff': '#2f5fb3', '#008000': '#2e8b57', '#00ff00': '#4cbb5e', '#ffff00': '#f7d43a', '#ff00ff': '#d94fa3', '#00ffff': '#3cc7d1', '#800080': '#7b3fa0' };

function designerHex(c: NamedColour): Hex {
  return (c.source === 'basic' ? DESIGNER_BASICS[c.hex] : undefined) ?? c.hex;
}

const near = (a: Hex, b: Hex, limit: number) => deltaE2000(a, b) < limit;
const ruledOut = (c: Hex, excluded: NamedColour[]) => excluded.some((x) => near(c, x.hex, 20));

/** One spec per seed; `null` when the prompt names nothing the pattern engine can draw. */
export async function specFor(intent: PatternIntent, seed: number, candidate: number): Promise<PatternSpec | null> {
  if (!intent.motifs.length && !intent.texture && !intent.text) return null;
  const rand = mulberry32((seed * 7919 + candidate) ^ hashString(intent.prompt));
  const excluded = intent.excluded.colours;
  const mains = await Promise.all(intent.motifs.map((m) => motifMainColour(m.motif.id)));
  const motifs = intent.motifs.map((m, i) => {
    let tint: Hex | undefined = m.colour ? designerHex(m.colour) : undefined;
    if (!tint && intent.paletteTints && intent.palette.length) tint = intent.palette[(i + candidate) % intent.palette.length];
    if (!tint && ruledOut(mains[i], excluded)) tint = pick([...intent.palette, ...TINTS].filter((c) => !ruledOut(c, excluded)), rand) ?? TINTS[0];
    return { id: m.motif.id, ...(tint ? { tint, main: mains[i] } : {}) };
  });
  const inks = [...motifs.map((m, i) => m.tint ?? mains[i]), ...(intent.text?.colour ? [intent.text.colour.hex] : [])];
  let background = (intent.background ? designerHex(intent.background) : undefined) ?? intent.texture?.colours[0];
  if (!background) {
    const grounds = [...(intent.palette.length ? intent.palette : []), ...shuffled(GROUNDS, rand)];
    background = grounds.find((g) => !ruledOut(g, excluded) && inks.every((ink) => !near(g, ink, 25))) ?? '#ffffff';
  }
  const layout = intent.layout !== 'tossed' || intent.prompt.match(/toss|scatter|random/i) ? intent.layout : LAYOUT_CHOICES[candidate % LAYOUT_CHOICES.length];
  const textColour = intent.text ? ((intent.text.colour ? designerHex(intent.text.colour) : undefined) ?? (near(background, '#1f2a44', 30) ? '#fdf6e3' : '#1f2a44')) : undefined;
  const accent = [...intent.palette, ...TINTS].find((c) => c !== background && !ruledOut(c, excluded) && !near(c, background, 20));
  return {
    v: PATTERN_ENGINE.version,
    background: background as Hex,
    motifs,
    layout,
    density: intent.density,
    scale: intent.scale,
    ...(intent.count ? { count: intent.count } : {}),
    ...(intent.texture ? { texture: { id: intent.texture.def.id, colours: intent.texture.colours } } : {}),
    ...(intent.text && textColour ? { text: { content: intent.text.content, font: intent.text.font.id, colour: textColour as Hex } } : {}),
    ...(accent && (layout === 'stripes' || layout === 'border') ? { accent } : {}),
  };
}

/** FNV-1a: candidates of different prompts start from different choices. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pick<T>(list: T[], rand: () => number): T | undefined {
  return list.length ? list[Math.floor(rand() * list.length)] : undefined;
}

function shuffled<T>(list: T[], rand: () => number): T[] {
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
