// From what a shopper asked for to pattern specs: four candidates that differ in composition
// and colourway (where the shopper left colours open), none of them using what the shopper
// ruled out. The spec is stored in the design's recipe; composeTile draws it.
import sharp from 'sharp';
import { deltaE2000, hexToLab, hexToRgb, labToHex } from './colours';
import type { PatternSpec } from './compose';
import { mulberry32 } from './textures/random';
import { motifById, REDRAWN } from './motif-library';
import { inTintFamily } from './tint';
import type { Hex, NamedColour } from './types';
import { ABSTRACT_MOTIFS, type Layout, type PatternIntent } from './understand';

/** New specs are drawn by this engine version; every earlier version stays drawable (compose.ts). */
export const PATTERN_ENGINE = { id: 'seedprint-pattern', version: 3 } as const;

// Grounds a surface designer would lay under motifs: soft tinted lights and deep muted darks,
// never screen primaries. Candidates alternate between the two families.
const LIGHT_GROUNDS: Hex[] = ['#f6efe1', '#f3dcd4', '#dfe7d6', '#dce6ee', '#f6e7b9', '#e9e1ef', '#ece2d0', '#d6ebe1'];
// No rust or brick: under motifs of other hues those read as muddy.
const DEEP_GROUNDS: Hex[] = ['#1f2a44', '#24423a', '#2d2d32', '#3b2742', '#1d5457', '#2e3f6e', '#4a3552', '#4f6d8a'];
// Soft mid tones, tried before a deep ground when no light one fits (white clouds on sky blue,
// bananas on blush): apart from every ink, without the light family's lightness margin.
const MID_GROUNDS: Hex[] = ['#9cc3e0', '#f4c2c2', '#c8e6c9', '#d9c8ec'];
// Colours a motif takes when its own colour was ruled out ("hearts, no red").
const TINTS: Hex[] = ['#e06c9f', '#3f78c4', '#8e5cc4', '#3a9a6a', '#e98a3c', '#e9b93a', '#2a9d9b'];
// Tossed reads as designed on most motifs; one candidate in four is a half-drop.
const LAYOUT_CHOICES: Layout[] = ['tossed', 'tossed', 'half-drop', 'tossed'];

const mainColours = new Map<string, Hex>();
const areaColours = new Map<string, { hex: Hex; area: number }[]>();

/** The colour a motif mostly shows: the commonest saturated colour of its pixels (else the commonest). */
export async function motifMainColour(id: string): Promise<Hex> {
  const known = mainColours.get(id);
  if (known) return known;
  const data = await motifPixels(id);
  if (!data) return '#808080';
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

/** A motif's own fill colours with the share of its drawn pixels each covers, largest first. */
export async function motifFillAreas(id: string): Promise<{ hex: Hex; area: number }[]> {
  const known = areaColours.get(id);
  if (known) return known;
  const motif = motifById(id);
  const data = await motifPixels(id);
  if (!motif || !data) return [];
  const fills = [...new Set([...motif.body.matchAll(/#([0-9a-f]{6}|[0-9a-f]{3})\b/gi)].map((m) => expandHex(m[0])))];
  const rgb = fills.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
  const counts = new Array(fills.length).fill(0);
  let total = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] < 250) continue;
    total++;
    let best = 0;
    let bestD = Infinity;
    for (let f = 0; f < rgb.length; f++) {
      const d = (rgb[f][0] - data[i]) ** 2 + (rgb[f][1] - data[i + 1]) ** 2 + (rgb[f][2] - data[i + 2]) ** 2;
      if (d < bestD) [best, bestD] = [f, d];
    }
    if (rgb.length) counts[best]++;
  }
  const out = fills.map((hex, f) => ({ hex, area: total ? counts[f] / total : 0 })).sort((a, b) => b.area - a.area || a.hex.localeCompare(b.hex));
  areaColours.set(id, out);
  return out;
}

/** The fill that covers most of a motif, outlines and eyes (very dark fills) aside: what a tint replaces. */
export async function motifAreaColour(id: string): Promise<Hex> {
  const fills = await motifFillAreas(id);
  return (fills.find((f) => hexToLab(f.hex)[0] > 22) ?? fills[0])?.hex ?? '#808080';
}

async function motifPixels(id: string): Promise<Buffer | undefined> {
  const motif = motifById(id);
  if (!motif) return undefined;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 ${motif.width} ${motif.height}">${motif.body}</svg>`;
  return (await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })).data;
}

