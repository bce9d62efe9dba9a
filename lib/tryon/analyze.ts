// Person analysis: MediaPipe selfie segmentation (person mask) + MoveNet Thunder (17 body
// keypoints), with the checks that make a photo usable: one person, big enough, shoulders seen.
import sharp from 'sharp';
import { boxBlur, components, fmap, guidedFilter, luma, resizeMap, type FMap, type Rgb } from './raster';
import { loadModels } from './tf-models';

export const KEYPOINT_NAMES = [
  'nose',
  'left_eye',
  'right_eye',
  'left_ear',
  'right_ear',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
] as const;
export type KeypointName = (typeof KEYPOINT_NAMES)[number];

export interface Keypoint {
  name: KeypointName;
  x: number;
  y: number;
  score: number;
}

export interface PersonAnalysis {
  w: number;
  h: number;
  /** person probability at the photo's resolution, snapped to edges, 0..1 */
  mask: FMap;
  keypoints: Record<KeypointName, Keypoint>;
  /** bounding box of the person (pixels) */
  box: { x0: number; y0: number; x1: number; y1: number };
  timings: Record<string, number>;
}

export type PhotoErrorCode = 'no_person' | 'several_people' | 'too_small' | 'no_shoulders';

const MESSAGES: Record<PhotoErrorCode, string> = {
  no_person: 'We could not find a person in this photo.',
  several_people: 'This photo shows several people: please use a photo of just yourself.',
  too_small: 'You are too small in this photo: step closer or crop it so your upper body fills more of the frame.',
  no_shoulders: 'We could not see your shoulders: use a photo that shows your upper body facing the camera.',
};

/** A photo the engine cannot use, with a reason a shopper can act on. */
export class TryonPhotoError extends Error {
  constructor(readonly code: PhotoErrorCode, message = MESSAGES[code]) {
    super(message);
  }
}

const SEG = 256;
const POSE = 256;

async function rawResize(img: Rgb, opts: { w: number; h: number; left?: number; top?: number; cw?: number; ch?: number }): Promise<Buffer> {
  const raw = (data: Uint8Array, width: number, height: number) => sharp(Buffer.from(data.buffer, data.byteOffset, data.length), { raw: { width, height, channels: 3 } });
  let s = raw(img.data, img.w, img.h);
  if (opts.cw && opts.ch) {
    const { left = 0, top = 0, cw, ch } = opts;
    if (left >= 0 && top >= 0 && left + cw <= img.w && top + ch <= img.h) s = s.extract({ left, top, width: cw, height: ch });
    else {
      // a square that extends past the photo: copy the part inside onto black (one sharp pass
      // instead of extend, re-read and extract)
      const crop = new Uint8Array(cw * ch * 3);
      const xa = Math.max(0, left);
      const xb = Math.min(img.w, left + cw);
      if (xb > xa)
        for (let y = Math.max(0, top); y < Math.min(img.h, top + ch); y++) crop.set(img.data.subarray((y * img.w + xa) * 3, (y * img.w + xb) * 3), ((y - top) * cw + xa - left) * 3);
      s = raw(crop, cw, ch);
    }
  }
  return s.resize(opts.w, opts.h, { fit: 'fill', kernel: 'linear' }).raw().toBuffer();
}

