"""Renders a mockup scene in Blender (Cycles, CPU) and saves the passes a template needs.

usage: blender -b -P scripts/mockup/blender/render.py -- <product/view> [--size 1024] [--samples 96] [--out DIR]
Blender 3.4.1 (Debian bookworm `blender`); see VERSION. Writes DIR/passes.npz (default
/tmp/seedprint-blender/<product>/<view>), which convert.py turns into lib/mockup/templates/<product>/<view>/.

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

# Blender runs the system Python: the procedural builders' numpy helpers import as they are
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from hardgoods import polyline_closest  # noqa: E402
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


def mirror(right):
    return list(right) + [(-x, y) for x, y in reversed(right)]


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


def panel(outer, holes, spacing):
    """A grid mesh covering `outer` minus `holes` (polygons in inches); border vertices snapped onto
    the outline. Returns vertices (N, 2), quads (M, 4) and each vertex's distance to the border."""
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
    return verts, quads, dist


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

HOODIE_RIGHT = [
    (4.2, -0.6), (7.3, 0.6), (10.4, 1.9), (12.3, 6.0), (13.6, 12.0), (14.3, 18.5), (14.6, 23.5),
    (12.4, 24.0), (12.1, 21.6), (11.4, 14.0), (11.0, 10.2), (10.9, 14.0), (10.9, 20.0),
    (10.85, 25.4), (10.6, 28.0), (6.0, 28.3), (2.0, 28.4),
]
PRINT_AREA = {'hoodie': (15.0, 18.0)}
PRINT_TOP = {'hoodie': 3.2}  # inches below the neck centre where the print area's top edge sits


def hoodie_body_height(X, Y, d):
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
    f += 0.16 * smooth_noise(X, Y, 7, 5.0)
    # hem band: recessed and tighter, so the body hangs over it
    band = smoothstep(25.45, 25.75, Y)
    f -= 0.55 * band
    cuff = (ax > 11.9) & (Y > 21.7 + (ax - 12.0) * 0.25)
    f -= 0.3 * cuff
    return h + f * smoothstep(0, 0.6, d)


POCKET = [(-6.2, 25.5), (-5.2, 17.6), (-3.6, 16.9), (3.6, 16.9), (5.2, 17.6), (6.2, 25.5)]


def build_hoodie():
    spacing = 0.09
    body_outline = catmull(mirror(HOODIE_RIGHT), n=10)
    neck_w, neck_depth = 4.2, 2.6
    neck = catmull([(-neck_w, -0.15), (-neck_w * 0.7, neck_depth * 0.55), (0, neck_depth),
                    (neck_w * 0.7, neck_depth * 0.55), (neck_w, -0.15), (0, -1.5)], n=12)
    v, q, d = panel(body_outline, [neck], spacing)
    X, Y = v[:, 0], v[:, 1]
    h = hoodie_body_height(X, Y, d)
    # kangaroo pocket: a second layer of fabric, raised, open at the slanted sides
    pk = catmull(POCKET, n=10)
    pin = inside(pk, X, Y)
    pd, _, _ = nearest_on(pk, X, Y)
    sd = np.where(pin, pd, -pd)
    h = h + 0.22 * smoothstep(-0.02, 0.12, sd) * smoothstep(25.6, 25.3, Y) * smoothstep(0, 0.8, d)
    ax = np.abs(X)
    rib = (Y > 25.6) | ((ax > 11.9) & (Y > 21.7 + (ax - 12.0) * 0.25))
    # set-in sleeves are their own pieces of fabric (cut at the armhole seam), so each is unwrapped
    # on its own and keeps its true scale
    fc = v[q].mean(1)
    armhole = 10.3 + np.clip((fc[:, 1] - 1.9) / 7.9, 0, 1) * 0.65
    on_sleeve = np.abs(fc[:, 0]) > armhole
    parts = [('hoodie-body', ~on_sleeve), ('hoodie-sleeve-left', on_sleeve & (fc[:, 0] < 0)), ('hoodie-sleeve-right', on_sleeve & (fc[:, 0] > 0))]
    pieces = []
    for name, sel in parts:
        qq = q[sel]
        used = np.unique(qq)
        remap = -np.ones(len(v), np.int64)
        remap[used] = np.arange(len(used))
        pieces.append(make_object(name, X[used], Y[used], h[used], remap[qq], d[used], rib_mask=rib[used]))
    body = pieces[0]

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


# ---------------------------------------------------------------- Blender scene

MATERIALS = {}
PATTERN_XY = {}  # object name -> the pattern (x, y) of each vertex


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


def make_cord(name, path, z, radius, mat):
    cu = bpy.data.curves.new(name, 'CURVE')
    cu.dimensions = '3D'
    cu.bevel_depth = radius
    cu.bevel_resolution = 4
    cu.use_fill_caps = True
    sp = cu.splines.new('POLY')
    sp.points.add(len(path) - 1)
    for p, (x, y), zz in zip(sp.points, path, z):
        p.co = (x, -zz, -y, 1)
    ob = bpy.data.objects.new(name, cu)
    bpy.context.collection.objects.link(ob)
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


