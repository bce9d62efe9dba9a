"""Renders a mockup scene in Blender (Cycles, CPU) and saves the passes a template needs.

usage: blender -b -P scripts/mockup/blender/render.py -- <product/view> [--size 1024] [--samples 64] [--out DIR]
Blender 3.4.1 (Debian bookworm `blender`); see VERSION. Writes DIR/passes.npz (default
/tmp/seedprint-blender/<product>/<view>), which convert.py turns into lib/mockup/templates/<product>/<view>/.

Views: hoodie and tee front/back/detail, mug front/left, tote front, poster 12x18/18x24/24x36,
phone-case back (the scenes are described in README.md).

Units: 1 Blender unit = 1 inch. The garment is modelled in "pattern" coordinates (x right, y down,
inches from the neck centre, like scripts/mockup/garments.py); Blender X = x, Z = -y, and -Y points
at the camera. Each garment panel is a height field over its outline (inflated like a garment on a
ghost mannequin, with drag, sleeve and hem folds sculpted in), UV-unwrapped conformally in 3D so the
print follows the surface through folds and around the sides, then scaled so one UV unit is one
inch of fabric.

Passes (all width x height, float):
  light      diffuse light on a white garment (Cycles DiffDir + DiffInd)
  gloss      glossy/sheen light (GlossDir + GlossInd)
  alpha      garment coverage (film transparent, anti-aliased)
  background the set with the garment invisible to the camera (it still casts its shadow)
  beauty     the garment render itself (cords' colour for the overlay)
  u, v       print-area inches (rendered at DATA_SCALE x with 1 sample per subpixel and a tiny pixel filter,
             so values are never blended across a seam; convert.py box-averages them)
  cls        per subpixel: 0 none, 1 printable fabric, 2 tinted but unprintable (ribbing,
             hood lining), 3 overlay (drawstrings)
"""
import math
import os
import sys

import bpy
import mathutils
import numpy as np
from scipy.spatial import cKDTree

# Blender runs the system Python: the procedural builders' numpy helpers import as they are
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from hardgoods import polyline_closest  # noqa: E402
from garments import hoodie_outline, mirror, tee_outline  # noqa: E402
from mocklib import catmull as spline  # noqa: E402

ARGS = sys.argv[sys.argv.index('--') + 1:] if '--' in sys.argv else []


def arg(name, default):
    if name in ARGS:
        return type(default)(ARGS[ARGS.index(name) + 1])
    return default


JOB = ARGS[0] if ARGS and not ARGS[0].startswith('--') else 'hoodie/front'
SIZE = arg('--size', 1024)
SAMPLES = arg('--samples', 64)
# lighting is smooth next to the print: it is path traced at a lower resolution than the template
SHADE_SIZE = arg('--shade-size', 512)
DATA_SCALE = 3  # UV / class supersampling per template pixel
OUT = arg('--out', os.path.join('/tmp/seedprint-blender', JOB))

# ---------------------------------------------------------------- geometry helpers (numpy only)


def catmull(points, closed=True, n=12):
    return np.array(spline(points, closed=closed, n=n))


def inside(poly, X, Y):
    """Even-odd point-in-polygon for arrays of points."""
    res = np.zeros(X.shape, bool)
    x0, y0 = poly[:, 0], poly[:, 1]
    x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
    for a, b, c, d in zip(x0, y0, x1, y1):
        cond = ((b > Y) != (d > Y)) & (X < (c - a) * (Y - b) / (d - b + 1e-12) + a)
        res ^= cond
    return res


def nearest_on(poly, X, Y):
    """Distance to a closed polygon and the nearest point on it."""
    return polyline_closest(X, Y, np.vstack([poly, poly[:1]]))


def smoothstep(e0, e1, x):
    t = np.clip((x - e0) / (e1 - e0), 0, 1)
    return t * t * (3 - 2 * t)


def ridge(X, Y, p0, p1, width, amp, taper=0.25):
    """A soft fold along p0-p1 (gaussian across, fading in and out along it)."""
    (x0, y0), (x1, y1) = p0, p1
    L = math.hypot(x1 - x0, y1 - y0)
    tx, ty = (x1 - x0) / L, (y1 - y0) / L
    t = ((X - x0) * tx + (Y - y0) * ty) / L
    perp = -(X - x0) * ty + (Y - y0) * tx
    fade = smoothstep(0, taper, t) * smoothstep(0, taper, 1 - t)
    return amp * np.exp(-(perp / width) ** 2) * fade


def panel(outer, holes, spacing, grid=False):
    """A grid mesh covering `outer` minus `holes` (polygons in inches); border vertices snapped onto
    the outline. Returns vertices (N, 2), quads (M, 4) and each vertex's distance to the border
    (and with `grid`, each vertex's row and column and the grid's column x and row y)."""
    x0, y0 = outer.min(0) - spacing
    x1, y1 = outer.max(0) + spacing
    xs = np.arange(x0, x1 + spacing, spacing)
    ys = np.arange(y0, y1 + spacing, spacing)
    X, Y = np.meshgrid(xs, ys)
    ins = inside(outer, X, Y)
    for h in holes:
        ins &= ~inside(h, X, Y)
    cell = ins[:-1, :-1] | ins[1:, :-1] | ins[:-1, 1:] | ins[1:, 1:]
    used = np.zeros_like(ins)
    used[:-1, :-1] |= cell
    used[1:, :-1] |= cell
    used[:-1, 1:] |= cell
    used[1:, 1:] |= cell
    d, nx, ny = nearest_on(outer, X, Y)
    for h in holes:
        dh, hx, hy = nearest_on(h, X, Y)
        m = dh < d
        d, nx, ny = np.where(m, dh, d), np.where(m, hx, nx), np.where(m, hy, ny)
    PX = np.where(ins, X, nx)
    PY = np.where(ins, Y, ny)
    d = np.where(ins, d, 0.0)
    index = -np.ones(X.shape, np.int64)
    index[used] = np.arange(used.sum())
    verts = np.stack([PX[used], PY[used]], 1)
    dist = d[used]
    jj, ii = np.nonzero(cell)
    quads = np.stack([index[jj, ii], index[jj, ii + 1], index[jj + 1, ii + 1], index[jj + 1, ii]], 1)
    # a cell whose corners snapped to opposite sides of a narrow gap (sleeve / body) would bridge it
    q = verts[quads]
    edge = np.linalg.norm(q - np.roll(q, 1, axis=1), axis=2).max(1)
    # ... and a cell squashed flat by the snapping only upsets the unwrap
    area = 0.5 * np.abs(np.cross(q[:, 2] - q[:, 0], q[:, 3] - q[:, 1]))
    quads = quads[(edge < 2.2 * spacing) & (area > 0.15 * spacing * spacing)]
    if grid:
        return verts, quads, dist, (*np.nonzero(used), xs, ys)
    return verts, quads, dist


def fabric_uv(grid, X, Y, H, pa_w, top):
    """Print inches measured along the fabric, as a print laid on the flat garment lands on it:
    u is the 3D arc length along each grid row from the centre line, v along each grid column
    from the print's top edge. Where a row or column never reaches its origin (across the neck
    opening), the flat pattern position."""
    J, I, xs, ys = grid
    P = np.full((len(ys), len(xs), 3), np.nan)
    P[J, I] = np.stack([X, Y, H], 1)

    def along(axis, origin):
        seg = np.linalg.norm(np.diff(P, axis=axis), axis=2)  # NaN across a gap: the sum stops there
        seg = np.moveaxis(seg, axis, 1)
        out = np.full((seg.shape[0], seg.shape[1] + 1), np.nan)
        out[:, origin] = 0.0
        out[:, origin + 1:] = np.cumsum(seg[:, origin:], axis=1)
        out[:, :origin] = -np.cumsum(seg[:, :origin][:, ::-1], axis=1)[:, ::-1]
        ok = ~np.isnan(np.moveaxis(P[..., 0], axis, 1)[:, origin])
        out[~ok] = np.nan
        return np.moveaxis(out, 1, axis)

    u = along(1, int(np.argmin(np.abs(xs))))[J, I] + pa_w / 2
    v = along(0, int(np.argmin(np.abs(ys - top))))[J, I]
    u = np.where(np.isnan(u), X + pa_w / 2, u)
    v = np.where(np.isnan(v), Y - top, v)
    return np.stack([u, v], 1)


