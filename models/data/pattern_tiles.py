"""Procedural renderer of labelled, exactly periodic (seamless) pattern tiles.

All geometry is defined on the unit torus [0,1)^2, so the same (labels, seed) renders
the same tile at any resolution.  A tile of size R is drawn on an R*SS canvas with PIL
and box-filtered down by SS (area filter = antialiasing).  Every motif is drawn with
all wrap copies that touch the canvas, so tiles repeat seamlessly.

For SR training pairs, render the high-res tile and box-downsample it (`box_down`);
box-of-box is exact, so the low-res tile equals a direct low-res render up to the
supersampling difference.

Labels (ids are indices into the lists below; the vocab file adds index 0 = null):
  motif       MOTIFS (9 geometric + 30 Noto emoji artwork motifs)
  motif_color COLORS (null for emoji motifs: they keep their own colours)
  background  COLORS
  layout      LAYOUTS
  scale       SCALES
Noto emoji PNGs: Apache-2.0 (npm emoji-datasource-google@16.0.0).
"""
import json
import math
import os
import random
from argparse import ArgumentTypeError

import numpy as np
from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))

GEOMETRIC = ["dots", "stripes", "checks", "zigzag", "waves", "stars", "hearts", "triangles", "flowers"]
# (canonical word, png file, extra synonyms). The emoji keep their own colours.
EMOJI = [
    ("cat", "1f431.png", ["kitty", "kitten", "kittens", "kitties", "cat face", "cats"]),
    ("dog", "1f436.png", ["puppy", "puppies", "doggy", "dog face", "dogs", "pup"]),
    ("cherry", "1f352.png", ["cherries"]),
    ("avocado", "1f951.png", ["avocados", "avo", "guacamole"]),
    ("watermelon", "1f349.png", ["watermelons", "melon", "melons"]),
    ("lemon", "1f34b.png", ["lemons", "citrus"]),
    ("strawberry", "1f353.png", ["strawberries", "berry", "berries"]),
    ("mushroom", "1f344.png", ["mushrooms", "toadstool", "toadstools", "fungi", "shroom", "shrooms"]),
    ("cactus", "1f335.png", ["cacti", "cactuses", "succulent", "succulents"]),
    ("tulip", "1f337.png", ["tulips"]),
    ("rose", "1f339.png", ["roses"]),
    ("sunflower", "1f33b.png", ["sunflowers"]),
    ("maple leaf", "1f341.png", ["maple leaves", "maple", "leaf", "leaves", "autumn leaves", "fall leaves"]),
    ("palm tree", "1f334.png", ["palm trees", "palm", "palms", "tropical"]),
    ("butterfly", "1f98b.png", ["butterflies"]),
    ("bee", "1f41d.png", ["bees", "honeybee", "honeybees", "bumblebee", "bumblebees"]),
    ("fish", "1f420.png", ["fishes", "tropical fish", "goldfish"]),
    ("turtle", "1f422.png", ["turtles", "tortoise", "tortoises", "sea turtle"]),
    ("frog", "1f438.png", ["frogs", "toad", "toads", "frog face"]),
    ("owl", "1f989.png", ["owls"]),
    ("penguin", "1f427.png", ["penguins"]),
    ("unicorn", "1f984.png", ["unicorns", "unicorn face"]),
    ("ghost", "1f47b.png", ["ghosts", "spooky", "halloween"]),
    ("sun", "2600-fe0f.png", ["suns", "sunny", "sunshine"]),
    ("moon", "1f319.png", ["moons", "crescent", "crescent moon", "crescents"]),
    ("cloud", "2601-fe0f.png", ["clouds", "cloudy"]),
    ("snowflake", "2744-fe0f.png", ["snowflakes", "snow", "winter"]),
    ("lightning", "26a1.png", ["lightning bolt", "lightning bolts", "bolt", "bolts", "thunder", "zap", "high voltage"]),
    ("skull", "1f480.png", ["skulls"]),
    ("rocket", "1f680.png", ["rockets", "spaceship", "spaceships"]),
]
GEO_SYNONYMS = {
    "dots": ["dot", "spots", "spot", "spotty", "spotted", "polka dots", "polka dot", "polka", "circles", "circle", "dotted"],
    "stripes": ["stripe", "stripy", "stripey", "striped", "lines", "line", "bands", "pinstripe", "pinstripes"],
    "checks": ["check", "checked", "checker", "checkers", "checkerboard", "checkered", "chequered", "gingham", "squares", "square", "plaid"],
    "zigzag": ["zigzags", "zig zag", "zig-zag", "chevron", "chevrons"],
    "waves": ["wave", "wavy", "waves", "ripples", "squiggles", "squiggly", "wavy lines"],
    "stars": ["star", "starry", "stars"],
    "hearts": ["heart", "love", "valentine", "valentines"],
    "triangles": ["triangle", "triangular"],
    "flowers": ["flower", "floral", "florals", "blossom", "blossoms", "daisy", "daisies", "petals"],
}
MOTIFS = GEOMETRIC + [e[0] for e in EMOJI]
N_GEO = len(GEOMETRIC)

