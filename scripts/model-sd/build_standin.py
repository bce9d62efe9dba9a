"""Random-weight stand-in for models/seedprint-tiny-v1 with the SAME ONNX interface.

Used by tests and development until (or when) the trained model is absent. It produces
noise-like tiles, not pictures; it only exists so the TypeScript pipeline (parsing, sampling,
guidance, PNG/recipe plumbing, SR, classifier) can be built and tested end to end.

  /usr/bin/python3 scripts/model-sd/build_standin.py tests/generation/fixtures/standin

Interface (fixed, see MODEL_CARD.md of the real model):
  base.onnx        x f32[B,3,64,64], t f32[B], tokens i64[B,5] -> v f32[B,3,64,64]
  sr.onnx          x f32[B,3,H,W], low f32[B,3,H,W], t f32[B] -> v f32[B,3,H,W]
  classifier.onnx  image f32[B,3,64,64] -> motif [B,NM], layout [B,NL]
Circular padding is written as explicit wrap padding (slice + concat) followed by a
zero-padding conv, because torch 1.13 exports padding_mode='circular' wrongly.
"""
import hashlib
import json
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "models", "data"))
import pattern_tiles as pt  # noqa: E402  (word lists shared with the training data)


def wrap_pad(x, p):
    # circular padding by slicing + concatenation (exports correctly)
    x = torch.cat([x[:, :, -p:, :], x, x[:, :, :p, :]], dim=2)
    return torch.cat([x[:, :, :, -p:], x, x[:, :, :, :p]], dim=3)


class CConv(nn.Module):
    def __init__(self, cin, cout, k=3):
        super().__init__()
        self.p = k // 2
        self.conv = nn.Conv2d(cin, cout, k, padding=0)

    def forward(self, x):
        return self.conv(wrap_pad(x, self.p) if self.p else x)


def t_embed(t, dim):
    half = dim // 2
    freqs = torch.exp(-torch.arange(half, dtype=torch.float32) * (4.0 / half))
    a = t[:, None] * 1000.0 * freqs[None]
    return torch.cat([torch.sin(a), torch.cos(a)], dim=1)


class Base(nn.Module):
    def __init__(self, vocab_sizes, ch=24):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(n + 1, 32) for n in vocab_sizes])
        self.cond = nn.Linear(32 + 32, 2 * ch)
        self.inp = CConv(12, ch)
        self.mid = CConv(ch, ch)
        self.out = CConv(ch, 12)

    def forward(self, x, t, tokens):
        e = sum(emb(tokens[:, i]) for i, emb in enumerate(self.embs))
        c = self.cond(torch.cat([e, t_embed(t, 32)], dim=1))
        scale, shift = c.chunk(2, dim=1)
        h = F.pixel_unshuffle(x, 2)
        h = F.silu(self.inp(h))
        h = h * (1 + scale[:, :, None, None]) + shift[:, :, None, None]
        h = F.silu(self.mid(h)) + h
        return F.pixel_shuffle(self.out(h), 2)


class SR(nn.Module):
    def __init__(self, ch=16):
        super().__init__()
        self.tl = nn.Linear(32, ch)
        self.inp = CConv(6, ch)
        self.out = CConv(ch, 3)

    def forward(self, x, low, t):
        h = F.silu(self.inp(torch.cat([x, low], dim=1)))
        h = h + self.tl(t_embed(t, 32))[:, :, None, None]
        return self.out(h)


class Classifier(nn.Module):
    def __init__(self, n_motif, n_layout):
        super().__init__()
        self.c1 = CConv(3, 16)
        self.c2 = CConv(16, 32)
        self.motif = nn.Linear(32, n_motif)
        self.layout = nn.Linear(32, n_layout)

    def forward(self, image):
        h = F.avg_pool2d(F.silu(self.c1(image)), 2)
        h = F.silu(self.c2(h)).mean(dim=(2, 3))
        return self.motif(h), self.layout(h)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(20261123)
    sizes = [len(pt.MOTIFS), len(pt.COLORS), len(pt.COLORS), len(pt.LAYOUTS), len(pt.SCALES)]
    base, sr, clf = Base(sizes).eval(), SR().eval(), Classifier(len(pt.MOTIFS), len(pt.LAYOUTS)).eval()
    B = 2
    with torch.no_grad():
        torch.onnx.export(
            base, (torch.randn(B, 3, 64, 64), torch.rand(B), torch.zeros(B, 5, dtype=torch.long)),
            os.path.join(out, "base.onnx"), input_names=["x", "t", "tokens"], output_names=["v"],
            dynamic_axes={"x": {0: "B"}, "t": {0: "B"}, "tokens": {0: "B"}, "v": {0: "B"}}, opset_version=17)
        torch.onnx.export(
            sr, (torch.randn(B, 3, 64, 64), torch.randn(B, 3, 64, 64), torch.rand(B)),
            os.path.join(out, "sr.onnx"), input_names=["x", "low", "t"], output_names=["v"],
            dynamic_axes={"x": {0: "B", 2: "H", 3: "W"}, "low": {0: "B", 2: "H", 3: "W"}, "t": {0: "B"},
                          "v": {0: "B", 2: "H", 3: "W"}}, opset_version=17)
        torch.onnx.export(
            clf, (torch.randn(B, 3, 64, 64),), os.path.join(out, "classifier.onnx"),
            input_names=["image"], output_names=["motif", "layout"],
            dynamic_axes={"image": {0: "B"}, "motif": {0: "B"}, "layout": {0: "B"}}, opset_version=17)

    # the same vocab.json format and content as the real model (models/make_vocab.py)
    sys.path.insert(0, os.path.join(REPO, "models"))
    import make_vocab  # noqa: E402
    vocab = make_vocab.build_vocab()
    vocab["examples"] = [{"prompt": p, "ids": make_vocab.parse(p, vocab)[0]} for p in
                         ["small red hearts on navy, half-drop", "navy hearts on red", "kittens on a pink background"]]
    with open(os.path.join(out, "vocab.json"), "w") as f:
        json.dump(vocab, f, indent=1, sort_keys=True)
    files = {k: {"path": f"{k}.onnx" if k != "vocab" else "vocab.json"} for k in ["base", "sr", "classifier", "vocab"]}
    for k, v in files.items():
        v["sha256"] = sha256(os.path.join(out, v["path"]))
    manifest = {
        "id": "seedprint-standin-random",
        "version": "0.0.0",
        "description": "random weights, same interface as seedprint-tiny-v1 (tests only)",
        "files": files,
        "resolution": 64,
        "prediction": "v",
        "schedule": "cosine",
        "sr": {"factor": 4, "upsample": "nearest", "steps": 2},
        "defaults": {"steps": 8, "guidance": 3.0, "guidanceMinT": 0.6, "scheduler": "ddim"},
    }
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
    # reference output for an ONNX-vs-torch parity check
    print(json.dumps({k: v["sha256"][:12] for k, v in files.items()}))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "tests", "generation", "fixtures", "standin"))
