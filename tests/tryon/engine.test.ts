// The engine on the public-domain astronaut portrait: person found, design painted inside
// the person, the photo's shading kept; unusable photos fail with a reason.
import { describe, expect, it } from 'vitest';
import { TryonPhotoError } from '../../lib/tryon/analyze';
import { demoTile } from '../../tools/tryon-demo-design';
import { loadWorkImage, tryOn } from '../../lib/tryon/engine';
import { paintedInMaskPct, shadingSsim } from '../../tools/tryon-metrics';
import { ASTRONAUT, landscapeJpeg, twoPeopleJpeg } from './fixtures';

const tile = { rgb: demoTile(128), repeatIn: 4 };

describe('try-on engine', () => {
  it('paints a hoodie on the astronaut: ≥95 % inside the person, shading SSIM ≥ 0.8', async () => {
    const img = await loadWorkImage(ASTRONAUT);
    expect(img.w).toBe(1024);
    const r = await tryOn(img, tile, { product: 'hoodie', variants: ['photo', 'studio', 'scene-park'] });
    const k = r.person.keypoints;
    expect(k.left_shoulder.score).toBeGreaterThan(0.5);
    expect(k.right_shoulder.score).toBeGreaterThan(0.5);
    expect(k.left_shoulder.x).toBeGreaterThan(k.right_shoulder.x); // facing the camera
    // a person of sensible size and scale: 15.5 in shoulders -> tens of pixels per inch
    expect(r.frame.pxPerIn).toBeGreaterThan(15);
    expect(r.frame.pxPerIn).toBeLessThan(60);
    // a good part of the photo is painted, and almost all of it inside the person
    let painted = 0;
    for (const a of r.paint.alpha.data) if (a > 0.5) painted++;
    expect(painted / (img.w * img.h)).toBeGreaterThan(0.12);
    expect(paintedInMaskPct(r.paint, r.person.mask)).toBeGreaterThanOrEqual(95);
    expect(shadingSsim(img, r.paint)).toBeGreaterThanOrEqual(0.8);
    // the face is untouched
    const face = Math.round(k.nose.y) * img.w + Math.round(k.nose.x);
    expect(r.paint.alpha.data[face]).toBe(0);
    expect(r.variants.map((v) => v.name)).toEqual(['photo', 'studio', 'scene-park']);
  });

  it('tee, tote, mug, poster and phone case all render', async () => {
    const img = await loadWorkImage(ASTRONAUT, 512);
    for (const product of ['tee', 'tote', 'mug', 'poster', 'phone-case'] as const) {
      const r = await tryOn(img, tile, { product, variants: ['photo'] });
      let painted = 0;
      for (const a of r.paint.alpha.data) if (a > 0.5) painted++;
      expect(painted, product).toBeGreaterThan(500);
      if (product === 'tee') expect(paintedInMaskPct(r.paint, r.person.mask)).toBeGreaterThanOrEqual(95);
      if (product === 'poster') expect(paintedInMaskPct(r.paint, r.person.mask)).toBeLessThan(5); // behind the person
    }
  });

  it('fails with a reason: nobody in the photo, several people', async () => {
    const none = await loadWorkImage(await landscapeJpeg());
    await expect(tryOn(none, tile, { product: 'tee', variants: [] })).rejects.toMatchObject({ code: 'no_person' });
    const two = await loadWorkImage(await twoPeopleJpeg());
    const err = await tryOn(two, tile, { product: 'tee', variants: [] }).catch((e) => e);
    expect(err).toBeInstanceOf(TryonPhotoError);
    expect(err.code).toBe('several_people');
  });
});
