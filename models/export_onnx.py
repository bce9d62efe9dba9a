"""Export EMA weights of seedprint-tiny-v1 to ONNX + write manifest.json.

  /usr/bin/python3 models/export_onnx.py [--out models/seedprint-tiny-v1] [--fp16-weights auto]

torch 1.13 exports padding_mode='circular' wrongly, so every circular conv is replaced by
explicit wrap padding (slice + concat) followed by a zero-padding conv (`patch_circular`),
and the patched module is checked against the original in torch (max abs err printed).
Large weight initializers are stored as float16 (+ Cast to float32 in the graph) when the
fp32 file would exceed the 16 MB budget; all graph inputs/outputs and compute stay float32.
"""
import argparse
import copy
import hashlib
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "data"))


class WrapConv(nn.Module):
    def __init__(self, conv):
        super().__init__()
        ph, pw = conv.padding
        self.ph, self.pw = ph, pw
        self.conv = nn.Conv2d(conv.in_channels, conv.out_channels, conv.kernel_size, stride=conv.stride,
                              padding=0, dilation=conv.dilation, groups=conv.groups, bias=conv.bias is not None)
        self.conv.weight = conv.weight
        if conv.bias is not None:
            self.conv.bias = conv.bias

    def forward(self, x):
        ph, pw = self.ph, self.pw
        if ph:
            x = torch.cat([x[:, :, -ph:], x, x[:, :, :ph]], dim=2)
        if pw:
            x = torch.cat([x[:, :, :, -pw:], x, x[:, :, :, :pw]], dim=3)
        return self.conv(x)


def patch_circular(module):
    m = copy.deepcopy(module)
    n = 0

    def rec(mod):
        nonlocal n
        for name, ch in mod.named_children():
            if isinstance(ch, nn.Conv2d) and ch.padding_mode == "circular":
                setattr(mod, name, WrapConv(ch))
                n += 1
            else:
                rec(ch)
    rec(m)
    return m, n


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


def write_ref(path, inputs, outputs):
    """Reference I/O for scripts/model/check_onnx.mjs (ONNX Runtime vs torch)."""
    def enc(t):
        return {"dims": list(t.shape), "type": "int64" if t.dtype == torch.long else "float32",
                "data": [int(v) for v in t.flatten().tolist()] if t.dtype == torch.long else
                [round(float(v), 6) for v in t.flatten().tolist()]}
    with open(path, "w") as f:
        json.dump({"inputs": {k: enc(v) for k, v in inputs.items()},
                   "outputs": {k: enc(v) for k, v in outputs.items()}}, f)


def weights_to_fp16(path, min_elems=4096):
    import onnx
    from onnx import helper, numpy_helper, TensorProto
    model = onnx.load(path)
    g = model.graph
    new_inits, casts = [], []
    for init in g.initializer:
        if init.data_type == TensorProto.FLOAT and int(np.prod(init.dims)) >= min_elems:
            arr = numpy_helper.to_array(init).astype(np.float16)
            nm = init.name + "__fp16"
            new_inits.append(numpy_helper.from_array(arr, nm))
            casts.append(helper.make_node("Cast", [nm], [init.name], to=TensorProto.FLOAT, name=init.name + "__cast"))
        else:
            new_inits.append(init)
    del g.initializer[:]
    g.initializer.extend(new_inits)
    nodes = list(g.node)
    del g.node[:]
    g.node.extend(casts + nodes)
    onnx.checker.check_model(model)
    onnx.save(model, path)
    return len(casts)


