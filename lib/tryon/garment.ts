// Tops (tee, hoodie): garment region from the body frame and the person mask, occluders
// (skin, hair, held objects) from colour models sampled on the face and the chest, the
// photo's own shading (prints on the worn garment inpainted away), and the design painted at
// its true scale, wrapped around torso and sleeves as cylinders and nudged along the folds.
import { debugSwitch } from '../env';
import type { PersonAnalysis } from './analyze';
import type { BodyFrame } from './body';
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
  const s = Float64Array.from(a).sort(); // numeric sort, no comparator calls
  return s[s.length >> 1];
}

// asin(clamp(v, ±0.97)) from a table: Math.asin is slow in the per-pixel loop; linear
// interpolation over 4096 steps is within 2e-6 rad (1e-3 px on the widest panel)
const ASIN_N = 4096;
const ASIN = Float64Array.from({ length: ASIN_N + 1 }, (_, k) => Math.asin(-0.97 + (1.94 * k) / ASIN_N));
function asin97(v: number): number {
  const t = (clamp(v, -0.97, 0.97) + 0.97) * (ASIN_N / 1.94);
  const k = Math.min(ASIN_N - 1, t | 0);
  return ASIN[k] + (ASIN[k + 1] - ASIN[k]) * (t - k);
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
      if (s > best) { best = s; bi = r * B + g; }
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

/** The garment's bounding box: every pass works on bw×bh maps, row-major; W is the photo's width. */
interface Box {
  x0: number;
  y0: number;
  bw: number;
  bh: number;
  W: number;
}

/** The top's cut, in pixels of the body frame. */
interface Cut {
  hoodie: boolean;
  sw: number;
  nw: number;
  neckDepth: number;
  hem: number;
  sleeveR: number;
  foreR: number;
}

const AA = 1.2; // anti-aliasing half-width of hand-made edges (pixels)

// Each pass is its own function: V8 optimises a small hot function within the first photo,
// while one big function kept being recompiled on the stack, loop after loop, for several photos.

/** Pass 1: region weight, part and fabric coordinates (pixels on the flattened garment). */
function garmentGeometry(mask: Float32Array, box: Box, f: BodyFrame, cut: Cut, period: number) {
  const { x0, y0, bw, bh, W } = box;
  const { hoodie, sw, nw, neckDepth, hem, sleeveR, foreR } = cut;
  const n = bw * bh;
  const region = new Float32Array(n);
  const part = new Uint8Array(n);
  const fx = new Float32Array(n);
  const fy = new Float32Array(n);
  const halfW = (b: number) => 0.5 * sw * (1.12 - 0.12 * clamp(b / f.torsoLen, 0, 1));
  const topB = (a: number) => {
    const aa = Math.abs(a);
    const shoulderTop = -0.2 * sw + 0.1 * sw * clamp((aa - nw) / (0.5 * sw - nw), 0, 1);
    const na = aa / nw;
    return na < 1 ? Math.max(shoulderTop, neckDepth * Math.sqrt(1 - na * na)) : shoulderTop;
  };
  const det = f.u.x * f.d.y - f.u.y * f.d.x;
  const segs = [f.arms.left, f.arms.right].map((arm) => {
    const mk = (p: { x: number; y: number }, q: { x: number; y: number }) => {
      const L = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      return { px: p.x, py: p.y, dx: (q.x - p.x) / L, dy: (q.y - p.y) / L, L };
    };
    return { up: mk(arm.shoulder, arm.elbow), lo: mk(arm.elbow, arm.wrist) };
  });
  const sleeveStart = -0.25 * sw;
  const { x: mx, y: my } = f.m;
  const { x: ux, y: uy } = f.u;
  const { x: dx, y: dy } = f.d;
  // beyond these the smoothstep weights are exactly 0: skip their evaluation (most pixels)
  const sleeveOut = sleeveR + AA;
  const foreOut = foreR + AA;
  for (let by = 0; by < bh; by++) {
    const y = y0 + by;
    const ddy = y - my;
    for (let bx = 0; bx < bw; bx++) {
      const i = by * bw + bx;
      const x = x0 + bx;
      if (mask[y * W + x] < 0.02) continue;
      const ddx = x - mx;
      const a = (ddx * dy - ddy * dx) / det;
      const b = (ux * ddy - uy * ddx) / det;
      let wt = 0;
      let hw = 0;
      if (b < hem + AA) {
        hw = halfW(b);
        if (Math.abs(a) < hw + AA) {
          const top = topB(a);
          if (b > top - AA) wt = smoothstep(top - AA, top + AA, b) * (1 - smoothstep(hem - AA, hem + AA, b)) * (1 - smoothstep(hw - AA, hw + AA, Math.abs(a)));
        }
      }
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
        const utc = ut < 0 ? 0 : ut > up.L ? up.L : ut;
        const uex = ux - up.dx * utc;
        const uey = uy - up.dy * utc;
        const udist = Math.sqrt(uex * uex + uey * uey);
        if (udist > sleeveR + 0.3 * sw && !hoodie) continue;
        const end = hoodie ? up.L + 0.05 * sw : 0.5 * up.L;
        let ws = 0;
        let SX = 0;
        let SY = 0;
        let SR = sleeveR * 1.05;
        if (udist < sleeveOut && ut > sleeveStart - AA && ut < end + AA) {
          ws = (1 - smoothstep(sleeveR - AA, sleeveR + AA, udist)) * smoothstep(sleeveStart - AA, sleeveStart + AA, ut) * (1 - smoothstep(end - AA, end + AA, ut));
          if (ws > 0) {
            SX = -ux * up.dy + uy * up.dx;
            SY = ut;
          }
        }
        if (hoodie) {
          const lx = x - lo.px;
          const ly = y - lo.py;
          const lt = lx * lo.dx + ly * lo.dy;
          const cuff = lo.L + 0.02 * sw;
          if (lt > -AA && lt < cuff + AA) {
            const ltc = lt < 0 ? 0 : lt > lo.L ? lo.L : lt;
            const lex = lx - lo.dx * ltc;
            const ley = ly - lo.dy * ltc;
            const ldist = Math.sqrt(lex * lex + ley * ley);
            if (ldist < foreOut) {
              const wl = (1 - smoothstep(foreR - AA, foreR + AA, ldist)) * smoothstep(-AA, AA, lt) * (1 - smoothstep(cuff - AA, cuff + AA, lt));
              if (wl > ws) {
                ws = wl;
                SX = -lx * lo.dy + ly * lo.dx;
                SR = foreR * 1.05;
                SY = up.L + lt;
              }
            }
          }
        }
        // the torso wins where both overlap (the sleeve seam sits at the shoulder edge)
        if (ws > best + 0.02) {
          best = ws;
          bestPart = s === 0 ? PART_LEFT : PART_RIGHT;
          X = SX;
          XR = SR;
          XO = (s === 0 ? 0.37 : 0.71) * period; // each sleeve is its own panel
          Y = SY;
        }
      }
      if (hoodie && best < 0.999) {
        // the hood, down: a thick collar around the back of the neck, above the neckline
        const qa = a / (0.34 * sw);
        const qb = (b + 0.1 * sw) / (0.17 * sw);
        const q = qa * qa + qb * qb;
        const wh = q < 1.05 ? 1 - smoothstep(0.85, 1.05, q) : 0;
        if (wh > best + 0.02) {
          best = wh;
          bestPart = PART_HOOD;
          X = a * 1.1;
          XR = 0;
          XO = 0.5 * period;
          Y = b;
        }
      }
      region[i] = best;
      part[i] = bestPart;
      if (best > 0) fx[i] = (XR > 0 ? asin97(X / XR) * XR : X) + XO;
      fy[i] = Y;
    }
  }
  return { region, part, fx, fy };
}

