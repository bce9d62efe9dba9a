"""Shared helpers for the procedural mockup template builder (numpy + scipy + PIL).

Everything is built in physical inches and converted to pixels through a View (origin + ppi),
so the same product geometry can be rendered as a full shot or as a close-up.
"""
import json
import os

import numpy as np
from PIL import Image, ImageDraw
from scipy import ndimage as ndi

S = 1024


class View:
    """Maps inches (product space) to pixels: px = (in - origin) * ppi + centre."""

    def __init__(self, ppi, cx_in, cy_in, size=S):
        self.ppi = float(ppi)
        self.cx_in = cx_in
        self.cy_in = cy_in
        self.size = size
        yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) + 0.5
        self.X = (xx - size / 2) / self.ppi + cx_in
        self.Y = (yy - size / 2) / self.ppi + cy_in
        self.px = 1.0 / self.ppi  # one pixel in inches

    def to_px(self, pts):
        return [((x - self.cx_in) * self.ppi + self.size / 2, (y - self.cy_in) * self.ppi + self.size / 2) for x, y in pts]

    def blur(self, a, sigma_in, mode='nearest'):
        return ndi.gaussian_filter(a, sigma_in * self.ppi, mode=mode)

    def grad(self, h):
        gy, gx = np.gradient(h, self.px)
        return gx, gy


def catmull(points, closed=True, n=16):
    pts = np.asarray(points, dtype=np.float64)
    if closed:
        P = np.vstack([pts[-1], pts, pts[0], pts[1]])
    else:
        P = np.vstack([pts[0], pts, pts[-1]])
    out = []
    for i in range(1, len(P) - 2):
        p0, p1, p2, p3 = P[i - 1], P[i], P[i + 1], P[i + 2]
        for t in np.linspace(0, 1, n, endpoint=False):
            t2, t3 = t * t, t * t * t
            out.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t3))
    if not closed:
        out.append(pts[-1])
    return [tuple(p) for p in out]


def poly_cov(view, pts_in, ss=4):
    """Anti-aliased coverage of a polygon given in inches."""
    s = view.size
    img = Image.new('L', (s * ss, s * ss), 0)
    d = ImageDraw.Draw(img)
    d.polygon([(x * ss, y * ss) for x, y in view.to_px(pts_in)], fill=255)
    small = img.resize((s, s), Image.BOX)
    return np.asarray(small, dtype=np.float32) / 255.0


def ellipse_cov(view, cx, cy, rx, ry, ss=4):
    s = view.size
    img = Image.new('L', (s * ss, s * ss), 0)
    d = ImageDraw.Draw(img)
    (x0, y0), (x1, y1) = view.to_px([(cx - rx, cy - ry), (cx + rx, cy + ry)])
    d.ellipse([x0 * ss, y0 * ss, x1 * ss, y1 * ss], fill=255)
    return np.asarray(img.resize((s, s), Image.BOX), dtype=np.float32) / 255.0


def round_cov(view, cov, radius_in):
    """Rounds the corners of a coverage mask while keeping ~1 px anti-aliased edges."""
    sig = radius_in * view.ppi
    b = ndi.gaussian_filter(cov, sig, mode='nearest')
    return np.clip(0.5 + (b - 0.5) * sig * 2.5066, 0, 1).astype(np.float32)


def seg_dist(X, Y, p0, p1):
    (x0, y0), (x1, y1) = p0, p1
    dx, dy = x1 - x0, y1 - y0
    L2 = dx * dx + dy * dy + 1e-12
    t = ((X - x0) * dx + (Y - y0) * dy) / L2
    tc = np.clip(t, 0, 1)
    return np.hypot(X - (x0 + tc * dx), Y - (y0 + tc * dy)), t


def polyline_dist(X, Y, pts):
    d = np.full(X.shape, 1e9, dtype=np.float32)
    for a, b in zip(pts[:-1], pts[1:]):
        d = np.minimum(d, seg_dist(X, Y, a, b)[0])
    return d


