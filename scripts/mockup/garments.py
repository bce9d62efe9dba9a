"""Tee and hoodie templates: ghost-mannequin garments with an inflated body, drag folds, seams,
ribbing, key light from the upper left, soft drop shadow on a studio sweep."""
import numpy as np
from scipy import ndimage as ndi

from mocklib import (View, Template, catmull, poly_cov, ridge, polyline_dist, lambert, studio_bg,
                     drop_shadow, round_cov, ellipse_cov, seg_dist)


def mirror(right_pts):
    """Right half outline (top to bottom) -> closed outline (clockwise from the top centre)."""
    left = [(-x, y) for x, y in reversed(right_pts)]
    return right_pts + left


def tee_outline(back=False):
    right = [
        (3.2, -0.2), (6.4, 0.55), (8.9, 1.45), (10.5, 3.0), (12.2, 5.6), (13.35, 7.5), (13.3, 7.9),
        (10.9, 10.5), (10.6, 10.45), (9.7, 9.3), (9.55, 11.5), (9.45, 15.5), (9.5, 20.0), (9.85, 24.5),
        (10.0, 27.6), (9.9, 27.85), (6.0, 28.0), (2.0, 28.1),
    ]
    return right


def hoodie_outline():
    right = [
        (4.2, -0.6), (7.3, 0.6), (10.4, 1.9), (12.3, 6.0), (13.6, 12.0), (14.3, 18.5), (14.6, 23.5),
        (12.4, 24.0), (12.1, 21.6), (11.4, 14.0), (11.0, 10.2), (10.9, 14.0), (10.9, 20.0),
        (10.85, 25.4), (10.6, 28.0), (6.0, 28.3), (2.0, 28.4),
    ]
    return right