COLORS = ["red", "orange", "yellow", "green", "teal", "blue", "navy", "purple", "pink",
          "brown", "black", "white", "grey", "cream"]
COLOR_RGB = {
    "red": (205, 35, 40), "orange": (240, 130, 30), "yellow": (250, 210, 40),
    "green": (50, 150, 60), "teal": (20, 140, 140), "blue": (40, 110, 220),
    "navy": (20, 35, 90), "purple": (120, 50, 160), "pink": (245, 140, 185),
    "brown": (120, 72, 40), "black": (18, 18, 18), "white": (250, 250, 250),
    "grey": (135, 135, 135), "cream": (245, 232, 200),
}
COLOR_SYNONYMS = {
    "red": ["scarlet", "crimson", "cherry red", "ruby"],
    "orange": ["tangerine", "amber", "coral"],
    "yellow": ["mustard", "gold", "golden", "lemon yellow"],
    "green": ["sage", "olive", "emerald", "forest green", "lime", "mint"],
    "teal": ["turquoise", "aqua", "cyan", "petrol"],
    "blue": ["sky blue", "royal blue", "cobalt", "light blue", "azure"],
    "navy": ["navy blue", "dark blue", "midnight", "indigo"],
    "purple": ["violet", "lilac", "lavender", "plum", "mauve"],
    "pink": ["rose pink", "blush", "magenta", "fuchsia", "hot pink", "pastel pink"],
    "brown": ["chocolate", "tan", "coffee", "rust", "terracotta"],
    "black": ["jet", "ebony", "charcoal", "jet black"],
    "white": ["snow white", "ivory white", "bright white"],
    "grey": ["gray", "silver", "slate", "ash"],
    "cream": ["beige", "ivory", "off-white", "off white", "ecru", "sand", "natural"],
}
LAYOUTS = ["grid", "half-drop", "scattered", "diagonal"]
LAYOUT_SYNONYMS = {
    "grid": ["regular", "tiled", "aligned", "straight", "rows", "block", "even"],
    "half-drop": ["half drop", "halfdrop", "brick", "offset", "staggered", "alternating"],
    "scattered": ["scatter", "random", "tossed", "toss", "allover", "all-over", "sprinkled", "confetti", "ditsy"],
    "diagonal": ["diagonals", "slanted", "angled", "bias", "diagonally"],
}
SCALES = ["small", "medium", "large"]
SCALE_SYNONYMS = {
    "small": ["tiny", "little", "mini", "micro", "dainty", "fine", "petite", "ditsy small"],
    "medium": ["mid", "regular size", "normal", "moderate", "mid-size"],
    "large": ["big", "huge", "oversized", "giant", "bold", "jumbo", "xl"],
}
REPEATS = {"small": 6, "medium": 4, "large": 2}  # motifs per tile side
ROLES = ["motif", "motif_color", "background", "layout", "scale"]


