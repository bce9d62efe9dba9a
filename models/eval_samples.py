"""Score base-model samples on held-out eval prompts with the render-trained classifier.

  /usr/bin/python3 models/eval_samples.py --n-prompts 96 --steps 8 --guidance 3
Writes the result into manifest.json["eval"]["samples"].
"""
import argparse
import json
import os
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "data"))
import pattern_tiles as pt  # noqa: E402
from sample_torch import ddim_base, load  # noqa: E402
from train_classifier import Classifier, HEADS  # noqa: E402

OUT = os.path.join(HERE, "seedprint-tiny-v1")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n-prompts", type=int, default=96)
    ap.add_argument("--steps", type=int, default=8)
    ap.add_argument("--guidance", type=float, default=3.0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=16)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    base, ck = load("base")
    cls = Classifier()
    cls.load_state_dict(torch.load(os.path.join(HERE, ".ckpt", "classifier.pt")))
    cls.eval()
    ev = json.load(open(os.path.join(OUT, "eval_prompts.json")))["prompts"]
    step = max(1, len(ev) // args.n_prompts)
    ev = ev[::step][:args.n_prompts]
    tok = torch.tensor([e["ids"] for e in ev])
    keys = {"motif": 0, "motif_color": 1, "background": 2, "layout": 3, "scale": 4}
    hits = {k: 0 for k in keys}
    counts = {k: 0 for k in keys}
    gen = torch.Generator().manual_seed(123)
    t0 = time.time()
    with torch.no_grad():
        for i in range(0, len(ev), args.batch):
            tb = tok[i:i + args.batch]
            x = ddim_base(base, tb, args.steps, args.guidance, gen)
            outs = dict(zip(HEADS, cls(x)))
            for k, r in keys.items():
                pred = outs[k].argmax(1)
                exp = tb[:, r] if k == "motif_color" else tb[:, r] - 1
                valid = tb[:, r] > 0 if k != "motif_color" else torch.ones_like(pred, dtype=torch.bool)
                hits[k] += ((pred == exp) & valid).sum().item()
                counts[k] += valid.sum().item()
    res = {k: round(hits[k] / max(1, counts[k]), 3) for k in keys}
    out = {"accuracy": res, "nPrompts": len(ev), "steps": args.steps, "guidance": args.guidance,
           "baseStep": ck["step"], "scorer": "classifier.onnx (render-trained)", "prompts": "eval_prompts.json (held-out triples)",
           "chance": {"motif": round(1 / len(pt.MOTIFS), 3), "layout": 0.25, "scale": 0.333, "background": round(1 / 14, 3)},
           "seconds": round(time.time() - t0, 1)}
    mp = os.path.join(OUT, "manifest.json")
    man = json.load(open(mp))
    man.setdefault("eval", {})["samples"] = out
    json.dump(man, open(mp, "w"), indent=2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