def smooth_noise(X, Y, seed, scale, octaves=4):
    """Band-limited noise from random plane waves (no scipy inside Blender's Python)."""
    rng = np.random.default_rng(seed)
    out = np.zeros_like(X)
    amp = 1.0
    for o in range(octaves):
        k = 2 * math.pi / (scale / 2 ** o)
        for _ in range(6):
            a = rng.uniform(0, 2 * math.pi)
            out += amp * np.sin(k * (X * math.cos(a) + Y * math.sin(a)) + rng.uniform(0, 2 * math.pi))
        amp *= 0.55
    return out / 6


# ---------------------------------------------------------------- hoodie

PRINT_AREA = {'hoodie': (15.0, 18.0), 'tee': (12.0, 16.0), 'mug': (9.0, 3.5), 'tote': (15.0, 16.0), 'phone-case': (3.4, 6.6)}
PRINT_TOP = {'hoodie': 3.2, 'tee': 3.6}  # inches below the neck centre where the print area's top edge sits


def hoodie_body_height(X, Y, d, seed=7):
    """Height (towards the camera, inches) of the front panel at pattern point (X, Y)."""
    ax = np.abs(X)
    # edges roll round to the silhouette (quarter circle), the torso is a shallow cylinder
    r_edge = 1.9
    t = np.clip(d / r_edge, 0, 1)
    h = r_edge * np.sqrt(1 - (1 - t) ** 2)
    torso = 2.3 * np.sqrt(np.clip(1 - (X / 12.5) ** 2, 0, 1)) * smoothstep(11.4, 10.2, ax) * smoothstep(0, 1.2, d)
    chest = 0.9 * np.exp(-((Y - 9.0) / 7.0) ** 2) * np.exp(-(X / 7.0) ** 2)
    h = h + torso + chest * smoothstep(0, 1.0, d)
    f = np.zeros_like(X)
    for s in (-1, 1):
        # drag folds from the armpits towards the centre, with valleys between
        f += ridge(X, Y, (s * 10.0, 9.2), (s * 4.2, 15.8), 0.7, 0.75)
        f += ridge(X, Y, (s * 9.6, 11.8), (s * 5.2, 18.4), 0.6, 0.55)
        f -= ridge(X, Y, (s * 10.0, 10.5), (s * 5.6, 17.0), 0.4, 0.45)
        f -= ridge(X, Y, (s * 9.8, 8.0), (s * 5.8, 12.6), 0.35, 0.3)
        # sleeves bunch above the cuff: stacked folds across the sleeve
        for k, (yy, a) in enumerate([(12.6, 0.4), (14.8, 0.55), (16.9, 0.6), (18.7, 0.7), (20.4, 0.6)]):
            tilt = 0.6 if k % 2 else -0.4
            f += ridge(X, Y, (s * 11.2, yy + tilt), (s * 14.7, yy - tilt + 0.5), 0.38, a)
            f -= ridge(X, Y, (s * 11.2, yy + 0.95 + tilt), (s * 14.7, yy + 1.1), 0.22, a * 0.7)
        f += ridge(X, Y, (s * 11.0, 3.6), (s * 12.8, 10.0), 0.6, 0.45)  # shoulder to elbow
        f -= ridge(X, Y, (s * 11.8, 4.5), (s * 13.5, 10.5), 0.3, 0.25)
        # the body blouses over the band: ripples and a roll just above it
        f += ridge(X, Y, (s * 10.2, 21.0), (s * 4.2, 22.6), 0.8, 0.5)
        f -= ridge(X, Y, (s * 9.9, 23.0), (s * 3.6, 24.0), 0.5, 0.35)
    f += 0.45 * np.exp(-((Y - 24.9) / 0.55) ** 2) * smoothstep(11.0, 8.0, ax)
    # long soft folds hanging to the hem
    f += ridge(X, Y, (-4.6, 11.0), (-5.8, 25.0), 1.0, 0.45)
    f += ridge(X, Y, (3.2, 13.0), (4.6, 25.0), 0.9, 0.4)
    f -= ridge(X, Y, (-1.2, 15.0), (-0.6, 25.0), 0.7, 0.3)
    f -= ridge(X, Y, (6.5, 14.0), (7.5, 24.0), 0.6, 0.25)
    f += 0.16 * smooth_noise(X, Y, seed, 5.0)
    # hem band: recessed and tighter, so the body hangs over it
    band = smoothstep(25.45, 25.75, Y)
    f -= 0.55 * band
    cuff = (ax > 11.9) & (Y > 21.7 + (ax - 12.0) * 0.25)
    f -= 0.3 * cuff
    return h + f * smoothstep(0, 0.6, d)


POCKET = [(-6.2, 25.5), (-5.2, 17.6), (-3.6, 16.9), (3.6, 16.9), (5.2, 17.6), (6.2, 25.5)]


def split_sleeves(prefix, v, q, h, d, rib, armhole, body_uv=None):
    """Set-in sleeves are their own pieces of fabric (cut at the armhole seam), so each is unwrapped
    on its own and keeps its true scale. `armhole(y)`: the seam's |x| at each face's y."""
    X, Y = v[:, 0], v[:, 1]
    fc = v[q].mean(1)
    on_sleeve = np.abs(fc[:, 0]) > armhole(fc[:, 1])
    parts = [(f'{prefix}-body', ~on_sleeve), (f'{prefix}-sleeve-left', on_sleeve & (fc[:, 0] < 0)), (f'{prefix}-sleeve-right', on_sleeve & (fc[:, 0] > 0))]
    pieces = []
    for name, sel in parts:
        qq = q[sel]
        used = np.unique(qq)
        remap = -np.ones(len(v), np.int64)
        remap[used] = np.arange(len(used))
        pieces.append(make_object(name, X[used], Y[used], h[used], remap[qq], d[used], rib_mask=rib[used]))
        if body_uv is not None and name.endswith('-body'):
            set_uv(pieces[-1], body_uv[used])
    return pieces


def neck_curve(w, depth, closed=True):
    pts = [(-w, -0.15), (-w * 0.7, depth * 0.55), (0, depth), (w * 0.7, depth * 0.55), (w, -0.15)]
    return catmull(pts + [(0, -1.5)], n=12) if closed else catmull(pts, closed=False, n=12)


def build_hoodie(side):
    spacing = 0.09
    body_outline = catmull(mirror(hoodie_outline()), n=10)
    # seen from the back, the hood hangs over the neckline: the body needs no opening
    holes = [neck_curve(4.2, 2.6)] if side == 'front' else []
    v, q, d = panel(body_outline, holes, spacing)
    X, Y = v[:, 0], v[:, 1]
    h = hoodie_body_height(X, Y, d, seed=7 if side == 'front' else 8)
    ax = np.abs(X)
    if side == 'front':
        # kangaroo pocket: a second layer of fabric, raised, open at the slanted sides
        pk = catmull(POCKET, n=10)
        pin = inside(pk, X, Y)
        pd, _, _ = nearest_on(pk, X, Y)
        sd = np.where(pin, pd, -pd)
        h = h + 0.22 * smoothstep(-0.02, 0.12, sd) * smoothstep(25.6, 25.3, Y) * smoothstep(0, 0.8, d)
    else:
        # the hood's weight drags the upper back down between the shoulders
        h = h - 0.25 * np.exp(-((Y - 9.5) / 2.0) ** 2) * np.exp(-(X / 5.0) ** 2)
    rib = (Y > 25.6) | ((ax > 11.9) & (Y > 21.7 + (ax - 12.0) * 0.25))
    pieces = split_sleeves('hoodie', v, q, h, d, rib, lambda y: 10.3 + np.clip((y - 1.9) / 7.9, 0, 1) * 0.65)
    body = pieces[0]
    if side == 'back':
        return pieces + hood_hanging(body, spacing), []

    # hood lying behind the neck: a dome with the lining showing through its opening
    hood_pts = catmull([(-5.2, 1.2), (-6.0, -1.0), (-5.0, -3.2), (0, -4.2), (5.0, -3.2), (6.0, -1.0), (5.2, 1.2), (2.5, 3.4), (0, 3.6), (-2.5, 3.4)], n=12)
    inner_pts = catmull([(-3.7, 0.6), (-4.4, -1.0), (-3.6, -2.7), (0, -3.4), (3.6, -2.7), (4.4, -1.0), (3.7, 0.6), (2.2, 2.8), (0, 3.2), (-2.2, 2.8)], n=12)
    hv, hq, hd = panel(hood_pts, [], spacing)
    HX, HY = hv[:, 0], hv[:, 1]
    inn = inside(inner_pts, HX, HY)
    di, _, _ = nearest_on(inner_pts, HX, HY)
    rim = 0.9 * np.sqrt(1 - (1 - np.clip(hd / 0.9, 0, 1)) ** 2)
    # inside the opening the lining falls away towards the back of the hood
    bowl = np.where(inn, -4.5 * np.sqrt(np.clip(di / 2.2, 0, 1)), 0.0)
    hh = 0.6 + rim + bowl
    hh = hh + 0.06 * smooth_noise(HX, HY, 11, 4.0)
    hood = make_object('hoodie-hood', HX, HY, hh, hq, hd, rib_mask=inn, rib_material='lining')

    # drawstrings: cords from the eyelets, resting on the chest
    cords = []
    for s in (-1, 1):
        path = catmull([(s * 1.75, 2.3), (s * 1.85, 5.0), (s * 1.6, 8.4), (s * 1.95, 11.4)], closed=False, n=10)
        z = height_at(body, path) + 0.13
        cords.append(make_cord(f'cord{s}', path, z, 0.13, 'cord'))
        tip = catmull([(s * 1.93, 10.7), (s * 1.96, 11.7)], closed=False, n=2)
        cords.append(make_cord(f'aglet{s}', tip, height_at(body, tip) + 0.16, 0.17, 'aglet'))
    return pieces + [hood], cords


