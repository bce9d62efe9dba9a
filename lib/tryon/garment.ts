// Tops (tee, hoodie): garment region from the body frame and the person mask, occluders
// (skin, hair, held objects) from colour models sampled on the face and the chest, the
// photo's own shading (prints on the worn garment inpainted away), and the design painted at
// its true scale, wrapped around torso and sleeves as cylinders and nudged along the folds.
import type { PersonAnalysis } from './analyze';
import { segmentDistance, v, type BodyFrame } from './body';
import { boxBlur, clamp, fmap, smoothstep, type FMap, type Rgb } from './raster';
import type { TileSampler } from './tile';

export type TopKind = 'tee' | 'hoodie';

export interface PaintResult {
  image: Rgb;
  /** how much of the design covers each pixel, 0..1 */
  alpha: FMap;
  /** the photo's shading at each painted pixel (1 = the garment's median brightness) */
  shading: Float32Array;
  /** the design's own colour (unlit) at each painted pixel, RGB */
  flat: Uint8Array;
  /** the garment region before occluders were cut out (for diagnostics) */
  region: FMap;
  occluderShare: number;
  printShare: number;
}

const PART_TORSO = 1;
const PART_LEFT = 2;
const PART_RIGHT = 3;
const PART_HOOD = 4;

interface Stats {
  r: number;
  g: number;
  sr: number;
  sg: number;
  l: number;
}

function median(a: number[]): number {
  if (!a.length) return 0;
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1];
}

/** The garment's main colour: the peak of a chromaticity histogram, spread from its neighbourhood. */
function dominantColour(photo: Rgb, idx: number[]): Stats | null {
  if (idx.length < 30) return null;
  const B = 50;
  const hist = new Float32Array(B * B);
  const d = photo.data;
  const rs = new Float32Array(idx.length);
  const gs = new Float32Array(idx.length);
  idx.forEach((i, k) => {
    const R = d[3 * i];
    const G = d[3 * i + 1];
    const Bl = d[3 * i + 2];
    const s = R + G + Bl + 3;
    rs[k] = (R + 1) / s;
    gs[k] = (G + 1) / s;
    hist[Math.min(B - 1, Math.floor(rs[k] * B)) * B + Math.min(B - 1, Math.floor(gs[k] * B))]++;
  });
  // smooth 3x3 and take the peak
  let best = 0;
  let bi = 0;
  for (let r = 1; r < B - 1; r++)
    for (let g = 1; g < B - 1; g++) {
      let s = 0;
      for (let dr = -1; dr <= 1; dr++) for (let dg = -1; dg <= 1; dg++) s += hist[(r + dr) * B + g + dg];
      if (s > best) (best = s), (bi = r * B + g);
    }
  const pr = (Math.floor(bi / B) + 0.5) / B;
  const pg = ((bi % B) + 0.5) / B;
  const near: number[] = [];
  idx.forEach((i, k) => {
    if (Math.abs(rs[k] - pr) < 0.07 && Math.abs(gs[k] - pg) < 0.07) near.push(i);
  });
  return colourStats(photo, near.length >= 30 ? near : idx);
}

function colourStats(photo: Rgb, all: number[]): Stats | null {
  if (all.length < 30) return null;
  const step = Math.max(1, Math.floor(all.length / 4000));
  const idx = step > 1 ? all.filter((_, k) => k % step === 0) : all;
  const rs: number[] = [];
  const gs: number[] = [];
  const ls: number[] = [];
  const d = photo.data;
  for (const i of idx) {
    const R = d[3 * i];
    const G = d[3 * i + 1];
    const B = d[3 * i + 2];
    const s = R + G + B + 3;
    rs.push((R + 1) / s);
    gs.push((G + 1) / s);
    ls.push((0.299 * R + 0.587 * G + 0.114 * B) / 255);
  }
  const r = median(rs);
  const g = median(gs);
  const mad = (arr: number[], m: number) => median(arr.map((x) => Math.abs(x - m)));
  return { r, g, sr: Math.max(0.012, 1.4826 * mad(rs, r)), sg: Math.max(0.012, 1.4826 * mad(gs, g)), l: median(ls) };
}