def ridge(X, Y, p0, p1, width, amp, taper=0.25):
    """A soft fold: a gaussian ridge along the segment p0-p1, fading out at both ends."""
    d, t = seg_dist(X, Y, p0, p1)
    # distance measured perpendicular to the segment; fade along it
    (x0, y0), (x1, y1) = p0, p1
    L = np.hypot(x1 - x0, y1 - y0)
    nx, ny = -(y1 - y0) / L, (x1 - x0) / L
    perp = (X - x0) * nx + (Y - y0) * ny
    fade = np.clip(t / taper, 0, 1) * np.clip((1 - t) / taper, 0, 1)
    fade = fade * fade * (3 - 2 * fade)
    return (amp * np.exp(-(perp / width) ** 2) * fade).astype(np.float32)


def normalize(v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def lambert(view, h, light=(-0.45, -0.6, 0.66), strength=1.0):
    gx, gy = view.grad(h)
    nx, ny, nz = -gx * strength, -gy * strength, np.ones_like(h)
    n = np.sqrt(nx * nx + ny * ny + nz * nz)
    L = normalize(light)
    d = (nx * L[0] + ny * L[1] + nz * L[2]) / n
    return np.clip(d, 0, 1).astype(np.float32), (nx / n, ny / n, nz / n)


def hex_rgb(h):
    h = h.lstrip('#')
    return np.array([int(h[i:i + 2], 16) / 255.0 for i in (0, 2, 4)], dtype=np.float32)


def studio_bg(view, top=(0.955, 0.952, 0.945), bottom=(0.86, 0.855, 0.845), vignette=0.06):
    s = view.size
    yy, xx = np.mgrid[0:s, 0:s].astype(np.float32) / s
    t = np.clip((yy - 0.05) / 0.95, 0, 1)[..., None]
    col = np.array(top)[None, None] * (1 - t) + np.array(bottom)[None, None] * t
    r = np.hypot(xx - 0.5, (yy - 0.45) * 1.1)
    col = col * (1 - vignette * np.clip(r / 0.7, 0, 1) ** 2)[..., None]
    return col.astype(np.float32)


def drop_shadow(view, bg, alpha, offset_in=(0.3, 0.5), blur_in=0.8, strength=0.28, contact=None):
    sh = ndi.shift(alpha, (offset_in[1] * view.ppi, offset_in[0] * view.ppi), order=1, mode='constant')
    sh = ndi.gaussian_filter(sh, blur_in * view.ppi)
    a = strength * sh
    if contact is not None:
        a = np.maximum(a, contact)
    return bg * (1 - a[..., None])


def fbm(shape, scales=(4, 8, 16, 32), seed=1):
    rng = np.random.default_rng(seed)
    out = np.zeros(shape, np.float32)
    amp = 1.0
    for s in scales:
        n = rng.standard_normal(shape).astype(np.float32)
        out += amp * ndi.gaussian_filter(n, s, mode='wrap') * s
        amp *= 0.7
    out -= out.mean()
    out /= (np.abs(out).max() + 1e-6)
    return out


# ---------- writing ----------

def save_l(path, a):
    Image.fromarray((np.clip(a, 0, 1) * 255 + 0.5).astype(np.uint8), 'L').save(path, optimize=True)


def save_rgb(path, a):
    Image.fromarray((np.clip(a, 0, 1) * 255 + 0.5).astype(np.uint8), 'RGB').save(path, optimize=True)


def save_rgba(path, rgb, alpha):
    a = np.dstack([np.clip(rgb, 0, 1), np.clip(alpha, 0, 1)[..., None]])
    Image.fromarray((a * 255 + 0.5).astype(np.uint8), 'RGBA').save(path, optimize=True)


def save_png16_rgb(path, r, g, b):
    """16-bit RGB PNG, written with PIL's raw encoder (PIL has no 16-bit RGB mode)."""
    import struct
    import zlib
    h, w = r.shape
    arr = np.dstack([r, g, b]).astype('>u2')
    raw = b''.join(b'\x02' + _up_filter(arr, y) for y in range(h))  # 'Up' filter compresses smooth UV well
    def chunk(t, d):
        c = struct.pack('>I', len(d)) + t + d
        return c + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 16, 2, 0, 0, 0))
    png += chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
    with open(path, 'wb') as f:
        f.write(png)


