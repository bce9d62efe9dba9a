"""Mug, tote, poster and phone-case templates (analytic geometry, numpy)."""
import numpy as np
from scipy import ndimage as ndi

from mocklib import (View, Template, catmull, poly_cov, ridge, polyline_dist, lambert, studio_bg,
                     drop_shadow, round_cov, ellipse_cov, normalize)


def aa_rect(view, u, v, w, h):
    """Anti-aliased coverage of 0<=u<=w, 0<=v<=h using the local size of a pixel in (u,v)."""
    gux, guy = np.gradient(u)
    gvx, gvy = np.gradient(v)
    su = np.maximum(np.hypot(gux, guy), 1e-4)
    sv = np.maximum(np.hypot(gvx, gvy), 1e-4)
    cu = np.clip(np.minimum(u, w - u) / su + 0.5, 0, 1)
    cv = np.clip(np.minimum(v, h - v) / sv + 0.5, 0, 1)
    return (cu * cv).astype(np.float32)


def polyline_closest(X, Y, pts):
    best = np.full(X.shape, 1e9, np.float32)
    cx = np.zeros_like(X)
    cy = np.zeros_like(X)
    for (x0, y0), (x1, y1) in zip(pts[:-1], pts[1:]):
        dx, dy = x1 - x0, y1 - y0
        t = np.clip(((X - x0) * dx + (Y - y0) * dy) / (dx * dx + dy * dy + 1e-12), 0, 1)
        px, py = x0 + t * dx, y0 + t * dy
        d = np.hypot(X - px, Y - py)
        m = d < best
        best = np.where(m, d, best)
        cx = np.where(m, px, cx)
        cy = np.where(m, py, cy)
    return best, cx, cy


def sdf_round_rect(X, Y, cx, cy, hw, hh, r):
    qx = np.abs(X - cx) - hw + r
    qy = np.abs(Y - cy) - hh + r
    return (np.hypot(np.maximum(qx, 0), np.maximum(qy, 0)) + np.minimum(np.maximum(qx, qy), 0) - r).astype(np.float32)


# ---------------------------------------------------------------- mug