def hood_hanging(body, spacing):
    """The hood seen from the back, lying flat over the upper back: two halves sewn along the
    centre, each a soft dome resting on the body with a rolled edge."""
    outline = catmull([(-5.3, 0.4), (-6.4, -1.4), (-5.2, -3.0), (0, -3.5), (5.2, -3.0), (6.4, -1.4), (5.3, 0.4),
                       (4.6, 5.0), (2.6, 9.4), (0, 10.6), (-2.6, 9.4), (-4.6, 5.0)], n=12)
    BX, BY, _ = PATTERN_XY[body.name]
    co = np.empty(len(BX) * 3)
    body.data.vertices.foreach_get('co', co)
    BH = -co.reshape(-1, 3)[:, 1]
    pieces = []
    for s, name in ((-1, 'hoodie-hood-left'), (1, 'hoodie-hood-right')):
        xs = np.clip(outline[:, 0] * s, 0, None) * s
        half = np.stack([xs, outline[:, 1]], 1)
        v, q, d = panel(half, [], spacing)
        X, Y = v[:, 0], v[:, 1]
        # the body's height under each hood vertex (nearest body vertex; the hood covers the neckline)
        k = cKDTree(np.stack([BX, BY], 1)).query(np.stack([X, Y], 1))[1]
        base = np.where(Y < -0.4, np.maximum(BH[k], 1.2), BH[k])
        r = 0.7
        dd = np.minimum(d, 99)
        roll = r * np.sqrt(1 - (1 - np.clip(dd / r, 0, 1)) ** 2)
        dome = 0.9 * np.sqrt(np.clip(1 - ((Y - 2.5) / 8.5) ** 2, 0, 1)) * smoothstep(0, 2.0, dd)
        seam = 0.12 * np.exp(-(X / 0.18) ** 2)  # the centre seam pulls in a little
        hh = base + 0.12 + roll + dome - seam + 0.05 * smooth_noise(X, Y, 13, 4.0)
        pieces.append(make_object(name, X, Y, hh, q, d))
    return pieces


# folds on both halves: (x0, y0) -> (x1, y1) of the right half, width, height (< 0: a valley)
TEE_FOLDS = [
    (9.3, 9.6, 5.6, 14.8, 0.55, 0.42), (9.1, 11.6, 6.3, 17.0, 0.45, 0.3), (9.4, 10.6, 6.6, 15.8, 0.35, -0.28),  # armpit drag
    (9.9, 3.4, 11.6, 7.8, 0.45, 0.35), (10.5, 5.4, 12.7, 6.3, 0.28, -0.22), (10.2, 8.3, 12.6, 6.8, 0.3, 0.18),  # sleeve
    (9.4, 20.8, 5.0, 22.0, 0.7, 0.28), (9.3, 23.6, 4.0, 24.6, 0.6, -0.2),  # gathered above the hem
]
# not mirrored: drag folds from the armpits into the chest, a sag below it, twists above the hem
# (each crosses the print rectangle, 3.6-19.6 in below the neck, |x| < 6 in)
TEE_PRINT_FOLDS = {
    'front': [((-8.6, 10.2), (-2.2, 16.8), 0.85, 0.3), ((8.9, 12.0), (2.8, 19.4), 0.95, 0.26),
              ((-5.8, 20.6), (5.2, 21.6), 1.1, -0.22), ((-3.6, 25.0), (1.6, 18.6), 0.75, 0.22),
              ((4.8, 4.6), (6.6, 11.0), 0.7, 0.16)],
    'back': [((-8.8, 8.4), (-1.2, 12.6), 0.9, 0.32), ((8.8, 9.6), (1.8, 14.4), 0.9, 0.28),
             ((-6.0, 18.4), (5.6, 19.8), 1.2, -0.26), ((2.6, 25.4), (-2.4, 16.6), 0.8, 0.24),
             ((-4.6, 4.4), (-5.8, 12.0), 0.8, 0.18), ((-6.4, 26.0), (-3.2, 20.4), 0.7, 0.2)],
}
# drag folds from the straps, corner folds at the bottom
TOTE_FOLDS = [
    (3.3, 1.3, 5.8, 8.0, 0.6, 0.3), (3.0, 1.4, 1.0, 6.5, 0.5, 0.2), (4.2, 1.2, 6.9, 5.5, 0.35, -0.15),
    (7.0, 12.2, 5.5, 15.6, 0.55, 0.25), (6.6, 9.5, 4.0, 13.5, 0.7, 0.12),
]


def mirrored_ridges(X, Y, folds):
    f = np.zeros_like(X)
    for s in (-1, 1):
        for x0, y0, x1, y1, width, amp in folds:
            f += ridge(X, Y, (s * x0, y0), (s * x1, y1), width, amp)
    return f


def tee_body_height(X, Y, d, side):
    """Height of a tee panel: thinner jersey than the hoodie, so a smaller edge roll, shallower folds."""
    ax = np.abs(X)
    # the edge rolls round to the silhouette, steeper at the hem (an open tube of jersey seen face on)
    r_edge = 1.5 - 0.95 * smoothstep(24.5, 27.0, Y)
    t = np.clip(d / r_edge, 0, 1)
    h = 1.5 * np.sqrt(1 - (1 - t) ** 2)
    torso = 2.0 * np.sqrt(np.clip(1 - (X / 11.5) ** 2, 0, 1)) * smoothstep(10.0, 8.9, ax) * smoothstep(0, 1.2, d)
    chest = (0.6 if side == 'front' else 0.35) * np.exp(-((Y - 8.5) / 7.0) ** 2) * np.exp(-(X / 7.0) ** 2)
    h = h + torso + chest * smoothstep(0, 1.0, d)
    f = mirrored_ridges(X, Y, TEE_FOLDS)
    f += 0.14 * np.sin(X * 1.3 + (0.6 if side == 'front' else 2.1)) * np.exp(-((Y - 27.2) / 1.3) ** 2)
    # long soft folds hanging to the hem (kept off the chest centre, where the print is measured)
    f += ridge(X, Y, (-4.6, 13.0), (-5.6, 27.5), 1.0, 0.32)
    f += ridge(X, Y, (3.4, 15.0), (4.4, 27.5), 0.9, 0.26)
    f -= ridge(X, Y, (-1.4, 19.0), (-0.9, 27.5), 0.8, 0.16)
    # folds across the print area, so the print bends with the cloth on both sides
    for p0, p1, width, amp in TEE_PRINT_FOLDS[side]:
        f += ridge(X, Y, p0, p1, width, 1.4 * amp, taper=0.35)
    f += 0.1 * smooth_noise(X, Y, 3 if side == 'front' else 4, 5.0)
    # hems: a turned-up band, stitched, slightly recessed below the stitch line
    f -= 0.08 * smoothstep(26.85, 27.0, Y)
    sleeve_hem = (ax > 10.6) & (Y > 8.95 - (ax - 10.6) * (1.95 / 2.4) - 0.9)
    f -= 0.06 * sleeve_hem
    return h + f * smoothstep(0, 0.6, d)