def garment(kind, side, root, detail=False, seed=0):
    is_hood = kind == 'hoodie'
    if detail and is_hood:
        view = View(ppi=31.0 * 2.2, cx_in=1.5, cy_in=5.0)
    elif detail:
        view = View(ppi=31.0 * 2.6, cx_in=1.0, cy_in=7.4)
    else:
        view = View(ppi=31.5 if not is_hood else 28.0, cx_in=0.0, cy_in=13.6 if not is_hood else 12.2)
    X, Y = view.X, view.Y
    px = view.px

    right = hoodie_outline() if is_hood else tee_outline()
    outline = catmull(mirror(right), closed=True, n=10)
    body_poly = outline
    cov = round_cov(view, poly_cov(view, body_poly), 0.35)

    # ---- neck / hood ----
    neck_w = 3.3 if not is_hood else 4.2
    if side == 'front':
        neck_depth = 3.2 if not is_hood else 2.6
    else:
        neck_depth = 0.9 if not is_hood else 1.2
    # neck opening = ellipse-ish cut centred on x=0 from y=-0.3 to neck_depth
    neck_back_y = 0.75  # the back neckline seen through the front opening
    neck_shape = catmull([(-neck_w, -0.15), (-neck_w * 0.7, neck_depth * 0.55), (0, neck_depth),
                          (neck_w * 0.7, neck_depth * 0.55), (neck_w, -0.15), (0, -1.5)], closed=True, n=12)
    neck_cut = poly_cov(view, neck_shape)

    hood = np.zeros_like(cov)
    hood_inner = np.zeros_like(cov)
    if is_hood:
        if side == 'front':
            # hood lies behind the neck: a rounded cowl rising above the shoulders
            hood_pts = catmull([(-5.2, 1.2), (-6.0, -1.0), (-5.0, -3.2), (0, -4.2), (5.0, -3.2), (6.0, -1.0), (5.2, 1.2), (0, 3.4)], n=12)
            hood = round_cov(view, poly_cov(view, hood_pts), 0.3)
            inner_pts = catmull([(-3.7, 0.6), (-4.4, -1.0), (-3.6, -2.7), (0, -3.4), (3.6, -2.7), (4.4, -1.0), (3.7, 0.6), (1.2, 1.9), (0, 2.3), (-1.2, 1.9)], n=12)
            hood_inner = round_cov(view, poly_cov(view, inner_pts), 0.25)
        else:
            # seen from the back the hood hangs over the upper back
            hood_pts = catmull([(-5.3, 0.4), (-6.4, -1.4), (-5.2, -3.0), (0, -3.5), (5.2, -3.0), (6.4, -1.4), (5.3, 0.4),
                                (4.6, 5.0), (2.6, 9.4), (0, 10.6), (-2.6, 9.4), (-4.6, 5.0)], n=12)
            hood = round_cov(view, poly_cov(view, hood_pts), 0.35)

    if is_hood and side == 'front':
        alpha = np.maximum(np.maximum(cov * (1 - neck_cut), hood), hood_inner)
        opening = np.clip(cov * neck_cut - 0 * hood, 0, 1)
    elif is_hood:
        alpha = np.maximum(cov * (1 - neck_cut), hood)
        opening = np.zeros_like(cov)
    else:
        back_cut = poly_cov(view, catmull([(-neck_w, -0.15), (0, neck_back_y), (neck_w, -0.15), (0, -1.5)], n=12)) if side == 'front' else neck_cut
        alpha = cov * (1 - back_cut)
        opening = cov * neck_cut * (1 - back_cut) if side == 'front' else np.zeros_like(cov)

    # ---- height field ----
    inside = ndi.gaussian_filter(cov, 1.6 * view.ppi, mode='nearest')
    h = 2.4 * np.sqrt(np.clip(inside, 0, 1))
    # torso is a cylinder, sleeves are tubes
    torso_r = 11.5 if not is_hood else 12.5
    h += 2.0 * np.sqrt(np.clip(1 - (X / torso_r) ** 2, 0, 1)) * (np.abs(X) < (10.5 if not is_hood else 11.2))
    h = ndi.gaussian_filter(h, 0.5 * view.ppi, mode='nearest')

    rng = np.random.default_rng(seed + (7 if is_hood else 3) + (1 if side == 'back' else 0))
    folds = np.zeros_like(h)
    sgn = [-1, 1]
    for s in sgn:
        # drag folds from the armpit towards the middle
        folds += ridge(X, Y, (s * 9.6, 9.0), (s * 5.2, 14.8), 0.55, 0.32)
        folds += ridge(X, Y, (s * 9.4, 11.2), (s * 6.0, 17.2), 0.45, 0.22)
        folds -= ridge(X, Y, (s * 9.9, 10.0), (s * 6.6, 15.6), 0.45, 0.18)
        # sleeve folds
        if is_hood:
            folds += ridge(X, Y, (s * 11.6, 7.0), (s * 13.1, 11.2), 0.5, 0.30)
            folds += ridge(X, Y, (s * 11.8, 15.0), (s * 14.0, 14.4), 0.45, 0.34)
            folds += ridge(X, Y, (s * 11.7, 18.6), (s * 14.3, 19.4), 0.45, 0.30)
            folds -= ridge(X, Y, (s * 11.8, 16.7), (s * 14.2, 16.9), 0.4, 0.22)
        else:
            folds += ridge(X, Y, (s * 9.9, 4.0), (s * 11.6, 8.4), 0.45, 0.22)
            folds -= ridge(X, Y, (s * 10.3, 6.4), (s * 12.4, 6.9), 0.35, 0.10)
            folds += ridge(X, Y, (s * 9.6, 9.6), (s * 11.9, 8.6), 0.3, 0.12)
        # waist ripples
        folds += ridge(X, Y, (s * 9.8, 20.5), (s * 5.0, 21.8), 0.7, 0.20)
        folds -= ridge(X, Y, (s * 9.7, 23.4), (s * 4.0, 24.4), 0.6, 0.14)
    # hem waves
    hem_y = 27.4 if not is_hood else 26.0
    folds += 0.12 * np.sin(X * 1.3 + 0.6) * np.exp(-((Y - hem_y) / 1.4) ** 2)
    folds += ridge(X, Y, (-2.0, 19.5), (1.5, 25.5), 0.9, 0.10)
    # fine random cloth undulation
    n = rng.standard_normal(h.shape).astype(np.float32)
    folds += 0.025 * ndi.gaussian_filter(n, 1.6 * view.ppi, mode='wrap') * view.ppi * 1.6 * 2
    # long soft folds hanging from the chest to the hem
    folds += ridge(X, Y, (-4.5, 12.0), (-5.5, 27.0), 1.1, 0.16)
    folds += ridge(X, Y, (3.0, 14.0), (4.2, 27.0), 1.0, 0.13)
    folds -= ridge(X, Y, (-1.0, 16.0), (-0.6, 27.0), 0.9, 0.08)
    h = h + folds

    # ---- ribbing, seams, pocket ----
    rib = np.zeros_like(h)
    seam_lines = []
    if is_hood:
        cuff_y0 = 21.7
        for s in sgn:
            cuff = ((np.abs(X) > 11.9) & (Y > (cuff_y0 + (np.abs(X) - 12.0) * 0.25))).astype(np.float32)
            rib = np.maximum(rib, cuff)
        band = (Y > 25.6).astype(np.float32)
        rib = np.maximum(rib, band)
        rib = ndi.gaussian_filter(rib, 0.8, mode='nearest')
        seam_lines.append([(-10.9, 25.6), (10.9, 25.6)])
        for s in sgn:
            seam_lines.append([(s * 11.9, cuff_y0 - 0.1), (s * 14.5, cuff_y0 + 0.6)])
            seam_lines.append([(s * 4.4, -0.5), (s * 7.3, 0.6), (s * 10.3, 1.9)])
            seam_lines.append([(s * 10.3, 1.9), (s * 10.6, 5.4), (s * 10.95, 9.8)])
    else:
        for s in sgn:
            seam_lines.append([(s * 3.4, -0.1), (s * 6.3, 0.7), (s * 9.2, 1.7)])
            seam_lines.append([(s * 9.2, 1.7), (s * 9.7, 5.0), (s * 10.05, 8.4)])
            # sleeve hem stitch
            seam_lines.append([(s * 13.0, 7.0), (s * 10.6, 8.95)])
        seam_lines.append([(-10.1, 26.9), (0, 27.3), (10.1, 26.9)])

    seam = np.zeros_like(h)
    for line in seam_lines:
        d = polyline_dist(X, Y, catmull(line, closed=False, n=6) if len(line) > 2 else line)
        seam = np.maximum(seam, np.exp(-(d / 0.05) ** 2))
    # neck rib band
    neck_line = catmull([(-neck_w, -0.15), (-neck_w * 0.7, neck_depth * 0.55), (0, neck_depth),
                         (neck_w * 0.7, neck_depth * 0.55), (neck_w, -0.15)], closed=False, n=12)
    dn = polyline_dist(X, Y, neck_line)
    collar_w = 0.75 if not is_hood else 0.0
    collar = np.clip((collar_w - dn) / px * 0.5 + 0.5, 0, 1) * (1 - neck_cut) if collar_w else np.zeros_like(h)
    collar_seam = np.exp(-((dn - collar_w) / 0.05) ** 2) * (1 - neck_cut) if collar_w else np.zeros_like(h)
    seam = np.maximum(seam, collar_seam)
    h = h + 0.10 * collar - 0.02 * seam

    pocket = np.zeros_like(h)
    if is_hood and side == 'front':
        pk = catmull([(-6.2, 25.5), (-5.2, 17.6), (-3.6, 16.9), (3.6, 16.9), (5.2, 17.6), (6.2, 25.5)], closed=True, n=8)
        pocket = round_cov(view, poly_cov(view, pk), 0.15)
        pe = polyline_dist(X, Y, catmull([(-6.2, 25.5), (-5.2, 17.6), (-3.6, 16.9), (3.6, 16.9), (5.2, 17.6), (6.2, 25.5)], closed=False, n=8))
        seam = np.maximum(seam, np.exp(-((pe - 0.12) / 0.05) ** 2) * (Y < 25.5))
        h = h + 0.18 * ndi.gaussian_filter(pocket, 0.2 * view.ppi)
        # pocket side openings cast a shadow
        for s in sgn:
            o = polyline_dist(X, Y, [(s * 5.2, 17.6), (s * 6.2, 25.0)])
            seam = np.maximum(seam, 0.8 * np.exp(-(o / 0.12) ** 2) * (Y > 18.0) * (Y < 24.6))

    # ---- shading ----
    diffuse, (nx, ny, nz) = lambert(view, h, light=(-0.42, -0.58, 0.7), strength=1.0)
    flat = 0.7 / np.linalg.norm([-0.42, -0.58, 0.7])
    shade = 0.16 + 0.84 * (diffuse / flat) * 0.97
    cav = ndi.gaussian_filter(h, 0.9 * view.ppi, mode='nearest') - h
    ao = np.clip(1 - 0.55 * np.clip(cav, 0, None), 0.55, 1)
    edge = ndi.gaussian_filter(alpha, 0.7 * view.ppi, mode='nearest')
    shade = shade * ao * (0.8 + 0.2 * np.clip(edge * 1.6, 0, 1))
    shade = shade * (1 - 0.14 * seam)
    # ribbing: fine vertical ribs + slight darkening
    if is_hood:
        ribs = 0.5 + 0.5 * np.sin(X * 2 * np.pi / 0.14)
        shade = shade * (1 - rib * (0.08 + 0.05 * ribs))
    # collar ribs (tee)
    if collar_w:
        shade = shade * (1 - 0.05 * collar)
    # neck opening (inside back of the garment)
    if side == 'front' and not is_hood:
        inner_sh = 0.42 + 0.25 * np.clip((neck_depth - Y) / neck_depth, 0, 1)
        shade = shade * (1 - opening) + inner_sh * opening
    if is_hood and side == 'front':
        # hood exterior rim, inside lining in shadow
        lining = hood_inner
        depth = np.clip((Y + 3.4) / 6.3, 0, 1)
        deep = np.clip((ndi.gaussian_filter(hood_inner, 0.6 * view.ppi, mode='nearest') - 0.5) * 2, 0, 1)
        inner_sh = (0.8 - 0.3 * deep - 0.12 * depth) * (0.82 + 0.18 * np.clip(X / 4.0 + 0.5, 0, 1))
        # the rim of the hood rolls over: a lit band just outside the opening, a shadow inside it
        d_in = ndi.gaussian_filter(hood_inner, 0.12 * view.ppi, mode='nearest')
        rim_band = np.clip(1 - np.abs(d_in - 0.2) / 0.2, 0, 1) * (1 - hood_inner)
        inner_sh = inner_sh * (1 - 0.25 * np.clip(1 - np.abs(d_in - 0.75) / 0.25, 0, 1))
        hood_only = hood * (1 - cov * (1 - neck_cut))
        shade = shade * (1 + 0.08 * rim_band * hood_only)
        shade = shade * (1 - lining) + inner_sh * lining
        # shadow of the hood onto the chest
        hs = ndi.gaussian_filter(hood_inner, 0.5 * view.ppi) * (Y > 1.5)
        shade = shade * (1 - 0.12 * hs)
    if is_hood and side == 'back':
        hood_only = hood
        hs = ndi.gaussian_filter(ndi.shift(hood, (0.25 * view.ppi, 0.15 * view.ppi), order=1), 0.35 * view.ppi)
        under = (1 - hood) * hs
        shade = shade * (1 - 0.35 * under)
        # hood is a separate bulge: re-shade it with its own dome
        hh = 1.6 * np.sqrt(np.clip(ndi.gaussian_filter(hood, 1.2 * view.ppi, mode='nearest'), 0, 1))
        hh += ridge(X, Y, (0, -2.5), (0, 9.0), 0.35, -0.15)
        hd, _ = lambert(view, hh + 0.3 * folds, light=(-0.42, -0.58, 0.7))
        hshade = (0.2 + 0.8 * hd / flat) * (0.75 + 0.25 * np.clip(ndi.gaussian_filter(hood, 0.5 * view.ppi) * 1.6, 0, 1))
        hseam = np.exp(-(np.abs(X) / 0.05) ** 2) * (Y < 10)
        hshade = hshade * (1 - 0.3 * hseam)
        shade = shade * (1 - hood) + hshade * hood

    # drawstrings and aglets: a non-tinted overlay (white cord)
    overlay = None
    if is_hood and side == 'front':
        ov_a = np.zeros_like(h)
        ov_c = np.zeros(h.shape + (3,), np.float32)
        for s in sgn:
            pts = catmull([(s * 1.75, 2.1), (s * 1.85, 5.0), (s * 1.6, 8.4), (s * 1.95, 11.4)], closed=False, n=10)
            d = polyline_dist(X, Y, pts)
            r = 0.14
            a = np.clip((r - d) / px + 0.5, 0, 1)
            a = a * (Y > 2.0)
            # tube shading across the cord
            side_n = np.clip(d / r, 0, 1)
            cshade = 0.55 + 0.45 * np.sqrt(np.clip(1 - side_n ** 2, 0, 1))
            ag = np.clip((0.19 - polyline_dist(X, Y, [(s * 1.9, 10.6), (s * 1.96, 11.6)])) / px + 0.5, 0, 1)
            col = np.stack([cshade * 0.93, cshade * 0.92, cshade * 0.9], -1)
            agc = np.stack([cshade * 0.45] * 3, -1)
            col = col * (1 - ag[..., None]) + agc * ag[..., None]
            a = np.maximum(a, ag)
            ov_c = ov_c * (1 - a[..., None]) + col * a[..., None]
            ov_a = np.maximum(ov_a, a)
            # eyelet
            ey = ellipse_cov(view, s * 1.75, 2.05, 0.22, 0.22)
            ring = ey - ellipse_cov(view, s * 1.75, 2.05, 0.12, 0.12)
            ov_c = ov_c * (1 - ring[..., None]) + 0.6 * ring[..., None]
            ov_a = np.maximum(ov_a, ring)
        # cord shadow is part of the shade (multiplied on the fabric)
        cs = ndi.gaussian_filter(ndi.shift(ov_a, (0.12 * view.ppi, 0.1 * view.ppi), order=1), 0.08 * view.ppi)
        shade = shade * (1 - 0.35 * cs * (1 - ov_a))
        overlay = (ov_c, ov_a * alpha)

    # sheen: visible on dark fabric through the screen blend
    spec = np.clip(diffuse / flat, 0, 1.2) ** 3
    highlight = ndi.gaussian_filter(0.055 * spec * alpha, 0.15 * view.ppi)

    # ---- UV: cylinder-wrapped planar mapping in print-area inches ----
    pa_w, pa_h = (12.0, 16.0) if not is_hood else (15.0, 18.0)
    top = 3.6 if not is_hood else 3.2
    R = 13.0 if not is_hood else 14.0
    xs = np.clip(X / R, -0.999, 0.999)
    u_body = R * np.arcsin(xs) + pa_w / 2
    if side == 'back':
        u_body = u_body  # the back panel is viewed from behind: still left-to-right as seen
    v_body = Y - top + 0.35 * (np.abs(X) / 10.0) ** 2  # hem sits a little lower at the sides as the body curves
    u, v = u_body.astype(np.float32), v_body.astype(np.float32)

    # displacement into the folds: pattern follows the local slope of the folds
    fh = ndi.gaussian_filter(folds, 0.12 * view.ppi)
    gx, gy = view.grad(fh)
    disp_px = 0.9 * view.ppi / 31.0  # px per unit slope
    ddx = (-gx * disp_px * 6).astype(np.float32)
    ddy = (-gy * disp_px * 6).astype(np.float32)

    # ---- printable mask ----
    if is_hood:
        printable = alpha * (1 - rib)
        if side == 'front':
            printable = printable * (1 - hood_inner)
        mask = printable
    else:
        # the print rectangle in print-area inches, anti-aliased by the local pixel size
        du = np.minimum(u, pa_w - u) / px
        dv = np.minimum(v, pa_h - v) / px
        rect = np.clip(np.minimum(du, dv) + 0.5, 0, 1)
        mask = rect * alpha * (1 - collar) * (1 - opening)

    bg = studio_bg(view)
    bg = drop_shadow(view, bg, alpha, offset_in=(0.35, 0.55), blur_in=0.7, strength=0.22)
    t = Template(kind, side if not detail else 'detail', [pa_w, pa_h], view,
                 f'{kind} {side}' + (' close-up' if detail else ''))
    pa = {'name': side if not detail else 'front', 'widthIn': pa_w, 'heightIn': pa_h}
    t.print_area = pa
    return t.write(root, bg, alpha, np.clip(shade, 0, 1), np.clip(highlight, 0, 1), np.clip(mask, 0, 1), u, v,
                   overlay=overlay, displacement=(ddx, ddy),
                   texture={'file': '../../_shared/jersey.png', 'strength': 0.10 if not detail else 0.14,
                            'scale': 1.0 if not detail else 2.0},
                   uv_valid=(alpha > 0))
