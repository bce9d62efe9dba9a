"""Export EMA weights of seedprint-tiny-v1 to ONNX + write manifest.json.

  /usr/bin/python3 models/export_onnx.py [--out models/seedprint-tiny-v1] [--fp16-weights auto]

torch 1.13 exports padding_mode='circular' wrongly, so every circular conv is replaced by
explicit wrap padding (slice + concat) followed by a zero-padding conv (`patch_circular`),
and the patched module is checked against the original in torch (max abs err printed).
The graph is then rewritten so each slice+concat pair becomes one `Pad(mode="wrap")` (opset 19,
`wrap_pads_to_pad_op`): same values, ~12 % less time per UNet call in onnxruntime.
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
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "data"))
from repro import MODEL_DIR, WORK  # noqa: E402


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


def split_pixel_head_input(model):
    """PixelHead.c1 sees concat(stem features (32 ch), v (3 ch)): 35 input channels keep
    onnxruntime from using its blocked (NCHWc) conv kernel for the most expensive conv of the
    base model. c1(concat(a, v)) == c1a(a) + c1b(v) (a conv is linear), so export it as two convs
    and an add: same values up to float rounding, faster."""
    head = getattr(model, "head", None)
    if head is None:
        return
    conv = head.c1.conv
    k = head.stem.conv.out_channels

    def part(w, bias):
        c = nn.Conv2d(w.shape[1], w.shape[0], 3, padding=1, padding_mode="circular", bias=bias is not None)
        c.weight = nn.Parameter(w.detach().clone())
        if bias is not None:
            c.bias = nn.Parameter(bias.detach().clone())
        return WrapConv(c)

    head.c1a = part(conv.weight[:, :k], conv.bias)
    head.c1b = part(conv.weight[:, k:], None)

    def forward(x, v, c):
        h = head.c1a(F.silu(head.stem(x))) + head.c1b(v)
        s, b = head.emb(c)[:, :, None, None].chunk(2, dim=1)
        h = head.n1(h) * (1 + s) + b
        return v + head.c2(F.silu(h))

    head.forward = forward
    del head.c1


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


def wrap_pads_to_pad_op(path):
    """Rewrite Concat[Slice(X), X, Slice(X)] on H then W in front of a Conv (WrapConv's export)
    into one Pad(X, mode="wrap") (ONNX opset 19; torch 1.13 can only export up to opset 17).
    onnxruntime runs one Pad much faster than four Slices and two Concats, and the output is
    bit-identical. Returns the number of convs rewritten."""
    import onnx
    from onnx import helper, numpy_helper
    model = onnx.load(path)
    g = model.graph
    producer = {o: n for n in g.node for o in n.output}
    consts = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    consts.update({n.output[0]: numpy_helper.to_array(n.attribute[0].t) for n in g.node if n.op_type == "Constant"})

    def attr(n, k):
        return next((helper.get_attribute_value(a) for a in n.attribute if a.name == k), None)

    def wrap_source(name, axis):
        """name = Concat(axis)[Slice(X) of width 1, X, Slice(X) of width 1] -> X, else None."""
        c = producer.get(name)
        if c is None or c.op_type != "Concat" or attr(c, "axis") != axis or len(c.input) != 3:
            return None
        a, x, b = c.input
        for s in (producer.get(a), producer.get(b)):
            if s is None or s.op_type != "Slice" or s.input[0] != x:
                return None
            start, end = (int(np.asarray(consts[i]).reshape(-1)[0]) for i in s.input[1:3])
            if not ((start, end) == (-1, 2 ** 63 - 1) or (start, end) == (0, 1)):
                return None  # only pad 1 (all 3x3 convs here)
        return x

    nodes, n = [], 0
    for node in g.node:
        if node.op_type == "Conv":
            x3 = wrap_source(node.input[0], 3)
            x = wrap_source(x3, 2) if x3 else None
            if x is not None:
                pads = node.name + "_wrap_pads"
                g.initializer.append(numpy_helper.from_array(np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64), pads))
                out = node.name + "_wrapped"
                nodes.append(helper.make_node("Pad", [x, pads], [out], mode="wrap", name=node.name + "_wrap"))
                node.input[0] = out
                n += 1
        nodes.append(node)
    # drop the now unused Slice/Concat nodes (and constants), keeping topological order
    needed = {o.name for o in g.output}
    keep = []
    for node in reversed(nodes):
        if any(o in needed for o in node.output):
            keep.append(node)
            needed.update(i for i in node.input if i)
    del g.node[:]
    g.node.extend(reversed(keep))
    inits = [i for i in g.initializer if i.name in needed]
    del g.initializer[:]
    g.initializer.extend(inits)
    # Opset 18 moved the Reduce* ops' `axes` from an attribute to an input: a graph that still
    # has the attribute would change meaning; this model has none (GroupNorm exports as
    # InstanceNormalization), and scripts/model/check_onnx.mjs compares the result with torch.
    moved = [n.name for n in keep if n.op_type.startswith("Reduce") and any(a.name == "axes" for a in n.attribute)]
    if moved:
        raise SystemExit(f"cannot move {path} to opset 19: Reduce ops with an axes attribute: {moved[:3]}")
    for op in model.opset_import:
        if op.domain in ("", "ai.onnx"):
            op.version = 19  # for Pad's wrap mode
    onnx.save(model, path)
    return n


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
    from sample_torch import ckpt_dir, load
    torch.set_num_threads(args.threads)
    out = args.out
    os.makedirs(out, exist_ok=True)
    report = {}
    files = {}
    train = {}
    man_path = os.path.join(out, "manifest.json")
    old = json.load(open(man_path)) if os.path.exists(man_path) else {}
    old_train = old.get("training", {})
    notes = dict(kv.split("=", 1) for kv in args.note)
    unknown = set(notes) - set(td.FILE_KEYS.values())
    if unknown:
        raise SystemExit(f"--note for an unknown stage: {sorted(unknown)} (stages: {sorted(td.FILE_KEYS.values())})")
    for stage in ("base", "base-hi", "sr"):
        if not os.path.exists(os.path.join(ckpt_dir(), f"{stage}.pt")):
            print("no checkpoint for", stage)
            continue
        m, ck = load(stage)
        pm, n = patch_circular(m)
        split_pixel_head_input(pm)
        pm.eval()
        g = torch.Generator().manual_seed(0)
        if stage.startswith("base"):
            x = torch.randn(2, 3, 64, 64, generator=g)
            t = torch.tensor([0.3, 0.9]) if stage == "base" else torch.tensor([0.65, 0.95])
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
        key = td.FILE_KEYS[stage]
        path = os.path.join(out, f"{key}.onnx")
        torch.onnx.export(pm, ins, path, input_names=names, output_names=["v"], dynamic_axes=dyn,
                          opset_version=args.opset, do_constant_folding=True)
        onnx.checker.check_model(onnx.load(path))  # (before the opset-19 rewrite: onnx 1.12 checks up to 17)
        nwrap = wrap_pads_to_pad_op(path)
        size32 = os.path.getsize(path)
        n16 = 0
        if args.fp16_weights == "always" or (args.fp16_weights == "auto" and size32 > 15.5e6):
            n16 = weights_to_fp16(path)
        # also save reference I/O for the Node-side check
        write_ref(os.path.join(WORK, f"{key}_ref.json"), dict(zip(names, ins)), {"v": ref})
        files[key] = {"path": f"{key}.onnx", "sha256": sha256(path), "bytes": os.path.getsize(path),
                        "weights": "float16 (Cast to float32 in graph)" if n16 else "float32"}
        report[key] = {"patch_err": err, "fp16_initializers": n16, "bytes_fp32": size32, "wrap_pads": nwrap}
        train[key] = {"steps": ck["step"], "batch": ck.get("batch"), "minutes": round(ck.get("train_seconds", 0) / 60, 1),
                        "params": ck.get("params"), "device": ck.get("device", "cpu"),
                        "finalLoss": ck["losses"][-1][1] if ck.get("losses") else None}
        # each stage keeps its training history from the previous manifest; --note appends to it
        note = " ".join(x for x in (old_train.get(key, {}).get("note", ""), notes.get(key, "")) if x)
        if note:
            train[key]["note"] = note
    cls_path = os.path.join(out, "classifier.onnx")
    if os.path.exists(cls_path):
        files["classifier"] = {"path": "classifier.onnx", "sha256": sha256(cls_path), "bytes": os.path.getsize(cls_path)}
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
                 "guidance": "v = v_uncond + g*(v_cond - v_uncond); v_uncond uses tokens all 0",
                 **({"highNoiseExpert": {"file": "baseHigh", "fromT": td.HI_T_SPLIT,
                                         "use": "baseHigh.onnx (same inputs/outputs) denoises every step with t >= fromT, base.onnx the rest"}}
                    if "baseHigh" in files else {})},
        "sr": {"factor": 4, "lowUpsample": "nearest", "noiseAugT": 0.0, "trainedNoiseAugT": [0, td.SR_AUG_MAX],
               "inputs": {"x": "float32 [B,3,H,W]", "low": "float32 [B,3,H,W]", "t": "float32 [B]"},
               "output": {"v": "float32 [B,3,H,W]"}, "multipleOf": 16, "trainedOn": "16->64 random torus crops of 32->128 periodic tiles",
               "guidance": "none (no text conditioning)", "recommendedSteps": 8},
        # measured on the held-out prompts (NOTES.md): DPM-Solver++(2M) beat DDIM; at step 28019
        # guidance 4 beat 3, 5 and 6 on motif accuracy; with the high-noise expert UniPC 8 steps
        # scored as 10 (motif 0.471 vs 0.460, layout 0.860 vs 0.875) for 20 % less time. Then
        # guidance 3 at t >= 0.6 only (a guidance interval; none on the low-noise steps) scored motif
        # 0.844 vs 0.746 for guidance 4 at every step (960 images each), and halves those steps' batch
        "recommended": ({"steps": 8, "guidance": 3, "guidanceMinT": 0.6, "scheduler": "unipc"} if "baseHigh" in files
                        else {"steps": 10, "guidance": 4, "scheduler": "unipc"}),
        "training": train,
        "dataLicences": [
            {"name": "Noto Emoji PNGs via npm emoji-datasource-google@16.0.0", "licence": "Apache-2.0",
             "url": "https://github.com/googlefonts/noto-emoji", "use": "artwork motifs in procedural training tiles"},
            {"name": "procedural geometric motifs (pattern_tiles.py)", "licence": "project-owned"}],
        "eval": {**old.get("eval", {}), **({"classifier": json.load(open(os.path.join(WORK, "classifier.json")))}
                                          if os.path.exists(os.path.join(WORK, "classifier.json")) else {})},
        "export": {"opset": args.opset, "graphOpset": 19, "torch": torch.__version__, "circularPadding": "Pad(mode=wrap) + zero-pad conv (opset 19)", **report},
    }
    with open(man_path, "w") as f:
        json.dump(manifest, f, indent=2)
    print(json.dumps(report))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=MODEL_DIR)
    ap.add_argument("--opset", type=int, default=17)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--fp16-weights", default="auto", choices=["auto", "always", "never"])
    ap.add_argument("--note", action="append", default=[], metavar="STAGE=TEXT",
                    help="appends TEXT to STAGE's training history (base, baseHigh, sr) in the manifest and model card: resume point, LR schedule, threads")
    export(ap.parse_args())