export async function analyzePerson(img: Rgb): Promise<PersonAnalysis> {
  const { tf, selfie, movenet } = await loadModels();
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (k: string) => {
    const now = performance.now();
    timings[k] = Math.round((now - t) * 10) / 10;
    t = now;
  };

  // 1. person mask at 256×256 (the model's size): the photo letterboxed into a square
  const side0 = Math.max(img.w, img.h);
  const offX = Math.floor((side0 - img.w) / 2);
  const offY = Math.floor((side0 - img.h) / 2);
  const segIn = await rawResize(img, { w: SEG, h: SEG, left: -offX, top: -offY, cw: side0, ch: side0 });
  // plain loops: TypedArray.from goes through the iterator protocol (~20 ms here)
  const segF = new Float32Array(segIn.length);
  for (let i = 0; i < segIn.length; i++) segF[i] = segIn[i] / 255;
  const segOut = tf.tidy(() => selfie.execute(tf.tensor4d(segF, [1, SEG, SEG, 3])) as import('@tensorflow/tfjs-core').Tensor);
  const sq = new Float32Array(await segOut.data());
  segOut.dispose();
  // back to the photo's frame, still SEG×SEG cells (non-square cells for non-square photos)
  const seg = new Float32Array(SEG * SEG);
  for (let y = 0; y < SEG; y++)
    for (let x = 0; x < SEG; x++) {
      const sx = Math.min(SEG - 1, Math.floor(((offX + ((x + 0.5) / SEG) * img.w) / side0) * SEG));
      const sy = Math.min(SEG - 1, Math.floor(((offY + ((y + 0.5) / SEG) * img.h) / side0) * SEG));
      seg[y * SEG + x] = sq[sy * SEG + sx];
    }
  lap('segment');

  // 2. people = big connected blobs of the mask
  const on = new Uint8Array(SEG * SEG);
  for (let i = 0; i < on.length; i++) on[i] = seg[i] > 0.5 ? 1 : 0;
  const { labels, sizes } = components(on, SEG, SEG);
  let main = 0;
  for (let l = 1; l < sizes.length; l++) if (!main || sizes[l] > sizes[main]) main = l;
  if (!main || sizes[main] < 0.03 * SEG * SEG) throw new TryonPhotoError('no_person');
  const big = sizes.filter((s, l) => l > 0 && l !== main && s >= Math.max(0.25 * sizes[main], 0.04 * SEG * SEG));
  if (big.length > 0) throw new TryonPhotoError('several_people');
  let bx0 = SEG;
  let by0 = SEG;
  let bx1 = 0;
  let by1 = 0;
  const small = fmap(SEG, SEG);
  for (let i = 0; i < seg.length; i++) {
    // keep the main person only; soft edges next to it survive (label 0 = below threshold)
    const l = labels[i];
    small.data[i] = l === main ? seg[i] : l === 0 ? seg[i] : 0;
    if (l === main) {
      const x = i % SEG;
      const y = (i - x) / SEG;
      if (x < bx0) bx0 = x;
      if (x > bx1) bx1 = x;
      if (y < by0) by0 = y;
      if (y > by1) by1 = y;
    }
  }
  // fill holes inside the person (dark prints, shadows the model was unsure of)
  const holes = new Uint8Array(SEG * SEG);
  for (let i = 0; i < holes.length; i++) holes[i] = labels[i] === main ? 0 : 1;
  const hc = components(holes, SEG, SEG);
  const touchesBorder = new Uint8Array(hc.sizes.length);
  for (let x = 0; x < SEG; x++) {
    touchesBorder[hc.labels[x]] = 1;
    touchesBorder[hc.labels[(SEG - 1) * SEG + x]] = 1;
    touchesBorder[hc.labels[x * SEG]] = 1;
    touchesBorder[hc.labels[x * SEG + SEG - 1]] = 1;
  }
  for (let i = 0; i < holes.length; i++) if (holes[i] && !touchesBorder[hc.labels[i]] && hc.sizes[hc.labels[i]] < 0.02 * SEG * SEG) small.data[i] = 1;
  const box = { x0: (bx0 / SEG) * img.w, y0: (by0 / SEG) * img.h, x1: ((bx1 + 1) / SEG) * img.w, y1: ((by1 + 1) / SEG) * img.h };
  lap('blobs');

  // 3. keypoints on a square crop around the person (MoveNet likes the person to fill the frame)
  const side = Math.round(Math.max(box.x1 - box.x0, box.y1 - box.y0) * 1.15);
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  const left = Math.round(cx - side / 2);
  const top = Math.round(cy - side / 2);
  const poseIn = await rawResize(img, { w: POSE, h: POSE, left, top, cw: side, ch: side });
  const poseI = new Int32Array(poseIn.length);
  for (let i = 0; i < poseIn.length; i++) poseI[i] = poseIn[i];
  const kOut = tf.tidy(() => movenet.execute(tf.tensor4d(poseI, [1, POSE, POSE, 3], 'int32')) as import('@tensorflow/tfjs-core').Tensor);
  const kd = await kOut.data();
  kOut.dispose();
  const keypoints = {} as Record<KeypointName, Keypoint>;
  KEYPOINT_NAMES.forEach((name, j) => {
    keypoints[name] = { name, y: top + kd[3 * j] * side, x: left + kd[3 * j + 1] * side, score: kd[3 * j + 2] };
  });
  lap('keypoints');

  const ls = keypoints.left_shoulder;
  const rs = keypoints.right_shoulder;
  if (Math.min(ls.score, rs.score) < 0.2) throw new TryonPhotoError('no_shoulders');
  const sw = Math.hypot(ls.x - rs.x, ls.y - rs.y);
  if (sw < 64 || sw < 0.1 * Math.max(img.w, img.h)) throw new TryonPhotoError('too_small');
  // people standing close together make one blob: count head-wide runs of the mask at eye level
  const eyeY = Math.round(((keypoints.nose.score > 0.3 ? keypoints.nose.y : Math.min(ls.y, rs.y) - 0.6 * sw) / img.h) * SEG);
  if (eyeY >= 0 && eyeY < SEG) {
    const cellW = img.w / SEG;
    let runs = 0;
    let run = 0;
    for (let x = 0; x <= SEG; x++) {
      const on = x < SEG && small.data[eyeY * SEG + x] > 0.5;
      if (on) run++;
      else {
        if (run * cellW >= 0.42 * sw) runs++;
        run = 0;
      }
    }
    if (runs >= 2) throw new TryonPhotoError('several_people');
  }

  // 4. mask at photo resolution, snapped to the photo's edges by a guided filter at half size
  const hw = Math.max(1, Math.round(img.w / 2));
  const hh = Math.max(1, Math.round(img.h / 2));
  const half = await rawResize(img, { w: hw, h: hh });
  const g = luma({ w: hw, h: hh, data: new Uint8Array(half.buffer, half.byteOffset, half.length) });
  const coarse = resizeMap(small, hw, hh);
  const r = Math.max(2, Math.round(hw / 160));
  const refined = guidedFilter(g, coarse.data, hw, hh, r, 0.002);
  // trust the filter only on a band around the mask's outline: deep inside is person (dark
  // prints and shadows must not open holes), far outside is background
  const bin = new Float32Array(coarse.data.length);
  for (let i = 0; i < bin.length; i++) bin[i] = coarse.data[i] > 0.5 ? 1 : 0;
  const band = Math.max(3, Math.round(hw / 90));
  const near = boxBlur(bin, hw, hh, band);
  for (let i = 0; i < refined.length; i++) {
    if (near[i] > 0.999) refined[i] = 1;
    else if (near[i] < 0.001) refined[i] = 0;
  }
  const mask = resizeMap({ w: hw, h: hh, data: refined }, img.w, img.h);
  lap('mask');

  return { w: img.w, h: img.h, mask, keypoints, box, timings };
}
