#!/usr/bin/env python3
"""Turns the passes rendered by render.py into a mockup template (lib/mockup/README.md format).

usage: python3 scripts/mockup/blender/convert.py <product/view> [--in DIR] [--out TEMPLATES_ROOT]
Needs numpy, scipy and Pillow. DIR defaults to /tmp/seedprint-blender/<product>/<view>.
"""
import json
import os
import sys

import numpy as np
from scipy import ndimage as ndi

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))
from mocklib import Template, save_rgba  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'lib', 'mockup', 'templates')


# products printed on a rectangle of their surface (the hoodie is printed all over)
PRINT_RECT = {'tee', 'mug', 'tote', 'phone-case'}
# per product: print area name (default: the view's side), title, surface texture, gloss gain
JERSEY = {'file': '../../_shared/jersey.png', 'strength': 0.06, 'scale': 1.0}
JERSEY_CLOSE = {'file': '../../_shared/jersey.png', 'strength': 0.1, 'scale': 2.0}
PRODUCT = {
    # guide: denoise the light with the normal pass (radius in lighting px); edge: round off the
    # silhouette's mesh steps (sigma in data subpixels)
    'tee': {'white': 93, 'guide': 4, 'guide_eps': 1e-2, 'edge': 2.5, 'bg_smooth': 3.0, 'bg_white': 95},
    'mug': {'area': 'wrap', 'title': {'front': 'mug (handle right)', 'left': 'mug (handle left)'}, 'texture': None, 'gloss': 0.75,
            'guide': 10, 'guide_eps': 1e-2, 'bg_smooth': 9.0, 'bg_white': 97, 'white': 99, 'shade_gamma': 0.7},
    'tote': {'title': {'front': 'canvas tote'}, 'texture': {'file': '../../_shared/canvas.png', 'strength': 0.13, 'scale': 1.0}},
    # a plain wall: its grain is all path-tracing noise, and its light pool should not burn out
    'poster': {'texture': {'file': '../../_shared/paper.png', 'strength': 0.035, 'scale': 1.0}, 'gloss': 0.8, 'lifestyle': True, 'bg_smooth': 4.0, 'bg_white': 99.5, 'smooth': 3.0},
    'phone-case': {'area': 'back', 'title': {'back': 'phone case (back)'}, 'texture': None, 'gloss': 1.0, 'smooth': 2.5},
}


class _View:
    def __init__(self, size, ppi):
        self.size = size
        self.ppi = ppi


def box(a, k):
    """k x k box average (the data passes are rendered at k times the template size)."""
    h, w = a.shape[0] // k, a.shape[1] // k
    return a[:h * k, :w * k].reshape(h, k, w, k).mean((1, 3))


def upsample(a, alpha, size):
    """Lighting passes come at a lower resolution: fill past the garment's edge (so the edge does not
    darken) and scale up bilinearly."""
    w = (alpha > 0.5).astype(np.float32)
    num = ndi.gaussian_filter(a * w, 3.0)
    den = ndi.gaussian_filter(w, 3.0)
    filled = np.where(w > 0, a, num / np.maximum(den, 1e-4))
    if a.shape[0] == size:
        return filled
    return ndi.zoom(filled, size / a.shape[0], order=1, mode='nearest')[:size, :size]


def denoise(a, alpha, sigma):
    """Normalised gaussian inside the garment: removes path-tracing grain without bleeding the
    transparent surroundings into the edges."""
    w = (alpha > 0.02).astype(np.float32)
    num = ndi.gaussian_filter(a * w, sigma)
    den = ndi.gaussian_filter(w, sigma)
    return np.where(den > 1e-3, num / np.maximum(den, 1e-3), a)


def guided(guide, src, alpha, r, eps):
    """Guided filter (He et al.) with the normal pass as a 3-channel guide, inside the product: light
    is locally a linear function of the surface normal, so the fit keeps every fold's shading and
    averages the path-tracing grain away (this Blender build has no OpenImageDenoise)."""
    w = (alpha > 0.5).astype(np.float64)
    size = 2 * r + 1

    def mean(a):
        return ndi.uniform_filter(a * w, size) / np.maximum(ndi.uniform_filter(w, size), 1e-6)

    g = [guide[..., i].astype(np.float64) for i in range(3)]
    p = src.astype(np.float64)
    mg = [mean(c) for c in g]
    mp = mean(p)
    cov = np.stack([mean(c * p) - m * mp for c, m in zip(g, mg)], -1)
    S = np.empty(p.shape + (3, 3))
    for i in range(3):
        for j in range(i, 3):
            S[..., i, j] = S[..., j, i] = mean(g[i] * g[j]) - mg[i] * mg[j]
    S += eps * np.eye(3)
    a = np.linalg.solve(S, cov[..., None])[..., 0]
    b = mp - (a * np.stack(mg, -1)).sum(-1)
    ma = np.stack([mean(a[..., i]) for i in range(3)], -1)
    out = (ma * np.stack(g, -1)).sum(-1) + mean(b)
    # along the silhouette the normal is mixed with the void: the plain neighbourhood mean there
    return np.where(alpha > 0.99, out, np.where(w > 0, mp, src)).astype(np.float32)


def smooth_edge(cls, sigma):
    """The silhouette as a level set of the blurred coverage (at the data render's resolution): the
    steps a grid mesh leaves along a curved outline go; the outline's shape stays."""
    on = ndi.gaussian_filter((cls > 0).astype(np.float32), sigma) > 0.5
    cls = np.where(on & (cls == 0), 2, cls)  # filled in: plain fabric
    return np.where(on, cls, 0)


