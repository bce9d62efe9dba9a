#!/usr/bin/env python3
"""Builds the shipped mockup templates into lib/mockup/templates/<product>/<view>/.

usage: /usr/bin/python3 scripts/mockup/build-templates.py [product[/view] ...]
Needs numpy, scipy and Pillow. Everything is procedural (no photos): product geometry in inches,
height fields -> normals -> Lambert + ambient occlusion + specular, UV in print-area inches.
See lib/mockup/README.md for the file format.
"""
import os
import sys

import numpy as np
from PIL import Image
from scipy import ndimage as ndi

sys.path.insert(0, os.path.dirname(__file__))

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'lib', 'mockup', 'templates')


def shared_textures(root):
    d = os.path.join(root, '_shared')
    os.makedirs(d, exist_ok=True)
    rng = np.random.default_rng(42)
    n = 256
    # jersey: fine grain + faint vertical wales + slubs, tileable (wrap filters)
    g = rng.standard_normal((n, n)).astype(np.float32)
    fine = ndi.gaussian_filter(g, 0.6, mode='wrap')
    slub = ndi.gaussian_filter(rng.standard_normal((n, n)).astype(np.float32), (1.0, 6.0), mode='wrap')
    xx = np.arange(n)[None, :].repeat(n, 0)
    wales = np.sin(xx * 2 * np.pi / 2.0)
    j = fine / fine.std() * 0.5 + slub / slub.std() * 0.35 + wales * 0.15
    j = 0.5 + 0.5 * j / np.abs(j).max()
    Image.fromarray((j * 255).astype(np.uint8), 'L').save(os.path.join(d, 'jersey.png'), optimize=True)
    # canvas: plain weave (over-under every ~3 px) with irregular slubs
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32)
    p = 4.0
    wx = np.sin(xx * 2 * np.pi / p)
    wy = np.sin(yy * 2 * np.pi / p)
    check = np.sign(np.sin(xx * np.pi / p) * np.sin(yy * np.pi / p))
    weave = 0.5 * (wx * (check > 0) + wy * (check < 0))
    sl = ndi.gaussian_filter(rng.standard_normal((n, n)).astype(np.float32), (0.7, 5.0), mode='wrap')
    sl2 = ndi.gaussian_filter(rng.standard_normal((n, n)).astype(np.float32), (5.0, 0.7), mode='wrap')
    c = weave * 0.45 + (sl / sl.std()) * 0.3 + (sl2 / sl2.std()) * 0.3 + fine / fine.std() * 0.25
    c = 0.5 + 0.5 * c / np.abs(c).max()
    Image.fromarray((c * 255).astype(np.uint8), 'L').save(os.path.join(d, 'canvas.png'), optimize=True)
    # paper: very faint tooth
    pp = ndi.gaussian_filter(rng.standard_normal((n, n)).astype(np.float32), 0.8, mode='wrap')
    pp = 0.5 + 0.5 * pp / np.abs(pp).max()
    Image.fromarray((pp * 255).astype(np.uint8), 'L').save(os.path.join(d, 'paper.png'), optimize=True)


def main():
    import garments
    import hardgoods
    jobs = {
        'tee/front': lambda: garments.garment('tee', 'front', ROOT),
        'tee/back': lambda: garments.garment('tee', 'back', ROOT),
        'tee/detail': lambda: garments.garment('tee', 'front', ROOT, detail=True),
        # hoodie/front and hoodie/detail are rendered in Blender (scripts/mockup/blender/)
        'hoodie/back': lambda: garments.garment('hoodie', 'back', ROOT),
        'mug/front': lambda: hardgoods.mug(ROOT, 'front'),
        'mug/left': lambda: hardgoods.mug(ROOT, 'left'),
        'tote/front': lambda: hardgoods.tote(ROOT, 'front'),
        'poster/12x18': lambda: hardgoods.poster(ROOT, '12x18'),
        'poster/18x24': lambda: hardgoods.poster(ROOT, '18x24'),
        'poster/24x36': lambda: hardgoods.poster(ROOT, '24x36'),
        'phone-case/back': lambda: hardgoods.phone_case(ROOT, 'back'),
    }
    want = sys.argv[1:]
    shared_textures(ROOT)
    for k, fn in jobs.items():
        if want and not any(k == w or k.startswith(w + '/') for w in want):
            continue
        print('building', k, flush=True)
        fn()


if __name__ == '__main__':
    main()