def _rgb_dist(a, b):
    a, b = COLOR_RGB[a], COLOR_RGB[b]
    # weighted "redmean" style distance
    r = (a[0] + b[0]) / 2
    dr, dg, db = a[0] - b[0], a[1] - b[1], a[2] - b[2]
    return math.sqrt((2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db)


TOO_SIMILAR = {frozenset(p) for p in [("white", "cream"), ("navy", "black"), ("yellow", "cream"),
                                       ("brown", "black"), ("pink", "cream"), ("teal", "green"),
                                       ("red", "brown")]}


def colors_ok(a, b):
    if a == b or frozenset((a, b)) in TOO_SIMILAR:
        return False
    return _rgb_dist(a, b) > 150


def emoji_dir():
    cands = [os.environ.get("EMOJI_DIR"),
             os.path.join(REPO, "node_modules", "emoji-datasource-google", "img", "google", "64"),
             "/tmp/package/img/google/64"]
    for c in cands:
        if c and os.path.isdir(c):
            return c
    raise FileNotFoundError("emoji PNG dir not found; set EMOJI_DIR (npm emoji-datasource-google@16.0.0 img/google/64)")


_EMOJI_CACHE = {}


def _emoji_img(name):
    if name not in _EMOJI_CACHE:
        fn = dict((e[0], e[1]) for e in EMOJI)[name]
        im = Image.open(os.path.join(emoji_dir(), fn)).convert("RGBA")
        # crop to content bbox so sizes are comparable across emoji
        bbox = im.getchannel("A").point(lambda v: 255 if v > 8 else 0).getbbox()
        if bbox:
            im = im.crop(bbox)
        _EMOJI_CACHE[name] = im
    return _EMOJI_CACHE[name]


# ----------------------------------------------------------------------------------
# label sampling

def sample_labels(rng, exclude=None):
    """Random structured labels. exclude: set of (motif, motif_color, background) triples
    held out for evaluation (motif_color None for emoji)."""
    while True:
        motif = rng.choice(MOTIFS)
        bg = rng.choice(COLORS)
        if MOTIFS.index(motif) < N_GEO:
            mc = rng.choice(COLORS)
            if not colors_ok(mc, bg):
                continue
        else:
            mc = None
            if bg in ("black",) and rng.random() < 0.5:
                continue  # keep some but fewer dark-on-dark artwork tiles
        if exclude and (motif, mc, bg) in exclude:
            continue
        return {"motif": motif, "motif_color": mc, "background": bg,
                "layout": rng.choice(LAYOUTS), "scale": rng.choice(SCALES)}


def geo_draw_p(is_geo, geo_frac):
    """Draw probabilities that give geometric-motif tiles `geo_frac` of the draws (their shapes are
    learnt far more slowly than the emoji, whose colours give them away). is_geo: bool array."""
    w = np.where(is_geo, geo_frac / max(1, is_geo.sum()), (1 - geo_frac) / max(1, (~is_geo).sum()))
    return w / w.sum()


def boost_draw_p(p, motif_ids, boost):
    """Re-weights draw probabilities `p` per motif: boost maps a motif name to a factor (the motifs
    the eval finds weakest get drawn more) within their group, so the geometric / artwork shares
    that `p` set stay as they were. motif_ids are 1-based indices into MOTIFS."""
    w = p.copy()
    for name, f in boost.items():
        w[motif_ids == MOTIFS.index(name) + 1] *= f
    for group in (motif_ids <= N_GEO, motif_ids > N_GEO):
        if w[group].sum() > 0:
            w[group] *= p[group].sum() / w[group].sum()
    return w / w.sum()


def parse_motif_boost(text):
    """--motif-boost "waves=2,hearts=2" (an argparse type, shared by the trainers) -> {"waves": 2.0, "hearts": 2.0}; names checked before training starts."""
    try:
        boost = {k.strip(): float(v) for k, v in (kv.split("=") for kv in text.split(","))}
    except ValueError:
        raise ArgumentTypeError(f"expected motif=factor,motif=factor..., got {text!r}")
    unknown = [k for k in boost if k not in MOTIFS]
    if unknown:
        raise ArgumentTypeError(f"unknown motifs {unknown} (known: {', '.join(MOTIFS)})")
    return boost


def plural(m):
    if m in GEOMETRIC:
        return m
    irregular = {"cherry": "cherries", "strawberry": "strawberries", "butterfly": "butterflies",
                 "fish": "fish", "cactus": "cacti", "maple leaf": "maple leaves", "sun": "suns",
                 "lightning": "lightning bolts"}
    return irregular.get(m, m + "s")


def caption(lab):
    mc = (lab["motif_color"] + " ") if lab.get("motif_color") else ""
    return f"{lab['scale']} {mc}{plural(lab['motif'])} on {lab['background']}, {lab['layout']}"


def label_ids(lab):
    """5 role ids, vocab convention: 0 = null, word i -> i+1."""
    return [MOTIFS.index(lab["motif"]) + 1,
            (COLORS.index(lab["motif_color"]) + 1) if lab.get("motif_color") else 0,
            COLORS.index(lab["background"]) + 1,
            LAYOUTS.index(lab["layout"]) + 1,
            SCALES.index(lab["scale"]) + 1]


# ----------------------------------------------------------------------------------
# geometry helpers (unit torus coordinates)

def _jit(rng, c):
    return tuple(max(0, min(255, int(v + rng.uniform(-12, 12)))) for v in c)


def _star(cx, cy, r, rot, k=5, inner=0.45):
    pts = []
    for i in range(2 * k):
        a = rot + math.pi * i / k - math.pi / 2
        rr = r if i % 2 == 0 else r * inner
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def _heart(cx, cy, r, rot):
    pts = []
    for i in range(40):
        t = 2 * math.pi * i / 40
        x = 16 * math.sin(t) ** 3
        y = -(13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t))
        x, y = x / 17.0 * r, (y + 2.5) / 17.0 * r
        xr = x * math.cos(rot) - y * math.sin(rot)
        yr = x * math.sin(rot) + y * math.cos(rot)
        pts.append((cx + xr, cy + yr))
    return pts


