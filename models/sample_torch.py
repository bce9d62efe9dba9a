"""PyTorch reference sampler for seedprint-tiny-v1 (DDIM, v-prediction, CFG).

Benchmark (prints JSON {"ms": ...} for n candidates x steps DDIM steps with CFG):
  /usr/bin/python3 models/sample_torch.py --prompt-ids 1,2,7,1,2 --steps 8 --guidance 3 --n 4
Sample grid (base + optional SR):
  /usr/bin/python3 models/sample_torch.py --grid models/.ckpt/samples.png [--sr]

Sampler (same as the TypeScript one should do):
  t_i = 1 - i/steps, i = 0..steps;  z ~ N(0, I) at t=1
  v = v(z, t, null) + g * (v(z, t, tokens) - v(z, t, null))    (one batch of 2B)
  x0 = alpha*z - sigma*v ;  eps = sigma*z + alpha*v ; clip x0 to [-1, 1]
  z  = alpha_next*x0 + sigma_next*eps
  with alpha = cos(pi t/2), sigma = sin(pi t/2).
SR: low = nearest-upsample x4 of the 64 px base output; same DDIM loop with sr(z, low, t)
(no guidance).
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "data"))
from repro import WORK  # noqa: E402


def ddim_base(model, tokens, steps=8, guidance=3.0, gen=None, size=64, guidance_min_t=0.0):
    """guidance_min_t: classifier-free guidance only at steps with t >= it (the recipes' guidanceMinT)."""
    B = tokens.shape[0]
    z = torch.randn(B, 3, size, size, generator=gen)
    null = torch.zeros_like(tokens)
    ts = torch.linspace(1.0, 0.0, steps + 1)
    for i in range(steps):
        t, tn = ts[i].item(), ts[i + 1].item()
        a, s = math.cos(math.pi * t / 2), math.sin(math.pi * t / 2)
        an, sn = math.cos(math.pi * tn / 2), math.sin(math.pi * tn / 2)
        tt = torch.full((2 * B,), t)
        if guidance != 1.0 and t >= guidance_min_t:
            v2 = model(torch.cat([z, z]), tt, torch.cat([tokens, null]))
            vc, vu = v2[:B], v2[B:]
            v = vu + guidance * (vc - vu)
        else:
            v = model(z, tt[:B], tokens)
        x0 = (a * z - s * v).clamp(-1, 1)
        eps = s * z + a * v
        z = an * x0 + sn * eps
    return z.clamp(-1, 1)


def ddim_sr(model, low_img, steps=8, gen=None, factor=4):
    """low_img [B,3,h,w] in [-1,1] -> [B,3,h*f,w*f]."""
    low = F.interpolate(low_img, scale_factor=float(factor), mode="nearest")
    z = torch.randn(low.shape, generator=gen)
    ts = torch.linspace(1.0, 0.0, steps + 1)
    for i in range(steps):
        t, tn = ts[i].item(), ts[i + 1].item()
        a, s = math.cos(math.pi * t / 2), math.sin(math.pi * t / 2)
        an, sn = math.cos(math.pi * tn / 2), math.sin(math.pi * tn / 2)
        v = model(z, low, torch.full((z.shape[0],), t))
        x0 = (a * z - s * v).clamp(-1, 1)
        eps = s * z + a * v
        z = an * x0 + sn * eps
    return z.clamp(-1, 1)


def ckpt_dir(d=None):
    """Where checkpoints are read: d, else $SEEDPRINT_CKPT (an export snapshot), else the work folder ($SEEDPRINT_WORK, models/.ckpt)."""
    return d or os.environ.get("SEEDPRINT_CKPT") or WORK


def load(stage, d=None):
    import train_diffusion as td
    m = td.make_base(stage) if stage.startswith("base") else td.make_sr()
    ck = torch.load(os.path.join(ckpt_dir(d), f"{stage}.pt"), map_location="cpu")
    m.load_state_dict(ck["ema"])
    m.eval()
    return m, ck


class WithExpert(torch.nn.Module):
    """The base with its high-noise expert, as the shop samples them: the expert denoises t >= split."""

    def __init__(self, base, expert, split):
        super().__init__()
        self.base, self.expert, self.split = base, expert, split

    def forward(self, x, t, tokens):
        hi = t >= self.split
        if bool(hi.all()):
            return self.expert(x, t, tokens)
        if not bool(hi.any()):
            return self.base(x, t, tokens)
        out = self.base(x, t, tokens)
        out[hi] = self.expert(x[hi], t[hi], tokens[hi])
        return out


def load_sampler_base(d=None):
    """The base for sampling: with the high-noise expert when a base-hi checkpoint exists."""
    import train_diffusion as td
    base, ck = load("base", d)
    if os.path.exists(os.path.join(ckpt_dir(d), "base-hi.pt")):
        hi, _ = load("base-hi", d)
        return WithExpert(base, hi, td.HI_T_SPLIT).eval(), ck
    return base, ck


def to_uint8(x):
    return ((x.clamp(-1, 1) + 1) * 127.5).round().byte().permute(0, 2, 3, 1).numpy()


def grid_labels():
    import pattern_tiles as pt
    labs = [
        dict(motif="dots", motif_color="white", background="navy", layout="grid", scale="medium"),
        dict(motif="stripes", motif_color="red", background="cream", layout="diagonal", scale="medium"),
        dict(motif="hearts", motif_color="pink", background="black", layout="half-drop", scale="small"),
        dict(motif="stars", motif_color="yellow", background="blue", layout="scattered", scale="medium"),
        dict(motif="checks", motif_color="black", background="white", layout="grid", scale="small"),
        dict(motif="waves", motif_color="teal", background="cream", layout="grid", scale="medium"),
        dict(motif="flowers", motif_color="orange", background="green", layout="half-drop", scale="large"),
        dict(motif="triangles", motif_color="purple", background="yellow", layout="grid", scale="large"),
        dict(motif="cat", motif_color=None, background="pink", layout="grid", scale="large"),
        dict(motif="sunflower", motif_color=None, background="navy", layout="half-drop", scale="medium"),
        dict(motif="lemon", motif_color=None, background="blue", layout="scattered", scale="medium"),
        dict(motif="ghost", motif_color=None, background="purple", layout="diagonal", scale="small"),
    ]
    return labs, torch.tensor([pt.label_ids(l) for l in labs]), [pt.caption(l) for l in labs]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prompt-ids", default="1,2,7,1,2", help="5 role ids, comma separated")
    ap.add_argument("--steps", type=int, default=8)
    ap.add_argument("--guidance", type=float, default=3.0)
    ap.add_argument("--guidance-min-t", type=float, default=0.0, help="guidance only at t >= this (0 = every step)")
    ap.add_argument("--n", type=int, default=4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--grid", default=None)
    ap.add_argument("--sr", action="store_true")
    ap.add_argument("--per", type=int, default=3, help="samples per label row in grid")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    base, ck = load_sampler_base()
    if args.grid:
        from PIL import Image
        labs, tok, caps = grid_labels()
        gen = torch.Generator().manual_seed(args.seed)
        tok = tok.repeat_interleave(args.per, 0)
        with torch.no_grad():
            x = ddim_base(base, tok, args.steps, args.guidance, gen, guidance_min_t=args.guidance_min_t)
        imgs = to_uint8(x)
        grids = {}
        if args.sr:
            grids[args.grid.replace(".png", "_base.png")] = imgs
            sr, _ = load("sr")
            with torch.no_grad():
                hr = ddim_sr(sr, x, args.steps, gen)
            imgs = to_uint8(hr)
        grids[args.grid] = imgs
        for path, imgs in grids.items():
            rows = []
            for r in range(len(labs)):
                rows.append(np.concatenate(list(imgs[r * args.per:(r + 1) * args.per]), axis=1))
            # arrange rows into 2 columns of label groups
            half = (len(rows) + 1) // 2
            left = np.concatenate(rows[:half], 0)
            right = np.concatenate(rows[half:] + [np.zeros_like(rows[0])] * (half - len(rows[half:])), 0)
            g = np.concatenate([left, np.full((left.shape[0], 8, 3), 255, np.uint8), right], 1)
            Image.fromarray(g).save(path)
        print(json.dumps({"grid": args.grid, "step": ck["step"], "captions": caps}))
        return
    ids = torch.tensor([[int(v) for v in args.prompt_ids.split(",")]] * args.n, dtype=torch.long)
    with torch.no_grad():
        ddim_base(base, ids, 1, args.guidance)  # warm-up
        times = []
        for r in range(args.repeat):
            t0 = time.perf_counter()
            ddim_base(base, ids, args.steps, args.guidance)
            times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"ms": round(float(np.median(times)), 1), "runs": [round(t, 1) for t in times],
                      "n": args.n, "steps": args.steps, "guidance": args.guidance, "threads": args.threads}))


if __name__ == "__main__":
    main()