const expandHex = (h: string): Hex => (h.length === 4 ? `#${h[1]}${h[1]}${h[2]}${h[2]}${h[3]}${h[3]}` : h).toLowerCase() as Hex;

// "blue cats" means a blue a designer would pick, not the screen primary #0000ff; gold is a metallic
// gold (CIEDE2000 9.4 from the name's #ffd700), not lemon yellow.
const DESIGNER_BASICS: Record<string, Hex> = { '#ff0000': '#d9363e', '#0000ff': '#2f5fb3', '#008000': '#2e8b57', '#00ff00': '#4cbb5e', '#ffff00': '#f7d43a', '#ff00ff': '#d94fa3', '#00ffff': '#3cc7d1', '#800080': '#7b3fa0', '#ffa500': '#f0922b', '#ffd700': '#e6b422' };
// A ground covers most of the cloth: the same colour words, deeper or softer so the motifs lead.
// Navy keeps within CIEDE2000 10 of its name's value.
const GROUND_BASICS: Record<string, Hex> = { '#ff0000': '#be3237', '#0000ff': '#3a62a8', '#008000': '#3f7a52', '#00ff00': '#5aa66a', '#ffff00': '#f3d35c', '#ff00ff': '#c2508f', '#00ffff': '#5cc3c9', '#800080': '#6a4585', '#ffa500': '#e98a3c', '#ffc0cb': '#f6c5cf', '#000080': '#1a2366', '#000000': '#17171a' };

function designerHex(c: NamedColour, role: 'ink' | 'ground' = 'ink'): Hex {
  if (c.source === 'palette-word') return c.hex;
  return (role === 'ground' ? GROUND_BASICS[c.hex] : undefined) ?? DESIGNER_BASICS[c.hex] ?? c.hex;
}

const near = (a: Hex, b: Hex, limit: number) => deltaE2000(a, b) < limit;
const ruledOut = (c: Hex, excluded: NamedColour[]) => excluded.some((x) => near(c, x.hex, 20));
const lightness = (c: Hex) => hexToLab(c)[0];
const chromaOf = (c: Hex) => {
  const [, a, b] = hexToLab(c);
  return Math.hypot(a, b);
};

/** Grounds for a palette word: neon glows on near-black, monochrome alternates white and black, others take the palette's lightest and darkest. */
function paletteGrounds(palette: Hex[], scheme: string | undefined): Hex[] {
  if (scheme === 'neon') return ['#161618', '#1b1a2e', '#161618', '#22222a'];
  if (palette.every((c) => chromaOf(c) < 6)) return ['#ffffff', '#1c1c1e', '#e6e6e6', '#2e2e30'];
  const byL = palette.slice().sort((a, b) => lightness(b) - lightness(a));
  const light = byL[0];
  const dark = byL.at(-1)!;
  // Pastels sit on cream or on a soft deep blue; a scheme's own lightest colour is its ground otherwise.
  if (scheme === 'pastel') return ['#fbf6ee', '#56607f', '#f7e3e6', '#e3eef0'];
  return [lightness(light) > 80 ? light : '#f6efe1', lightness(dark) < 40 ? dark : '#2d2d32', lightness(light) > 80 ? '#f6efe1' : light, dark];
}

