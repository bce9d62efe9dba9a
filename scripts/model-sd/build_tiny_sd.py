"""A TINY random-weight Stable-Diffusion-style ONNX folder (same input/output signature as a
diffusers/optimum SD export), for testing the sd-onnx backend without real weights (< 300 kB).

  /usr/bin/python3 scripts/model-sd/build_tiny_sd.py tests/generation/fixtures/tiny-sd

Layout:
  text_encoder/model.onnx  input_ids int32 [B,77] -> last_hidden_state [B,77,32], pooler_output [B,32]
  unet/model.onnx          sample f32 [B,4,h,w], timestep int64 [B], encoder_hidden_states f32 [B,77,32] -> out_sample
  vae_decoder/model.onnx   latent_sample f32 [B,4,h,w] -> sample f32 [B,3,8h,8w]
  tokenizer/vocab.json, merges.txt   (CLIP byte-level BPE, tiny merge table learned here)
  scheduler/scheduler_config.json, model_index.json
"""
import collections
import json
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

D = 32


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


def learn_bpe(corpus, n_merges):
    words = collections.Counter()
    for line in corpus:
        for w in line.lower().split():
            words[tuple(w[:-1]) + (w[-1] + "</w>",)] += 1
    merges = []
    for _ in range(n_merges):
        pairs = collections.Counter()
        for w, c in words.items():
            for a, b in zip(w, w[1:]):
                pairs[(a, b)] += c
        if not pairs:
            break
        (a, b), _ = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
        merges.append((a, b))
        nw = collections.Counter()
        for w, c in words.items():
            out, i = [], 0
            while i < len(w):
                if i < len(w) - 1 and w[i] == a and w[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(w[i])
                    i += 1
            nw[tuple(out)] += c
        words = nw
    return merges


class TextEncoder(nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        self.tok = nn.Embedding(vocab_size, D)
        self.pos = nn.Parameter(torch.randn(77, D) * 0.02)
        self.mix = nn.Linear(D, D)
        self.ln = nn.LayerNorm(D)

    def forward(self, input_ids):
        h = self.tok(input_ids.long()) + self.pos[None]
        h = self.ln(h + torch.tanh(self.mix(h)))
        return h, h[:, -1]


class UNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp = nn.Conv2d(4, 16, 3, padding=1)
        self.t = nn.Linear(16, 16)
        self.ctx = nn.Linear(D, 16)
        self.out = nn.Conv2d(16, 4, 3, padding=1)

    def forward(self, sample, timestep, encoder_hidden_states):
        t = timestep.float()[:, None] / 1000.0
        temb = torch.cat([torch.sin(t * torch.arange(1, 9).float()), torch.cos(t * torch.arange(1, 9).float())], dim=1)
        h = F.silu(self.inp(sample))
        h = h + self.t(temb)[:, :, None, None] + self.ctx(encoder_hidden_states.mean(dim=1))[:, :, None, None]
        return self.out(h)


class VaeDecoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(4, 3 * 64, 3, padding=1)

    def forward(self, latent_sample):
        return torch.tanh(F.pixel_shuffle(self.conv(latent_sample), 8))


def main(out):
    torch.manual_seed(7)
    for d in ["text_encoder", "unet", "vae_decoder", "tokenizer", "scheduler"]:
        os.makedirs(os.path.join(out, d), exist_ok=True)
    corpus = ["red hearts on navy", "a seamless pattern of sunflowers", "small yellow stars on a blue background",
              "cats and dogs", "stripes checks dots waves", "photo of a cat, high quality, detailed"] * 3
    merges = learn_bpe(corpus, 120)
    b2u = bytes_to_unicode()
    vocab = {}
    for ch in b2u.values():
        vocab[ch] = len(vocab)
    for ch in b2u.values():
        vocab[ch + "</w>"] = len(vocab)
    for a, b in merges:
        vocab.setdefault(a + b, len(vocab))
    vocab["<|startoftext|>"] = len(vocab)
    vocab["<|endoftext|>"] = len(vocab)
    with open(os.path.join(out, "tokenizer", "vocab.json"), "w") as f:
        json.dump(vocab, f, ensure_ascii=False)
    with open(os.path.join(out, "tokenizer", "merges.txt"), "w") as f:
        f.write("#version: 0.2\n" + "\n".join(f"{a} {b}" for a, b in merges) + "\n")
    with open(os.path.join(out, "tokenizer", "tokenizer_config.json"), "w") as f:
        json.dump({"model_max_length": 77, "pad_token": "<|endoftext|>"}, f)
    with open(os.path.join(out, "scheduler", "scheduler_config.json"), "w") as f:
        json.dump({"_class_name": "EulerDiscreteScheduler", "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear",
                   "num_train_timesteps": 1000, "prediction_type": "epsilon", "timestep_spacing": "trailing"}, f)
    with open(os.path.join(out, "model_index.json"), "w") as f:
        json.dump({"_class_name": "OnnxStableDiffusionPipeline", "_name_or_path": "seedprint/tiny-sd-random"}, f)
    with open(os.path.join(out, "seedprint.json"), "w") as f:
        json.dump({"id": "tiny-sd-random", "steps": 4, "guidance": 2.0, "size": 64, "scheduler": "ddim"}, f)
    te, un, va = TextEncoder(len(vocab)).eval(), UNet().eval(), VaeDecoder().eval()
    with torch.no_grad():
        torch.onnx.export(te, (torch.zeros(2, 77, dtype=torch.int32),), os.path.join(out, "text_encoder", "model.onnx"),
                          input_names=["input_ids"], output_names=["last_hidden_state", "pooler_output"],
                          dynamic_axes={"input_ids": {0: "B"}, "last_hidden_state": {0: "B"}, "pooler_output": {0: "B"}}, opset_version=17)
        torch.onnx.export(un, (torch.randn(2, 4, 8, 8), torch.tensor([999, 999], dtype=torch.long), torch.randn(2, 77, D)),
                          os.path.join(out, "unet", "model.onnx"), input_names=["sample", "timestep", "encoder_hidden_states"],
                          output_names=["out_sample"],
                          dynamic_axes={"sample": {0: "B", 2: "h", 3: "w"}, "timestep": {0: "B"}, "encoder_hidden_states": {0: "B"},
                                        "out_sample": {0: "B", 2: "h", 3: "w"}}, opset_version=17)
        torch.onnx.export(va, (torch.randn(1, 4, 8, 8),), os.path.join(out, "vae_decoder", "model.onnx"),
                          input_names=["latent_sample"], output_names=["sample"],
                          dynamic_axes={"latent_sample": {0: "B", 2: "h", 3: "w"}, "sample": {0: "B", 2: "H", 3: "W"}}, opset_version=17)
    total = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(out) for f in fs)
    print(f"tiny SD written to {out}: {total} bytes, vocab {len(vocab)}, merges {len(merges)}")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "tests", "generation", "fixtures", "tiny-sd"))