def build_tee(side):
    spacing = 0.08
    outline = catmull(mirror(tee_outline()), n=10)
    neck_w = 3.3
    depth, other = (3.2, 0.75) if side == 'front' else (0.9, None)
    hole = neck_curve(neck_w, depth)
    v, q, d, grid = panel(outline, [hole], spacing, grid=True)
    X, Y = v[:, 0], v[:, 1]
    # the body rolls to the silhouette at its outline only: the neckline stands up as a collar
    d_out, _, _ = nearest_on(outline, X, Y)
    h = tee_body_height(X, Y, np.minimum(d_out, d + 1.2), side)
    line = neck_curve(neck_w, depth, closed=False)
    dn = polyline_closest(X, Y, line)[0]
    collar = dn < 0.75
    h = h + 0.1 * smoothstep(0.75, 0.6, dn) - 0.25 * smoothstep(0.35, 0.0, dn)
    # the print is placed on the body: its rectangle is measured along the fabric, not unwrapped
    uv = fabric_uv(grid, X, Y, h, *PRINT_AREA['tee'][:1], PRINT_TOP['tee'])
    pieces = split_sleeves('tee', v, q, h, d, collar, lambda y: np.where(y < 10.0, 9.2 + np.clip((y - 1.7) / 6.7, 0, 1) * 0.85, 99.0), uv)
    if other is not None:
        # through the front neckline: the inside of the back and its collar, in the shade
        back_line = neck_curve(neck_w, other, closed=False)
        region = np.vstack([back_line, neck_curve(neck_w + 0.3, depth + 0.3, closed=False)[::-1]])
        iv, iq, idist = panel(region, [], spacing)
        IX, IY = iv[:, 0], iv[:, 1]
        db = polyline_closest(IX, IY, back_line)[0]
        ih = 0.5 + 0.35 * smoothstep(0.0, 0.6, db) - 0.6 * smoothstep(0.6, 3.0, db) + 0.15 * smoothstep(0.3, 0.0, db)
        pieces.append(make_object('tee-inside', IX, IY, ih, iq, idist, rib_mask=np.ones(len(IX), bool), rib_material='lining'))
    return pieces, []


# ---------------------------------------------------------------- mug

MUG_R, MUG_H = 1.625, 3.82  # 11 oz: 3.25 in across, 3.82 in tall
MUG_FOOT = 0.12  # the bevel where the wall turns into the foot
MUG_GAP = 0.15  # plain glaze between the rim and the print's top edge (a sublimation wrap stops short)


def revolve(profile, thetas):
    """Surface of revolution about Blender Z: `profile` rows of (radius, z), the angle measured from
    the camera side (-Y) towards +X. Open at the first/last angle, where the print's wrap is cut."""
    T, Rr = np.meshgrid(thetas, profile[:, 0])
    Z = np.broadcast_to(profile[:, 1:2], T.shape)
    co = np.stack([Rr * np.sin(T), -Rr * np.cos(T), Z], -1).reshape(-1, 3)
    idx = np.arange(T.size).reshape(T.shape)
    quads = np.stack([idx[:-1, :-1], idx[:-1, 1:], idx[1:, 1:], idx[1:, :-1]], -1).reshape(-1, 4)
    return co, quads, T.reshape(-1)


def arc(cx, cz, r, a0, a1, n):
    a = np.linspace(a0, a1, n)
    return np.stack([cx + r * np.cos(a), cz + r * np.sin(a)], 1)


def mug_profile():
    """(radius, z) from the centre of the foot, up the outside, over the rounded rim, down the
    inside to the centre of the floor; and which rows are the outer wall (the printable band)."""
    R, top, bot, rr = MUG_R, MUG_H / 2, -MUG_H / 2, 0.05
    fr = MUG_FOOT
    foot = np.stack([np.linspace(0.02, R - fr, 8), np.full(8, bot)], 1)
    fillet = arc(R - fr, bot + fr, fr, -math.pi / 2, 0, 10)[1:]
    side = np.stack([np.full(90, R), np.linspace(bot + fr, top - rr, 90)], 1)[1:]
    rim = arc(R - rr, top - rr, rr, 0, math.pi, 12)[1:]
    inner = np.stack([np.full(40, R - 2 * rr), np.linspace(top - rr, bot + 0.55, 40)], 1)[1:]
    in_fillet = arc(R - 2 * rr - 0.25, bot + 0.55, 0.25, 0, -math.pi / 2, 8)[1:]
    floor = np.stack([np.linspace(R - 2 * rr - 0.25, 0.02, 8), np.full(8, bot + 0.3)], 1)[1:]
    prof = np.vstack([foot, fillet, side, rim, inner, in_fillet, floor])
    outer = np.zeros(len(prof), bool)
    o0 = len(foot) + len(fillet)
    outer[o0 - 1:o0 + len(side)] = True
    return prof, outer


def build_mug(side):
    hdir = 1 if side == 'front' else -1  # handle on the right for 'front', on the left for 'left'
    cx = -0.62 * hdir
    th_handle = hdir * math.pi / 2
    # the point opposite the handle is the print's centre; the wrap is cut at the handle
    ref = th_handle - math.pi * hdir
    thetas = ref + np.linspace(-math.pi, math.pi, 241)
    prof, outer = mug_profile()
    co, quads, T = revolve(prof, thetas)
    co[:, 0] += cx
    n = len(thetas)
    row = np.repeat(np.arange(len(prof)), n)
    # the print wraps the wall: u = arc length from the point opposite the handle, v = depth below the rim
    u = 4.5 + (T - ref) * MUG_R
    v = (MUG_H / 2 - co[:, 2]) - MUG_GAP
    body = make_mesh('mug-body', co, quads, np.stack([u, v], 1), (~outer[row][quads]).any(1),
                     [glaze()] * 2, [1, 2])
    # the handle: a flattened tube along a C from the wall and back
    hx = cx + hdir * MUG_R
    top = MUG_H / 2
    path = catmull([(hx - hdir * 0.2, top - 0.62), (hx + hdir * 0.55, top - 0.52), (hx + hdir * 1.08, top - 1.15),
                    (hx + hdir * 1.1, top - 2.2), (hx + hdir * 0.62, top - 2.95), (hx - hdir * 0.2, top - 3.0)], closed=False, n=16)
    handle = tube('mug-handle', np.stack([path[:, 0], np.zeros(len(path)), path[:, 1]], 1), 0.2, 6, squash=0.7)  # an oval section
    handle.data.materials.append(glaze())
    DATA_CLASS[handle.name] = [2]
    return [body, handle], []


def glaze():
    """White ceramic glaze: a diffuse body under a thin glossy coat (soft highlights, not a mirror)."""
    m = material('glaze', (0.8, 0.8, 0.8), rough=0.16, spec=0.5)
    p = m.node_tree.nodes['Principled BSDF']
    p.inputs['Clearcoat'].default_value = 0.6
    p.inputs['Clearcoat Roughness'].default_value = 0.12
    return m


def make_mesh(name, co, quads, uv, second, mats, classes):
    """A mesh with per-vertex UV (print inches); faces flagged in `second` use material slot 1.
    `classes`: the data class of each slot (1 printable, 2 tinted, 3 overlay)."""
    me = bpy.data.meshes.new(name)
    me.from_pydata(co.tolist(), [], quads.tolist())
    me.update()
    ob = bpy.data.objects.new(name, me)
    bpy.context.collection.objects.link(ob)
    for m in mats:
        ob.data.materials.append(m)
    me.polygons.foreach_set('material_index', second.astype(np.int32))
    me.polygons.foreach_set('use_smooth', np.ones(len(me.polygons), bool))
    set_uv(ob, uv, classes)
    return ob


def set_uv(ob, uv, classes=(1, 2)):
    """Per-vertex UV (print inches) given at build time: the object needs no unwrap."""
    me = ob.data
    layer = me.uv_layers.new(name='UVMap')
    vi = np.empty(len(me.loops), np.int64)
    me.loops.foreach_get('vertex_index', vi)
    layer.data.foreach_set('uv', uv[vi].ravel())
    DATA_CLASS[ob.name] = list(classes)


# ---------------------------------------------------------------- poster, phone case, tote


def grid_panel(outline, holes, spacing, height, uv, name, mats, classes, flat=None):
    """A height-field panel over `outline` (pattern inches, y down) with UV from `uv(X, Y, d)`;
    `flat(X, Y)` marks the faces that take material slot 1."""
    v, q, d = panel(outline, holes, spacing)
    X, Y = v[:, 0], v[:, 1]
    H = height(X, Y, d)
    co = np.stack([X, -H, -Y], 1)
    second = flat(X, Y, d)[q].any(1) if flat else np.zeros(len(q), bool)
    return make_mesh(name, co, q, uv(X, Y, d), second, mats, classes)


POSTER_FLOOR = 22.0  # pattern y of the floor (the wall's baseboard stands on it)