def _triangle(cx, cy, r, rot):
    return [(cx + r * math.cos(rot - math.pi / 2 + 2 * math.pi * i / 3),
             cy + r * math.sin(rot - math.pi / 2 + 2 * math.pi * i / 3) + 0.2 * r) for i in range(3)]


class Canvas:
    """Draws on a torus: every primitive is drawn with the wrap copies that intersect."""

    def __init__(self, size, bg):
        self.S = size
        self.im = Image.new("RGB", (size, size), bg)
        self.d = ImageDraw.Draw(self.im)

    def _offsets(self, bbox):
        x0, y0, x1, y1 = bbox  # unit coords
        offs = []
        for ox in (-1, 0, 1):
            if x1 + ox < 0 or x0 + ox > 1:
                continue
            for oy in (-1, 0, 1):
                if y1 + oy < 0 or y0 + oy > 1:
                    continue
                offs.append((ox, oy))
        return offs

    def polygon(self, pts, fill):
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        S = self.S
        for ox, oy in self._offsets((min(xs), min(ys), max(xs), max(ys))):
            self.d.polygon([((x + ox) * S, (y + oy) * S) for x, y in pts], fill=fill)

    def ellipse(self, cx, cy, r, fill):
        S = self.S
        for ox, oy in self._offsets((cx - r, cy - r, cx + r, cy + r)):
            self.d.ellipse([(cx + ox - r) * S, (cy + oy - r) * S, (cx + ox + r) * S, (cy + oy + r) * S], fill=fill)

    def polyline(self, pts, fill, width):
        """pts in unit coords (may run outside [0,1]); width in unit coords."""
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        S = self.S
        w = max(1, int(round(width * S)))
        pad = width
        for ox, oy in self._offsets((min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)):
            q = [((x + ox) * S, (y + oy) * S) for x, y in pts]
            self.d.line(q, fill=fill, width=w, joint="curve")
            r = w / 2.0
            for x, y in q[:: max(1, len(q) - 1)]:  # round end caps
                self.d.ellipse([x - r, y - r, x + r, y + r], fill=fill)

    def paste(self, img, cx, cy, size, rot_deg):
        S = self.S
        px = max(2, int(round(size * S)))
        im = img
        w, h = im.size
        k = px / max(w, h)
        im = im.resize((max(1, int(round(w * k))), max(1, int(round(h * k)))), Image.BICUBIC)
        if rot_deg:
            im = im.rotate(rot_deg, resample=Image.BICUBIC, expand=True)
        w, h = im.size
        hw, hh = w / 2 / S, h / 2 / S
        for ox, oy in self._offsets((cx - hw, cy - hh, cx + hw, cy + hh)):
            self.im.paste(im, (int(round((cx + ox) * S - w / 2)), int(round((cy + oy) * S - h / 2))), im)


