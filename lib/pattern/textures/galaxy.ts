// Galaxy: a night-sky ground with nebula clouds (noise regions in three colours, blurred widely
// so they glow and merge), a brighter core inside the densest cloud, and stars: a dusting of
// pin-points, fewer larger ones with a soft radial halo, and a few four-point sparkles.
// Blurred clouds are drawn over a margin wider than the blur, and stars near an edge are drawn
// again on the far side, so the glow and the stars continue across the edges.
// From engine version 2 the clouds are flat posterised bands and the stars flat dots (no blur
// or gradient): librsvg blurs a lone tile against empty canvas past its edges, which showed as
// a seam, and glow prints soft.
import type { Hex, TextureDef } from '../types';
import { lighten, resolveColours } from './colour';
import { quantile, regionPath, sampleGrid } from './contour';
import { fbm } from './noise';
import { hashSeed, rng } from './random';
import { blurFilter, groundRect, idPrefix, n1, tileMarkup, wrapOffsets } from './svg';

const DEFAULTS: Hex[] = ['#0b0b24', '#5b2c8f', '#1e6bb8', '#e0559f', '#ffffff'];

export const galaxy: TextureDef = {
  id: 'galaxy',
  keywords: [
    'galaxy', 'space', 'outer space', 'nebula', 'cosmos', 'cosmic', 'universe', 'milky way', 'starry night sky',
    'galaxia', 'nebulosa', 'espacio exterior', 'cosmos estrellado',
    'galaxie', 'nébuleuse', 'espace', 'cosmique',
    'weltall', 'weltraum', 'nebel galaxie', 'kosmos',
    'galassia', 'spazio', 'cosmo',
    'galáxia', 'espaço', 'cosmo estrelado',
    'sterrenstelsel', 'heelal', 'melkweg', 'ruimte',
    'galaktyka', 'kosmos gwiazdy', 'mgławica', 'wszechświat',
    '銀河', 'ギャラクシー', '宇宙', '星雲',
    '银河', '星云', '星空', '宇宙星空',
    'галактика', 'космос', 'туманность', 'вселенная',
  ],
  colours: 5,
  defaultColours: DEFAULTS,
  render({ seed, colours, v = 1 }) {
    const c = resolveColours(colours, DEFAULTS);
    const id = idPrefix('galaxy', seed, c);
    const rand = rng(hashSeed(seed, 'galaxy'));
    const flat = v >= 2;
    const defs = flat
      ? ''
      : blurFilter(`${id}n`, 28, 110) +
      blurFilter(`${id}m`, 12, 60) +
      `<radialGradient id="${id}h"><stop offset="0" stop-color="${c[4]}" stop-opacity="0.9"/><stop offset="0.25" stop-color="${c[4]}" stop-opacity="0.35"/><stop offset="1" stop-color="${c[4]}" stop-opacity="0"/></radialGradient>`;
    let body = groundRect(c[0]);
    // A shared band field makes the three clouds lie along one sweep, like a galaxy arm.
    const arm = fbm(hashSeed(seed, 'arm'), { px: 1, py: 1, octaves: 2 });
    for (let k = 1; k <= 3; k++) {
      const f = fbm(hashSeed(seed, 'neb', k), { px: 3, py: 3, octaves: 4, gain: 0.55 });
      const g = sampleGrid((x, y) => f(x, y) + 0.6 * arm(x, y), 10, 120);
      if (flat) {
        body += `<path fill="${c[k]}" fill-rule="evenodd" d="${regionPath(g, quantile(g, 0.6 + 0.05 * k))}"/>`;
        if (k === 3) body += `<path fill="${lighten(c[k], 0.35)}" fill-rule="evenodd" d="${regionPath(g, quantile(g, 0.93))}"/>`;
        continue;
      }
      body += `<path fill="${c[k]}" fill-opacity="0.8" fill-rule="evenodd" filter="url(#${id}n)" d="${regionPath(g, quantile(g, 0.6 + 0.05 * k))}"/>`;
      if (k === 3) body += `<path fill="${lighten(c[k], 0.35)}" fill-opacity="0.55" fill-rule="evenodd" filter="url(#${id}m)" d="${regionPath(g, quantile(g, 0.93))}"/>`;
    }
    let dust = '';
    for (let i = 0; i < 420; i++) {
      const x = rand.range(0, 1000);
      const y = rand.range(0, 1000);
      const r = rand.next() < 0.85 ? rand.range(0.8, 1.6) : rand.range(1.6, 2.8);
      for (const [dx, dy] of wrapOffsets(x, y, r)) dust += `M${n1(x + dx - r)} ${n1(y + dy)}a${n1(r)} ${n1(r)} 0 1 0 ${n1(2 * r)} 0a${n1(r)} ${n1(r)} 0 1 0 ${n1(-2 * r)} 0Z`;
    }
    body += `<path fill="${c[4]}"${flat ? '' : ' fill-opacity="0.9"'} d="${dust}"/>`;
    for (let i = 0; i < 16; i++) {
      const x = rand.range(0, 1000);
      const y = rand.range(0, 1000);
      const r = rand.range(9, 20);
      const sparkle = i < 5;
      for (const [dx, dy] of wrapOffsets(x, y, r * 2.2)) {
        const cx = x + dx;
        const cy = y + dy;
        if (flat) body += `<circle cx="${n1(cx)}" cy="${n1(cy)}" r="${n1(r * 0.3)}" fill="${c[4]}"/>`;
        else body += `<circle cx="${n1(cx)}" cy="${n1(cy)}" r="${n1(r)}" fill="url(#${id}h)"/><circle cx="${n1(cx)}" cy="${n1(cy)}" r="${n1(r * 0.16)}" fill="${c[4]}"/>`;
        if (sparkle) {
          const l = r * 2;
          const w = r * 0.14;
          body += `<path fill="${c[4]}" d="M${n1(cx - l)} ${n1(cy)}L${n1(cx - w)} ${n1(cy - w)}L${n1(cx)} ${n1(cy - l)}L${n1(cx + w)} ${n1(cy - w)}L${n1(cx + l)} ${n1(cy)}L${n1(cx + w)} ${n1(cy + w)}L${n1(cx)} ${n1(cy + l)}L${n1(cx - w)} ${n1(cy + w)}Z"/>`;
        }
      }
    }
    return tileMarkup(id, defs, body);
  },
};