def poster_sheet(view):
    w, h = (float(x) for x in view.split('x'))
    return w, h, -w / 2, -h / 2 - 2.5


def build_poster(view):
    w, h, left, top = poster_sheet(view)
    outline = np.array([(left, top), (left + w, top), (left + w, top + h), (left, top + h)])
    outline = np.vstack([np.linspace(a, b, int(np.hypot(*(b - a)) / 0.25), endpoint=False) for a, b in zip(outline, np.roll(outline, -1, 0))])

    def height(X, Y, d):
        # paper held at the top corners: the sheet bows a little and the bottom corners curl off the wall
        lift = 0.35 * smoothstep(top + h - 5, top + h, Y) ** 2 * smoothstep(w / 2 - 6, w / 2, np.abs(X)) ** 1.5
        bow = 0.06 * np.sin(np.clip((Y - top) / h, 0, 1) * math.pi) + 0.05 * smooth_noise(X, Y, 9, 14.0, octaves=2)
        return 0.04 + lift + bow

    paper = material('paper', (0.8, 0.8, 0.8), rough=0.45, spec=0.35)
    sheet = grid_panel(outline, [], 0.2, height, lambda X, Y, d: np.stack([X - left, Y - top], 1), 'poster-sheet', [paper, paper], [1, 2])
    return [sheet], []


def poster_set():
    """Baseboard and a wooden floor under the wall, in the set (background) only."""
    fl = -POSTER_FLOOR
    bpy.ops.mesh.primitive_cube_add(size=1, location=(0, -0.3, fl + 1.6), scale=(400, 0.6, 3.2))
    board = bpy.context.object
    board.data.materials.append(material('baseboard', (0.88, 0.875, 0.865), rough=0.5, spec=0.3))
    bpy.ops.mesh.primitive_plane_add(size=400, location=(0, -150, fl))
    floor = bpy.context.object
    wood = material('wood', (0.42, 0.3, 0.2), rough=0.5, spec=0.3)
    nt = wood.node_tree
    tc = nt.nodes.new('ShaderNodeTexCoord')
    wave = nt.nodes.new('ShaderNodeTexWave')
    wave.inputs['Scale'].default_value = 0.08
    wave.inputs['Distortion'].default_value = 6.0
    ramp = nt.nodes.new('ShaderNodeValToRGB')
    ramp.color_ramp.elements[0].color = (0.36, 0.25, 0.16, 1)
    ramp.color_ramp.elements[1].color = (0.5, 0.37, 0.25, 1)
    nt.links.new(tc.outputs['Object'], wave.inputs['Vector'])
    nt.links.new(wave.outputs['Fac'], ramp.inputs['Fac'])
    nt.links.new(ramp.outputs['Color'], nt.nodes['Principled BSDF'].inputs['Base Color'])
    floor.data.materials.append(wood)
    return [board, floor]


PHONE = (1.56, 3.16, 0.52, 0.2)  # half width, half height, corner radius, edge roll radius (in)
PHONE_CAM = (-1.56 + 0.9, -3.16 + 0.9, 0.66, 0.3)  # camera cut-out: centre x, y, half size, corner radius


def round_rect(cx, cy, hw, hh, r, n=10):
    pts = []
    for (sx, sy, a0) in ((1, -1, -math.pi / 2), (1, 1, 0), (-1, 1, math.pi / 2), (-1, -1, math.pi)):
        pts.append(arc(cx + sx * (hw - r), cy + sy * (hh - r), r, a0, a0 + math.pi / 2, n))
    return np.vstack(pts)


def build_phone(view):
    hw, hh, r, er = PHONE
    ccx, ccy, cs, cr = PHONE_CAM
    outline = round_rect(0, 0, hw, hh, r, 16)
    hole = round_rect(ccx, ccy, cs, cs, cr, 10)
    dh = lambda X, Y: nearest_on(hole, X, Y)[0]  # noqa: E731

    def height(X, Y, d):
        e = np.clip(np.minimum(nearest_on(outline, X, Y)[0], 99) / er, 0, 1)
        # rounded edge, and a raised lip round the camera cut-out
        return 0.02 + 0.55 * np.sqrt(np.clip(1 - (1 - e) ** 2, 0, 1)) + 0.06 * smoothstep(0.16, 0.03, dh(X, Y))

    def uv(X, Y, d):
        # arc length over the rounded edge: the print wraps round it
        do, nx, ny = nearest_on(outline, X, Y)
        extra = np.where(do < er, er * np.arcsin(np.clip((er - do) / er, 0, 1)) - (er - do), 0)
        ox, oy = (nx - X) / np.maximum(do, 1e-6), (ny - Y) / np.maximum(do, 1e-6)
        return np.stack([X + extra * ox + 1.7, Y + extra * oy + 3.3], 1)

    shell = material('case', (0.8, 0.8, 0.8), rough=0.25, spec=0.5)
    case = grid_panel(outline, [hole], 0.03, height, uv, 'phone-case', [shell, shell], [1, 2],
                      flat=lambda X, Y, d: dh(X, Y) < 0.12)
    # the phone's camera module seen through the cut-out: glass, lenses, flash (never tinted)
    bpy.ops.mesh.primitive_cube_add(size=1, location=(ccx, -0.3, -ccy), scale=(2 * cs, 0.1, 2 * cs))
    glass = bpy.context.object
    bev = glass.modifiers.new('b', 'BEVEL')
    bev.width, bev.segments = cr, 6
    glass.data.materials.append(material('cam-glass', (0.03, 0.03, 0.035), rough=0.08, spec=0.6))
    parts = [glass]
    for lx, ly in [(ccx - 0.3, ccy - 0.3), (ccx - 0.3, ccy + 0.32), (ccx + 0.32, ccy)]:
        bpy.ops.mesh.primitive_cylinder_add(radius=0.25, depth=0.12, location=(lx, -0.38, -ly), rotation=(math.pi / 2, 0, 0), vertices=48)
        ring = bpy.context.object
        ring.data.materials.append(material('lens-ring', (0.55, 0.55, 0.57), rough=0.2, spec=0.6))
        bpy.ops.mesh.primitive_cylinder_add(radius=0.19, depth=0.04, location=(lx, -0.44, -ly), rotation=(math.pi / 2, 0, 0), vertices=48)
        lens = bpy.context.object
        lens.data.materials.append(material('lens', (0.01, 0.01, 0.02), rough=0.03, spec=0.8))
        parts += [ring, lens]
    bpy.ops.mesh.primitive_cylinder_add(radius=0.08, depth=0.04, location=(ccx + 0.34, -0.36, -(ccy - 0.4)), rotation=(math.pi / 2, 0, 0), vertices=32)
    flash = bpy.context.object
    flash.data.materials.append(material('flash', (0.9, 0.85, 0.65), rough=0.3))
    parts.append(flash)
    for o in parts:
        o.data.polygons.foreach_set('use_smooth', np.ones(len(o.data.polygons), bool))
    return [case], parts


TOTE = [(-7.5, 0.0), (0, 0.05), (7.5, 0.0), (7.58, 4.0), (7.42, 9.0), (7.55, 15.9), (0, 16.15), (-7.55, 15.9), (-7.42, 9.0), (-7.58, 4.0)]


def build_tote(view):
    outline = catmull(TOTE, n=12)
    v, q, d = panel(outline, [], 0.09)
    X, Y = v[:, 0], v[:, 1]
    # a canvas bag with a little in it: filled towards the bottom, sagging between the straps
    r_edge = 0.45
    h = r_edge * np.sqrt(1 - (1 - np.clip(d / r_edge, 0, 1)) ** 2)
    h = h + 0.8 * np.sqrt(np.clip(1 - (X / 8.5) ** 2, 0, 1)) * smoothstep(0, 2.5, d) * smoothstep(-1, 11, Y)
    f = mirrored_ridges(X, Y, TOTE_FOLDS)
    f -= 0.35 * np.exp(-(X / 2.2) ** 2) * np.exp(-((Y - 1.0) / 2.5) ** 2)  # the mouth sags between the straps
    f += 0.08 * smooth_noise(X, Y, 5, 6.0)
    h = h + f * smoothstep(0, 0.5, d)
    body = make_object('tote-body', X, Y, h, q, d)
    straps = []
    for name, pts, dy in (('strap-front', [(-3.3, 1.3), (-3.6, -3.5), (-2.4, -8.0), (0, -9.2), (2.4, -8.0), (3.6, -3.5), (3.3, 1.3)], -1.0),
                          ('strap-back', [(-3.1, 0.8), (-3.0, -3.0), (-1.7, -7.1), (0.4, -8.05), (2.5, -6.9), (3.3, -3.0), (3.2, 0.8)], 1.0)):
        path = catmull(pts, closed=False, n=16)
        # the front pair is sewn onto the bag below the mouth; the back pair rises from behind it
        z = np.where(path[:, 1] > 0, height_at(body, path) + 0.06, 0.35) if dy < 0 else np.full(len(path), -0.5)
        ob = tube(name, np.stack([path[:, 0], -z, -path[:, 1]], 1), 0.52, 2, squash=0.12)  # flat webbing
        ob.data.materials.append(material('strap', (0.8, 0.8, 0.8), rough=1.0, sheen=0.3, spec=0.2))
        DATA_CLASS[ob.name] = [2]
        straps.append(ob)
    return [body] + straps, []