def studio(view_center, ppi, size):
    """Backdrop, lights and a long-lens camera framed so the garment plane shows `ppi` px per inch."""
    cx, cy = view_center
    bpy.ops.mesh.primitive_plane_add(size=400, location=(0, 7.0, 0), rotation=(math.pi / 2, 0, 0))
    wall = bpy.context.object
    wall.name = 'backdrop'
    wall.data.materials.append(material('backdrop', (0.9, 0.895, 0.885), spec=0.1))
    world = bpy.data.worlds.new('w')
    world.use_nodes = True
    world.node_tree.nodes['Background'].inputs['Color'].default_value = (1, 1, 1, 1)
    world.node_tree.nodes['Background'].inputs['Strength'].default_value = 0.15
    bpy.context.scene.world = world
    # key: a big softbox high on the left, fill: a larger dimmer one on the right, plus a top light
    for name, loc, size_, power in [('key', (-50, -50, 40), 36, 60000), ('fill', (60, -50, 0), 60, 7000), ('top', (0, -15, 60), 30, 8000)]:
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
    plane_d = cam_d - 2.5
    cd.lens = 36 * plane_d / width_in
    cam = bpy.data.objects.new('cam', cd)
    cam.location = (cx, -cam_d, -cy)
    cam.rotation_euler = (math.pi / 2, 0, 0)
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


def render(folder):
    bpy.ops.render.render(write_still=False)
    out = {}
    for f in os.listdir(folder):
        if f.endswith('.exr'):
            out[f.split('0')[0]] = read_exr(os.path.join(folder, f))
    return out


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
    'hoodie/detail': ((1.5, 5.0), 28.0 * 2.2),
}


def main():
    product, view = JOB.split('/')
    if JOB not in VIEWS:
        raise SystemExit(f'unknown view {JOB}; have {sorted(VIEWS)}')
    bpy.ops.wm.read_factory_settings(use_empty=True)
    centre, ppi1024 = VIEWS[JOB]
    ppi = ppi1024 * SIZE / 1024
    sc = setup_scene(min(SIZE, SHADE_SIZE), SAMPLES)
    panels, cords = build_hoodie()
    pa_w, pa_h = PRINT_AREA[product]
    top = PRINT_TOP[product]
    everywhere = lambda X, Y: np.ones_like(X, bool)  # noqa: E731
    for ob in panels:
        chest = ob.name == 'hoodie-body'
        sleeve = 'sleeve' in ob.name
        unwrap_to_inches(ob, pa_w, top, (lambda X, Y: (np.abs(X) < 8) & (Y > 3) & (Y < 22)) if chest else everywhere,
                         pins=pin_crest(ob, pa_w, top) if sleeve else None)
    wall = studio(centre, ppi, SIZE)
    os.makedirs(OUT, exist_ok=True)
    tmp = os.path.join(OUT, 'exr')
    os.makedirs(tmp, exist_ok=True)
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))

    vl = sc.view_layers[0]
    vl.use_pass_diffuse_direct = vl.use_pass_diffuse_indirect = True
    vl.use_pass_glossy_direct = vl.use_pass_glossy_indirect = True
    garment = panels + cords
    # 1) the garment, white, on a transparent film (the backdrop only bounces light)
    wall.visible_camera = False
    file_outputs(sc, [('img', 'Image'), ('dd', 'DiffDir'), ('di', 'DiffInd'), ('gd', 'GlossDir'), ('gi', 'GlossInd')], tmp)
    beauty = render(tmp)
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))
    # 2) the set without the garment (its shadow stays)
    wall.visible_camera = True
    for o in garment:
        o.visible_camera = False
    sc.render.film_transparent = False
    sc.cycles.samples = max(8, SAMPLES // 4)
    file_outputs(sc, [('img', 'Image')], tmp)
    bg = render(tmp)['img']
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))
    # 3) data: UV and class at 2x, one sample per pixel, no pixel filter, no lights
    for o in garment:
        o.visible_camera = True
    wall.visible_camera = False
    sc.render.film_transparent = True
    sc.cycles.samples = 1
    sc.cycles.use_adaptive_sampling = False
    sc.cycles.filter_width = 0.01
    sc.render.resolution_x = sc.render.resolution_y = SIZE * DATA_SCALE
    urange = (-16.0, 48.0)
    vrange = (-12.0, 40.0)
    dm = {c: data_material(f'data{c}', c, urange[0], urange[1], vrange[0], vrange[1]) for c in (1, 2, 3)}
    for o in panels:
        o.data.materials[0] = dm[1]
        o.data.materials[1] = dm[2]
    for o in cords:
        o.data.materials[0] = dm[3]
    file_outputs(sc, [('img', 'Image')], tmp)
    data = render(tmp)['img']

    np.savez(
        os.path.join(OUT, 'passes.npz'),
        light=(beauty['dd'][..., :3] + beauty['di'][..., :3]).mean(-1),
        gloss=(beauty['gd'][..., :3] + beauty['gi'][..., :3]).mean(-1),
        alpha=beauty['img'][..., 3],
        beauty=beauty['img'][..., :3],
        background=bg[..., :3],
        u=data[..., 0] * urange[1] + urange[0],
        v=data[..., 1] * vrange[1] + vrange[0],
        cls=np.rint(data[..., 2] * 4 * (data[..., 3] > 0.5)),
        meta=np.array([ppi, pa_w, pa_h, SIZE, DATA_SCALE], np.float64),
    )
    print('wrote', os.path.join(OUT, 'passes.npz'))


main()
