// Products that are not worn: a tote held at the side, a mug or a phone case in the hand, a
// poster on the wall behind. Each is a printed quad placed from the body frame, at true size
// (inches × the photo's pixels per inch), shaded by a simple form model times the photo's own
// light, in front of the person (tote, mug, phone) or behind them (poster).
import type { PersonAnalysis } from './analyze';
import { add, mul, sub, unit, v, type BodyFrame, type Vec } from './body';
import type { PaintResult } from './garment';
import { blur3, clamp, fmap, smoothstep, type Rgb } from './raster';
import type { TileSampler } from './tile';

export type AccessoryKind = 'tote' | 'mug' | 'poster' | 'phone-case';

/** Real sizes in inches (width × height of the printed face). */
export const ACCESSORY_SIZE_IN: Record<AccessoryKind, { w: number; h: number }> = {
  tote: { w: 15, h: 16 },
  mug: { w: 3.3, h: 3.8 },
  poster: { w: 18, h: 24 },
  'phone-case': { w: 2.95, h: 6.1 },
};

interface Quad {
  /** centre */
  c: Vec;
  /** unit axes: ex across, ey down */
  ex: Vec;
  ey: Vec;
  w: number;
  h: number;
  radius: number;
}

function bbox(q: Quad, W: number, H: number, pad: number) {
  const cs = [-1, 1].flatMap((sx) => [-1, 1].map((sy) => add(q.c, add(mul(q.ex, (sx * q.w) / 2), mul(q.ey, (sy * q.h) / 2)))));
  return {
    x0: Math.max(0, Math.floor(Math.min(...cs.map((p) => p.x)) - pad)),
    x1: Math.min(W - 1, Math.ceil(Math.max(...cs.map((p) => p.x)) + pad)),
    y0: Math.max(0, Math.floor(Math.min(...cs.map((p) => p.y)) - pad)),
    y1: Math.min(H - 1, Math.ceil(Math.max(...cs.map((p) => p.y)) + pad)),
  };
}

/** Local coordinates of pixel (x,y) in the quad: u across 0..w, t down 0..h; coverage with AA. */
function local(q: Quad, x: number, y: number) {
  const dx = x - q.c.x;
  const dy = y - q.c.y;
  const u = dx * q.ex.x + dy * q.ex.y + q.w / 2;
  const t = dx * q.ey.x + dy * q.ey.y + q.h / 2;
  // rounded-rectangle signed distance
  const ax = Math.abs(u - q.w / 2) - (q.w / 2 - q.radius);
  const ay = Math.abs(t - q.h / 2) - (q.h / 2 - q.radius);
  const outside = Math.hypot(Math.max(ax, 0), Math.max(ay, 0)) + Math.min(Math.max(ax, ay), 0) - q.radius;
  return { u, t, cover: 1 - smoothstep(-0.8, 0.8, outside) };
}

function blend(out: Uint8Array, o: number, rgb: ArrayLike<number>, a: number) {
  for (let c = 0; c < 3; c++) out[o + c] = Math.round(clamp(out[o + c] + (rgb[c] - out[o + c]) * a, 0, 255));
}

/** The photo's light around a spot, relative to the whole photo (keeps a dim corner dim). */
function localLight(luma: Float32Array, W: number, H: number, p: Vec, r: number): number {
  let s = 0;
  let n = 0;
  let all = 0;
  for (let i = 0; i < luma.length; i += 97) all += luma[i];
  all /= Math.ceil(luma.length / 97);
  for (let y = Math.max(0, Math.floor(p.y - r)); y < Math.min(H, p.y + r); y += 3)
    for (let x = Math.max(0, Math.floor(p.x - r)); x < Math.min(W, p.x + r); x += 3) {
      s += luma[y * W + x];
      n++;
    }
  return n ? clamp(s / n / Math.max(all, 0.05), 0.6, 1.25) : 1;
}

