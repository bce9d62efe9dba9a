"""Rebuild training checkpoints (models/.ckpt/{base,base-hi,sr}.pt) from the shipped ONNX weights.

Checkpoints are not committed (size); a fresh machine can resume training from the exported
EMA weights instead of from scratch.  Optimizer state starts fresh (a short LR warm-up follows).

  /usr/bin/python3 models/ckpt_from_onnx.py [--stages base,base-hi,sr]
(base-hi, the high-noise expert, is rebuilt from baseHigh.onnx where the model has one.)
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "data"))
from train_diffusion import CKPT, FILE_KEYS, cfg_for, make_base, make_sr  # noqa: E402
from nets import nparams  # noqa: E402


def onnx_weights(path):
    import onnx
    from onnx import numpy_helper
    m = onnx.load(path)
    w = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    return w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stages", default="base,sr")
    ap.add_argument("--model-dir", default=os.path.join(HERE, "seedprint-tiny-v1"))
    ap.add_argument("--out", default=CKPT, help="checkpoint folder (the bench uses a temporary one)")
    args = ap.parse_args()
    man = json.load(open(os.path.join(args.model_dir, "manifest.json")))
    os.makedirs(args.out, exist_ok=True)
    for stage in args.stages.split(","):
        key = FILE_KEYS[stage]
        if stage == "base-hi" and key not in man.get("files", {}):
            print(f"{stage}: the model has no {key}.onnx")
            continue
        net = make_base(stage) if stage.startswith("base") else make_sr()
        w = onnx_weights(os.path.join(args.model_dir, f"{key}.onnx"))
        sd = net.state_dict()
        # export wraps circular convs: "<x>.conv.weight" in ONNX is "<x>.weight" here
        norm = {}
        for k, v in w.items():
            k = k[:-len("__fp16")] if k.endswith("__fp16") else k  # fp16-stored weights
            norm[k] = v
            norm[k.replace(".conv.weight", ".weight").replace(".conv.bias", ".bias")] = v
        # export_onnx.split_pixel_head_input stores the PixelHead's first conv as two (c1a, c1b)
        if "head.c1a.weight" in norm:
            norm["head.c1.weight"] = np.concatenate([norm["head.c1a.weight"], norm["head.c1b.weight"]], axis=1)
            norm["head.c1.bias"] = norm["head.c1a.bias"]
        # GroupNorm affine params are exported unnamed (onnx::Mul_N / onnx::Add_N, shape [C,1,1]),
        # in execution order, which is the modules' registration order here
        gn_w = sorted((k for k in w if k.startswith("onnx::Mul_")), key=lambda k: int(k.split("_")[-1]))
        gn_b = sorted((k for k in w if k.startswith("onnx::Add_")), key=lambda k: int(k.split("_")[-1]))
        # an export from before the PixelHead: the head keeps its (identity) initialisation
        has_head = any(k.startswith("head.") for k in norm)
        gn_mods = [n for n, mod in net.named_modules() if isinstance(mod, torch.nn.GroupNorm)
                   if has_head or not n.startswith("head.")]
        if len(gn_mods) != len(gn_w) or len(gn_w) != len(gn_b):
            raise SystemExit(f"{stage}: {len(gn_mods)} GroupNorms but {len(gn_w)}/{len(gn_b)} unnamed params")
        for n, kw, kb in zip(gn_mods, gn_w, gn_b):
            norm[n + ".weight"] = w[kw].reshape(-1)
            norm[n + ".bias"] = w[kb].reshape(-1)
        missing = []
        for k in sd:
            cand = norm.get(k)
            if cand is None and k.startswith("head.") and not has_head:
                continue
            if cand is None or tuple(cand.shape) != tuple(sd[k].shape):
                missing.append(k)
                continue
            sd[k] = torch.from_numpy(np.array(cand, dtype=np.float32))
        if missing:
            raise SystemExit(f"{stage}: {len(missing)} tensors not found in ONNX, e.g. {missing[:5]}")
        net.load_state_dict(sd)
        tr = man.get("training", {}).get(key, {}) or {}
        step = tr.get("steps", 0)
        # keep the training history the manifest records, so a later export reports the totals
        torch.save({"model": net.state_dict(), "ema": net.state_dict(), "step": int(step or 0),
                    "train_seconds": float(tr.get("minutes") or 0) * 60,
                    "losses": [(int(step or 0), tr["finalLoss"])] if tr.get("finalLoss") else [],
                    "batch": tr.get("batch"), "cfg": cfg_for(stage),
                    "params": nparams(net), "device": "cpu", "from_onnx": True}, os.path.join(args.out, f"{stage}.pt"))
        print(f"{stage}: {len(sd)} tensors, step {step}, -> {args.out}/{stage}.pt")


if __name__ == "__main__":
    main()