/** One spec per seed; `null` when the prompt names nothing the pattern engine can draw. */
export async function specFor(intent: PatternIntent, seed: number, candidate: number): Promise<PatternSpec | null> {
  if (!intent.motifs.length && !intent.texture && !intent.text && !stripesOnly(intent)) return null;
  const rand = mulberry32((seed * 7919 + candidate) ^ hashString(intent.prompt));
  const excluded = intent.excluded.colours;
  const [areas, mains] = await Promise.all([Promise.all(intent.motifs.map((m) => motifFillAreas(idOf(m)))), Promise.all(intent.motifs.map((m) => motifAreaColour(idOf(m))))]);
  const scheme = intent.palette.length ? schemeName(intent) : undefined;
  const namedGround = intent.background ? designerHex(intent.background, 'ground') : undefined;

  // Ground first when a palette decides it, so the motifs' palette can leave the ground's colour out.
  let background = namedGround ?? textureGround(intent);
  // A ground near a ruled-out colour is left out ("christmas but not red and green" is not laid on green).
  const groundRuledOut = (g: Hex) => excluded.some((x) => near(g, designerHex(x, 'ground'), 32) || near(g, x.hex, 32));
  if (!background && intent.palette.length) {
    const grounds = paletteGrounds(intent.palette, scheme).filter((g) => !groundRuledOut(g));
    if (grounds.length) background = grounds[candidate % grounds.length];
  }
  const recolour = intent.palette.length ? [...new Set(intent.palette)].filter((c) => !background || !near(c, background, 18)).filter((c) => !ruledOut(c, excluded)) : [];

  // A theme's motifs that show a ruled-out colour beyond their main fill (a gift's red ribbon) are left out while others remain.
  const showsRuledOut = (i: number) => areas[i].slice(1).some((f) => f.area > 0.08 && ruledOut(f.hex, excluded));
  const keep = intent.motifs.map((m, i) => m.from !== 'theme' || !showsRuledOut(i));
  if (!keep.some(Boolean)) keep.fill(true);
  // "rainbow hearts", "colourful balloons": each motif in turn takes another hue.
  const multi = MULTI.test(intent.prompt) ? distinctHues(schemeName(intent) === 'pastel' ? recolour.filter((c) => lightness(c) > 70) : recolour.length >= 2 ? recolour : TINTS.filter((c) => !ruledOut(c, excluded) && (!background || !near(c, background, 20)))) : [];
  const motifs = intent.motifs.flatMap((m, i): PatternSpec['motifs'] => {
    if (!keep[i]) return [];
    if (multi.length >= 2 && !m.colour && !m.colours && idOf(m) !== REDRAWN.rainbow) {
      const whole = wholeTint(areas[i], mains[i]) ? { whole: true as const } : {};
      return multi.slice(0, Math.max(2, Math.floor(MULTI_LIMIT / intent.motifs.length))).map((tint) => ({ id: idOf(m), tint, main: mains[i], ...whole }));
    }
    // "peach and lilac flowers": some flowers in each colour.
    // A motif whose main fill's family covers little of it (a butterfly's blue edges on orange wings) is tinted whole.
    const whole = wholeTint(areas[i], mains[i]) ? { whole: true as const } : {};
    if (m.colours && m.colours.length > 1) return m.colours.slice(0, 4).map((c) => ({ id: idOf(m), tint: designerHex(c), main: mains[i], ...whole }));
    let tint: Hex | undefined = m.colour ? designerHex(m.colour) : undefined;
    const ownRuledOut = areas[i].some((f) => f.area > 0.15 && ruledOut(f.hex, excluded));
    // Two palette words ("pastel rainbow") can name more colours than a motif's palette holds.
    if (!tint && recolour.length >= 2) return [{ id: idOf(m), main: mains[i], palette: rotate(recolour, i + candidate).slice(0, SPEC_LIMITS.palette) }];
    if (!tint && recolour.length === 1) tint = recolour[0];
    // Abstract shapes with no colour named: a tone of the named ground, else a designer colour, never the emoji's primaries.
    if (!tint && (m.from === 'abstract' || ABSTRACT_MOTIFS.includes(idOf(m)))) tint = namedGround ? toneOf(namedGround) : rotate(TINTS.filter((c) => !ruledOut(c, excluded)), i + candidate)[0] ?? TINTS[0];
    if (!tint && ownRuledOut) tint = pick(TINTS.filter((c) => !ruledOut(c, excluded)), rand) ?? TINTS[0];
    // Motifs drawn in the ground's own colour ("whales on blue", "pears on cream") keep their own hue, lighter or deeper than the ground.
    if (!tint && namedGround && near(mains[i], namedGround, 22)) tint = apartFrom(mains[i], namedGround);
    if (!tint && NATURAL[idOf(m)] && !(background && near(NATURAL[idOf(m)], background, 22))) tint = NATURAL[idOf(m)];
    return [{ id: idOf(m), ...(tint ? { tint, main: mains[i], ...(m.colour || ownRuledOut ? whole : {}) } : {}) }];
  }).slice(0, 8);
  // What the motifs show, by area: the ground must stand apart from all of it.
  const areaOf = new Map(intent.motifs.map((m, i) => [idOf(m), areas[i]]));
  const inks = motifs.flatMap((m) => (m.palette ? m.palette : m.tint ? [m.tint] : (areaOf.get(m.id) ?? []).filter((f) => f.area > 0.12).map((f) => f.hex)));
  const askedInk = intent.text?.colour ? designerHex(intent.text.colour) : undefined;
  if (askedInk) inks.push(askedInk);
  if (!background) {
    const family = candidate % 2 === 0 ? LIGHT_GROUNDS : DEEP_GROUNDS;
    const other = candidate % 2 === 0 ? DEEP_GROUNDS : LIGHT_GROUNDS;
    // A ground covers most of the cloth, so one merely near a ruled-out colour is left out too (no terracotta for "no red").
    // Words to print in an asked colour get a ground they read on.
    const fits = (g: Hex) => !groundRuledOut(g) && inks.every((ink) => !near(g, ink, 22)) && (!inks.length || Math.abs(lightness(inks[0]) - lightness(g)) >= 18) && (!askedInk || contrastRatio(askedInk, g) >= 4.5); // the first motif reads by lightness too
    // One order for all four candidates, so candidates 0 and 2 (and 1 and 3) take different grounds.
    const order = mulberry32((seed * 7919) ^ hashString(intent.prompt));
    const fitting = shuffled(family, order).filter(fits);
    const fallback = shuffled(other, order).filter(fits);
    const mid = candidate % 2 === 0 ? shuffled(MID_GROUNDS, order).filter((g) => !groundRuledOut(g) && inks.every((ink) => !near(g, ink, 15)) && (!askedInk || contrastRatio(askedInk, g) >= 4.5)) : [];
    const choices = fitting.length ? fitting : mid.length ? mid : fallback;
    background = choices.length ? choices[Math.floor(candidate / 2) % choices.length] : '#ffffff';
  }
  // A count ("three big stars") or "just a few" is kept by the tossed layout, so lattices are only offered without one.
  const layout = intent.layout !== 'tossed' || intent.prompt.match(/toss|scatter|random/i) || intent.count || intent.density === 'sparse' ? intent.layout : LAYOUT_CHOICES[candidate % LAYOUT_CHOICES.length];
  const textColour = intent.text ? (askedInk ?? inkFor(background)) : undefined;
  // An asked ink on a ground close to it (both named) keeps its colour and gains an outline.
  const outline = askedInk && contrastRatio(askedInk, background) < 4.5 ? inkFor(background) : undefined;
  const accent = (intent.accent ? designerHex(intent.accent) : undefined) ?? [...intent.palette, ...TINTS].find((c) => c !== background && !ruledOut(c, excluded) && !near(c, background, 20));
  return {
    v: PATTERN_ENGINE.version,
    background: background as Hex,
    motifs,
    layout,
    density: intent.density,
    scale: intent.scale,
    ...(intent.count ? { count: Math.min(intent.count, SPEC_LIMITS.count) } : {}),
    ...(intent.texture ? { texture: { id: intent.texture.def.id, colours: textureColours(intent).slice(0, SPEC_LIMITS.palette) } } : {}),
    ...(intent.text && textColour ? { text: { content: headline(intent.text.content.slice(0, SPEC_LIMITS.text).trim()), font: intent.text.font.id, colour: textColour as Hex, ...(outline ? { outline } : {}) } } : {}),
    ...(layout === 'stripes' && intent.vertical ? { vertical: true as const } : {}),
    ...(accent && (layout === 'stripes' || layout === 'border' || layout === 'diagonal') ? { accent } : {}),
  };
}