def main():
    args = sys.argv[1:]
    job = args[0]
    src = args[args.index('--in') + 1] if '--in' in args else os.path.join('/tmp/seedprint-blender', job)
    root = args[args.index('--out') + 1] if '--out' in args else ROOT
    product, view = job.split('/')
    P = np.load(os.path.join(src, 'passes.npz'))
    ppi, pa_w, pa_h, size, k = P['meta']
    size, k = int(size), int(k)

    cls = P['cls']
    spec = PRODUCT.get(product, {})
    if 'edge' in spec:
        cls = smooth_edge(cls, spec['edge'])
    if product in PRINT_RECT:
        # a placed print: fabric outside the print area's rectangle is tinted but not printed
        rect = (P['u'] >= 0) & (P['u'] <= pa_w) & (P['v'] >= 0) & (P['v'] <= pa_h)
        cls = np.where((cls == 1) & ~rect, 2, cls)
    alpha = box((cls > 0).astype(np.float32), k)
    a_lo = np.clip(P['alpha'], 0, 1)
    fabric = (cls == 1) | (cls == 2)
    printable = box((cls == 1).astype(np.float32), k)
    # the ribbing / lining border follows mesh faces (a few px each): round off their steps
    near_rib = ndi.maximum_filter(box((cls == 2).astype(np.float32), k), 5) > 0
    edge = np.clip((ndi.gaussian_filter(printable, 1.3) - 0.5) * 2.2 + 0.5, 0, 1)
    printable = np.where(near_rib, np.minimum(edge, box(fabric.astype(np.float32), k)), printable)
    cord = box((cls == 3).astype(np.float32), k)
    tinted = box(fabric.astype(np.float32), k)
    # UV: the mean over the printable subpixels of each pixel (never across a seam into the void)
    w = (cls == 1).astype(np.float32)
    ws = box(w, k)
    u = np.where(ws > 0, box(P['u'] * w, k) / np.maximum(ws, 1e-6), 0)
    v = np.where(ws > 0, box(P['v'] * w, k) / np.maximum(ws, 1e-6), 0)

    # light on a white garment -> shade (1 = the brightly lit fabric)
    # dim places (inside the hood) get few light paths: smooth them harder
    # smooth surfaces (glaze, plastic) have no texture to hide grain in: smoothed harder
    raw_light, raw_gloss = P['light'], P['gloss']
    if 'guide' in spec:
        raw_light = guided(P['normal'], raw_light, a_lo, spec['guide'], spec.get('guide_eps', 2e-3))
        raw_gloss = guided(P['normal'], raw_gloss, a_lo, spec['guide'], spec.get('guide_eps', 2e-3))
    fine, coarse = denoise(raw_light, a_lo, spec.get('smooth', 0.7 if 'guide' in spec else 1.2)), denoise(raw_light, a_lo, 4.0)
    lit = np.percentile(coarse[a_lo > 0.99], 98)
    w = np.clip((0.6 - coarse / lit) / 0.3, 0, 1)
    light = upsample(fine * (1 - w) + coarse * w, a_lo, size)
    # white = the light at this percentile of the product (a white tee reads white, not grey)
    ref = np.percentile(light[(alpha > 0.99) & (tinted > 0.99)], spec.get('white', 98))
    # shade_gamma < 1 lifts the shadow side, as a white fill card beside the camera would: a white glaze
    # stays white round to its far side instead of turning grey like metal
    shade = np.clip(light / ref, 0, 1) ** spec.get('shade_gamma', 1.0)
    gloss = upsample(denoise(raw_gloss, a_lo, spec.get('smooth_gloss', 0.7 if 'guide' in spec else 1.5)), a_lo, size)
    highlight = np.clip(gloss / ref * spec.get('gloss', 0.6), 0, 1)
    # garment alpha: the fabric's coverage; cords live in the overlay
    fab_alpha = tinted
    mask = np.clip(np.minimum(printable, fab_alpha), 0, 1)

    bg = ndi.gaussian_filter(P['background'], (spec.get('bg_smooth', 2.0),) * 2 + (0,))
    bg = np.stack([upsample(bg[..., c], np.ones(bg.shape[:2]), size) for c in range(3)], -1)
    # exposure (linear -> display): this percentile of the set is near white
    bg = np.clip(bg / np.percentile(bg, spec.get('bg_white', 90)) * 0.93, 0, 1) ** (1 / 2.2)
    beauty = P['beauty'] / np.maximum(a_lo[..., None], 1e-3)
    beauty = np.stack([upsample(beauty[..., c], a_lo, size) for c in range(3)], -1)
    beauty = np.clip(beauty / ref, 0, 1) ** (1 / 2.2)
    ov_a = np.clip(cord, 0, 1)

    area = spec.get('area', view if product == 'poster' else 'back' if view == 'back' else 'front')
    default_title = f'poster {view} on a wall' if product == 'poster' else f'{product} {view}' + (' close-up' if view == 'detail' else '')
    title = spec.get('title', {}).get(view, default_title)
    t = Template(product, view, {'name': area, 'widthIn': float(pa_w), 'heightIn': float(pa_h)}, _View(size, float(ppi)), title)
    d = t.write(root, bg, np.maximum(fab_alpha, ov_a), shade, highlight, mask, u, v,
                # colour only under the overlay: the rest would be bytes nobody sees
                overlay=(beauty * (ov_a[..., None] > 0), ov_a) if ov_a.max() > 0 else None,
                texture=spec.get('texture', JERSEY_CLOSE if view == 'detail' else JERSEY),
                lifestyle=spec.get('lifestyle', False), uv_valid=ws > 0)
    meta_path = os.path.join(d, 'template.json')
    meta = json.load(open(meta_path))
    meta['source'] = 'scripts/mockup/blender'
    json.dump(meta, open(meta_path, 'w'), indent=2)
    print('wrote', d)


if __name__ == '__main__':
    main()