export function paintTop(photo: Rgb, person: PersonAnalysis, f: BodyFrame, kind: TopKind, tile: TileSampler, luma: Float32Array): PaintResult {
  const { w: W, h: H } = photo;
  const sw = f.sw;
  const dbg = process.env.TRYON_DEBUG ? { t: performance.now(), lap(k: string) { const n = performance.now(); console.log('  paintTop', k, Math.round(n - this.t)); this.t = n; } } : null;
  const mask = person.mask.data;
  const hoodie = kind === 'hoodie';

  // ---- geometry (pixels, in the body frame) ----
  const nw = 0.2 * sw; // neck opening half-width
  const neckDepth = hoodie ? 0.05 * sw : 0.11 * sw;
  const hem = (hoodie ? 1.06 : 1.12) * f.torsoLen;
  const halfW = (b: number) => 0.5 * sw * (1.12 - 0.12 * clamp(b / f.torsoLen, 0, 1));
  const topB = (a: number) => {
    const aa = Math.abs(a);
    const shoulderTop = -0.2 * sw + 0.1 * sw * clamp((aa - nw) / (0.5 * sw - nw), 0, 1);
    const na = aa / nw;
    return na < 1 ? Math.max(shoulderTop, neckDepth * Math.sqrt(1 - na * na)) : shoulderTop;
  };
  const arms = [f.arms.left, f.arms.right];
  const sleeveR = (hoodie ? 0.23 : 0.21) * sw;
  const foreR = 0.19 * sw;
  const AA = 1.2; // anti-aliasing half-width of hand-made edges (pixels)

  // bounding box of everything the top can cover
  const pts = [f.toImage(-0.7 * sw, -0.35 * sw), f.toImage(0.7 * sw, -0.35 * sw), f.toImage(-0.7 * sw, hem + 4), f.toImage(0.7 * sw, hem + 4)];
  for (const a of arms) pts.push(a.shoulder, a.elbow, a.wrist);
  const pad = 0.25 * sw;
  const x0 = Math.max(0, Math.floor(Math.min(...pts.map((p) => p.x)) - pad));
  const x1 = Math.min(W - 1, Math.ceil(Math.max(...pts.map((p) => p.x)) + pad));
  const y0 = Math.max(0, Math.floor(Math.min(...pts.map((p) => p.y)) - pad));
  const y1 = Math.min(H - 1, Math.ceil(Math.max(...pts.map((p) => p.y)) + pad));
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const n = bw * bh;

  // pass 1: region weight, part and fabric coordinates (pixels on the flattened garment).
  // Hot loop: plain arithmetic, no allocation.
  const region = new Float32Array(n);
  const part = new Uint8Array(n);
  const fx = new Float32Array(n);
  const fy = new Float32Array(n);
  const det = f.u.x * f.d.y - f.u.y * f.d.x;
  const segs = arms.map((arm) => {
    const mk = (p: { x: number; y: number }, q: { x: number; y: number }) => {
      const L = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      return { px: p.x, py: p.y, dx: (q.x - p.x) / L, dy: (q.y - p.y) / L, L };
    };
    return { up: mk(arm.shoulder, arm.elbow), lo: mk(arm.elbow, arm.wrist) };
  });
  const sleeveStart = -0.25 * sw;
  for (let by = 0; by < bh; by++) {
    const y = y0 + by;
    for (let bx = 0; bx < bw; bx++) {
      const i = by * bw + bx;
      const x = x0 + bx;
      if (mask[y * W + x] < 0.02) continue;
      const ddx = x - f.m.x;
      const ddy = y - f.m.y;
      const a = (ddx * f.d.y - ddy * f.d.x) / det;
      const b = (f.u.x * ddy - f.u.y * ddx) / det;
      const hw = halfW(b);
      const top = topB(a);
      const wt = smoothstep(top - AA, top + AA, b) * (1 - smoothstep(hem - AA, hem + AA, b)) * (1 - smoothstep(hw - AA, hw + AA, Math.abs(a)));
      let best = wt;
      let bestPart = wt > 0 ? PART_TORSO : 0;
      let X = 0;
      let Y = 0;
      // X holds the position across the part until the end, where it is wrapped on a cylinder of radius XR
      let XR = 0;
      let XO = 0;
      if (wt > 0) {
        XR = hw * 1.06;
        X = a;
        Y = b;
      }
      for (let s = 0; s < 2; s++) {
        if (best >= 0.999) break;
        const { up, lo } = segs[s];
        const ux = x - up.px;
        const uy = y - up.py;
        const ut = ux * up.dx + uy * up.dy;
        const us = -ux * up.dy + uy * up.dx;
        const utc = ut < 0 ? 0 : ut > up.L ? up.L : ut;
        const uex = ux - up.dx * utc;
        const uey = uy - up.dy * utc;
        const udist = Math.sqrt(uex * uex + uey * uey);
        if (udist > sleeveR + 0.3 * sw && !hoodie) continue;
        const end = hoodie ? up.L + 0.05 * sw : 0.5 * up.L;
        let ws = (1 - smoothstep(sleeveR - AA, sleeveR + AA, udist)) * smoothstep(sleeveStart - AA, sleeveStart + AA, ut) * (1 - smoothstep(end - AA, end + AA, ut));
        let SX = 0;
        let SY = 0;
        let SR = sleeveR * 1.05;
        if (ws > 0) {
          SX = us;
          SY = ut;
        }
        if (hoodie) {
          const lx = x - lo.px;
          const ly = y - lo.py;
          const lt = lx * lo.dx + ly * lo.dy;
          const ls = -lx * lo.dy + ly * lo.dx;
          const ltc = lt < 0 ? 0 : lt > lo.L ? lo.L : lt;
          const lex = lx - lo.dx * ltc;
          const ley = ly - lo.dy * ltc;
          const ldist = Math.sqrt(lex * lex + ley * ley);
          const cuff = lo.L + 0.02 * sw;
          const wl = (1 - smoothstep(foreR - AA, foreR + AA, ldist)) * smoothstep(-AA, AA, lt) * (1 - smoothstep(cuff - AA, cuff + AA, lt));
          if (wl > ws) {
            ws = wl;
            SX = ls;
            SR = foreR * 1.05;
            SY = up.L + lt;
          }
        }
        // the torso wins where both overlap (the sleeve seam sits at the shoulder edge)
        if (ws > best + 0.02) {
          best = ws;
          bestPart = s === 0 ? PART_LEFT : PART_RIGHT;
          X = SX;
          XR = SR;
          XO = (s === 0 ? 0.37 : 0.71) * tile.period; // each sleeve is its own panel
          Y = SY;
        }
      }
      if (hoodie && best < 0.999) {
        // the hood, down: a thick collar around the back of the neck, above the neckline
        const qa = a / (0.34 * sw);
        const qb = (b + 0.1 * sw) / (0.17 * sw);
        const q = qa * qa + qb * qb;
        const wh = 1 - smoothstep(0.85, 1.05, q);
        if (wh > best + 0.02) {
          best = wh;
          bestPart = PART_HOOD;
          X = a * 1.1;
          XR = 0;
          XO = 0.5 * tile.period;
          Y = b;
        }
      }
      region[i] = best;
      part[i] = bestPart;
      if (best > 0) fx[i] = (XR > 0 ? Math.asin(clamp(X / XR, -0.97, 0.97)) * XR : X) + XO;
      fy[i] = Y;
    }
  }

  dbg?.lap('geometry');
  // ---- colour models: skin (face) and garment (chest) ----
  const sample = (test: (x: number, y: number) => boolean, step = 2) => {
    const out: number[] = [];
    for (let y = y0; y <= y1; y += step) for (let x = x0; x <= x1; x += step) if (mask[y * W + x] > 0.85 && test(x, y)) out.push(y * W + x);
    return out;
  };
  const torsoIdx: number[] = [];
  for (let by = 0; by < bh; by += 2)
    for (let bx = 0; bx < bw; bx += 2) {
      const i = by * bw + bx;
      if (part[i] === PART_TORSO && region[i] > 0.9 && mask[(y0 + by) * W + x0 + bx] > 0.85) torsoIdx.push((y0 + by) * W + x0 + bx);
    }
  const garment = dominantColour(photo, torsoIdx);
  if (process.env.TRYON_DEBUG) console.log('garment', garment, 'n', torsoIdx.length);
  let skin: Stats | null = null;
  if (f.face) {
    const fr = 0.09 * sw;
    const face = f.face;
    const idx: number[] = [];
    for (let y = Math.max(0, Math.floor(face.y - fr)); y <= Math.min(H - 1, face.y + fr); y++)
      for (let x = Math.max(0, Math.floor(face.x - fr)); x <= Math.min(W - 1, face.x + fr); x++)
        if ((x - face.x) ** 2 + (y - face.y) ** 2 <= fr * fr && mask[y * W + x] > 0.85) idx.push(y * W + x);
    skin = colourStats(photo, idx);
    if (process.env.TRYON_DEBUG) console.log("skin", skin, idx.length);
  }
  const d = photo.data;
  const dist2 = (st: Stats, i: number) => {
    const R = d[3 * i];
    const G = d[3 * i + 1];
    const B = d[3 * i + 2];
    const t = R + G + B + 3;
    const dr = ((R + 1) / t - st.r) / st.sr;
    const dg = ((G + 1) / t - st.g) / st.sg;
    return dr * dr + dg * dg;
  };
  // garment likeness by hue and saturation around the grey point: tolerant of shadows and
  // highlights (which change saturation more than hue)
  const gHue = garment ? Math.atan2(garment.g - 1 / 3, garment.r - 1 / 3) : 0;
  const gSat = garment ? Math.hypot(garment.r - 1 / 3, garment.g - 1 / 3) : 0;
  const neutral = gSat < 0.05;
  const lrefG = garment?.l ?? 0.5;
  const offColour = (i: number) => {
    const R = d[3 * i];
    const G = d[3 * i + 1];
    const B = d[3 * i + 2];
    const t = R + G + B + 3;
    const r = (R + 1) / t - 1 / 3;
    const g = (G + 1) / t - 1 / 3;
    const sat = Math.sqrt(r * r + g * g);
    if (luma[i] < 0.2 * lrefG || luma[i] < 0.03) return true; // near-black: chroma is noise, and not this garment
    if (neutral) return sat > Math.max(0.07, 2.2 * gSat);
    if (sat < 0.35 * gSat || sat > 2.5 * gSat + 0.03) return true;
    let dh = Math.abs(Math.atan2(g, r) - gHue);
    if (dh > Math.PI) dh = 2 * Math.PI - dh;
    return dh > (28 * Math.PI) / 180;
  };

  dbg?.lap('colour models');
  // pass 2: candidate occluders = skin-like or off the garment's colour
  const cls = new Uint8Array(n); // 1 skin-like, 2 off-colour
  let regionCount = 0;
  let coreCount = 0;
  let coreOff = 0;
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const i = by * bw + bx;
      if (region[i] < 0.5) continue;
      regionCount++;
      const gi = (y0 + by) * W + x0 + bx;
      const ds = skin ? dist2(skin, gi) : Infinity;
      const off = garment ? offColour(gi) : false;
      const L = luma[gi];
      if (skin && ds < 6 && (off || !garment || ds < dist2(garment, gi)) && Math.abs(L - skin.l) < 0.35) cls[i] = 1;
      else if (off) cls[i] = 2;
      if (part[i] === PART_TORSO && fy[i] > 0.3 * sw) {
        coreCount++;
        if (cls[i] === 2) coreOff++;
      }
    }
  }
  // a printed or multi-coloured garment: the colour gate would eat it, keep only the skin gate
  const printedGarment = coreCount > 0 && coreOff / coreCount > 0.5;
  if (process.env.TRYON_DEBUG) console.log('core off share', coreOff / coreCount);

  dbg?.lap('classify');
  // pass 3: components of candidates: touching the garment's outline or large -> in front
  // (hair, arms, hands, held things); small islands inside the garment -> prints on it
  const occ = new Float32Array(n);
  const print = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const stack: number[] = [];
  const comp: number[] = [];
  for (let s0 = 0; s0 < n; s0++) {
    if (!cls[s0] || seen[s0]) continue;
    if (printedGarment && cls[s0] === 2) continue;
    comp.length = 0;
    let touches = false;
    let skinN = 0;
    seen[s0] = 1;
    stack.push(s0);
    while (stack.length) {
      const j = stack.pop()!;
      comp.push(j);
      if (cls[j] === 1) skinN++;
      const bx = j % bw;
      const by = (j - bx) / bw;
      for (let q = 0; q < 4; q++) {
        const k = q === 0 ? (bx > 0 ? j - 1 : -1) : q === 1 ? (bx < bw - 1 ? j + 1 : -1) : q === 2 ? (by > 0 ? j - bw : -1) : by < bh - 1 ? j + bw : -1;
        if (k < 0 || region[k] < 0.5) {
          touches = true;
          continue;
        }
        if (cls[k] && !seen[k] && !(printedGarment && cls[k] === 2)) {
          seen[k] = 1;
          stack.push(k);
        }
      }
    }
    const isSkin = skinN > comp.length / 2;
    // held things touch a hand; prints (logos, patches) sit inside the garment on their own
    const inFront = isSkin ? comp.length > 12 : touches || skinN > 0.02 * comp.length || comp.length > 0.15 * regionCount;
    if (inFront) for (const j of comp) occ[j] = 1;
    else if (!isSkin) for (const j of comp) print[j] = 1;
  }
  // grow prints by a few pixels: their borders (embroidery, shadows) must not stay in the shading
  for (let it = 0; it < 3; it++) {
    const src = print.slice();
    for (let by = 1; by < bh - 1; by++)
      for (let bx = 1; bx < bw - 1; bx++) {
        const i = by * bw + bx;
        if (src[i] || occ[i] || region[i] < 0.5) continue;
        if (src[i - 1] || src[i + 1] || src[i - bw] || src[i + bw]) print[i] = 1;
      }
  }
  // grow occluders by a pixel (no halo of design around them), then soften the edge
  const grown = new Float32Array(n);
  for (let by = 1; by < bh - 1; by++)
    for (let bx = 1; bx < bw - 1; bx++) {
      const i = by * bw + bx;
      grown[i] = occ[i] || occ[i - 1] || occ[i + 1] || occ[i - bw] || occ[i + bw] ? 1 : 0;
    }
  const occSoft = boxBlur(grown, bw, bh, 1);
  for (let i = 0; i < n; i++) if (occ[i] === 1) occSoft[i] = Math.max(occSoft[i], 0.85);

  dbg?.lap('components');
  // ---- shading: photo luminance relative to the garment's median, prints filled in ----
  let lref = garment?.l ?? 0.5;
  lref = Math.max(lref, 0.04);
  const Lb = new Float32Array(n);
  const gw = new Float32Array(n);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const i = by * bw + bx;
      if (region[i] > 0.5 && !print[i] && occ[i] < 0.5) {
        gw[i] = 1;
        Lb[i] = luma[(y0 + by) * W + x0 + bx];
      }
    }
  }
  const rr = Math.max(2, Math.round(0.035 * sw));
  const num = boxBlur(boxBlur(Lb, bw, bh, rr), bw, bh, rr);
  const den = boxBlur(boxBlur(gw, bw, bh, rr), bw, bh, rr);
  // a coarser fill for the middle of big prints (a patch wider than the fine kernel)
  const num2 = boxBlur(boxBlur(Lb, bw, bh, 4 * rr), bw, bh, 4 * rr);
  const den2 = boxBlur(boxBlur(gw, bw, bh, 4 * rr), bw, bh, 4 * rr);
  const S = new Float32Array(n);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const i = by * bw + bx;
      if (region[i] <= 0) continue;
      let L: number;
      if (gw[i]) L = luma[(y0 + by) * W + x0 + bx];
      else {
        const coarse = den2[i] > 0.01 ? num2[i] / den2[i] : lref;
        const wf = clamp(den[i] / 0.25, 0, 1);
        L = wf > 0 ? wf * (num[i] / den[i]) + (1 - wf) * coarse : coarse;
      }
      S[i] = clamp(L / lref, 0.12, 1.7);
    }
  }
  dbg?.lap('shading');
  // folds nudge the print: displacement along the gradient of the smoothed shading
  const dr = Math.max(1, Math.round(0.012 * sw));
  const Sb = boxBlur(boxBlur(S, bw, bh, dr), bw, bh, dr);
  const maxShift = 0.018 * sw;
  const K = 14 * dr;

  dbg?.lap('displacement');
  // pass 4: paint
  const out: Rgb = { w: W, h: H, data: new Uint8Array(photo.data) };
  const alpha = fmap(W, H);
  const shading = new Float32Array(W * H);
  const flat = new Uint8Array(W * H * 3);
  const fullRegion = fmap(W, H);
  const c = new Float32Array(3);
  let occN = 0;
  let printN = 0;
  for (let by = 1; by < bh - 1; by++) {
    for (let bx = 1; bx < bw - 1; bx++) {
      const i = by * bw + bx;
      const reg = region[i];
      if (reg <= 0) continue;
      const gi = (y0 + by) * W + x0 + bx;
      fullRegion.data[gi] = reg * mask[gi];
      if (reg > 0.5 && occ[i]) occN++;
      if (reg > 0.5 && print[i]) printN++;
      const a = reg * mask[gi] * (1 - occSoft[i]);
      if (a <= 0.003) continue;
      const gx = (Sb[i + 1] - Sb[i - 1]) * 0.5;
      const gy = (Sb[i + bw] - Sb[i - bw]) * 0.5;
      const X = fx[i] + clamp(gx * K, -maxShift, maxShift);
      const Y = fy[i] + clamp(gy * K, -maxShift, maxShift);
      tile.sample(X, Y, c);
      let s = S[i];
      if (part[i] === PART_HOOD) s *= 0.9;
      const o = 3 * gi;
      for (let ch = 0; ch < 3; ch++) {
        const dv = c[ch];
        // multiply by the shading; above 1 the highlight lifts toward white like a sheen
        const lit = s <= 1 ? dv * s : dv + (255 - dv) * Math.min(1, (s - 1) * 0.6) + dv * (s - 1) * 0.25;
        const p = out.data[o + ch];
        out.data[o + ch] = Math.round(clamp(p + (lit - p) * a, 0, 255));
        flat[o + ch] = Math.round(dv);
      }
      alpha.data[gi] = a;
      shading[gi] = s;
    }
  }
  dbg?.lap('paint');
  if (process.env.TRYON_DEBUG_DIR) {
    const dump = new Uint8Array(n * 3);
    for (let i = 0; i < n; i++) {
      dump[3 * i] = occ[i] ? 255 : 0;
      dump[3 * i + 1] = print[i] ? 255 : 0;
      dump[3 * i + 2] = Math.round(region[i] * 120 + (cls[i] ? 100 : 0));
    }
    void import('sharp').then(({ default: sh }) => sh(Buffer.from(dump), { raw: { width: bw, height: bh, channels: 3 } }).png().toFile(`${process.env.TRYON_DEBUG_DIR}/classes-${kind}.png`));
  }
  return { image: out, alpha, shading, flat, region: fullRegion, occluderShare: regionCount ? occN / regionCount : 0, printShare: regionCount ? printN / regionCount : 0 };
}