const MULTI = /\b(?:rainbow|rainbows|multi-?colou?r(?:ed)?|colou?rful|arco[ií]ris|arc-en-ciel|regenbogen\p{L}*|bunte?n?|multicolores?|variopint\p{L}*)\b/iu;
const MULTI_LIMIT = 6;

/** Colours of clearly different hues, in order: no two within 18° of hue. */
function distinctHues(colours: Hex[]): Hex[] {
  const hue = (c: Hex) => {
    const [, a, b] = hexToLab(c);
    return (Math.atan2(b, a) * 180) / Math.PI;
  };
  const out: Hex[] = [];
  for (const c of colours) if (chromaOf(c) >= 12 && out.every((o) => Math.min(Math.abs(hue(o) - hue(c)), 360 - Math.abs(hue(o) - hue(c))) >= 25)) out.push(c);
  return out;
}

/** The motif a new design draws for what was understood: its redrawn form where there is one. */
const idOf = (m: { motif: { id: string } }): string => (REDRAWN as Record<string, string>)[m.motif.id] ?? m.motif.id;

/** Whether the fills a family tint moves cover less than WHOLE_SHARE of a motif's coloured area. */
function wholeTint(fills: { hex: Hex; area: number }[], main: Hex): boolean {
  // A white or grey motif (daisy petals, clouds) is tinted by its light fills, its heart and leaves kept.
  if (chromaOf(main) < 12) return false;
  const coloured = fills.filter((f) => chromaOf(f.hex) >= 12 || f.hex === main);
  const total = coloured.reduce((n, f) => n + f.area, 0);
  const family = coloured.filter((f) => inTintFamily(f.hex, main)).reduce((n, f) => n + f.area, 0);
  return total > 0 && family / total < WHOLE_SHARE;
}
const WHOLE_SHARE = 0.75;

