"""Evaluation classifier for seedprint-tiny-v1 samples.

A small circular-padded CNN on rendered 64x64 tiles predicting motif, layout, scale,
background colour and motif colour.  Exported to models/seedprint-tiny-v1/classifier.onnx:
  input  image float32 [B,3,64,64] in [-1,1]
  outputs motif [B,39] (index i = vocab.words.motif[i+1]), layout [B,4] (i = words.layout[i+1]),
          scale [B,3] (i = words.scale[i+1]), background [B,14] (i = words.background[i+1]),
          motif_color [B,15] (i = words.motif_color[i], 0 = none/artwork motif)

  /usr/bin/python3 models/train_classifier.py --threads 1 --minutes 26            # from scratch
  /usr/bin/python3 models/train_classifier.py --threads 1 --minutes 22 --resume   # continue (lr 7e-4)
  # the shipped fine-tune: the confusable geometric pairs drawn more, on 100k renders
  /usr/bin/python3 models/train_classifier.py --threads 1 --minutes 35 --resume --geo-frac 0.6 \
      --motif-boost zigzag=3,waves=3,stars=2,triangles=2,dots=1.5,hearts=1.5 --n-train 100000 --out /tmp/cls

It reports its accuracy on fresh renders and on clean renders of eval_prompts.json (per motif):
the second is the ceiling of `npm run eval:model`'s motif / layout figures.
"""
import argparse
import json
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "data"))
import pattern_tiles as pt  # noqa: E402
from repro import MODEL_DIR, WORK, seed_everything  # noqa: E402

HEADS = {"motif": len(pt.MOTIFS), "layout": len(pt.LAYOUTS), "scale": len(pt.SCALES),
         "background": len(pt.COLORS), "motif_color": len(pt.COLORS) + 1}


def cbr(i, o, s=1):
    return nn.Sequential(nn.Conv2d(i, o, 3, s, 1, padding_mode="circular"), nn.BatchNorm2d(o), nn.ReLU())


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        # v3: the first conv keeps full resolution. v1 (stride-2 stem, 12k tiles, 2.9k steps) recognised
        # only 29 % of clean geometric renders of the eval prompts (hearts vs stars vs dots need the
        # 64 px edges); it had learned the emoji motifs from their colours alone.
        # The stem also sees each image standardised per channel (contrast-normalised): shapes then
        # look the same whatever the motif / background colour pair. Without it a 9-way geometric-only
        # run stayed at chance loss for 250 steps; with it, 44 % after 150 (colour heads keep the raw input).
        self.f = nn.Sequential(cbr(6, 32), cbr(32, 48, 2), cbr(48, 48), cbr(48, 96, 2), cbr(96, 96),
                               cbr(96, 160, 2), cbr(160, 160), cbr(160, 224, 2), cbr(224, 224))
        self.heads = nn.ModuleDict({k: nn.Linear(224 * 2, n) for k, n in HEADS.items()})

    def forward(self, image):
        mu = image.mean(dim=(2, 3), keepdim=True)
        sd = (image - mu).square().mean(dim=(2, 3), keepdim=True).sqrt()
        h = self.f(torch.cat([image, (image - mu) / (sd + 0.1)], dim=1))
        h = torch.cat([h.mean(dim=(2, 3)), h.amax(dim=(2, 3))], dim=1)
        return tuple(self.heads[k](h) for k in HEADS)


def targets(tok):
    # tok: vocab ids [N,5]
    return {"motif": tok[:, 0] - 1, "motif_color": tok[:, 1], "background": tok[:, 2] - 1,
            "layout": tok[:, 3] - 1, "scale": tok[:, 4] - 1}


def render_set(n, seed, exclude=None):
    rng = random.Random(seed)
    X = np.zeros((n, 64, 64, 3), np.uint8)
    T = np.zeros((n, 5), np.int64)
    for i in range(n):
        lab = pt.sample_labels(rng, exclude)
        X[i] = pt.render(lab, rng.randrange(1 << 30), 64)
        T[i] = pt.label_ids(lab)
    return X, T


def to_t(X):
    return torch.from_numpy(X).permute(0, 3, 1, 2).float() / 127.5 - 1