def _up_filter(arr, y):
    row = arr[y].tobytes()
    if y == 0:
        return row
    prev = arr[y - 1].tobytes()
    a = np.frombuffer(row, np.uint8).astype(np.int16)
    b = np.frombuffer(prev, np.uint8).astype(np.int16)
    return ((a - b) & 0xff).astype(np.uint8).tobytes()


def extend_uv(u, v, valid, iters=24):
    """Pushes UV values a few pixels outside the valid region (so bilinear reads at the edge are sane)."""
    u = u.copy(); v = v.copy()
    w = valid.astype(np.float32)
    for _ in range(iters):
        k = np.ones((3, 3), np.float32)
        sw = ndi.convolve(w, k, mode='nearest')
        su = ndi.convolve(u * w, k, mode='nearest')
        sv = ndi.convolve(v * w, k, mode='nearest')
        grow = (w == 0) & (sw > 0)
        u[grow] = su[grow] / sw[grow]
        v[grow] = sv[grow] / sw[grow]
        w = np.where(grow, 1.0, w).astype(np.float32)
    return u, v


class Template:
    """Collects a template's layers and writes them with template.json."""

    def __init__(self, product, view_name, print_area, view, title):
        self.product = product
        self.view_name = view_name
        self.print_area = print_area
        self.view = view
        self.title = title
        self.meta = {}

    def write(self, root, background, alpha, shade, highlight, mask, u, v, overlay=None,
              displacement=None, displacement_px=0.0, texture=None, lifestyle=False, uv_valid=None):
        d = os.path.join(root, self.product, self.view_name)
        os.makedirs(d, exist_ok=True)
        save_rgb(os.path.join(d, 'background.png'), background)
        save_l(os.path.join(d, 'alpha.png'), alpha)
        save_l(os.path.join(d, 'shade.png'), shade)
        save_l(os.path.join(d, 'highlight.png'), highlight)
        save_l(os.path.join(d, 'mask.png'), mask)
        valid = (mask > 0) if uv_valid is None else uv_valid
        u2, v2 = extend_uv(u, v, valid)
        grown = ndi.binary_dilation(valid, iterations=24)
        umin, umax = float(np.floor(u2[grown].min() - 0.5)), float(np.ceil(u2[grown].max() + 0.5))
        vmin, vmax = float(np.floor(v2[grown].min() - 0.5)), float(np.ceil(v2[grown].max() + 0.5))
        qu = np.where(grown, np.round((u2 - umin) / (umax - umin) * 65535), 0).clip(0, 65535)
        qv = np.where(grown, np.round((v2 - vmin) / (vmax - vmin) * 65535), 0).clip(0, 65535)
        save_png16_rgb(os.path.join(d, 'uv.png'), qu, qv, np.zeros_like(qu))
        meta = {
            'version': 1,
            'product': self.product,
            'view': self.view_name,
            'title': self.title,
            'width': self.view.size,
            'height': self.view.size,
            'printArea': self.print_area,
            'ppi': round(self.view.ppi, 3),
            'layers': {'background': 'background.png', 'alpha': 'alpha.png', 'shade': 'shade.png',
                       'highlight': 'highlight.png', 'mask': 'mask.png'},
            'mapping': {'type': 'uv', 'file': 'uv.png', 'units': 'in',
                        'uMin': umin, 'uMax': umax, 'vMin': vmin, 'vMax': vmax},
        }
        if overlay is not None:
            save_rgba(os.path.join(d, 'overlay.png'), overlay[0], overlay[1])
            meta['layers']['overlay'] = 'overlay.png'
        if displacement is not None:
            dx, dy = displacement
            m = max(float(np.abs(dx).max()), float(np.abs(dy).max()), 1e-6)
            save_rgb(os.path.join(d, 'displacement.png'), np.dstack([0.5 + 0.5 * dx / m, 0.5 + 0.5 * dy / m, np.full_like(dx, 0.5)]))
            meta['displacement'] = {'file': 'displacement.png', 'scalePx': round(m, 3)}
        if texture is not None:
            meta['texture'] = texture
        if lifestyle:
            meta['lifestyle'] = True
        with open(os.path.join(d, 'template.json'), 'w') as f:
            json.dump(meta, f, indent=2)
            f.write('\n')
        return d
