// Body frame from keypoints: shoulder line, torso axis (tilt), scale in pixels per inch, and
// arm segments (guessed from the torso when the model is unsure of elbows and wrists).
import type { Keypoint, PersonAnalysis } from './analyze';

export interface Vec {
  x: number;
  y: number;
}
export const v = (x: number, y: number): Vec => ({ x, y });
export const add = (a: Vec, b: Vec): Vec => ({ x: a.x + b.x, y: a.y + b.y });
export const sub = (a: Vec, b: Vec): Vec => ({ x: a.x - b.x, y: a.y - b.y });
export const mul = (a: Vec, k: number): Vec => ({ x: a.x * k, y: a.y * k });
export const len = (a: Vec) => Math.hypot(a.x, a.y);
export const unit = (a: Vec): Vec => mul(a, 1 / (len(a) || 1));
export const dot = (a: Vec, b: Vec) => a.x * b.x + a.y * b.y;

/** Biacromial (shoulder joint to shoulder joint) breadth of an adult, in inches: the photo's ruler. */
export const SHOULDER_IN = 15.5;

export interface Arm {
  shoulder: Vec;
  elbow: Vec;
  wrist: Vec;
  /** the model saw the elbow/wrist (else they are guessed hanging down) */
  seen: { elbow: boolean; wrist: boolean };
  /** unit vector pointing away from the body at the shoulder */
  out: Vec;
}

export interface BodyFrame {
  /** shoulder midpoint */
  m: Vec;
  /** unit vector along the shoulders, from the person's right shoulder to their left */
  u: Vec;
  /** unit vector down the torso (may lean: the torso axis) */
  d: Vec;
  /** shoulder width in pixels */
  sw: number;
  /** shoulder-to-hip length in pixels */
  torsoLen: number;
  hipsSeen: boolean;
  pxPerIn: number;
  arms: { left: Arm; right: Arm };
  /** a point between the eyes/nose: where the face is */
  face: Vec | null;
  /** inverse of [u d]: image offset -> (a along u, b along d) */
  toLocal(p: Vec): { a: number; b: number };
  toImage(a: number, b: number): Vec;
}

const ok = (k: Keypoint, t = 0.3) => k.score >= t;

export function bodyFrame(p: PersonAnalysis): BodyFrame {
  const k = p.keypoints;
  const ls = v(k.left_shoulder.x, k.left_shoulder.y);
  const rs = v(k.right_shoulder.x, k.right_shoulder.y);
  const m = mul(add(ls, rs), 0.5);
  const sw = len(sub(ls, rs));
  const u = unit(sub(ls, rs));
  // perpendicular pointing down the image
  let perp = v(-u.y, u.x);
  if (perp.y < 0) perp = mul(perp, -1);
  let d = perp;
  let torsoLen = 1.3 * sw;
  let hipsSeen = false;
  if (ok(k.left_hip, 0.35) && ok(k.right_hip, 0.35)) {
    const hm = v((k.left_hip.x + k.right_hip.x) / 2, (k.left_hip.y + k.right_hip.y) / 2);
    const tv = sub(hm, m);
    const L = len(tv);
    // accept the hips when they are plausibly below the shoulders (lean < 35°, length sane)
    if (L > 0.8 * sw && L < 2.2 * sw && dot(unit(tv), perp) > Math.cos((35 * Math.PI) / 180)) {
      d = unit(tv);
      torsoLen = L;
      hipsSeen = true;
    }
  }
  const det = u.x * d.y - u.y * d.x;
  const toLocal = (q: Vec) => {
    const dx = q.x - m.x;
    const dy = q.y - m.y;
    return { a: (dx * d.y - dy * d.x) / det, b: (u.x * dy - u.y * dx) / det };
  };
  const toImage = (a: number, b: number) => v(m.x + a * u.x + b * d.x, m.y + a * u.y + b * d.y);

  const arm = (side: 'left' | 'right'): Arm => {
    const sh = side === 'left' ? ls : rs;
    const out = side === 'left' ? u : mul(u, -1);
    const ek = k[`${side}_elbow`];
    const wk = k[`${side}_wrist`];
    const upper = 0.78 * sw; // upper arm ≈ 12 in
    const fore = 0.7 * sw;
    let elbow = add(sh, add(mul(d, upper * 0.97), mul(out, upper * 0.12)));
    const eSeen = ok(ek) && len(sub(v(ek.x, ek.y), sh)) > 0.35 * sw;
    if (eSeen) elbow = v(ek.x, ek.y);
    let wrist = add(elbow, mul(unit(sub(elbow, sh)), fore));
    const wSeen = ok(wk) && len(sub(v(wk.x, wk.y), elbow)) > 0.3 * sw;
    if (wSeen) wrist = v(wk.x, wk.y);
    return { shoulder: sh, elbow, wrist, seen: { elbow: eSeen, wrist: wSeen }, out };
  };

  const facePts = [k.nose, k.left_eye, k.right_eye].filter((q) => ok(q, 0.3));
  const face = facePts.length ? v(facePts.reduce((s, q) => s + q.x, 0) / facePts.length, facePts.reduce((s, q) => s + q.y, 0) / facePts.length) : null;

  return { m, u, d, sw, torsoLen, hipsSeen, pxPerIn: sw / SHOULDER_IN, arms: { left: arm('left'), right: arm('right') }, face, toLocal, toImage };
}

/** Distance from p to segment ab, and the position t (pixels from a along ab, unclamped). */
export function segmentDistance(p: Vec, a: Vec, b: Vec): { dist: number; t: number; s: number; length: number } {
  const ab = sub(b, a);
  const L = len(ab) || 1;
  const dir = mul(ab, 1 / L);
  const ap = sub(p, a);
  const t = dot(ap, dir);
  const s = ap.x * -dir.y + ap.y * dir.x; // signed distance across the segment
  const tc = Math.max(0, Math.min(L, t));
  const dist = len(sub(p, add(a, mul(dir, tc))));
  return { dist, t, s, length: L };
}