# ---------------------------------------------------------------- Blender scene

MATERIALS = {}
PATTERN_XY = {}  # object name -> the pattern (x, y) of each vertex
DATA_CLASS = {}  # object name -> the data class of each material slot (default: printable, tinted)


def material(name, rgb, rough=1.0, sheen=0.0, spec=0.3, rib=False):
    if name in MATERIALS:
        return MATERIALS[name]
    m = bpy.data.materials.new(name)
    m.use_nodes = True
    nt = m.node_tree
    p = nt.nodes['Principled BSDF']
    p.inputs['Base Color'].default_value = (*rgb, 1)
    p.inputs['Roughness'].default_value = rough
    p.inputs['Sheen'].default_value = sheen
    p.inputs['Specular'].default_value = spec
    if rib:
        # knit ribbing: fine vertical ribs as a bump (object-space x, inches)
        tc = nt.nodes.new('ShaderNodeTexCoord')
        wave = nt.nodes.new('ShaderNodeTexWave')
        wave.wave_type = 'BANDS'
        wave.bands_direction = 'X'
        wave.inputs['Scale'].default_value = 1 / 0.16
        bump = nt.nodes.new('ShaderNodeBump')
        bump.inputs['Strength'].default_value = 0.35
        bump.inputs['Distance'].default_value = 0.03
        nt.links.new(tc.outputs['Object'], wave.inputs['Vector'])
        nt.links.new(wave.outputs['Fac'], bump.inputs['Height'])
        nt.links.new(bump.outputs['Normal'], p.inputs['Normal'])
    MATERIALS[name] = m
    return m


def make_object(name, X, Y, H, quads, D, rib_mask=None, rib_material='rib'):
    me = bpy.data.meshes.new(name)
    co = np.stack([X, -H, -Y], 1)
    me.from_pydata(co.tolist(), [], quads.tolist())
    me.update()
    ob = bpy.data.objects.new(name, me)
    bpy.context.collection.objects.link(ob)
    ob.data.materials.append(material('fabric', (0.8, 0.8, 0.8), sheen=0.6, spec=0.25))
    ob.data.materials.append(material(rib_material, (0.8, 0.8, 0.8), sheen=0.6, spec=0.25, rib=rib_material == 'rib'))
    if rib_mask is not None:
        fm = rib_mask[quads].sum(1) >= 2
        me.polygons.foreach_set('material_index', fm.astype(np.int32))
    me.polygons.foreach_set('use_smooth', np.ones(len(me.polygons), bool))
    PATTERN_XY[ob.name] = (X, Y, D)
    return ob


def height_at(ob, path):
    X, Y, _ = PATTERN_XY[ob.name]
    co = np.empty(len(ob.data.vertices) * 3)
    ob.data.vertices.foreach_get('co', co)
    H = -co.reshape(-1, 3)[:, 1]
    out = []
    for x, y in path:
        k = np.argsort((X - x) ** 2 + (Y - y) ** 2)[:4]
        out.append(H[k].max())
    return np.array(out)


def tube(name, co, radius, resolution=4, squash=1.0):
    """A beveled curve through `co` (Blender coordinates); `squash` flattens its section along Y."""
    cu = bpy.data.curves.new(name, 'CURVE')
    cu.dimensions = '3D'
    cu.bevel_depth = radius
    cu.bevel_resolution = resolution
    cu.use_fill_caps = True
    sp = cu.splines.new('POLY')
    sp.points.add(len(co) - 1)
    for p, (x, y, z) in zip(sp.points, co):
        p.co = (x, y / squash, z, 1)
    ob = bpy.data.objects.new(name, cu)
    ob.scale = (1, squash, 1)
    bpy.context.collection.objects.link(ob)
    return ob


def make_cord(name, path, z, radius, mat):
    ob = tube(name, np.stack([path[:, 0], -z, -path[:, 1]], 1), radius)
    col = (0.85, 0.84, 0.82) if mat == 'cord' else (0.35, 0.35, 0.36)
    ob.data.materials.append(material(mat, col, rough=0.6 if mat == 'cord' else 0.3, spec=0.5))
    return ob


def pin_crest(ob, pa_w, top):
    """Pins for a sleeve: every ~2.5 in along its crest (the line farthest from its border), at the
    crest's x and its 3D arc length down the sleeve. Long narrow pieces drift in scale under a free
    conformal unwrap; pinned, the scale follows the fabric."""
    X, Y, D = PATTERN_XY[ob.name]
    co = np.empty(len(X) * 3)
    ob.data.vertices.foreach_get('co', co)
    co = co.reshape(-1, 3)
    rows = np.round(Y / 0.09).astype(np.int64)
    crest = []
    for r in np.unique(rows):
        k = np.nonzero(rows == r)[0]
        if D[k].max() > 0.5:
            crest.append(k[np.argmax(D[k])])
    crest = np.array(crest)
    seg = np.linalg.norm(np.diff(co[crest], axis=0), axis=1)
    s = np.concatenate([[0], np.cumsum(seg)])
    target = {}
    for i in range(0, len(crest), max(1, int(round(2.5 / 0.09)))):
        k = crest[i]
        target[k] = (X[k] + pa_w / 2, Y[crest[0]] + s[i] - top)
    return target


def unwrap_to_inches(ob, pa_w, top, region, pins=None):
    """Conformal UV unwrap of the 3D surface in print-area inches: either through pins already in
    inches, or free and then scaled by the 3D/UV area ratio, rotated and offset onto the pattern."""
    me = ob.data
    if pins:
        layer = me.uv_layers.new(name='UVMap')
        n = len(me.loops)
        vi = np.empty(n, np.int64)
        me.loops.foreach_get('vertex_index', vi)
        X, Y, _ = PATTERN_XY[ob.name]
        uv = np.stack([X + pa_w / 2, Y - top], 1)[vi]
        pin = np.zeros(n, bool)
        for k, t in pins.items():
            uv[vi == k] = t
            pin |= vi == k
        layer.data.foreach_set('uv', uv.ravel())
        layer.data.foreach_set('pin_uv', pin)
    bpy.context.view_layer.objects.active = ob
    for o in bpy.context.selected_objects:
        o.select_set(False)
    ob.select_set(True)
    bpy.ops.object.mode_set(mode='EDIT')
    bpy.ops.mesh.select_all(action='SELECT')
    bpy.ops.uv.unwrap(method='CONFORMAL', margin=0.0)
    bpy.ops.object.mode_set(mode='OBJECT')
    if pins:
        return None
    me = ob.data
    n = len(me.loops)
    uv = np.empty(n * 2)
    me.uv_layers.active.data.foreach_get('uv', uv)
    uv = uv.reshape(-1, 2)
    vi = np.empty(n, np.int64)
    me.loops.foreach_get('vertex_index', vi)
    nv = len(me.vertices)
    vuv = np.zeros((nv, 2))
    vuv[vi] = uv
    X, Y, D = PATTERN_XY[ob.name]
    co = np.empty(nv * 3)
    me.vertices.foreach_get('co', co)
    co = co.reshape(-1, 3)
    sel = region(X, Y) & (D > 0.4)  # away from the border, where the snapped cells are uneven
    # fabric area vs UV area per face in the fitting region (the median ignores odd faces)
    fv = np.empty(len(me.polygons) * 4, np.int64)
    me.polygons.foreach_get('vertices', fv)
    fv = fv.reshape(-1, 4)
    fv = fv[sel[fv].all(1)]
    P, U = co[fv], vuv[fv]
    a3 = np.linalg.norm(np.cross(P[:, 2] - P[:, 0], P[:, 3] - P[:, 1]), axis=1)
    auv = np.abs(np.cross(U[:, 2] - U[:, 0], U[:, 3] - U[:, 1]))
    s = math.sqrt(np.median(a3 / np.maximum(auv, 1e-12)))
    A = vuv[sel] * s
    B = np.stack([X[sel] + pa_w / 2, Y[sel] - top], 1)
    ca, cb = A.mean(0), B.mean(0)
    M = (A - ca).T @ (B - cb)
    Uu, _, Vt = np.linalg.svd(M)
    R = Uu @ Vt  # may include a reflection: the unwrap's handedness is arbitrary
    out = (vuv * s - ca) @ R + cb
    me.uv_layers.active.data.foreach_set('uv', out[vi].ravel())
    return out