/** Which hand holds things: the more confident wrist that is inside the photo. */
function holdingHand(person: PersonAnalysis, f: BodyFrame): Vec | null {
  const k = person.keypoints;
  const cands = [k.left_wrist, k.right_wrist].filter((w) => w.score >= 0.35 && w.x > 0 && w.y > 0 && w.x < person.w && w.y < person.h);
  cands.sort((a, b) => b.score - a.score);
  return cands[0] ? v(cands[0].x, cands[0].y) : f.sw ? null : null;
}

export function paintAccessory(photo: Rgb, person: PersonAnalysis, f: BodyFrame, kind: AccessoryKind, tile: TileSampler, luma: Float32Array): PaintResult {
  const { w: W, h: H } = photo;
  const out: Rgb = { w: W, h: H, data: new Uint8Array(photo.data) };
  const alpha = fmap(W, H);
  const shading = new Float32Array(W * H);
  const flat = new Uint8Array(W * H * 3);
  const size = ACCESSORY_SIZE_IN[kind];
  const ppi = f.pxPerIn;
  // a poster hangs on the wall some way behind the person: perspective makes it smaller
  const depth = kind === 'poster' ? 0.62 : 1;
  const qw = size.w * ppi * depth;
  const qh = size.h * ppi * depth;
  /** the hand, only if an item of height h held there would be fully in the photo */
  const handFits = (h: number, w: number) => hand && hand.y - 1.1 * h > 0 && hand.y + 0.2 * h < H && hand.x - w > 0 && hand.x + w < W;
  const keepIn = (p: Vec, w: number, h: number, visible = 1): Vec => v(clamp(p.x, w / 2, W - w / 2), clamp(p.y, h / 2, H - h / 2 + (1 - visible) * h));
  const mask = person.mask.data;
  const c = new Float32Array(3);
  const hand = holdingHand(person, f);
  const right = f.u; // along the shoulders
  const down = f.d;

  /** Each pixel the quad covers (a: its coverage, less what the person hides when it is behind). */
  const eachCovered = (q: Quad, behind: boolean, paint: (gi: number, u: number, t: number, a: number) => void) => {
    const b = bbox(q, W, H, 2);
    for (let y = b.y0; y <= b.y1; y++)
      for (let x = b.x0; x <= b.x1; x++) {
        const { u, t, cover } = local(q, x, y);
        if (cover <= 0.003) continue;
        const gi = y * W + x;
        paint(gi, u, t, behind ? cover * (1 - mask[gi]) : cover);
      }
  };
  const paintFace = (q: Quad, shade: (u: number, t: number) => number, behind = false, wrapCylinder = false) => {
    const light = localLight(luma, W, H, q.c, Math.max(q.w, q.h) * 0.75);
    eachCovered(q, behind, (gi, u, t, a) => {
      if (a <= 0.003) return;
      let fu = u;
      if (wrapCylinder) {
        const s = clamp((2 * u) / q.w - 1, -0.999, 0.999);
        fu = (Math.asin(s) + Math.PI / 2) * (q.w / 2);
      }
      tile.sample(fu, t, c);
      const s = shade(u / q.w, t / q.h) * light;
      const lit = [0, 1, 2].map((ch) => (s <= 1 ? c[ch] * s : c[ch] + (255 - c[ch]) * Math.min(1, (s - 1) * 0.7)));
      blend(out.data, 3 * gi, lit, a);
      alpha.data[gi] = Math.max(alpha.data[gi], a);
      shading[gi] = s;
      for (let ch = 0; ch < 3; ch++) flat[3 * gi + ch] = Math.round(c[ch]);
    });
  };
  const paintSolid = (q: Quad, rgb: [number, number, number], shade: (u: number, t: number) => number, behind = false) => {
    eachCovered(q, behind, (gi, u, t, a) => {
      const s = shade(u / q.w, t / q.h);
      blend(out.data, 3 * gi, [rgb[0] * s, rgb[1] * s, rgb[2] * s], a);
    });
  };
  const shadow = (q: Quad, offset: Vec, strength: number, softPx: number, behind: boolean) => {
    const b = bbox({ ...q, c: add(q.c, offset) }, W, H, softPx * 3);
    const bw = b.x1 - b.x0 + 1;
    const bh = b.y1 - b.y0 + 1;
    if (bw <= 0 || bh <= 0) return;
    const m = new Float32Array(bw * bh);
    const sq = { ...q, c: add(q.c, offset) };
    for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) m[y * bw + x] = local(sq, b.x0 + x, b.y0 + y).cover;
    const sm = blur3(m, bw, bh, Math.max(1, Math.round(softPx)));
    for (let y = 0; y < bh; y++)
      for (let x = 0; x < bw; x++) {
        const gi = (b.y0 + y) * W + b.x0 + x;
        const a = sm[y * bw + x] * strength * (behind ? 1 - mask[gi] : 1);
        for (let ch = 0; ch < 3; ch++) out.data[3 * gi + ch] = Math.round(out.data[3 * gi + ch] * (1 - a));
      }
  };

  if (kind === 'poster') {
    // on the wall behind, at eye level, on the side of the photo with more room
    const head = f.face ?? f.toImage(0, -0.6 * f.sw);
    const side = f.m.x > W / 2 ? -1 : 1;
    const frame = 0.9 * ppi * depth;
    let cx = f.m.x + side * (0.55 * f.sw + qw / 2 + frame);
    cx = clamp(cx, qw / 2 + frame - qw * 0.25, W - qw / 2 - frame + qw * 0.25);
    const cy = clamp(head.y + 0.1 * qh, qh / 2 + frame, H - qh / 2);
    const base: Quad = { c: v(cx, cy), ex: v(1, 0), ey: v(0, 1), w: qw, h: qh, radius: 0 };
    const outer: Quad = { ...base, w: qw + 2 * frame, h: qh + 2 * frame };
    const wall = localLight(luma, W, H, base.c, qw);
    shadow(outer, v(0.25 * ppi, 0.45 * ppi), 0.35, 0.5 * ppi, true);
    paintSolid(outer, [24, 24, 26], () => wall, true);
    paintSolid({ ...base, w: qw + 1.1 * frame, h: qh + 1.1 * frame }, [242, 240, 236], () => wall * 0.97, true);
    paintFace(base, (_u, t) => 0.97 - 0.05 * t, true);
  } else if (kind === 'tote') {
    let top: Vec;
    let ex = right;
    let ey = down;
    let strapTo: Vec[];
    if (hand && hand.y > f.m.y + 0.6 * f.sw && hand.y + 1.1 * qh < H) {
      // carried: handles in the hand, bag hanging below it
      top = add(hand, mul(v(0, 1), 0.1 * f.sw));
      ex = v(1, 0);
      ey = v(0, 1);
      strapTo = [hand, hand];
    } else {
      // over the shoulder, bag in front of the hip
      const sh = f.arms.right.shoulder;
      const c0 = keepIn(f.toImage(-0.22 * f.sw, 0.5 * f.sw + qh / 2), qw, qh, 0.75);
      top = v(c0.x, c0.y - qh / 2);
      strapTo = [sh, add(sh, mul(right, 0.18 * f.sw))];
    }
    const q: Quad = { c: add(top, mul(ey, qh / 2)), ex, ey, w: qw, h: qh, radius: 0.15 * ppi };
    // straps (natural canvas), then the bag
    const strapW = 1.1 * ppi;
    for (const [k, end] of strapTo.entries()) {
      const from = add(add(q.c, mul(ey, -qh / 2 + 0.3 * ppi)), mul(ex, (k === 0 ? -0.28 : 0.28) * qw));
      const dir = sub(end, from);
      const L = Math.hypot(dir.x, dir.y);
      if (L < 2) continue;
      const eyS = unit(dir);
      paintSolid({ c: add(from, mul(dir, 0.5)), ex: v(-eyS.y, eyS.x), ey: eyS, w: strapW, h: L, radius: 0 }, [226, 214, 190], (u) => 0.8 + 0.2 * Math.sin(Math.PI * u));
    }
    shadow(q, add(mul(ex, 0.2 * ppi), mul(ey, 0.3 * ppi)), 0.3, 0.6 * ppi, false);
    paintFace(q, (u, t) => 0.86 + 0.1 * Math.sin(Math.PI * u) - 0.06 * t + 0.03 * Math.sin(9 * u + 3 * t));
  } else {
    // in the hand (mug upright, phone case showing its back), else held at the chest
    const at = handFits(qh, qw) ? add(hand!, mul(v(0, -1), 0.35 * qh)) : keepIn(f.toImage(0.3 * f.sw, 0.55 * f.sw), qw * 1.6, qh * 1.2);
    const q: Quad = { c: at, ex: v(1, 0), ey: v(0, 1), w: qw, h: qh, radius: kind === 'mug' ? 0.05 * ppi : 0.45 * ppi };
    shadow(q, v(0.15 * ppi, 0.25 * ppi), 0.3, 0.4 * ppi, false);
    if (kind === 'mug') {
      // handle: a thick C on the right; the body wraps the design around a cylinder
      const hc = add(q.c, v(qw / 2 + 0.35 * ppi, -0.05 * qh));
      const R = 0.9 * ppi;
      const b = { x0: Math.max(0, Math.floor(hc.x - R - 2)), x1: Math.min(W - 1, Math.ceil(hc.x + R + 2)), y0: Math.max(0, Math.floor(hc.y - R - 2)), y1: Math.min(H - 1, Math.ceil(hc.y + R + 2)) };
      for (let y = b.y0; y <= b.y1; y++)
        for (let x = b.x0; x <= b.x1; x++) {
          const r = Math.hypot(x - hc.x, y - hc.y);
          const ring = 1 - smoothstep(0.22 * ppi - 0.8, 0.22 * ppi + 0.8, Math.abs(r - 0.62 * ppi));
          if (ring <= 0 || x < q.c.x + qw / 2 - 1) continue;
          const s = 0.75 + 0.25 * ((hc.y - y) / R);
          blend(out.data, 3 * (y * W + x), [240 * s, 238 * s, 232 * s], ring);
        }
      paintFace(q, (u) => {
        const th = Math.asin(clamp(2 * u - 1, -0.999, 0.999));
        return 0.45 + 0.55 * Math.cos(th + 0.35) + 0.35 * Math.exp(-(((th + 0.55) / 0.09) ** 2));
      }, false, true);
      // rim: a thin ellipse of white ceramic at the top
      const rim: Quad = { c: add(q.c, v(0, -qh / 2)), ex: v(1, 0), ey: v(0, 1), w: qw, h: 0.18 * qw, radius: 0.09 * qw - 0.01 };
      paintSolid(rim, [236, 234, 228], () => 0.95);
      paintSolid({ ...rim, w: qw * 0.9, h: rim.h * 0.7, radius: rim.h * 0.35 - 0.01 }, [70, 60, 52], () => 1);
    } else {
      paintFace(q, (u, t) => 0.9 + 0.12 * (1 - u) - 0.05 * t + 0.25 * Math.exp(-(((u - 0.2) / 0.05) ** 2)));
      // camera bump
      paintSolid({ c: add(q.c, v(-0.22 * qw, -0.33 * qh)), ex: v(1, 0), ey: v(0, 1), w: 0.42 * qw, h: 0.22 * qh, radius: 0.25 * ppi }, [28, 28, 30], () => 1);
    }
  }
  return { image: out, alpha, shading, flat, region: alpha, occluderShare: 0, printShare: 0 };
}
