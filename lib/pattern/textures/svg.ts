// SVG building blocks shared by the textures.
import { TILE } from '../types';
import { hashSeed } from './random';

/** Numbers with at most one decimal: enough at print size, keeps tiles small. */
export const n1 = (v: number) => String(Math.round(v * 10) / 10);

/** Offsets at which a shape reaching `reach` around (x, y) must be drawn again so it wraps. */
export function wrapOffsets(x: number, y: number, reach: number): [number, number][] {
  const xs = [0];
  const ys = [0];
  if (x - reach < 0) xs.push(TILE);
  if (x + reach > TILE) xs.push(-TILE);
  if (y - reach < 0) ys.push(TILE);
  if (y + reach > TILE) ys.push(-TILE);
  const out: [number, number][] = [];
  for (const dx of xs) for (const dy of ys) out.push([dx, dy]);
  return out;
}

/**
 * Element ids unique to (texture, seed, colours): several tiles can share one HTML page (the
 * studio's four candidates), where ids are global and a clash would borrow another tile's gradient.
 */
export function idPrefix(texture: string, seed: number, colours: readonly string[]): string {
  return `tx${texture.replace(/[^a-z0-9]/g, '')}${hashSeed(texture, seed, ...colours).toString(36)}`;
}

/** The texture's markup: its defs, and its body clipped to the tile so nothing spills onto neighbours. */
export function tileMarkup(prefix: string, defs: string, body: string): string {
  const clip = `${prefix}c`;
  return `<defs><clipPath id="${clip}"><rect width="${TILE}" height="${TILE}"/></clipPath>${defs}</defs><g clip-path="url(#${clip})">${body}</g>`;
}

export const groundRect = (fill: string) => `<rect x="-10" y="-10" width="${TILE + 20}" height="${TILE + 20}" fill="${fill}"/>`;

/** A Gaussian blur filter whose region covers the tile and its margin (the default region would cut wrapped copies). */
export function blurFilter(id: string, sigma: number, margin = 3 * sigma + 20): string {
  return `<filter id="${id}" filterUnits="userSpaceOnUse" x="${-margin}" y="${-margin}" width="${TILE + 2 * margin}" height="${TILE + 2 * margin}"><feGaussianBlur stdDeviation="${sigma}"/></filter>`;
}

/** A closed polygon (list of x, y) as path data, smoothed through midpoints when `smooth`. */
export function polygonPath(pts: number[], smooth = false): string {
  const n = pts.length / 2;
  if (!smooth) {
    let d = `M${n1(pts[0])} ${n1(pts[1])}`;
    for (let i = 1; i < n; i++) d += `L${n1(pts[2 * i])} ${n1(pts[2 * i + 1])}`;
    return d + 'Z';
  }
  const mx = (i: number) => (pts[2 * (i % n)] + pts[2 * ((i + 1) % n)]) / 2;
  const my = (i: number) => (pts[2 * (i % n) + 1] + pts[2 * ((i + 1) % n) + 1]) / 2;
  let d = `M${n1(mx(n - 1))} ${n1(my(n - 1))}`;
  for (let i = 0; i < n; i++) d += `Q${n1(pts[2 * i])} ${n1(pts[2 * i + 1])} ${n1(mx(i))} ${n1(my(i))}`;
  return d + 'Z';
}

/** Translates a flat point list. */
export function shift(pts: number[], dx: number, dy: number): number[] {
  return pts.map((v, i) => v + (i % 2 === 0 ? dx : dy));
}
