// Recolours a motif to the colour a shopper asked for ("blue cats"): its coloured fills take
// the requested hue and chroma, keeping their light-to-dark shading; black, white and greys
// (eyes, outlines, highlights) stay as drawn.
import { hex, hexToRgb, labToRgb, rgbToLab } from '../print/colour';
import type { Hex } from './types';

const COLOUR = /#([0-9a-f]{6}|[0-9a-f]{3})\b/gi;
const expand = (h: string) => (h.length === 4 ? `#${h[1]}${h[1]}${h[2]}${h[2]}${h[3]}${h[3]}` : h).toLowerCase();

/** `main` is the motif's own dominant colour: it becomes exactly `target`, the others follow it. */
export function tintMotif(body: string, target: Hex, main?: Hex): string {
  const colours = [...new Set([...body.matchAll(COLOUR)].map((m) => expand(m[0])))];
  const labs = new Map(colours.map((c) => [c, rgbToLab(...hexToRgb(c))]));
  const chroma = (c: string) => Math.hypot(labs.get(c)![1], labs.get(c)![2]);
  // A motif drawn in greys (clouds, ghosts, skulls) takes the colour on all of its fills.
  const chromatic = colours.some((c) => chroma(c) > 12) ? colours.filter((c) => chroma(c) > 12) : colours;
  const ref = main ? rgbToLab(...hexToRgb(main)) : ([chromatic.reduce((s, c) => s + labs.get(c)![0], 0) / chromatic.length, 0, 0] as const);
  const refL = ref[0];
  const refC = main ? Math.hypot(ref[1], ref[2]) || 1 : chromatic.reduce((s, c) => s + chroma(c), 0) / chromatic.length;
  const [Lt, at, bt] = rgbToLab(...hexToRgb(target));
  const map = new Map<string, string>();
  for (const c of chromatic) {
    const [L] = labs.get(c)!;
    const k = refC > 12 ? Math.min(1.6, chroma(c) / refC) : 1; // each fill keeps its chroma relative to the main colour
    const Lnew = Math.min(98, Math.max(4, Lt + (L - refL) * 0.8)); // and its shading
    map.set(c, hex(labToRgb(Lnew, at * k, bt * k)));
  }
  return body.replace(COLOUR, (m) => map.get(expand(m)) ?? m);
}

const hueOf = (lab: readonly number[]) => Math.atan2(lab[2], lab[1]);
const hueGap = (a: number, b: number) => {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return d > Math.PI ? 2 * Math.PI - d : d;
};

/**
 * Engine version 2: `main` (the fill covering most of the motif) becomes exactly `target`, and
 * the fills of its family follow with their shading: fills of a near hue, or for a grey or white
 * motif (clouds, skulls, daisy petals) its light neutral fills. Other parts keep their colours, so
 * a lilac flower keeps its yellow heart and green leaves, and outlines and eyes stay dark.
 */
/** Whether a fill is of `main`'s family, the fills tintFamily recolours. */
export function inTintFamily(fill: Hex, main: Hex): boolean {
  if (fill === main) return true;
  const lab = rgbToLab(...hexToRgb(fill));
  const ref = rgbToLab(...hexToRgb(main));
  const C = Math.hypot(lab[1], lab[2]);
  return Math.hypot(ref[1], ref[2]) < 12 ? C < 14 && lab[0] > 22 : C >= 12 && hueGap(hueOf(lab), hueOf(ref)) < 0.8;
}

export function tintFamily(body: string, target: Hex, main: Hex): string {
  const colours = [...new Set([...body.matchAll(COLOUR)].map((m) => expand(m[0])))];
  const labs = new Map(colours.map((c) => [c, rgbToLab(...hexToRgb(c))]));
  const ref = rgbToLab(...hexToRgb(main));
  const refC = Math.hypot(ref[1], ref[2]);
  const neutral = refC < 12;
  const [Lt, at, bt] = rgbToLab(...hexToRgb(target));
  const map = new Map<string, string>();
  for (const c of colours) {
    const lab = labs.get(c)!;
    const C = Math.hypot(lab[1], lab[2]);
    const family = c === main || (neutral ? C < 14 && lab[0] > 22 : C >= 12 && hueGap(hueOf(lab), hueOf(ref)) < 0.8);
    if (!family) continue;
    const k = neutral || refC < 1 ? 1 : Math.min(1.3, Math.max(0.6, C / refC));
    const L = c === main ? Lt : Math.min(98, Math.max(4, Lt + (lab[0] - ref[0]) * 0.7));
    map.set(c, c === main ? target : hex(labToRgb(L, at * k, bt * k)));
  }
  return body.replace(COLOUR, (m) => map.get(expand(m)) ?? m);
}

/**
 * Engine version 2: a motif in a palette's colours ("pastel rainbows", "earth tones leaves").
 * `main` takes the palette's first colour exactly; every other coloured fill takes the palette
 * colour nearest its hue, shaded by its lightness. A palette of greys (monochrome) turns every
 * coloured fill grey, shaded from the first grey. Black, white and greys in the motif stay.
 */
export function recolourToPalette(body: string, palette: Hex[], main: Hex): string {
  const colours = [...new Set([...body.matchAll(COLOUR)].map((m) => expand(m[0])))];
  const labs = new Map(colours.map((c) => [c, rgbToLab(...hexToRgb(c))]));
  const pal = palette.map((p) => ({ hex: p, lab: rgbToLab(...hexToRgb(p)) }));
  const greys = pal.every((p) => Math.hypot(p.lab[1], p.lab[2]) < 6);
  const ref = rgbToLab(...hexToRgb(main));
  const map = new Map<string, string>();
  for (const c of colours) {
    const lab = labs.get(c)!;
    const C = Math.hypot(lab[1], lab[2]);
    if (c === main) {
      map.set(c, pal[0].hex);
      continue;
    }
    if (C < 12) continue;
    if (greys) {
      map.set(c, hex(labToRgb(Math.min(96, Math.max(6, pal[0].lab[0] + (lab[0] - ref[0]) * 0.8)), 0, 0)));
      continue;
    }
    // Fills near the main colour's hue shade the first colour; the rest take the nearest hue of the others.
    const sameAsMain = hueGap(hueOf(lab), hueOf(ref)) < 0.35 && Math.hypot(ref[1], ref[2]) >= 12;
    const rest = pal.length > 1 ? pal.slice(1) : pal;
    const p = sameAsMain ? pal[0] : rest.reduce((a, b) => (hueGap(hueOf(b.lab), hueOf(lab)) < hueGap(hueOf(a.lab), hueOf(lab)) ? b : a));
    const L = sameAsMain ? p.lab[0] + (lab[0] - ref[0]) * 0.6 : p.lab[0] + (lab[0] - p.lab[0]) * 0.15;
    map.set(c, hex(labToRgb(Math.min(97, Math.max(5, L)), p.lab[1], p.lab[2])));
  }
  return body.replace(COLOUR, (m) => map.get(expand(m)) ?? m);
}