/** Colour models: the garment's (chest) and the skin's (face). */
function colourModels(photo: Rgb, mask: Float32Array, box: Box, region: Float32Array, part: Uint8Array, f: BodyFrame) {
  const { x0, y0, bw, bh, W } = box;
  const H = photo.h;
  const torsoIdx: number[] = [];
  for (let by = 0; by < bh; by += 2)
    for (let bx = 0; bx < bw; bx += 2) {
      const i = by * bw + bx;
      if (part[i] === PART_TORSO && region[i] > 0.9 && mask[(y0 + by) * W + x0 + bx] > 0.85) torsoIdx.push((y0 + by) * W + x0 + bx);
    }
  const garment = dominantColour(photo, torsoIdx);
  if (debugSwitch('TRYON_DEBUG')) console.log('garment', garment, 'n', torsoIdx.length);
  let skin: Stats | null = null;
  if (f.face) {
    const fr = 0.09 * f.sw;
    const face = f.face;
    const idx: number[] = [];
    for (let y = Math.max(0, Math.floor(face.y - fr)); y <= Math.min(H - 1, face.y + fr); y++)
      for (let x = Math.max(0, Math.floor(face.x - fr)); x <= Math.min(W - 1, face.x + fr); x++)
        if ((x - face.x) ** 2 + (y - face.y) ** 2 <= fr * fr && mask[y * W + x] > 0.85) idx.push(y * W + x);
    skin = colourStats(photo, idx);
    if (debugSwitch('TRYON_DEBUG')) console.log('skin', skin, idx.length);
  }
  return { garment, skin };
}

