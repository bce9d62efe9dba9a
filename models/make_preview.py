"""Small committed preview (< 300 KB): base 64 px samples (nearest x2) next to SR 256 px samples
(downscaled to 128) from the work folder's samples*.png (models/.ckpt) -> the model folder's samples.png."""
import os
import sys

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from repro import MODEL_DIR, WORK  # noqa: E402

ck = WORK
out = os.path.join(MODEL_DIR, "samples.png")
parts = []
b = os.path.join(ck, "samples_base.png")
s = os.path.join(ck, "samples.png")
if os.path.exists(b):
    im = Image.open(b)
    parts.append(im.resize((im.width * 2, im.height * 2), Image.NEAREST))
if os.path.exists(s) and os.path.exists(b):
    im = Image.open(s)
    parts.append(im.resize((parts[0].width, parts[0].height), Image.LANCZOS))
W = sum(p.width for p in parts) + 12 * (len(parts) - 1)
H = max(p.height for p in parts)
g = Image.new("RGB", (W, H), (255, 255, 255))
x = 0
for p in parts:
    g.paste(p, (x, 0))
    x += p.width + 12
done = False
while not done:
    for colors in (256, 128, 64):
        q = g.quantize(colors=colors, method=Image.MEDIANCUT)
        q.save(out, optimize=True)
        if os.path.getsize(out) < 300_000:
            done = True
            break
    if not done:
        g = g.resize((int(g.width * 0.8), int(g.height * 0.8)), Image.LANCZOS)
print(out, os.path.getsize(out), g.size)