def augment(x, rng):
    dx, dy = int(rng.integers(0, 64)), int(rng.integers(0, 64))
    x = torch.roll(x, (dy, dx), (2, 3))
    # mild degradations so it tolerates diffusion artefacts
    B = x.shape[0]
    sig = torch.from_numpy(rng.random(B).astype(np.float32) * 0.12)[:, None, None, None]
    x = x + sig * torch.randn_like(x)
    if rng.random() < 0.3:
        x = F.avg_pool2d(F.pad(x, (1, 1, 1, 1), mode="circular"), 3, 1)
    return x


def evaluate(model, X, T, bs=256, detail=False):
    """Accuracy per head; with detail, also motif accuracy for geometric / artwork motifs and per motif."""
    model.eval()
    tg = targets(torch.from_numpy(T))
    hits = {k: [] for k in HEADS}
    with torch.no_grad():
        for i in range(0, len(X), bs):
            outs = model(to_t(X[i:i + bs]))
            for k, o in zip(HEADS, outs):
                hits[k].append(o.argmax(1) == tg[k][i:i + bs])
    model.train()
    hits = {k: torch.cat(v).numpy() for k, v in hits.items()}
    acc = {k: round(float(v.mean()), 4) for k, v in hits.items()}
    if not detail:
        return acc
    m, geo = tg["motif"].numpy(), tg["motif"].numpy() < pt.N_GEO
    acc["motifGeometric"] = round(float(hits["motif"][geo].mean()), 4)
    acc["motifArtwork"] = round(float(hits["motif"][~geo].mean()), 4)
    acc["motifByMotif"] = {pt.MOTIFS[i]: round(float(hits["motif"][m == i].mean()), 3) for i in range(len(pt.MOTIFS)) if (m == i).any()}
    return acc