/** Stripes with nothing on them are a design of their own. */
export const stripesOnly = (intent: PatternIntent) => !intent.motifs.length && !intent.texture && !intent.text && (intent.layout === 'stripes' || intent.layout === 'diagonal');

// What patternSpecSchema accepts: a spec is cut to fit rather than made and then refused.
const SPEC_LIMITS = { palette: 8, count: 64, text: 60 } as const;

// Motifs whose emoji colour is not the colour people picture them in.
const NATURAL: Record<string, Hex> = { snowflake: '#f3f6fa' };

/** A pale tint of a ground colour (or a deep shade of a light one): the motif reads, in the ground's hue. */
function toneOf(ground: Hex): Hex {
  const [L, a, b] = hexToLab(ground);
  return L < 60 ? labToHex([92, a * 0.25, b * 0.25]) : labToHex([Math.max(20, L - 45), a * 1.1, b * 1.1]);
}

/** A motif's own colour moved in lightness away from a ground it would vanish into, its hue kept and deepened. */
function apartFrom(main: Hex, ground: Hex): Hex {
  const [, a, b] = hexToLab(main);
  const gL = lightness(ground);
  return labToHex([gL < 55 ? Math.min(92, gL + 50) : Math.max(22, gL - 48), a * 1.25, b * 1.25]);
}