/** Pass 2: candidate occluders, 1 skin-like, 2 off the garment's colour. */
function classify(photo: Rgb, luma: Float32Array, box: Box, region: Float32Array, part: Uint8Array, fy: Float32Array, sw: number, garment: Stats | null, skin: Stats | null) {
  const { x0, y0, bw, bh, W } = box;
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
  const cls = new Uint8Array(bw * bh);
  let candidates = 0;
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
      if (cls[i]) candidates++;
      if (part[i] === PART_TORSO && fy[i] > 0.3 * sw) {
        coreCount++;
        if (cls[i] === 2) coreOff++;
      }
    }
  }
  // a printed or multi-coloured garment: the colour gate would eat it, keep only the skin gate
  const printedGarment = coreCount > 0 && coreOff / coreCount > 0.5;
  if (debugSwitch('TRYON_DEBUG')) console.log('core off share', coreOff / coreCount);
  return { cls, candidates, regionCount, printedGarment };
}

/**
 * Pass 3: components of candidates: touching the garment's outline or large -> in front
 * (hair, arms, hands, held things); small islands inside the garment -> prints on it.
 */
function splitCandidates(cls: Uint8Array, candidates: number, region: Float32Array, bw: number, bh: number, printedGarment: boolean, regionCount: number) {
  const n = bw * bh;
  const occ = new Uint8Array(n);
  const print = new Uint8Array(n);
  const seen = new Uint8Array(n);
  // every candidate enters one component at most: flat index lists, no array growth
  const stack = new Int32Array(candidates);
  const comp = new Int32Array(candidates);
  const printed: number[] = [];
  const joins = (k: number) => cls[k] !== 0 && !seen[k] && !(printedGarment && cls[k] === 2);
  for (let s0 = 0; s0 < n; s0++) {
    if (!cls[s0] || seen[s0]) continue;
    if (printedGarment && cls[s0] === 2) continue;
    let compN = 0;
    let sp = 0;
    let touches = false;
    let skinN = 0;
    seen[s0] = 1;
    stack[sp++] = s0;
    while (sp) {
      const j = stack[--sp];
      comp[compN++] = j;
      if (cls[j] === 1) skinN++;
      const bx = j % bw;
      const by = (j - bx) / bw;
      // a neighbour outside the box or the garment: the component touches the outline
      if (bx === 0 || region[j - 1] < 0.5) touches = true;
      else if (joins(j - 1)) { seen[j - 1] = 1; stack[sp++] = j - 1; }
      if (bx === bw - 1 || region[j + 1] < 0.5) touches = true;
      else if (joins(j + 1)) { seen[j + 1] = 1; stack[sp++] = j + 1; }
      if (by === 0 || region[j - bw] < 0.5) touches = true;
      else if (joins(j - bw)) { seen[j - bw] = 1; stack[sp++] = j - bw; }
      if (by === bh - 1 || region[j + bw] < 0.5) touches = true;
      else if (joins(j + bw)) { seen[j + bw] = 1; stack[sp++] = j + bw; }
    }
    const isSkin = skinN > compN / 2;
    // held things touch a hand; prints (logos, patches) sit inside the garment on their own
    const inFront = isSkin ? compN > 12 : touches || skinN > 0.02 * compN || compN > 0.15 * regionCount;
    if (inFront) for (let c = 0; c < compN; c++) occ[comp[c]] = 1;
    else if (!isSkin)
      for (let c = 0; c < compN; c++) {
        print[comp[c]] = 1;
        printed.push(comp[c]);
      }
  }
  // grow prints by a few pixels: their borders (embroidery, shadows) must not stay in the
  // shading. Ring by ring from the pixels added last (the rest of the box cannot change).
  let ring = printed;
  for (let it = 0; it < 3; it++) {
    const next: number[] = [];
    for (const j of ring) {
      for (let q = 0; q < 4; q++) {
        const k = q === 0 ? j - 1 : q === 1 ? j + 1 : q === 2 ? j - bw : j + bw;
        const kx = k % bw;
        if (k < bw || k >= n - bw || kx === 0 || kx === bw - 1) continue; // inner pixels only
        if (print[k] || occ[k] || region[k] < 0.5) continue;
        print[k] = 1;
        next.push(k);
      }
    }
    ring = next;
  }
  return { occ, print };
}

