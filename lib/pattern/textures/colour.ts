// Colour helpers for textures: shades derived from the shopper's colours (never new hues), so
// what was asked for stays what is printed.
import type { Hex } from '../types';

export type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.split('').map((c) => c + c).join('') : h.padEnd(6, '0').slice(0, 6);
  const n = parseInt(full, 16);
  return Number.isFinite(n) ? [(n >> 16) & 255, (n >> 8) & 255, n & 255] : [0, 0, 0];
}

export function rgbToHex([r, g, b]: Rgb): Hex {
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** Linear blend in sRGB: t = 0 gives a, t = 1 gives b. */
export function mix(a: string, b: string, t: number): Hex {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  return rgbToHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

export const darken = (c: string, t: number): Hex => mix(c, '#000000', t);
export const lighten = (c: string, t: number): Hex => mix(c, '#ffffff', t);

/** Relative luminance 0..1 (sRGB approximation, enough to pick light or dark accents). */
export function luminance(c: string): number {
  const [r, g, b] = hexToRgb(c);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** The shopper's colours, lower case, topped up from the defaults when fewer were given. */
export function resolveColours(given: readonly string[] | undefined, defaults: readonly Hex[]): Hex[] {
  const valid = (given ?? []).filter((c) => /^#[0-9a-fA-F]{6}$/.test(c)).map((c) => c.toLowerCase() as Hex);
  return defaults.map((d, i) => valid[i] ?? d);
}
