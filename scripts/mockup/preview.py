"""Reference compositor in numpy (for looking at templates while building them; the shop uses
lib/mockup/render.ts). usage: preview.py <template dir> <out.png> [hex] [repeatIn] [tile.png]"""
import json
import os
import sys

import numpy as np
from PIL import Image
from scipy import ndimage as ndi


def load(d, name, mode=None):
    im = Image.open(os.path.join(d, name))
    return np.asarray(im, dtype=np.float32)


def test_tile(n=256):
    yy, xx = np.mgrid[0:n, 0:n] / n
    c = ((np.floor(xx * 4) + np.floor(yy * 4)) % 2)
    r = np.hypot(xx - 0.5, yy - 0.5)
    rgb = np.stack([0.15 + 0.7 * c, 0.35 + 0.3 * (r < 0.22), 0.75 - 0.5 * c], -1)
    rgb[(np.abs(xx - 0.5) < 0.015) | (np.abs(yy - 0.5) < 0.015)] = [0.95, 0.8, 0.1]
    return rgb.astype(np.float32)


def composite(d, hexc='#ffffff', repeat=4.0, tile=None):
    meta = json.load(open(os.path.join(d, 'template.json')))
    L = meta['layers']
    bg = load(d, L['background']) / 255
    a = load(d, L['alpha']) / 255
    sh = load(d, L['shade']) / 255
    hi = load(d, L['highlight']) / 255
    m = load(d, L['mask']) / 255
    uvim = np.asarray(Image.open(os.path.join(d, meta['mapping']['file'])))
    mp = meta['mapping']
    uv = cv2_read16(os.path.join(d, mp['file']))
    u = mp['uMin'] + uv[..., 0] / 65535 * (mp['uMax'] - mp['uMin'])
    v = mp['vMin'] + uv[..., 1] / 65535 * (mp['vMax'] - mp['vMin'])
    if 'displacement' in meta:
        dm = load(d, meta['displacement']['file']) / 255
        s = meta['displacement']['scalePx']
        H, W = a.shape
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        sx = xx + (dm[..., 0] - 0.5) * 2 * s
        sy = yy + (dm[..., 1] - 0.5) * 2 * s
        u = ndi.map_coordinates(u, [sy, sx], order=1, mode='nearest')
        v = ndi.map_coordinates(v, [sy, sx], order=1, mode='nearest')
    if 'texture' in meta:
        t = meta['texture']
        tx = load(d, t['file']) / 255
        H, W = a.shape
        yy, xx = np.mgrid[0:H, 0:W]
        sc = t.get('scale', 1.0)
        tt = tx[(yy / sc).astype(int) % tx.shape[0], (xx / sc).astype(int) % tx.shape[1]]
        sh = sh * (1 + t['strength'] * (tt - 0.5) * 2)
    if tile is None:
        tile = test_tile()
    th, tw = tile.shape[:2]
    tx_ = u / repeat * tw
    ty_ = v / (repeat * th / tw) * th
    pat = np.stack([ndi.map_coordinates(tile[..., c], [ty_ - 0.5, tx_ - 0.5], order=1, mode='grid-wrap') for c in range(3)], -1)
    hexc = hexc.lstrip('#')
    col = np.array([int(hexc[i:i + 2], 16) / 255 for i in (0, 2, 4)], np.float32)
    base = col[None, None] * (1 - m[..., None]) + pat * m[..., None]
    c = base * sh[..., None]
    c = 1 - (1 - c) * (1 - hi[..., None])
    out = bg * (1 - a[..., None]) + c * a[..., None]
    if 'overlay' in L:
        ov = load(d, L['overlay']) / 255
        out = out * (1 - ov[..., 3:4]) + ov[..., :3] * ov[..., 3:4]
    return out


def cv2_read16(path):
    im = Image.open(path)
    if im.mode in ('RGB', 'RGBA', 'L'):
        # PIL reads 16-bit RGB PNGs as 8-bit; decode ourselves
        return read_png16(path)
    return np.asarray(im, dtype=np.float32)


def read_png16(path):
    import struct
    import zlib
    data = open(path, 'rb').read()
    pos = 8
    idat = b''
    while pos < len(data):
        ln = struct.unpack('>I', data[pos:pos + 4])[0]
        typ = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + ln]
        if typ == b'IHDR':
            w, h, bd, ct = struct.unpack('>IIBB', body[:10])
        elif typ == b'IDAT':
            idat += body
        pos += 12 + ln
    raw = zlib.decompress(idat)
    bpp = 6
    stride = w * bpp
    out = np.zeros((h, stride), np.uint8)
    prev = np.zeros(stride, np.int32)
    for y in range(h):
        f = raw[y * (stride + 1)]
        row = np.frombuffer(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)], np.uint8).astype(np.int32)
        if f == 0:
            cur = row
        elif f == 2:
            cur = (row + prev) & 0xff
        else:
            raise ValueError('filter %d' % f)
        out[y] = cur
        prev = cur
    arr = out.view('>u2').reshape(h, w, 3).astype(np.float32)
    return arr


if __name__ == '__main__':
    d, out = sys.argv[1], sys.argv[2]
    hexc = sys.argv[3] if len(sys.argv) > 3 else '#ffffff'
    rep = float(sys.argv[4]) if len(sys.argv) > 4 else 4.0
    tile = None
    if len(sys.argv) > 5:
        tile = np.asarray(Image.open(sys.argv[5]).convert('RGB'), np.float32) / 255
    img = composite(d, hexc, rep, tile)
    Image.fromarray((np.clip(img, 0, 1) * 255).astype(np.uint8)).save(out)