def mug(root, side):
    view = View(ppi=150.0, cx_in=0.0, cy_in=0.1)
    X, Y = view.X, view.Y
    px = view.px
    R, H = 1.625, 3.75
    e = 0.17  # rim ellipse ratio (camera slightly above)
    hdir = 1 if side == 'front' else -1  # handle on the right for 'front', left for 'left'
    cx = -0.62 * hdir
    y_top = -H / 2 + 0.05

    xr = np.clip((X - cx) / R, -1, 1)
    cos_t = np.sqrt(1 - xr ** 2)
    theta = np.arcsin(xr)
    t = Y - y_top - e * R * cos_t  # height down the front surface

    # silhouette polygon: back rim arc, side, front bottom arc, other side
    th = np.linspace(-np.pi / 2, np.pi / 2, 200)
    back = [(cx + R * np.sin(a), y_top - e * R * np.cos(a)) for a in th]
    bottom = [(cx + R * np.sin(a), y_top + H + e * R * np.cos(a)) for a in th[::-1]]
    body = poly_cov(view, back + bottom)
    Ri = R - 0.09
    inner = ellipse_cov(view, cx, y_top, Ri, e * Ri)
    outer_top = ellipse_cov(view, cx, y_top, R, e * R)
    rim = np.clip(outer_top - inner, 0, 1)
    side_surf = np.clip(body - outer_top, 0, 1)

    # handle: a tube along a C-shaped curve
    hx = cx + hdir * R
    hpts = catmull([(hx - hdir * 0.15, y_top + 0.62), (hx + hdir * 0.55, y_top + 0.52), (hx + hdir * 1.08, y_top + 1.15),
                    (hx + hdir * 1.1, y_top + 2.2), (hx + hdir * 0.62, y_top + 2.95), (hx - hdir * 0.15, y_top + 3.0)],
                   closed=False, n=24)
    hd, hcx, hcy = polyline_closest(X, Y, hpts)
    hr = 0.21
    handle = np.clip((hr - hd) / px + 0.5, 0, 1)
    handle = handle * (1 - body)
    alpha = np.clip(body + handle, 0, 1)

    L = normalize((-0.55, -0.35, 0.76))
    # side of the cylinder
    nx, nz = xr, cos_t
    diff = np.clip(nx * L[0] + nz * L[2], 0, 1)
    shade_side = 0.2 + 0.86 * diff
    # darker towards the foot (fillet) and a bright band under the rim
    shade_side *= 1 - 0.35 * np.exp(-((H - t) / 0.12) ** 2) - 0.1 * np.clip((t - 2.8) / 1.0, 0, 1)
    shade_side *= 1 - 0.12 * np.exp(-(t / 0.06) ** 2)
    # softbox reflections (vertical streaks) and fresnel edge
    Hh = normalize(L + np.array([0, 0, 1.0]))
    th_h = np.arctan2(Hh[0], Hh[2])
    streak = np.exp(-((theta - th_h) / 0.075) ** 4)
    streak2 = 0.45 * np.exp(-((theta - 0.95) / 0.06) ** 4)
    vfade = np.clip(t / 0.25, 0, 1) * np.clip((H - t) / 0.35, 0, 1)
    fres = 0.22 * (1 - cos_t) ** 3
    hi_side = np.clip((0.85 * streak + streak2) * vfade + fres, 0, 1)

    # rim: a lit flat ring with a glint
    rim_shade = 0.98 + 0.0 * X
    ang = np.arctan2((Y - y_top) / e, X - cx)
    hi_rim = 0.5 * np.exp(-((ang + 2.3) / 0.35) ** 2) + 0.25 * np.exp(-((ang - 1.6) / 0.5) ** 2)

    # interior: the inside back wall and floor, lit from the front left
    iy = np.clip((Y - (y_top - e * Ri)) / (2 * e * Ri), 0, 1)
    ix = np.clip((X - cx) / Ri, -1, 1)
    shade_in = 0.62 + 0.22 * ix - 0.25 * iy ** 1.5
    # front rim casts a shadow into the cup on the far side from the light
    shade_in *= 1 - 0.25 * np.clip(iy - 0.55, 0, 1) / 0.45
    hi_in = 0.12 * np.exp(-((ix - 0.55) / 0.18) ** 2) * (1 - iy)

    # handle shading from the tube normal
    ddx = (X - hcx) / np.maximum(hd, 1e-6)
    ddy = (Y - hcy) / np.maximum(hd, 1e-6)
    s_ = np.clip(hd / hr, 0, 1)
    hnx, hny, hnz = ddx * s_, ddy * s_, np.sqrt(np.clip(1 - s_ ** 2, 0, 1))
    hdiff = np.clip(hnx * L[0] + hny * L[1] + hnz * L[2], 0, 1)
    shade_h = 0.22 + 0.8 * hdiff
    hspec = np.clip(hnx * Hh[0] + hny * Hh[1] + hnz * Hh[2], 0, 1) ** 40
    # the handle's inner side is shadowed by the body near the joints
    shade_h *= 1 - 0.25 * np.exp(-(np.abs(X - hx) / 0.25) ** 2)

    shade = side_surf * shade_side + rim * rim_shade + inner * shade_in + handle * shade_h
    shade = shade / np.maximum(alpha, 1e-6)
    highlight = side_surf * hi_side + rim * hi_rim + inner * hi_in + handle * 0.9 * hspec
    highlight = highlight / np.maximum(alpha, 1e-6)

    # UV: arc length around the wrap (gap at the handle), height below the print's top margin
    th_handle = hdir * np.pi / 2
    ref = th_handle - np.pi if hdir > 0 else th_handle + np.pi  # the point opposite the handle is the print's centre
    u = 4.5 + (theta - ref) * R
    v = t - 0.125
    mask = aa_rect(view, u, v, 9.0, 3.5) * side_surf

    bg = studio_bg(view)
    # contact shadow: a soft ellipse under the foot, plus a long soft shadow to the right
    foot = ellipse_cov(view, cx, y_top + H + 0.02, R * 1.02, e * R * 1.1)
    cs = ndi.gaussian_filter(foot, 0.09 * view.ppi) * 0.55
    ls = ndi.gaussian_filter(ellipse_cov(view, cx + 0.5, y_top + H + 0.1, R * 1.35, e * R * 1.6), 0.35 * view.ppi) * 0.22
    bg = bg * (1 - np.maximum(cs, ls)[..., None])
    tpl = Template('mug', side, None, view, f'mug ({"handle right" if side == "front" else "handle left"})')
    tpl.print_area = {'name': 'wrap', 'widthIn': 9.0, 'heightIn': 3.5}
    return tpl.write(root, bg, alpha, np.clip(shade, 0, 1), np.clip(highlight, 0, 1), mask, u.astype(np.float32),
                     v.astype(np.float32), uv_valid=side_surf > 0)