def eval_prompt_renders(seeds=2):
    """Clean renders of the held-out eval prompts' labels (eval_prompts.json): what the classifier
    scores on perfect samples is the ceiling of `npm run eval:model`."""
    d = json.load(open(os.path.join(MODEL_DIR, "eval_prompts.json")))
    rng = random.Random(7)
    X, T = [], []
    for p in d["prompts"]:
        lab = dict(p["expected"])
        for _ in range(seeds):
            X.append(pt.render(lab, rng.randrange(1 << 30), 64))
            T.append(pt.label_ids(lab))
    return np.array(X, np.uint8), np.array(T, np.int64)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--minutes", type=float, default=8)
    ap.add_argument("--steps", type=int, default=0, help="train this many steps, the LR annealed over them (0: for --minutes); steps repeat exactly, minutes do not")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n-train", type=int, default=40000)
    ap.add_argument("--n-test", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--geo-frac", type=float, default=0.5, help="share of each batch drawn from geometric-motif tiles")
    ap.add_argument("--motif-boost", type=pt.parse_motif_boost, default={},
                    help="per-motif draw factors within the geometric / artwork groups, e.g. zigzag=3,waves=3")
    ap.add_argument("--lr", type=float, help="peak learning rate (default 2e-3 fresh, 7e-4 resumed)")
    ap.add_argument("--out", default=MODEL_DIR)
    args = ap.parse_args()
    if args.motif_boost and not args.geo_frac:
        ap.error("--motif-boost re-weights the --geo-frac draw; give --geo-frac too")
    torch.set_num_threads(args.threads)
    seed_everything(args.seed)
    os.makedirs(WORK, exist_ok=True)
    t0 = time.time()
    cache = os.path.join(WORK, f"cls_data_{args.n_train}_{args.n_test}.npz")
    if os.path.exists(cache):
        d = np.load(cache)
        Xtr, Ttr, Xte, Tte = d["Xtr"], d["Ttr"], d["Xte"], d["Tte"]
    else:
        Xtr, Ttr = render_set(args.n_train, 101)
        Xte, Tte = render_set(args.n_test, 202)  # fresh seeds (held-out renders), all label combos
        np.savez(cache, Xtr=Xtr, Ttr=Ttr, Xte=Xte, Tte=Tte)
    print(f"rendered in {time.time()-t0:.0f}s", flush=True)
    model = Classifier()
    prev_steps, prev = 0, {}
    lr0 = 2e-3
    ck = os.path.join(WORK, "classifier.pt")
    if args.resume and os.path.exists(ck):
        model.load_state_dict(torch.load(ck))
        prev = json.load(open(os.path.join(WORK, "classifier.json")))
        prev_steps = prev.get("steps", 0)
        lr0 = 7e-4
        print("resumed from", prev_steps, "steps", flush=True)
    if args.lr is not None:
        lr0 = args.lr
    opt = torch.optim.AdamW(model.parameters(), lr0, weight_decay=1e-4)
    rng = np.random.default_rng(args.seed)
    tg_all = targets(torch.from_numpy(Ttr))
    draw_p = pt.geo_draw_p((tg_all["motif"] < pt.N_GEO).numpy(), args.geo_frac) if args.geo_frac else None
    if args.motif_boost:
        draw_p = pt.boost_draw_p(draw_p, tg_all["motif"].numpy() + 1, args.motif_boost)  # 1-based motif ids
    step = 0
    t1 = time.time()
    total = None
    while (step < args.steps) if args.steps else (time.time() - t1 < args.minutes * 60):
        frac = step / args.steps if args.steps else (time.time() - t1) / (args.minutes * 60)
        for g in opt.param_groups:
            g["lr"] = lr0 * 0.5 * (1 + np.cos(np.pi * min(frac, 1.0)))
        idx = rng.choice(len(Xtr), args.batch, p=draw_p) if draw_p is not None else rng.integers(0, len(Xtr), args.batch)
        x = augment(to_t(Xtr[idx]), rng)
        outs = model(x)
        loss = sum(F.cross_entropy(o, tg_all[k][idx]) for k, o in zip(HEADS, outs))
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        total = loss.item() if total is None else 0.98 * total + 0.02 * loss.item()
        if step % 100 == 0:
            print(f"step {step} loss {total:.3f} {time.time()-t1:.0f}s", flush=True)
    acc = evaluate(model, Xte, Tte, detail=True)
    print("held-out accuracy", json.dumps(acc), flush=True)
    acc_ep = evaluate(model, *eval_prompt_renders(), detail=True)
    print("eval-prompt renders", json.dumps(acc_ep), flush=True)
    model.eval()
    torch.save(model.state_dict(), os.path.join(WORK, "classifier.pt"))
    from export_onnx import patch_circular, write_ref
    pm, n = patch_circular(model)
    x = to_t(Xte[:4])
    with torch.no_grad():
        err = max((a - b).abs().max().item() for a, b in zip(model(x), pm(x)))
    path = os.path.join(args.out, "classifier.onnx")
    torch.onnx.export(pm, (x,), path, input_names=["image"], output_names=list(HEADS),
                      dynamic_axes={"image": {0: "B"}, **{k: {0: "B"} for k in HEADS}}, opset_version=17)
    # prev is {} unless a checkpoint was actually resumed (--resume without one starts fresh)
    last_run = {"steps": step, "lr": lr0, "geoFrac": args.geo_frac, "motifBoost": args.motif_boost, "resumed": bool(prev),
                "nTrain": args.n_train, "prevNTrain": prev.get("nTrain")}
    info = {"heldOutAccuracy": acc, "evalPromptRenderAccuracy": acc_ep, "arch": "v3", "steps": prev_steps + step,
            "lastRun": last_run, "batch": args.batch, "minutes": round((time.time() - t1) / 60, 1),
            "nTrain": args.n_train, "nTest": args.n_test, "patchErr": err,
            "params": sum(p.numel() for p in model.parameters()),
            "outputs": {"motif": "index i = vocab.words.motif[i+1]", "layout": "i = words.layout[i+1]",
                        "scale": "i = words.scale[i+1]", "background": "i = words.background[i+1]",
                        "motif_color": "i = words.motif_color[i] (0 = none: artwork motif)"}}
    with open(os.path.join(WORK, "classifier.json"), "w") as f:
        json.dump(info, f, indent=1)
    with torch.no_grad():
        write_ref(os.path.join(WORK, "classifier_ref.json"), {"image": x}, dict(zip(HEADS, model(x))))
    print(json.dumps(info))


if __name__ == "__main__":
    main()
