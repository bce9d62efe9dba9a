"""Make a Stable-Diffusion-style ONNX folder tileable (seamless) by graph surgery.

Every 2-D Conv with non-zero padding in unet/model.onnx and vae_decoder/model.onnx gets its
padding replaced by explicit wrap-around padding (Slice + Concat along H and W, then pads=0),
the graph-level equivalent of torch's padding_mode='circular' (what "seamless tiling" options
of SD front-ends do). Attention and normalisation layers are global and need no change.
Then seedprint.json gets "tileable": true, so recipes from this folder say tileable.

  /usr/bin/python3 scripts/model-sd/make_tileable.py SRC_DIR DST_DIR

DST_DIR gets a copy of SRC_DIR with the two graphs rewritten (external weight files are kept
external). Needs the `onnx` Python package (1.12+ is enough: only Slice/Concat are added).
"""
import json
import os
import shutil
import sys

import onnx
from onnx import helper, numpy_helper
import numpy as np


def _const(graph, name, values):
    t = numpy_helper.from_array(np.array(values, dtype=np.int64), name)
    graph.initializer.append(t)
    return name


def wrap_conv_padding(model):
    g = model.graph
    new_nodes = []
    n_changed = 0
    for node in g.node:
        if node.op_type != "Conv":
            new_nodes.append(node)
            continue
        attrs = {a.name: a for a in node.attribute}
        pads = list(attrs["pads"].ints) if "pads" in attrs else None
        auto_pad = attrs["auto_pad"].s.decode() if "auto_pad" in attrs else "NOTSET"
        if auto_pad not in ("NOTSET", "") or not pads or len(pads) != 4 or not any(pads):
            new_nodes.append(node)
            continue
        top, left, bottom, right = pads[0], pads[1], pads[2], pads[3]
        x = node.input[0]
        base = f"{node.name or node.output[0]}_wrap"
        cur = x
        # rows (axis 2): [last `top` rows] + x + [first `bottom` rows]
        for axis, lo, hi in ((2, top, bottom), (3, left, right)):
            parts = []
            if lo:
                s = f"{base}_a{axis}_lo"
                new_nodes.append(helper.make_node("Slice", [cur, _const(g, s + "_st", [-lo]), _const(g, s + "_en", [np.iinfo(np.int64).max]), _const(g, s + "_ax", [axis])], [s]))
                parts.append(s)
            parts.append(cur)
            if hi:
                s = f"{base}_a{axis}_hi"
                new_nodes.append(helper.make_node("Slice", [cur, _const(g, s + "_st", [0]), _const(g, s + "_en", [hi]), _const(g, s + "_ax", [axis])], [s]))
                parts.append(s)
            out = f"{base}_a{axis}"
            new_nodes.append(helper.make_node("Concat", parts, [out], axis=axis))
            cur = out
        node.input[0] = cur
        for a in node.attribute:
            if a.name == "pads":
                del a.ints[:]
                a.ints.extend([0, 0, 0, 0])
        new_nodes.append(node)
        n_changed += 1
    del g.node[:]
    g.node.extend(new_nodes)
    return n_changed


def convert(path_in, path_out):
    model = onnx.load(path_in)  # loads external data too
    n = wrap_conv_padding(model)
    big = model.ByteSize() > 1_800_000_000 if hasattr(model, "ByteSize") else False
    if big:
        onnx.save_model(model, path_out, save_as_external_data=True, all_tensors_to_one_file=True, location=os.path.basename(path_out) + "_data")
    else:
        onnx.save_model(model, path_out)
    return n


def main(src, dst):
    if os.path.abspath(src) != os.path.abspath(dst):
        shutil.copytree(src, dst, dirs_exist_ok=True)
    counts = {}
    for sub in ("unet", "vae_decoder"):
        p_in = os.path.join(src, sub, "model.onnx")
        p_out = os.path.join(dst, sub, "model.onnx")
        counts[sub] = convert(p_in, p_out)
    cfg_path = os.path.join(dst, "seedprint.json")
    cfg = json.load(open(cfg_path)) if os.path.exists(cfg_path) else {}
    cfg["tileable"] = True
    if "id" in cfg and not str(cfg["id"]).endswith("-tileable"):
        cfg["id"] = f"{cfg['id']}-tileable"
    json.dump(cfg, open(cfg_path, "w"), indent=1)
    print(json.dumps({"convs_rewritten": counts, "out": dst}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])