const SMALL_WORDS = new Set(['of', 'and', 'the', 'a', 'an', 'to', 'in', 'on', 'for', 'de', 'la', 'el', 'y', 'et', 'und']);

/** Words typed all in lower case print as a title ("happy birthday Noah" → "Happy Birthday Noah"); any capital the shopper typed is kept as typed. */
function headline(content: string): string {
  if (!/^\p{Ll}/u.test(content)) return content;
  return content.replace(/\p{L}[\p{L}'’]*/gu, (w, at: number) => (at > 0 && SMALL_WORDS.has(w) ? w : w[0].toUpperCase() + w.slice(1)));
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrastRatio(x: Hex, y: Hex): number {
  const lum = (h: Hex) => {
    const [r, g, b] = hexToRgb(h).map((c) => c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

// Inks for words printed with no colour asked: a soft one that reads strongly, else plain black or white.
const INKS: Hex[] = ['#1f2a44', '#fdf6e3', '#111114', '#ffffff'];

/** The ink that reads on a ground: the first with a contrast ratio of 7, else the strongest. */
function inkFor(ground: Hex): Hex {
  return INKS.find((c) => contrastRatio(c, ground) >= 7) ?? INKS.slice().sort((p, q) => contrastRatio(q, ground) - contrastRatio(p, ground))[0];
}

/** Which palette word was used, for the few that pick their own grounds. */
function schemeName(intent: PatternIntent): string | undefined {
  const p = intent.prompt.toLowerCase();
  if (/neon|fluo|néon|neón|неон|ネオン|霓虹|荧光/.test(p)) return 'neon';
  if (/pastel|パステル|马卡龙|пастель/.test(p)) return 'pastel';
  return undefined;
}

/** "on navy" with a texture is its ground; a texture's own light ground stays when the colour asked is for its marks ("blue gingham"). */
function textureGround(intent: PatternIntent): Hex | undefined {
  if (!intent.texture) return undefined;
  return textureColours(intent)[0];
}

function textureColours(intent: PatternIntent): Hex[] {
  const t = intent.texture!;
  const defaults = t.def.defaultColours;
  const named = t.colours.length && t.colours !== defaults && !(t.colours.length === defaults.length && t.colours.every((c, i) => c === defaults[i])) ? t.colours.map((c) => DESIGNER_BASICS[c] ?? c) : [];
  const ground = intent.background ? designerHex(intent.background, 'ground') : undefined;
  if (!named.length) return ground ? [ground, ...defaults.slice(1)] : [...defaults];
  // A texture whose own ground is near white or near black (gingham, galaxy) keeps it under marks in the named colours.
  const extreme = (c: Hex) => lightness(c) > 85 || lightness(c) < 15;
  const keepsGround = defaults.length > 1 && extreme(defaults[0]) && named.every((c) => !extreme(c));
  const head = ground ? [ground, ...named] : keepsGround ? [defaults[0], ...named] : named;
  // The named colours lead: every other colour is a shade of one of them at that colour's own lightness
  // in the texture (camo's dark patches, tartan's dark and light lines); the texture's neutrals stay.
  const ref = lightness(defaults[0]);
  const base = lightness(head[0]);
  const derived = defaults.slice(head.length).map((d, k): Hex => {
    if (chromaOf(d) < 10) return d;
    const from = named[(k + (keepsGround ? 1 : named.length - 1)) % named.length];
    const [L, a, b] = hexToLab(from);
    const want = keepsGround ? lightness(d) : base + (lightness(d) - ref);
    return labToHex([Math.min(95, Math.max(L - 25, Math.min(L + 25, want))), a * 0.9, b * 0.9]);
  });
  return [...head, ...derived];
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

function rotate<T>(list: T[], k: number): T[] {
  const s = k % list.length;
  return [...list.slice(s), ...list.slice(0, s)];
}

function shuffled<T>(list: T[], rand: () => number): T[] {
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