# ---------------------------------------------------------------- tote

def tote(root, side):
    view = View(ppi=32.0, cx_in=0.0, cy_in=3.6)
    X, Y = view.X, view.Y
    px = view.px
    W, Hb = 15.0, 16.0
    # body outline with a slight pinch at the middle of the sides and a soft bottom
    outline = catmull([(-7.5, 0.0), (0, 0.05), (7.5, 0.0), (7.58, 4.0), (7.42, 9.0), (7.55, 15.9), (0, 16.15), (-7.55, 15.9), (-7.42, 9.0), (-7.58, 4.0)], n=12)
    body = round_cov(view, poly_cov(view, outline), 0.12)

    # handles: front pair in front, back pair seen through / behind
    def strap(pts, wid):
        d, cxs, cys = polyline_closest(X, Y, catmull(pts, closed=False, n=24))
        cov = np.clip((wid / 2 - d) / px + 0.5, 0, 1)
        return cov, d
    fr, fd = strap([(-3.3, 0.9), (-3.6, -3.5), (-2.4, -8.0), (0, -9.2), (2.4, -8.0), (3.6, -3.5), (3.3, 0.9)], 1.05)
    bk, bd = strap([(-3.1, 0.5), (-3.0, -3.0), (-1.7, -7.1), (0.4, -8.05), (2.5, -6.9), (3.3, -3.0), (3.2, 0.5)], 1.0)
    fr = fr * (Y < 0.05)  # straps go inside the bag mouth
    bk = bk * (Y < 0.0) * (1 - fr)
    # the front straps are sewn onto the hem band (visible below the opening)
    tab = np.zeros_like(X)
    for s in (-1, 1):
        tab = np.maximum(tab, np.clip((0.525 - np.abs(X - s * 3.3)) / px + 0.5, 0, 1) * (Y >= 0) * (Y < 1.5))
    alpha = np.clip(body + fr * (1 - body) + bk * (1 - body), 0, 1)

    # height: a gently filled bag + drag folds from the straps + bottom corner folds
    h = 1.1 * np.sqrt(np.clip(ndi.gaussian_filter(body, 2.2 * view.ppi, mode='nearest'), 0, 1))
    folds = np.zeros_like(h)
    for s in (-1, 1):
        folds += ridge(X, Y, (s * 3.3, 1.3), (s * 5.8, 8.0), 0.6, 0.18)
        folds += ridge(X, Y, (s * 3.0, 1.4), (s * 1.0, 6.5), 0.5, 0.12)
        folds -= ridge(X, Y, (s * 4.2, 1.2), (s * 6.9, 5.5), 0.35, 0.08)
        folds += ridge(X, Y, (s * 7.0, 12.2), (s * 5.5, 15.6), 0.55, 0.16)
        folds += ridge(X, Y, (s * 6.6, 9.5), (s * 4.0, 13.5), 0.7, 0.08)
    folds += ridge(X, Y, (-7.0, 10.0), (-3.0, 11.6), 0.9, 0.06)
    rng = np.random.default_rng(5)
    folds += 0.02 * ndi.gaussian_filter(rng.standard_normal(h.shape).astype(np.float32), 1.2 * view.ppi, mode='wrap') * view.ppi * 2.4
    # hem band at the top: double fold, slightly raised, two stitch lines
    hem = np.clip((1.25 - Y) / px + 0.5, 0, 1) * body
    h = h + folds + 0.05 * hem
    stitch = np.zeros_like(h)
    for yy in (1.12, 0.12):
        stitch = np.maximum(stitch, np.exp(-((Y - yy) / 0.035) ** 2) * (0.6 + 0.4 * (np.sin(X * 2 * np.pi / 0.16) > 0)))
    for s in (-1, 1):  # side seams, box-X stitch on the strap tabs
        stitch = np.maximum(stitch, 0.6 * np.exp(-((np.abs(X) - 7.3) / 0.04) ** 2) * (Y > 1.3) * (Y < 15.8))
        for a, b in [((s * 2.85, 0.25), (s * 3.75, 1.1)), ((s * 3.75, 0.25), (s * 2.85, 1.1)), ((s * 2.85, 0.25), (s * 3.75, 0.25)),
                     ((s * 2.85, 1.1), (s * 3.75, 1.1))]:
            stitch = np.maximum(stitch, np.exp(-(polyline_dist(X, Y, [a, b]) / 0.035) ** 2) * tab)
    diffuse, _ = lambert(view, h, light=(-0.42, -0.58, 0.7))
    flat = 0.7 / np.linalg.norm([-0.42, -0.58, 0.7])
    cav = ndi.gaussian_filter(h, 0.8 * view.ppi, mode='nearest') - h
    ao = np.clip(1 - 0.8 * np.clip(cav, 0, None), 0.6, 1)
    edge = ndi.gaussian_filter(body, 0.4 * view.ppi, mode='nearest')
    shade_body = (0.2 + 0.8 * diffuse / flat * 0.97) * ao * (0.86 + 0.14 * np.clip(edge * 1.6, 0, 1))
    shade_body *= 1 - 0.25 * stitch
    # hem edge shadow + strap tabs raised
    shade_body *= 1 - 0.12 * np.exp(-((Y - 1.28) / 0.06) ** 2)
    shade_body *= 1 - 0.2 * ndi.gaussian_filter(ndi.shift(tab, (3, 3), order=1), 2) * (1 - tab)
    # straps: shaded flat bands, the back strap darker (inside of the bag shades it)
    sf = 0.88 - 0.18 * np.clip(np.abs(fd) / 0.52, 0, 1) ** 4 + 0.06 * np.clip(-X / 5, -1, 1)
    sb = 0.62 - 0.15 * np.clip(np.abs(bd) / 0.5, 0, 1) ** 4
    strap_st = np.exp(-((np.abs(fd) - 0.4) / 0.03) ** 2)
    sf *= 1 - 0.25 * strap_st
    # shadow of the front straps onto the back straps
    fs = ndi.gaussian_filter(ndi.shift(fr, (0.15 * view.ppi, 0.2 * view.ppi), order=1), 0.1 * view.ppi)
    sb *= 1 - 0.35 * fs
    shade = body * shade_body + fr * (1 - body) * sf + bk * (1 - body) * sb
    shade = shade / np.maximum(alpha, 1e-6)
    highlight = ndi.gaussian_filter(0.04 * np.clip(diffuse / flat, 0, 1.2) ** 3 * alpha, 1.0)

    u = X + 7.5
    v = Y.copy()
    fh = ndi.gaussian_filter(folds, 0.1 * view.ppi)
    gx, gy = view.grad(fh)
    mask = aa_rect(view, u, v, 15.0, 16.0) * body

    bg = studio_bg(view)
    bg = drop_shadow(view, bg, alpha, offset_in=(0.35, 0.5), blur_in=0.6, strength=0.22)
    tpl = Template('tote', side, None, view, 'canvas tote')
    tpl.print_area = {'name': 'front', 'widthIn': 15.0, 'heightIn': 16.0}
    return tpl.write(root, bg, alpha, np.clip(shade, 0, 1), np.clip(highlight, 0, 1), mask, u.astype(np.float32), v.astype(np.float32),
                     displacement=((-gx * 5).astype(np.float32), (-gy * 5).astype(np.float32)),
                     texture={'file': '../../_shared/canvas.png', 'strength': 0.13, 'scale': 1.0}, uv_valid=body > 0)