def _positions(layout, n, rng):
    """Motif centres on the torus + per-motif rotation (radians) + size multiplier."""
    out = []
    if layout == "grid":
        for i in range(n):
            for j in range(n):
                out.append(((i + 0.5) / n, (j + 0.5) / n, 0.0, 1.0))
    elif layout == "half-drop":  # n is even so the half-drop wraps exactly
        for i in range(n):
            for j in range(n):
                out.append(((i + 0.5) / n, (j + 0.5 + 0.5 * (i % 2)) / n, 0.0, 1.0))
    elif layout == "diagonal":  # dense rows along x - y = const, motifs rotated 45 deg
        m = max(1, n // 2)
        N = 2 * n
        for k in range(m):
            for i in range(N):
                out.append(((i / N + k / m + 0.25 / n) % 1.0, (i / N + 0.25 / n) % 1.0, -math.pi / 4, 0.72))
    else:  # scattered: jittered grid, random rotation and size
        cnt = n * n
        g = n
        cells = [(i, j) for i in range(g) for j in range(g)]
        rng.shuffle(cells)
        for i, j in cells[:cnt]:
            x = (i + rng.uniform(0.15, 0.85)) / g
            y = (j + rng.uniform(0.15, 0.85)) / g
            out.append((x % 1.0, y % 1.0, rng.uniform(-math.pi, math.pi), rng.uniform(0.7, 1.05)))
    return out


def _draw_lines(cv, kind, layout, n, col, rng, bgc):
    """stripes / zigzag / waves: n lines per tile along a direction set by the layout."""
    if layout == "scattered":
        # short segments of the line motif, randomly rotated, scattered
        for (x, y, rot, sm) in _positions("scattered", n, rng):
            L = 0.75 / n * sm
            pts = []
            for s in np.linspace(-0.5, 0.5, 13):
                u = s * L
                if kind == "stripes":
                    v = 0.0
                elif kind == "zigzag":
                    v = 0.12 / n * (1 - 4 * abs(((s * 2 + 0.25) % 1.0) - 0.5)) * 1.6
                else:
                    v = 0.1 / n * math.sin(2 * math.pi * s * 2)
                pts.append((x + u * math.cos(rot) - v * math.sin(rot), y + u * math.sin(rot) + v * math.cos(rot)))
            cv.polyline(pts, col, (0.28 if kind == "stripes" else 0.14) / n)
        return
    width = (0.45 if kind == "stripes" else 0.16) / n
    amp = 0.22 / n
    cyc = n  # periods of zigzag/wave along a line (integer -> closes on the torus)
    samples = 8 * cyc + 1 if kind == "waves" else 2 * cyc + 1
    for k in range(n):
        c = (k + 0.5) / n
        pts = []
        for s in np.linspace(0.0, 1.0, samples):
            if kind == "stripes":
                off = 0.0
            elif kind == "zigzag":
                ph = (s * cyc) % 1.0
                off = amp * (1 - 4 * abs(ph - 0.5)) if samples > 2 else 0.0
            else:
                off = amp * math.sin(2 * math.pi * s * cyc)
            if layout == "grid":  # horizontal
                pts.append((s - 0.02, c + off) if s == 0 else (s + (0.02 if s == 1 else 0), c + off))
            elif layout == "half-drop":  # vertical
                pts.append((c + off, s - 0.02 if s == 0 else s + (0.02 if s == 1 else 0)))
            else:  # diagonal: along (1,1), offset perpendicular, lines x - y = c
                pts.append((s + c + off * 0.7071, s - off * 0.7071))
        if kind == "zigzag":  # make zigzag corners exact (linspace already hits the corners)
            pass
        cv.polyline(pts, col, width)
        if layout == "diagonal":
            cv.polyline([(x - 1, y) for x, y in pts], col, width)
        if kind == "stripes" and rng.random() < 0.0:
            pass


def _draw_checks(cv, layout, n, col, rng):
    if layout == "grid":
        for i in range(n):
            for j in range(n):
                if (i + j) % 2 == 0:
                    cv.polygon([(i / n, j / n), ((i + 1) / n, j / n), ((i + 1) / n, (j + 1) / n), (i / n, (j + 1) / n)], col)
    elif layout == "half-drop":  # brick-offset squares
        for i in range(n):
            for j in range(n):
                if j % 2 == 0:
                    x0 = (i + 0.5 * ((j // 2) % 2)) / n
                    cv.polygon([(x0, j / n), (x0 + 0.5 / n, j / n), (x0 + 0.5 / n, (j + 1) / n), (x0, (j + 1) / n)], col)
    elif layout == "diagonal":  # diamonds (checkerboard rotated 45 deg)
        h = 0.5 / n
        for i in range(n):
            for j in range(n):
                cx, cy = (i + 0.5) / n, (j + 0.5) / n
                cv.polygon([(cx, cy - h), (cx + h, cy), (cx, cy + h), (cx - h, cy)], col)
    else:
        for (x, y, rot, sm) in _positions("scattered", n, rng):
            r = 0.3 / n * sm
            cv.polygon([(x + r * math.cos(rot + a), y + r * math.sin(rot + a)) for a in (0.25 * math.pi, 0.75 * math.pi, 1.25 * math.pi, 1.75 * math.pi)], col)


def render(lab, seed, size=64, ss=None):
    """Render labels -> uint8 array [size,size,3]. Deterministic in (lab, seed)."""
    rng = random.Random(seed)
    if ss is None:
        ss = 4 if size <= 256 else 2
    S = size * ss
    bgc = _jit(rng, COLOR_RGB[lab["background"]])
    col = _jit(rng, COLOR_RGB[lab["motif_color"]]) if lab.get("motif_color") else None
    cv = Canvas(S, bgc)
    motif, layout = lab["motif"], lab["layout"]
    n = REPEATS[lab["scale"]]
    if motif in ("stripes", "zigzag", "waves"):
        _draw_lines(cv, motif, layout, n, col, rng, bgc)
    elif motif == "checks":
        _draw_checks(cv, layout, n, col, rng)
    else:
        base = 0.36 / n  # motif radius in unit coords
        for (x, y, rot, sm) in _positions(layout, n, rng):
            r = base * sm
            if motif == "dots":
                cv.ellipse(x, y, r * 0.85, col)
            elif motif == "stars":
                cv.polygon(_star(x, y, r * 1.1, rot), col)
            elif motif == "hearts":
                cv.polygon(_heart(x, y, r, rot), col)
            elif motif == "triangles":
                cv.polygon(_triangle(x, y, r * 1.1, rot), col)
            elif motif == "flowers":
                for p in range(5):
                    a = rot + 2 * math.pi * p / 5
                    cv.ellipse(x + 0.55 * r * math.cos(a), y + 0.55 * r * math.sin(a), 0.45 * r, col)
                cv.ellipse(x, y, 0.28 * r, bgc)
            else:
                cv.paste(_emoji_img(motif), x, y, 2.3 * r, math.degrees(-rot) if rot else 0)
    im = cv.im
    if ss > 1:
        im = im.reduce(ss)  # box filter
    return np.asarray(im, dtype=np.uint8)


def box_down(arr, f):
    """Area downsample uint8/float [H,W,3] by integer factor f (exact for periodic tiles)."""
    H, W = arr.shape[:2]
    a = arr.astype(np.float32).reshape(H // f, f, W // f, f, 3).mean(axis=(1, 3))
    return a


def seamless_error(arr):
    """Mean abs difference across the wrap seam vs. inside (for tests)."""
    a = arr.astype(np.float32)
    seam = np.abs(a[0] - a[-1]).mean() + np.abs(a[:, 0] - a[:, -1]).mean()
    inner = np.abs(a[1:] - a[:-1]).mean() + np.abs(a[:, 1:] - a[:, :-1]).mean()
    return seam, inner


if __name__ == "__main__":
    import sys
    import time
    rng = random.Random(0)
    tiles = []
    t0 = time.time()
    labs = []
    for i in range(48):
        lab = sample_labels(rng)
        labs.append(lab)
        tiles.append(render(lab, i, 64))
    dt = (time.time() - t0) / 48
    print(f"{dt*1000:.1f} ms/tile at 64")
    grid = np.concatenate([np.concatenate(tiles[r * 8:(r + 1) * 8], axis=1) for r in range(6)], axis=0)
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/tiles.png"
    Image.fromarray(grid).resize((grid.shape[1] * 2, grid.shape[0] * 2), Image.NEAREST).save(out)
    for l in labs[:8]:
        print(caption(l), label_ids(l))
    t0 = time.time()
    hr = render(labs[0], 0, 256)
    print(f"{(time.time()-t0)*1000:.1f} ms/tile at 256", seamless_error(hr), seamless_error(tiles[0]))
    print(np.abs(box_down(hr, 4) - tiles[0].astype(np.float32)).mean())


def heldout_triples(n_geo=160, n_emoji=80, seed=1234):
    """(motif, motif_color, background) triples never rendered for training; used by
    eval_prompts.json. motif_color is None for emoji motifs."""
    rng = random.Random(seed)
    geo = [(m, a, b) for m in GEOMETRIC for a in COLORS for b in COLORS if colors_ok(a, b)]
    emo = [(e[0], None, b) for e in EMOJI for b in COLORS if b != "black"]
    rng.shuffle(geo)
    rng.shuffle(emo)
    return geo[:n_geo] + emo[:n_emoji]