/** Occluders grown by a pixel (no halo of design around them), with a soft edge. */
function occluderCover(occ: Uint8Array, bw: number, bh: number): Float32Array {
  const grown = new Float32Array(bw * bh);
  for (let by = 1; by < bh - 1; by++)
    for (let bx = 1; bx < bw - 1; bx++) {
      const i = by * bw + bx;
      grown[i] = occ[i] || occ[i - 1] || occ[i + 1] || occ[i - bw] || occ[i + bw] ? 1 : 0;
    }
  const soft = boxBlur(grown, bw, bh, 1, grown);
  for (let i = 0; i < soft.length; i++) if (occ[i]) soft[i] = Math.max(soft[i], 0.85);
  return soft;
}

/** Shading: the photo's luminance relative to the garment's, prints and occluders filled in. */
function garmentShading(luma: Float32Array, box: Box, region: Float32Array, occ: Uint8Array, print: Uint8Array, lref: number, sw: number): Float32Array {
  const { x0, y0, bw, bh, W } = box;
  const n = bw * bh;
  const garmentPx = (i: number) => region[i] > 0.5 && !print[i] && !occ[i];
  // the photo's luminance on the garment, -1 elsewhere
  const garmentL = (by: number, bx: number) => (garmentPx(by * bw + bx) ? luma[(y0 + by) * W + x0 + bx] : -1);
  // the fills are wide blurs (smooth): computed at half size, read back bilinearly where needed.
  // Lh, gh: 2×2 means of the garment's luminance (0 off the garment) and of its weight; an odd
  // last row or column pairs with itself.
  const rr = Math.max(2, Math.round(0.035 * sw));
  const Lh = fmap((bw + 1) >> 1, (bh + 1) >> 1);
  const gh = fmap(Lh.w, Lh.h);
  for (let y2 = 0; y2 < Lh.h; y2++) {
    const r0 = 2 * y2;
    const r1 = Math.min(bh - 1, r0 + 1);
    for (let x2 = 0; x2 < Lh.w; x2++) {
      const c0 = 2 * x2;
      const c1 = Math.min(bw - 1, c0 + 1);
      const a = garmentL(r0, c0);
      const b = garmentL(r0, c1);
      const c = garmentL(r1, c0);
      const d = garmentL(r1, c1);
      Lh.data[y2 * Lh.w + x2] = ((a > 0 ? a : 0) + (b > 0 ? b : 0) + (c > 0 ? c : 0) + (d > 0 ? d : 0)) * 0.25;
      gh.data[y2 * Lh.w + x2] = ((a >= 0 ? 1 : 0) + (b >= 0 ? 1 : 0) + (c >= 0 ? 1 : 0) + (d >= 0 ? 1 : 0)) * 0.25;
    }
  }
  const blur2 = (m: FMap, r: number) => {
    const once = boxBlur(m.data, m.w, m.h, r);
    return boxBlur(once, m.w, m.h, r, once);
  };
  const num = blur2(Lh, Math.max(1, Math.round(rr / 2)));
  const den = blur2(gh, Math.max(1, Math.round(rr / 2)));
  // a coarser fill for the middle of big prints (a patch wider than the fine kernel)
  const num2 = blur2(Lh, 2 * rr);
  const den2 = blur2(gh, 2 * rr);
  const hw2 = Lh.w;
  const S = new Float32Array(n);
  for (let by = 0; by < bh; by++) {
    const hy = clamp(by / 2 - 0.25, 0, Lh.h - 1);
    const hy0 = Math.floor(hy);
    const hy1 = Math.min(Lh.h - 1, hy0 + 1) * hw2;
    const ty = hy - hy0;
    for (let bx = 0; bx < bw; bx++) {
      const i = by * bw + bx;
      if (region[i] <= 0) continue;
      let L: number;
      if (garmentPx(i)) L = luma[(y0 + by) * W + x0 + bx];
      else {
        const hx = clamp(bx / 2 - 0.25, 0, hw2 - 1);
        const hx0 = Math.floor(hx);
        const hx1 = Math.min(hw2 - 1, hx0 + 1);
        const tx = hx - hx0;
        const j00 = hy0 * hw2 + hx0;
        const j01 = hy0 * hw2 + hx1;
        const j10 = hy1 + hx0;
        const j11 = hy1 + hx1;
        const w00 = (1 - tx) * (1 - ty);
        const w01 = tx * (1 - ty);
        const w10 = (1 - tx) * ty;
        const w11 = tx * ty;
        const d2 = den2[j00] * w00 + den2[j01] * w01 + den2[j10] * w10 + den2[j11] * w11;
        const coarse = d2 > 0.01 ? (num2[j00] * w00 + num2[j01] * w01 + num2[j10] * w10 + num2[j11] * w11) / d2 : lref;
        const d1 = den[j00] * w00 + den[j01] * w01 + den[j10] * w10 + den[j11] * w11;
        const wf = clamp(d1 / 0.25, 0, 1);
        const n1 = num[j00] * w00 + num[j01] * w01 + num[j10] * w10 + num[j11] * w11;
        L = wf > 0 ? wf * (n1 / d1) + (1 - wf) * coarse : coarse;
      }
      S[i] = clamp(L / lref, 0.12, 1.7);
    }
  }
  return S;
}