def setup_scene(size, samples):
    sc = bpy.context.scene
    sc.render.engine = 'CYCLES'
    sc.cycles.device = 'CPU'
    sc.cycles.samples = samples
    sc.cycles.use_denoising = False
    sc.cycles.use_adaptive_sampling = True
    sc.cycles.adaptive_threshold = 0.02
    sc.cycles.max_bounces = 4
    sc.cycles.diffuse_bounces = 3
    sc.cycles.glossy_bounces = 1
    sc.cycles.seed = 1
    sc.render.resolution_x = sc.render.resolution_y = size
    sc.render.resolution_percentage = 100
    sc.render.threads_mode = 'FIXED'
    sc.render.threads = 2
    sc.view_settings.view_transform = 'Standard'
    sc.view_settings.look = 'None'
    sc.render.film_transparent = True
    return sc


def studio(view_center, ppi, size, tilt=0.0, floor=None, plane=2.5, wall_y=7.0, extra_lights=(), softboxes=(), lights=None):
    """Backdrop, lights and a long-lens camera framed so the plane `plane` in in front of the
    origin shows `ppi` px per inch. With `floor` (a height) the backdrop is a seamless sweep the
    product stands on and the camera looks down by `tilt` radians; otherwise a wall `wall_y` in behind."""
    cx, cy = view_center
    if floor is None:
        bpy.ops.mesh.primitive_plane_add(size=400, location=(0, wall_y, 0), rotation=(math.pi / 2, 0, 0))
        wall = bpy.context.object
    else:
        # floor towards the camera, curving up into a wall far behind
        prof = np.vstack([[[-300, floor]], arc(12.0, floor + 40, 40, -math.pi / 2, 0, 24), [[52, floor + 300]]])
        xs = np.array([-300.0, 300.0])
        co = np.array([[x, y, z] for y, z in prof for x in xs])
        k = np.arange(len(prof) - 1) * 2
        wall = bpy.data.objects.new('backdrop', bpy.data.meshes.new('backdrop'))
        wall.data.from_pydata(co.tolist(), [], np.stack([k, k + 1, k + 3, k + 2], 1).tolist())
        wall.data.polygons.foreach_set('use_smooth', np.ones(len(k), bool))
        bpy.context.collection.objects.link(wall)
    wall.name = 'backdrop'
    wall.data.materials.append(material('backdrop', (0.9, 0.895, 0.885), spec=0.1))
    world = bpy.data.worlds.new('w')
    world.use_nodes = True
    world.node_tree.nodes['Background'].inputs['Color'].default_value = (1, 1, 1, 1)
    world.node_tree.nodes['Background'].inputs['Strength'].default_value = 0.15
    bpy.context.scene.world = world
    for name, loc, (w, h), strength in extra_lights:
        # a reflection card: an emitting panel seen only in reflections (it lights nothing directly)
        bpy.ops.mesh.primitive_plane_add(size=1, location=loc)
        card = bpy.context.object
        card.name = name
        card.scale = (w, h, 1)
        card.rotation_mode = 'QUATERNION'
        card.rotation_quaternion = (-mathutils.Vector(loc)).to_track_quat('Z', 'Y')
        m = bpy.data.materials.new(name)
        nt = empty_node_tree(m)
        em = nt.nodes.new('ShaderNodeEmission')
        em.inputs['Strength'].default_value = strength
        nt.links.new(em.outputs['Emission'], nt.nodes.new('ShaderNodeOutputMaterial').inputs['Surface'])
        card.data.materials.append(m)
        card.visible_camera = card.visible_diffuse = card.visible_shadow = False
    for name, loc, size_, power in (lights or LIGHTS) + list(softboxes):
        ld = bpy.data.lights.new(name, 'AREA')
        ld.size = size_
        ld.energy = power
        lo = bpy.data.objects.new(name, ld)
        lo.location = loc
        lo.rotation_mode = 'QUATERNION'
        lo.rotation_quaternion = (-mathutils.Vector(loc)).to_track_quat('-Z', 'Y')  # aimed at the garment
        bpy.context.collection.objects.link(lo)
    cam_d = 160.0
    cd = bpy.data.cameras.new('cam')
    cd.sensor_fit = 'HORIZONTAL'
    cd.sensor_width = 36
    width_in = size / ppi
    # the garment's mid-plane sits ~2.5 in in front of z = 0: frame that plane at `ppi`
    plane_d = cam_d - plane
    cd.lens = 36 * plane_d / width_in
    cam = bpy.data.objects.new('cam', cd)
    cam.location = (cx, -cam_d * math.cos(tilt), -cy + cam_d * math.sin(tilt))
    cam.rotation_euler = (math.pi / 2 - tilt, 0, 0)
    bpy.context.collection.objects.link(cam)
    bpy.context.scene.camera = cam
    return wall


def empty_node_tree(owner):
    """The node tree of a scene or material, switched on and emptied."""
    owner.use_nodes = True
    nt = owner.node_tree
    for nd in list(nt.nodes):
        nt.nodes.remove(nd)
    return nt


def file_outputs(sc, names, folder):
    nt = empty_node_tree(sc)
    rl = nt.nodes.new('CompositorNodeRLayers')
    fo = nt.nodes.new('CompositorNodeOutputFile')
    fo.base_path = folder
    fo.format.file_format = 'OPEN_EXR'
    fo.format.color_depth = '32'
    fo.format.exr_codec = 'ZIP'
    fo.file_slots.clear()
    for out_name, sock in names:
        fo.file_slots.new(out_name)
        nt.links.new(rl.outputs[sock], fo.inputs[out_name])
    comp = nt.nodes.new('CompositorNodeComposite')
    nt.links.new(rl.outputs['Image'], comp.inputs['Image'])


def read_exr(path):
    img = bpy.data.images.load(path)
    w, h = img.size
    buf = np.empty(w * h * 4, np.float32)
    img.pixels.foreach_get(buf)
    bpy.data.images.remove(img)
    return buf.reshape(h, w, 4)[::-1]  # Blender images are bottom-up


def render_pass(sc, names, folder):
    """Renders the scene as it is set up now; the named passes as arrays, the folder left empty."""
    file_outputs(sc, names, folder)
    bpy.ops.render.render(write_still=False)
    out = {}
    for f in os.listdir(folder):
        if f.endswith('.exr'):
            out[f.split('0')[0]] = read_exr(os.path.join(folder, f))
        os.remove(os.path.join(folder, f))
    return out


def show(objects, visible):
    for o in objects:
        o.visible_camera = visible


def data_material(name, cls, umin, urange, vmin, vrange):
    """Emission of (u, v) normalised to 0..1 and the class as R, G, B: no lighting, no filtering."""
    m = bpy.data.materials.new(name)
    nt = empty_node_tree(m)
    uvn = nt.nodes.new('ShaderNodeUVMap')
    sep = nt.nodes.new('ShaderNodeSeparateXYZ')
    mu = nt.nodes.new('ShaderNodeMapRange')
    mv = nt.nodes.new('ShaderNodeMapRange')
    for mr, lo, rg in ((mu, umin, urange), (mv, vmin, vrange)):
        mr.clamp = True
        mr.inputs['From Min'].default_value = lo
        mr.inputs['From Max'].default_value = lo + rg
    comb = nt.nodes.new('ShaderNodeCombineXYZ')
    comb.inputs['Z'].default_value = cls / 4.0
    em = nt.nodes.new('ShaderNodeEmission')
    out = nt.nodes.new('ShaderNodeOutputMaterial')
    nt.links.new(uvn.outputs['UV'], sep.inputs['Vector'])
    nt.links.new(sep.outputs['X'], mu.inputs['Value'])
    nt.links.new(sep.outputs['Y'], mv.inputs['Value'])
    nt.links.new(mu.outputs['Result'], comb.inputs['X'])
    nt.links.new(mv.outputs['Result'], comb.inputs['Y'])
    nt.links.new(comb.outputs['Vector'], em.inputs['Color'])
    nt.links.new(em.outputs['Emission'], out.inputs['Surface'])
    return m


