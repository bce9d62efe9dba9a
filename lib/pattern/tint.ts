// Recolours a motif to the colour a shopper asked for ("blue cats"): its coloured fills take
// the requested hue and chroma, keeping their light-to-dark shading; black, white and greys
// (eyes, outlines, highlights) stay as drawn.
import { hex, hexToRgb, labToRgb, rgbToLab } from '../print/colour';
import type { Hex } from './types';

const COLOUR = /#([0-9a-f]{6}|[0-9a-f]{3})\b/gi;
const expand = (h: string) => (h.length === 4 ? `#${h[1]}${h[1]}${h[2]}${h[2]}${h[3]}${h[3]}` : h).toLowerCase();

export function tintMotif(body: string, target: Hex): string {
  const colours = [...new Set([...body.matchAll(COLOUR)].map((m) => expand(m[0])))];
  const labs = new Map(colours.map((c) => [c, rgbToLab(...hexToRgb(c))]));
  const chromatic = colours.filter((c) => Math.hypot(labs.get(c)![1], labs.get(c)![2]) > 12);
  if (!chromatic.length) return body;
  const meanL = chromatic.reduce((s, c) => s + labs.get(c)![0], 0) / chromatic.length;
  const meanC = chromatic.reduce((s, c) => s + Math.hypot(labs.get(c)![1], labs.get(c)![2]), 0) / chromatic.length;
  const [Lt, at, bt] = rgbToLab(...hexToRgb(target));
  const Ct = Math.hypot(at, bt) || 1;
  const map = new Map<string, string>();
  for (const c of chromatic) {
    const [L, a, b] = labs.get(c)!;
    const k = Math.hypot(a, b) / meanC; // keep each fill's chroma relative to the motif's
    const Lnew = Math.min(98, Math.max(4, Lt + (L - meanL) * 0.8));
    map.set(c, hex(labToRgb(Lnew, (at / Ct) * Ct * k, (bt / Ct) * Ct * k)));
  }
  return body.replace(COLOUR, (m) => map.get(expand(m)) ?? m);
}