interface Layers {
  region: Float32Array;
  part: Uint8Array;
  fx: Float32Array;
  fy: Float32Array;
  occ: Uint8Array;
  print: Uint8Array;
  cover: Float32Array;
  S: Float32Array;
}

/** Pass 4: the design, lit by the photo's shading and nudged along the folds. */
function paintLayers(photo: Rgb, mask: Float32Array, box: Box, L: Layers, sw: number, tile: TileSampler) {
  const { x0, y0, bw, bh, W } = box;
  const { region, part, fx, fy, occ, print, cover, S } = L;
  const H = photo.h;
  // folds nudge the print: displacement along the gradient of the smoothed shading
  const dr = Math.max(1, Math.round(0.012 * sw));
  const Sb = boxBlur(S, bw, bh, dr);
  boxBlur(Sb, bw, bh, dr, Sb);
  const maxShift = 0.018 * sw;
  const K = 14 * dr;
  const image: Rgb = { w: W, h: H, data: new Uint8Array(photo.data) };
  const alpha = fmap(W, H);
  const shading = new Float32Array(W * H);
  const flat = new Uint8Array(W * H * 3);
  const fullRegion = fmap(W, H);
  const od = image.data;
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
      const a = reg * mask[gi] * (1 - cover[i]);
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
        const p = od[o + ch];
        const q = p + (lit - p) * a;
        od[o + ch] = q <= 0 ? 0 : q >= 255 ? 255 : (q + 0.5) | 0; // Math.round for q ≥ 0, cheaper
        flat[o + ch] = (dv + 0.5) | 0;
      }
      alpha.data[gi] = a;
      shading[gi] = s;
    }
  }
  return { image, alpha, shading, flat, region: fullRegion, occN, printN };
}

