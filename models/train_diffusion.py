"""Train seedprint-tiny-v1: role-conditioned BASE (64x64) and SR (x4) pixel diffusion.

v-prediction, cosine schedule in continuous time t in [0,1]: alpha=cos(pi t/2), sigma=sin(pi t/2).
Data: procedural seamless tiles (models/data/pattern_tiles.py) in an in-memory pool that is
partly re-rendered every few hundred steps; random cyclic shifts (exact for periodic tiles)
as augmentation.  Checkpoints (incl. EMA) in models/.ckpt/, resumed automatically.

  nice -n 10 nohup /usr/bin/python3 models/train_diffusion.py --stages base,sr --sr-every 3 \
      > models/.ckpt/train.log 2>&1 &
"""
import argparse
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "data"))
import pattern_tiles as pt  # noqa: E402
from nets import BaseModel, SRModel, nparams  # noqa: E402
from repro import WORK, seed_everything  # noqa: E402

CKPT = WORK
ROLE_SIZES = [len(pt.MOTIFS) + 1, len(pt.COLORS) + 1, len(pt.COLORS) + 1, len(pt.LAYOUTS) + 1, len(pt.SCALES) + 1]
BASE_CFG = dict(role_sizes=ROLE_SIZES, chans=(96, 160), nblocks=(1, 2), cdim=160, edim=48, patch=4, head=32)
SR_CFG = dict(chans=(48, 96), nblocks=(1, 1), cdim=96)
SR_TRAIN_HR = 128  # SR trained on random 64x64 torus crops of periodic 128 tiles (16 -> 64 px crops of 32->128 tiles)
SR_CROP = 64
LOW_T_MAX = 0.3
SR_AUG_MAX = 0.25  # low-res conditioning noise augmentation t_aug ~ U(0, SR_AUG_MAX) (80% of samples)
# High-noise expert (eDiff-I-style ensemble of denoisers): "base-hi" starts as a copy of the base
# and trains only on t in [HI_T_SPLIT, 1], where the motif and layout are decided (renders noised
# to t = 0.5 and denoised again keep 0.84 of their motifs, from t = 0.9 only 0.58); the sampler
# calls it for t >= HI_T_SPLIT and the base below, so a step costs the same.
HI_T_SPLIT = 0.6
# The expert also sees the tiles where the renderer puts them (no random cyclic shift) and gets a
# position embedding: grid, half-drop and diagonal layouts then have a fixed phase, and the
# expert can start them from a template instead of choosing a phase out of pure noise. (A shifted
# tile repeats into the same wallpaper, so this costs no real variety.)
HI_CFG = dict(BASE_CFG, pos=True)
# checkpoint stage -> the model file's key in manifest.json (and its ONNX file name)
FILE_KEYS = {"base": "base", "base-hi": "baseHigh", "sr": "sr"}


def cfg_for(stage):
    return {"base": BASE_CFG, "base-hi": HI_CFG, "sr": SR_CFG}[stage]


def make_base(stage="base"):
    return BaseModel(**cfg_for(stage))


def make_sr():
    return SRModel(**SR_CFG)


def alpha_sigma(t):
    return torch.cos(math.pi * t / 2), torch.sin(math.pi * t / 2)