VIEWS = {
    # product/view: (centre x, centre y in pattern inches, ppi at 1024 px)
    'hoodie/front': ((0.0, 12.2), 28.0),
    'hoodie/back': ((0.0, 12.2), 28.0),
    'hoodie/detail': ((1.5, 5.0), 28.0 * 2.2),
    'tee/front': ((0.0, 13.6), 31.5),
    'tee/back': ((0.0, 13.6), 31.5),
    'tee/detail': ((1.0, 7.4), 31.0 * 2.6),
    'mug/front': ((0.0, 0.1), 150.0),
    'mug/left': ((0.0, 0.1), 150.0),
    'tote/front': ((0.0, 3.6), 32.0),
    # every poster size at the same wall scale, so the sizes compare honestly
    'poster/12x18': ((0.0, -1.0), 21.0),
    'poster/18x24': ((0.0, -1.0), 21.0),
    'poster/24x36': ((0.0, -1.0), 21.0),
    'phone-case/back': ((0.0, 0.0), 128.0),
}
# the set per product: camera tilt, sweep floor height (None: a wall), framed plane, wall distance
STAGE = {
    'mug': (math.radians(16), -MUG_H / 2, 0.0, None),
    'tee': (0.0, None, 2.5, 14.0),
    'poster': (0.0, None, 0.0, 0.0),
    'phone-case': (0.0, None, 0.5, 0.0),
    'tote': (0.0, None, 1.5, 5.0),
}
# key: a big softbox high on the left, fill: a larger dimmer one on the right, plus a top light
LIGHTS = [('key', (-50, -50, 40), 36, 60000), ('fill', (60, -50, 0), 60, 7000), ('top', (0, -15, 60), 30, 8000)]
PRODUCT_LIGHTS = {
    # the tee: a larger key nearer the camera axis and a wall farther back, so the shadow stays small and soft
    'tee': [('key', (-55, -70, 40), 60, 80000), ('fill', (70, -60, 5), 70, 12000), ('top', (0, -15, 60), 30, 8000)],
    # the mug: a window-sized key on the left (its reflection is the glaze's soft highlight), a dim fill
    # on the right so the wall darkens towards that side, a top light for the rim and the floor
    'mug': [('key', (-60, -45, 25), 30, 30000), ('fill', (70, -40, 10), 50, 2500), ('top', (0, -10, 70), 40, 6000)],
}
# glossy products want reflection cards where their reflections show: strips level with the mug's
# wall (its normals are horizontal)
EXTRA_LIGHTS = {
    # the mug: one soft window on the left and a dimmer one on the right (wide, so no chrome-like
    # streaks). Seen from above, the upright wall mirrors what lies below its horizon: the windows
    # sit low, and the sweep is left out of the glaze's reflections (it would hide them)
    'mug': [('window-left', (-42, -50, -16), (22, 40), 20.0), ('window-right', (50, -42, -16), (14, 40), 6.0)],
}
# and a softbox near the camera axis for the flat back of the case
SOFTBOXES = {'phone-case': [('front', (-25, -140, 35), 40, 20000)]}
BUILD = {'hoodie': build_hoodie, 'tee': build_tee, 'mug': build_mug, 'poster': build_poster, 'phone-case': build_phone, 'tote': build_tote}
# the chest, where each body panel's UV scale and placement are fitted
CHEST = {
    'hoodie': lambda X, Y: (np.abs(X) < 8) & (Y > 3) & (Y < 22),
    'tee': lambda X, Y: (np.abs(X) < 7) & (Y > 4) & (Y < 20),
    'tote': lambda X, Y: (np.abs(X) < 6) & (Y > 2) & (Y < 14),
}


def main():
    product, view = JOB.split('/')
    if JOB not in VIEWS:
        raise SystemExit(f'unknown view {JOB}; have {sorted(VIEWS)}')
    bpy.ops.wm.read_factory_settings(use_empty=True)
    centre, ppi1024 = VIEWS[JOB]
    ppi = ppi1024 * SIZE / 1024
    sc = setup_scene(min(SIZE, SHADE_SIZE), SAMPLES)
    garment = product in ('hoodie', 'tee')
    panels, cords = BUILD[product](('back' if view == 'back' else 'front') if garment else view)
    pa_w, pa_h = poster_sheet(view)[:2] if product == 'poster' else PRINT_AREA[product]
    top = PRINT_TOP.get(product, 0.0)
    everywhere = lambda X, Y: np.ones_like(X, bool)  # noqa: E731
    for ob in panels:
        if ob.name in DATA_CLASS:
            continue  # hard goods carry their UV from the build
        chest = ob.name.endswith('-body')
        # the hoodie's long sleeves are printed: pinned along the crest; the tee's are plain
        pinned = 'sleeve' in ob.name and product == 'hoodie'
        unwrap_to_inches(ob, pa_w, top, CHEST[product] if chest else everywhere,
                         pins=pin_crest(ob, pa_w, top) if pinned else None)
    tilt, floor, plane, wall_y = STAGE.get(product, (0.0, None, 2.5, 7.0))
    stage = [studio(centre, ppi, SIZE, tilt=tilt, floor=floor, plane=plane, wall_y=7.0 if wall_y is None else wall_y,
                    extra_lights=EXTRA_LIGHTS.get(product, []), softboxes=SOFTBOXES.get(product, []),
                    lights=PRODUCT_LIGHTS.get(product))]
    if product == 'poster':
        stage += poster_set()
    if product in EXTRA_LIGHTS and floor is not None:
        stage[0].visible_glossy = False
    os.makedirs(OUT, exist_ok=True)
    tmp = os.path.join(OUT, 'exr')
    os.makedirs(tmp, exist_ok=True)
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))

    vl = sc.view_layers[0]
    vl.use_pass_diffuse_direct = vl.use_pass_diffuse_indirect = True
    vl.use_pass_glossy_direct = vl.use_pass_glossy_indirect = True
    vl.use_pass_normal = True  # the guide convert.py denoises the lighting with
    garment = panels + cords
    # 1) the garment, white, on a transparent film (the backdrop only bounces light)
    show(stage, False)
    beauty = render_pass(sc, [('img', 'Image'), ('dd', 'DiffDir'), ('di', 'DiffInd'), ('gd', 'GlossDir'), ('gi', 'GlossInd'), ('nrm', 'Normal')], tmp)
    # 2) the set without the garment (its shadow stays)
    show(stage, True)
    show(garment, False)
    sc.render.film_transparent = False
    # the set is smooth (soft shadows, a sweep): half the pixels, more samples, as a plain set shows every grain
    sc.render.resolution_x = sc.render.resolution_y = min(SIZE, SHADE_SIZE, 512)
    sc.cycles.samples = max(16, SAMPLES)
    bg = render_pass(sc, [('img', 'Image')], tmp)['img']
    # 3) data: UV and class at 2x, one sample per pixel, no pixel filter, no lights
    show(garment, True)
    show(stage, False)
    sc.render.film_transparent = True
    sc.cycles.samples = 1
    sc.cycles.use_adaptive_sampling = False
    sc.cycles.filter_width = 0.01
    sc.render.resolution_x = sc.render.resolution_y = SIZE * DATA_SCALE
    urange = (-16.0, 48.0)
    vrange = (-12.0, 52.0)  # the tallest poster runs to v = 36
    dm = {c: data_material(f'data{c}', c, urange[0], urange[1], vrange[0], vrange[1]) for c in (1, 2, 3)}
    for o in panels:
        for slot, c in enumerate(DATA_CLASS.get(o.name, [1, 2])):
            o.data.materials[slot] = dm[c]
    for o in cords:
        o.data.materials[0] = dm[3]
    data = render_pass(sc, [('img', 'Image')], tmp)['img']

    np.savez(
        os.path.join(OUT, 'passes.npz'),
        light=(beauty['dd'][..., :3] + beauty['di'][..., :3]).mean(-1),
        gloss=(beauty['gd'][..., :3] + beauty['gi'][..., :3]).mean(-1),
        alpha=beauty['img'][..., 3],
        beauty=beauty['img'][..., :3],
        normal=beauty['nrm'][..., :3],
        background=bg[..., :3],
        u=data[..., 0] * urange[1] + urange[0],
        v=data[..., 1] * vrange[1] + vrange[0],
        cls=np.rint(data[..., 2] * 4 * (data[..., 3] > 0.5)),
        meta=np.array([ppi, pa_w, pa_h, SIZE, DATA_SCALE], np.float64),
    )
    print('wrote', os.path.join(OUT, 'passes.npz'))


main()