def export(args):
    import onnx
    import train_diffusion as td
    import pattern_tiles as pt
    from sample_torch import load
    torch.set_num_threads(args.threads)
    out = args.out
    os.makedirs(out, exist_ok=True)
    report = {}
    files = {}
    train = {}
    for stage in ("base", "sr"):
        if not os.path.exists(os.path.join(HERE, ".ckpt", f"{stage}.pt")):
            print("no checkpoint for", stage)
            continue
        m, ck = load(stage)
        pm, n = patch_circular(m)
        pm.eval()
        g = torch.Generator().manual_seed(0)
        if stage == "base":
            x = torch.randn(2, 3, 64, 64, generator=g)
            t = torch.tensor([0.3, 0.9])
            tok = torch.tensor([[1, 2, 7, 1, 2], [20, 0, 3, 3, 3]], dtype=torch.long)
            ins = (x, t, tok)
            names = ["x", "t", "tokens"]
            dyn = {"x": {0: "B"}, "t": {0: "B"}, "tokens": {0: "B"}, "v": {0: "B"}}
        else:
            x = torch.randn(2, 3, 96, 128, generator=g)
            low = torch.randn(2, 3, 24, 32, generator=g).repeat_interleave(4, 2).repeat_interleave(4, 3)
            t = torch.tensor([0.3, 0.9])
            ins = (x, low, t)
            names = ["x", "low", "t"]
            dyn = {"x": {0: "B", 2: "H", 3: "W"}, "low": {0: "B", 2: "H", 3: "W"}, "t": {0: "B"},
                   "v": {0: "B", 2: "H", 3: "W"}}
        with torch.no_grad():
            ref = m(*ins)
            got = pm(*ins)
        err = (ref - got).abs().max().item()
        print(f"{stage}: patched {n} circular convs, torch max abs err {err:.2e}")
        path = os.path.join(out, f"{stage}.onnx")
        torch.onnx.export(pm, ins, path, input_names=names, output_names=["v"], dynamic_axes=dyn,
                          opset_version=args.opset, do_constant_folding=True)
        size32 = os.path.getsize(path)
        n16 = 0
        if args.fp16_weights == "always" or (args.fp16_weights == "auto" and size32 > 15.5e6):
            n16 = weights_to_fp16(path)
        onnx.checker.check_model(onnx.load(path))
        # also save reference I/O for the Node-side check
        write_ref(os.path.join(HERE, ".ckpt", f"{stage}_ref.json"), dict(zip(names, ins)), {"v": ref})
        files[stage] = {"path": f"{stage}.onnx", "sha256": sha256(path), "bytes": os.path.getsize(path),
                        "weights": "float16 (Cast to float32 in graph)" if n16 else "float32"}
        report[stage] = {"patch_err": err, "fp16_initializers": n16, "bytes_fp32": size32}
        train[stage] = {"steps": ck["step"], "batch": ck.get("batch"), "minutes": round(ck.get("train_seconds", 0) / 60, 1),
                        "params": ck.get("params"), "device": ck.get("device", "cpu"),
                        "finalLoss": ck["losses"][-1][1] if ck.get("losses") else None}
    cls_path = os.path.join(out, "classifier.onnx")
    if os.path.exists(cls_path):
        files["classifier"] = {"path": "classifier.onnx", "sha256": sha256(cls_path), "bytes": os.path.getsize(cls_path)}
    man_path = os.path.join(out, "manifest.json")
    old = json.load(open(man_path)) if os.path.exists(man_path) else {}
    vocab = json.load(open(os.path.join(out, "vocab.json")))
    manifest = {
        "id": "seedprint-tiny-v1",
        "version": time.strftime("%Y.%m.%d-%H%M", time.gmtime()),
        "files": files,
        "vocab": "vocab.json",
        "roles": vocab["roles"],
        "schedule": {"type": "cosine-continuous", "prediction": "v", "alpha": "cos(pi*t/2)", "sigma": "sin(pi*t/2)",
                     "tRange": [0, 1], "sampler": "DDIM (eta=0), t from 1 to 0 in `steps` uniform steps, clip x0 to [-1,1]"},
        "base": {"size": 64, "channels": 3, "range": [-1, 1], "inputs": {"x": "float32 [B,3,64,64]", "t": "float32 [B]", "tokens": "int64 [B,5]"},
                 "output": {"v": "float32 [B,3,64,64]"}, "nullToken": 0,
                 "guidance": "v = v_uncond + g*(v_cond - v_uncond); v_uncond uses tokens all 0"},
        "sr": {"factor": 4, "lowUpsample": "nearest", "noiseAugT": 0.0, "trainedNoiseAugT": [0, td.SR_AUG_MAX],
               "inputs": {"x": "float32 [B,3,H,W]", "low": "float32 [B,3,H,W]", "t": "float32 [B]"},
               "output": {"v": "float32 [B,3,H,W]"}, "multipleOf": 16, "trainedOn": "16->64 random torus crops of 32->128 periodic tiles",
               "guidance": "none (no text conditioning)", "recommendedSteps": 8},
        # measured on the held-out prompts (NOTES.md): DPM-Solver++(2M) at guidance 5 beat DDIM at 3
        "recommended": {"steps": 8, "guidance": 5, "scheduler": "dpmpp-2m"},
        "training": train,
        "dataLicences": [
            {"name": "Noto Emoji PNGs via npm emoji-datasource-google@16.0.0", "licence": "Apache-2.0",
             "url": "https://github.com/googlefonts/noto-emoji", "use": "artwork motifs in procedural training tiles"},
            {"name": "procedural geometric motifs (pattern_tiles.py)", "licence": "project-owned"}],
        "eval": {**old.get("eval", {}), **({"classifier": json.load(open(os.path.join(HERE, ".ckpt", "classifier.json")))}
                                          if os.path.exists(os.path.join(HERE, ".ckpt", "classifier.json")) else {})},
        "export": {"opset": args.opset, "torch": torch.__version__, "circularPadding": "explicit wrap (slice+concat) + zero-pad conv", **report},
    }
    with open(man_path, "w") as f:
        json.dump(manifest, f, indent=2)
    print(json.dumps(report))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "seedprint-tiny-v1"))
    ap.add_argument("--opset", type=int, default=17)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--fp16-weights", default="auto", choices=["auto", "always", "never"])
    export(ap.parse_args())