class Pool:
    """In-memory pool of rendered tiles; a slice is re-rendered every `refresh_every` draws."""

    def __init__(self, kind, n, seed, refresh_frac=0.08):
        self.kind, self.n = kind, n
        self.rng = random.Random(seed)
        self.exclude = set(pt.heldout_triples())
        self.refresh_frac = refresh_frac
        res = 64 if kind == "base" else SR_TRAIN_HR
        self.res = res
        self.img = np.zeros((n, res, res, 3), np.uint8)
        self.tok = np.zeros((n, 5), np.int64)
        self.ptr = 0
        self.draw_p = None  # cached draw probabilities for --geo-frac
        self.motif_boost = {}  # motif name -> draw factor (--motif-boost, applied with --geo-frac)
        t0 = time.time()
        cache = os.path.join(CKPT, f"pool_{kind}_{n}.npz")
        if os.path.exists(cache):
            d = np.load(cache)
            self.img[:], self.tok[:] = d["img"], d["tok"]
        else:
            self._fill(n)
            np.savez(cache, img=self.img, tok=self.tok)
        print(f"[{kind}] pool {n} tiles at {res}px in {time.time()-t0:.1f}s", flush=True)

    def _fill(self, k):
        for _ in range(k):
            i = self.ptr
            lab = pt.sample_labels(self.rng, self.exclude)
            self.img[i] = pt.render(lab, self.rng.randrange(1 << 30), self.res)
            self.tok[i] = pt.label_ids(lab)
            self.ptr = (self.ptr + 1) % self.n

    def refresh(self):
        self._fill(int(self.n * self.refresh_frac))
        self.draw_p = None  # the label mix changed

    def batch(self, B, rng, geo_frac=None, shift=True):
        if geo_frac is None:
            idx = rng.integers(0, self.n, B)
        else:
            # the pool keeps the uniform label mix; only the draw is re-weighted
            if self.draw_p is None:
                self.draw_p = pt.geo_draw_p(self.tok[:, 0] <= pt.N_GEO, geo_frac)  # motif ids are 1-based (0 = null)
                if self.motif_boost:
                    self.draw_p = pt.boost_draw_p(self.draw_p, self.tok[:, 0], self.motif_boost)
            idx = rng.choice(self.n, B, p=self.draw_p)
        x = torch.from_numpy(self.img[idx]).permute(0, 3, 1, 2).float() / 127.5 - 1.0
        # random cyclic shift per batch (exact: tiles are periodic) + random 90-degree-free flips none
        dx, dy = int(rng.integers(0, self.res)), int(rng.integers(0, self.res))
        if shift:
            x = torch.roll(x, shifts=(dy, dx), dims=(2, 3))
        if self.kind == "sr" and SR_CROP < self.res:
            x = x[:, :, :SR_CROP, :SR_CROP]  # random torus crop (after the random roll)
        return x, torch.from_numpy(self.tok[idx])


def drop_tokens(tok, rng, p_role=0.1, p_all=0.1):
    tok = tok.clone()
    B = tok.shape[0]
    m = torch.from_numpy(rng.random((B, 5)) < p_role)
    tok[m] = 0
    a = torch.from_numpy(rng.random(B) < p_all)
    tok[a] = 0
    return tok