export function paintTop(photo: Rgb, person: PersonAnalysis, f: BodyFrame, kind: TopKind, tile: TileSampler, luma: Float32Array): PaintResult {
  const { w: W, h: H } = photo;
  const sw = f.sw;
  const dbg = debugSwitch('TRYON_DEBUG') ? { t: performance.now(), lap(k: string) { const n = performance.now(); console.log('  paintTop', k, Math.round(n - this.t)); this.t = n; } } : null;
  const mask = person.mask.data;
  const hoodie = kind === 'hoodie';
  const cut: Cut = {
    hoodie,
    sw,
    nw: 0.2 * sw, // neck opening half-width
    neckDepth: hoodie ? 0.05 * sw : 0.11 * sw,
    hem: (hoodie ? 1.06 : 1.12) * f.torsoLen,
    sleeveR: (hoodie ? 0.23 : 0.21) * sw,
    foreR: 0.19 * sw,
  };

  // bounding box of everything the top can cover
  const pts = [f.toImage(-0.7 * sw, -0.35 * sw), f.toImage(0.7 * sw, -0.35 * sw), f.toImage(-0.7 * sw, cut.hem + 4), f.toImage(0.7 * sw, cut.hem + 4)];
  for (const a of [f.arms.left, f.arms.right]) pts.push(a.shoulder, a.elbow, a.wrist);
  const pad = 0.25 * sw;
  const x0 = Math.max(0, Math.floor(Math.min(...pts.map((p) => p.x)) - pad));
  const x1 = Math.min(W - 1, Math.ceil(Math.max(...pts.map((p) => p.x)) + pad));
  const y0 = Math.max(0, Math.floor(Math.min(...pts.map((p) => p.y)) - pad));
  const y1 = Math.min(H - 1, Math.ceil(Math.max(...pts.map((p) => p.y)) + pad));
  const box: Box = { x0, y0, bw: x1 - x0 + 1, bh: y1 - y0 + 1, W };
  const { bw, bh } = box;

  const { region, part, fx, fy } = garmentGeometry(mask, box, f, cut, tile.period);
  dbg?.lap('geometry');
  const { garment, skin } = colourModels(photo, mask, box, region, part, f);
  dbg?.lap('colour models');
  const { cls, candidates, regionCount, printedGarment } = classify(photo, luma, box, region, part, fy, sw, garment, skin);
  dbg?.lap('classify');
  const { occ, print } = splitCandidates(cls, candidates, region, bw, bh, printedGarment, regionCount);
  const cover = occluderCover(occ, bw, bh);
  dbg?.lap('components');
  const S = garmentShading(luma, box, region, occ, print, Math.max(garment?.l ?? 0.5, 0.04), sw);
  dbg?.lap('shading');
  const { occN, printN, ...paint } = paintLayers(photo, mask, box, { region, part, fx, fy, occ, print, cover, S }, sw, tile);
  dbg?.lap('paint');
  if (debugSwitch('TRYON_DEBUG_DIR')) {
    const dump = new Uint8Array(bw * bh * 3);
    for (let i = 0; i < bw * bh; i++) {
      dump[3 * i] = occ[i] ? 255 : 0;
      dump[3 * i + 1] = print[i] ? 255 : 0;
      dump[3 * i + 2] = Math.round(region[i] * 120 + (cls[i] ? 100 : 0));
    }
    void import('sharp').then(({ default: sh }) => sh(Buffer.from(dump), { raw: { width: bw, height: bh, channels: 3 } }).png().toFile(`${debugSwitch('TRYON_DEBUG_DIR')}/classes-${kind}.png`));
  }
  return { ...paint, occluderShare: regionCount ? occN / regionCount : 0, printShare: regionCount ? printN / regionCount : 0 };
}
