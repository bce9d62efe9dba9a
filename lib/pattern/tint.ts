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