class Trainer:
    def __init__(self, stage, args):
        self.stage = stage
        self.args = args
        self.is_base = stage in ("base", "base-hi")
        self.model = make_base(stage) if self.is_base else make_sr()
        self.ema = make_base(stage) if self.is_base else make_sr()
        self.ema.load_state_dict(self.model.state_dict())
        for p in self.ema.parameters():
            p.requires_grad_(False)
        self.opt = torch.optim.AdamW(self.model.parameters(), lr=args.lr, weight_decay=0.01, betas=(0.9, 0.99))
        self.step = 0
        self.warm_from = 0  # LR warm-up restarts when the optimizer state is fresh
        self.train_seconds = 0.0
        self.losses = []
        self.path = os.path.join(CKPT, f"{stage}.pt")
        init = self.path if os.path.exists(self.path) else None
        if init is None and stage == "base-hi":
            init = os.path.join(CKPT, "base.pt")  # the expert starts as the base (weights and optimizer)
            print(f"[{stage}] starting from {init}", flush=True)
        if init and os.path.exists(init):
            ck = torch.load(init, map_location="cpu")
            # strict=False: a checkpoint from before a zero-initialised addition (PixelHead) resumes
            missing, unexpected = self.model.load_state_dict(ck["model"], strict=False)
            self.ema.load_state_dict(ck["ema"], strict=False)
            if unexpected or any(not (k.startswith("head.") or k == "pos") for k in missing):
                raise SystemExit(f"checkpoint does not fit the model: missing {missing[:4]} unexpected {unexpected[:4]}")
            if missing:
                print(f"[{stage}] new layers start from their initialisation: {len(missing)} tensors", flush=True)
            self.step = ck["step"]
            if missing:  # Adam's state is per parameter, in order: it no longer fits
                print("opt state not loaded: new parameters - LR warm-up restarts", flush=True)
                self.warm_from = self.step
            else:
                try:
                    self.opt.load_state_dict(ck["opt"])
                except Exception as e:  # noqa  (e.g. a checkpoint rebuilt from ONNX by ckpt_from_onnx.py)
                    print("opt state not loaded:", repr(e), "- LR warm-up restarts", flush=True)
                    self.warm_from = self.step
            if args.rewarm:
                self.warm_from = self.step  # restart the LR warm-up (a new cosine cycle after an anneal)
            self.train_seconds = ck.get("train_seconds", 0.0)
            self.losses = ck.get("losses", [])
            print(f"[{stage}] resumed at step {self.step}", flush=True)
        self.model.to(args.device)
        self.ema.to(args.device)
        print(f"[{stage}] params {nparams(self.model)/1e6:.2f}M", flush=True)
        seed = args.seed + (0 if self.is_base else 1) + self.step
        self.np_rng = np.random.default_rng(seed)
        n = args.pool if self.is_base else args.sr_pool
        self.pool = Pool("base" if self.is_base else stage, n, seed)
        if self.is_base:
            self.pool.motif_boost = args.motif_boost
        self.batch = args.batch if self.is_base else args.sr_batch
        self.run_loss = None

    def lr_at(self, s):
        lr = self.args.lr * min(1.0, (s - self.warm_from + 1) / 300)
        a = self.args
        if a.decay_end > a.decay_start and s >= a.decay_start:
            # cosine anneal to lr_min over absolute steps [decay_start, decay_end] (resumable:
            # pass the same flags again); a constant LR leaves the weights jittering around the
            # optimum, annealing settles them
            f = min(1.0, (s - a.decay_start) / (a.decay_end - a.decay_start))
            lr = a.lr_min + (lr - a.lr_min) * 0.5 * (1 + math.cos(math.pi * f))
        return lr

    def train_step(self):
        t0 = time.time()
        dev = self.args.device
        rng = self.np_rng
        x0, tok = self.pool.batch(self.batch, rng, self.args.geo_frac if self.is_base else None, shift=self.stage != "base-hi")
        B = x0.shape[0]
        x0 = x0.to(dev)
        # t: --low-t-frac of the batch U(0,LOW_T_MAX), the rest U(0,--t-max) -- extra weight on the
        # low-noise end, where few-step samples otherwise keep visible high-frequency noise
        # (measured at step ~1000); the expert: U(HI_T_SPLIT, 1)
        u = rng.random(B)
        if self.stage == "base-hi":
            u = HI_T_SPLIT + (1 - HI_T_SPLIT) * u
        else:
            # --t-max < 1: the base only serves t below the expert's split, so it trains there
            u = np.where(rng.random(B) < self.args.low_t_frac, u * LOW_T_MAX, u * self.args.t_max)
        t = torch.from_numpy(u.astype(np.float32)).to(dev)
        a, s = alpha_sigma(t)
        a4, s4 = a[:, None, None, None], s[:, None, None, None]
        eps = torch.randn_like(x0)
        z = a4 * x0 + s4 * eps
        v = a4 * eps - s4 * x0
        if self.is_base:
            tok = drop_tokens(tok, rng).to(dev)
            pred = self.model(z, t, tok)
        else:
            low = F.avg_pool2d(x0, 4)
            ta = torch.from_numpy((rng.random(B) * SR_AUG_MAX * (rng.random(B) < 0.8)).astype(np.float32)).to(dev)
            aa, sa = alpha_sigma(ta)
            low = aa[:, None, None, None] * low + sa[:, None, None, None] * torch.randn_like(low)
            low = F.interpolate(low, scale_factor=4.0, mode="nearest")
            pred = self.model(z, low, t)
        loss = F.mse_loss(pred, v)
        for g in self.opt.param_groups:
            g["lr"] = self.lr_at(self.step)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.opt.step()
        d = min(self.args.ema, (1 + self.step) / (10 + self.step))
        with torch.no_grad():
            for pe, pm in zip(self.ema.parameters(), self.model.parameters()):
                pe.mul_(d).add_(pm.detach(), alpha=1 - d)
        self.step += 1
        li = loss.item()
        self.run_loss = li if self.run_loss is None else 0.98 * self.run_loss + 0.02 * li
        if self.step % 50 == 0:
            self.losses.append((self.step, round(self.run_loss, 5)))
        if self.step % self.args.refresh_every == 0:
            self.pool.refresh()
        self.train_seconds += time.time() - t0

    def save(self):
        tmp = self.path + ".tmp"
        torch.save({"model": self.model.state_dict(), "ema": self.ema.state_dict(), "opt": self.opt.state_dict(),
                    "step": self.step, "train_seconds": self.train_seconds, "losses": self.losses,
                    "batch": self.batch, "cfg": cfg_for(self.stage), "t_range": [HI_T_SPLIT, 1.0] if self.stage == "base-hi" else [0.0, 1.0],
                    "params": nparams(self.model), "device": self.args.device}, tmp)
        os.replace(tmp, self.path)
        with open(os.path.join(CKPT, f"{self.stage}_status.json"), "w") as f:
            json.dump({"step": self.step, "loss": self.run_loss, "minutes": self.train_seconds / 60,
                       "batch": self.batch, "time": time.strftime("%H:%M:%S")}, f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--stages", default="base")
    ap.add_argument("--sr-every", type=int, default=3, help="1 SR step per N base steps when both run")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=24)
    ap.add_argument("--sr-batch", type=int, default=16)
    ap.add_argument("--pool", type=int, default=12000)
    ap.add_argument("--sr-pool", type=int, default=2500)
    ap.add_argument("--refresh-every", type=int, default=250)
    ap.add_argument("--lr", type=float, default=4e-4)
    ap.add_argument("--decay-start", type=int, default=0, help="absolute step where the cosine LR anneal starts")
    ap.add_argument("--decay-end", type=int, default=0, help="absolute step where it reaches --lr-min (0: constant LR)")
    ap.add_argument("--lr-min", type=float, default=1e-5)
    ap.add_argument("--ema", type=float, default=0.999)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--low-t-frac", type=float, default=0.5)
    ap.add_argument("--t-max", type=float, default=1.0, help="base: train on t < T only (the low-noise part when a high-noise expert takes the rest)")
    ap.add_argument("--geo-frac", type=float, default=None, help="share of each base batch drawn from geometric-motif tiles (default: the pool's mix)")
    ap.add_argument("--motif-boost", type=pt.parse_motif_boost, default={}, help="with --geo-frac: per-motif draw factors, e.g. waves=2,hearts=2,stripes=0.5")
    ap.add_argument("--rewarm", action="store_true", help="restart the 300-step LR warm-up at the resumed step")
    ap.add_argument("--save-every", type=float, default=300.0, help="seconds")
    ap.add_argument("--max-steps", type=int, default=10 ** 9)
    ap.add_argument("--max-minutes", type=float, default=10 ** 9)
    args = ap.parse_args()
    if args.motif_boost and args.geo_frac is None:
        ap.error("--motif-boost re-weights the --geo-frac draw: pass --geo-frac too")
    torch.set_num_threads(args.threads)
    # model initialisation and the noise draws use torch's global generator; one seed per run
    seed_everything(args.seed)
    os.makedirs(CKPT, exist_ok=True)
    stages = args.stages.split(",")
    trainers = {s: Trainer(s, args) for s in stages}
    t_start = time.time()
    last_save = time.time()
    last_log = time.time()
    i = 0
    while True:
        order = []
        for s in ("base", "base-hi"):
            if s in trainers:
                order.append(trainers[s])
        if "sr" in trainers and (len(trainers) == 1 or i % args.sr_every == 0):
            order.append(trainers["sr"])
        for tr in order:
            tr.train_step()
        i += 1
        now = time.time()
        if now - last_log > 60:
            msg = " | ".join(f"{s} step {tr.step} loss {tr.run_loss:.4f} {tr.train_seconds/60:.1f}min" for s, tr in trainers.items())
            print(time.strftime("%H:%M:%S"), msg, flush=True)
            last_log = now
        done = all(tr.step >= args.max_steps for tr in trainers.values()) or (now - t_start) / 60 > args.max_minutes
        if now - last_save > args.save_every or done or os.path.exists(os.path.join(CKPT, "SAVE_NOW")):
            for tr in trainers.values():
                tr.save()
            if os.path.exists(os.path.join(CKPT, "SAVE_NOW")):
                os.remove(os.path.join(CKPT, "SAVE_NOW"))
            print(time.strftime("%H:%M:%S"), "saved", flush=True)
            last_save = now
        if done:
            break


if __name__ == "__main__":
    main()