# ---------------------------------------------------------------- poster

def poster(root, size):
    w, h = [float(x) for x in size.split('x')]
    view = View(ppi=21.0, cx_in=0.0, cy_in=-1.0)
    X, Y = view.X, view.Y
    px = view.px
    top, left = -h / 2 - 2.5, -w / 2
    # wall with a soft pool of light from the upper left, baseboard and a wooden floor
    s = view.size
    wall = np.array([0.905, 0.893, 0.872], np.float32)
    pool = np.exp(-(((X + 12) / 30) ** 2 + ((Y + 14) / 26) ** 2))
    lit = 0.86 + 0.16 * pool
    bg = wall[None, None] * lit[..., None]
    floor_y = 22.0
    base_h = 3.2
    bb = (Y > floor_y - base_h) & (Y <= floor_y)
    bg[bb] = np.array([0.95, 0.945, 0.935]) * (0.93 + 0.06 * pool[bb])[..., None]
    lip = (Y > floor_y - base_h - 0.0) & (Y < floor_y - base_h + 0.25)
    bg[lip] *= 1.03
    fl = Y > floor_y
    wood = np.array([0.62, 0.5, 0.38], np.float32)
    grain = 0.93 + 0.07 * np.sin(Y * 3.0 + 0.6 * np.sin(X * 0.21)) * (0.6 + 0.4 * np.sin(X * 0.05))
    bg[fl] = wood * (grain[fl] * (0.82 + 0.18 * pool[fl]))[..., None]
    # contact shadow where the baseboard meets the floor, and ambient occlusion along it
    bg *= (1 - 0.25 * np.exp(-np.clip(Y - floor_y, 0, None) / 0.6) * fl)[..., None]
    bg *= (1 - 0.08 * np.exp(-np.clip(floor_y - base_h - Y, 0, None) / 1.5) * (Y < floor_y - base_h))[..., None]

    rect = [(left, top), (left + w, top), (left + w, top + h), (left, top + h)]
    cov = poly_cov(view, rect)
    # paper: very slight waviness and bottom corners lifting off the wall
    rng = np.random.default_rng(9)
    wav = ndi.gaussian_filter(rng.standard_normal(cov.shape).astype(np.float32), 3.0 * view.ppi, mode='wrap') * view.ppi * 3 * 0.05
    lift = 0.12 * np.clip((Y - (top + h - 3)) / 3, 0, 1) ** 2 * (np.clip((np.abs(X) - (w / 2 - 4)) / 4, 0, 1) ** 2)
    hgt = wav + lift
    diffuse, _ = lambert(view, hgt, light=(-0.42, -0.58, 0.7))
    flat = 0.7 / np.linalg.norm([-0.42, -0.58, 0.7])
    shade = (0.05 + 0.95 * diffuse / flat) * (0.9 + 0.1 * pool) * 0.97
    shade = np.clip(shade, 0, 1) * (1 - 0.05 * np.exp(-np.clip(np.minimum.reduce([X - left, left + w - X, Y - top, top + h - Y]), 0, 5) / 0.05))
    highlight = 0.03 * pool * cov
    # shadow on the wall: soft, down-right, stronger where the corners lift
    sh = ndi.shift(cov, (0.35 * view.ppi, 0.25 * view.ppi), order=1)
    sh = 0.32 * ndi.gaussian_filter(sh, 0.35 * view.ppi) + 0.2 * ndi.gaussian_filter(ndi.shift(cov, (1.0 * view.ppi, 0.8 * view.ppi), order=1), 1.2 * view.ppi)
    bg = bg * (1 - np.clip(sh, 0, 0.5)[..., None])
    u = X - left
    v = Y - top
    gx, gy = view.grad(ndi.gaussian_filter(hgt, 2))
    mask = cov
    tpl = Template('poster', size, None, view, f'poster {size} on a wall')
    tpl.print_area = {'name': size, 'widthIn': w, 'heightIn': h}
    return tpl.write(root, np.clip(bg, 0, 1), cov, shade, highlight, mask, u.astype(np.float32), v.astype(np.float32),
                     texture={'file': '../../_shared/paper.png', 'strength': 0.035, 'scale': 1.0}, lifestyle=True, uv_valid=cov > 0)


# ---------------------------------------------------------------- phone case

def phone_case(root, side):
    view = View(ppi=128.0, cx_in=0.0, cy_in=0.0)
    X, Y = view.X, view.Y
    px = view.px
    hw, hh, r = 1.56, 3.16, 0.52
    sdf = sdf_round_rect(X, Y, 0, 0, hw, hh, r)
    alpha = np.clip(-sdf / px + 0.5, 0, 1)
    edge_r = 0.2
    depth = np.clip(-sdf, 0, None)
    e = np.clip(depth / edge_r, 0, 1)
    h = edge_r * np.sqrt(np.clip(1 - (1 - e) ** 2, 0, 1))
    # camera module: rounded square with a raised lip around the cut-out
    ccx, ccy, cs, cr = -hw + 0.24 + 0.66, -hh + 0.24 + 0.66, 0.66, 0.3
    sc = sdf_round_rect(X, Y, ccx, ccy, cs, cs, cr)
    lip = np.clip((0.07 - np.abs(sc + 0.035)) / px + 0.5, 0, 1)
    cut = np.clip(-sc / px + 0.5, 0, 1)
    h = h + 0.05 * np.clip(1 - np.abs(sc + 0.02) / 0.09, 0, 1) ** 0.7 * (sc > -0.02)
    diffuse, (nx, ny, nz) = lambert(view, ndi.gaussian_filter(h, 0.6), light=(-0.42, -0.58, 0.7))
    flat = 0.7 / np.linalg.norm([-0.42, -0.58, 0.7])
    shade = 0.16 + 0.84 * diffuse / flat * 0.97
    # ambient occlusion around the camera lip
    ao = 1 - 0.22 * np.exp(-np.clip(sc - 0.07, 0, None) / 0.05) * (sc > 0.07)
    shade = shade * ao
    Lh = normalize(np.array([-0.42, -0.58, 0.7]) / np.linalg.norm([-0.42, -0.58, 0.7]) + np.array([0, 0, 1.0]))
    spec = np.clip(nx * Lh[0] + ny * Lh[1] + nz * Lh[2], 0, 1) ** 60
    # a broad diagonal softbox reflection across the back (gloss)
    dd = (X * 0.55 + Y * 0.35)
    band = 0.18 * np.exp(-((dd + 0.9) / 0.45) ** 2) + 0.08 * np.exp(-((dd - 1.4) / 0.12) ** 2)
    highlight = np.clip(band * (e > 0.98) + 0.55 * spec, 0, 1) * alpha

    # overlay: the phone's camera module seen through the cut-out (not tinted, not printed)
    ov_c = np.zeros(X.shape + (3,), np.float32)
    glass = np.array([0.17, 0.17, 0.19], np.float32)
    gy_ = np.clip((Y - (ccy - cs)) / (2 * cs), 0, 1)
    ov_c[:] = glass * (1.1 - 0.3 * gy_)[..., None]
    ov_a = np.clip(-(sc + 0.07) / px + 0.5, 0, 1)
    lenses = [(ccx - 0.3, ccy - 0.3), (ccx - 0.3, ccy + 0.32), (ccx + 0.32, ccy + 0.0)]
    for lx, ly in lenses:
        d = np.hypot(X - lx, Y - ly)
        ring = np.clip((0.27 - d) / px + 0.5, 0, 1)
        ringc = 0.55 + 0.3 * np.clip(-(X - lx + Y - ly) / 0.3, -1, 1)
        ov_c = ov_c * (1 - ring[..., None]) + (np.array([0.62, 0.62, 0.64]) * ringc[..., None]) * ring[..., None]
        lens = np.clip((0.22 - d) / px + 0.5, 0, 1)
        inner = 0.04 + 0.05 * np.exp(-((d - 0.12) / 0.05) ** 2)
        lc = np.stack([inner * 0.8, inner * 0.9, inner * 1.6], -1)
        glint = np.exp(-(((X - lx + 0.07) ** 2 + (Y - ly + 0.08) ** 2) / 0.0012))
        lc = lc + glint[..., None] * 0.85
        ov_c = ov_c * (1 - lens[..., None]) + lc * lens[..., None]
    fl = np.hypot(X - (ccx + 0.34), Y - (ccy - 0.4))
    fcov = np.clip((0.085 - fl) / px + 0.5, 0, 1)
    ov_c = ov_c * (1 - fcov[..., None]) + np.array([0.93, 0.88, 0.72]) * fcov[..., None]
    ov_c = ov_c * (1 - 0.35 * np.exp(-np.clip(-(sc + 0.07), 0, None) / 0.04))[..., None]  # shadow of the lip

    # UV: print area 3.4 x 6.6 in wrapping around the rounded edge (arc length, not projection)
    extra = np.where(depth < edge_r, edge_r * np.arcsin(np.clip((edge_r - depth) / edge_r, 0, 1)) - (edge_r - depth), 0)
    g_x, g_y = np.gradient(sdf)
    gn = np.maximum(np.hypot(g_x, g_y), 1e-6)
    u = X + extra * g_x / gn + 1.7
    v = Y + extra * g_y / gn + 3.3
    mask = aa_rect(view, u, v, 3.4, 6.6) * alpha * (1 - np.clip(-(sc - 0.07) / px + 0.5, 0, 1))

    bg = studio_bg(view)
    bg = drop_shadow(view, bg, alpha, offset_in=(0.08, 0.12), blur_in=0.12, strength=0.28)
    bg = drop_shadow(view, bg, alpha, offset_in=(0.25, 0.35), blur_in=0.45, strength=0.16)
    tpl = Template('phone-case', side, None, view, 'phone case (back)')
    tpl.print_area = {'name': 'back', 'widthIn': 3.4, 'heightIn': 6.6}
    return tpl.write(root, bg, alpha, np.clip(shade, 0, 1), highlight, mask, u.astype(np.float32), v.astype(np.float32),
                     overlay=(ov_c, ov_a * alpha), uv_valid=alpha > 0)
