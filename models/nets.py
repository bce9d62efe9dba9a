"""Networks for seedprint-tiny-v1: text(role)-conditioned base UNet and SR UNet.

Every spatial convolution uses circular padding (seamless tiles).  At ONNX export time
`export_onnx.patch_circular` replaces circular padding by explicit wrap padding
(slice + concat) followed by a zero-padding conv, because torch 1.13 exports
padding_mode='circular' incorrectly.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

ROLE_SIZES_DEFAULT = [40, 15, 15, 5, 4]  # incl. index 0 = null


def conv3(cin, cout, stride=1):
    return nn.Conv2d(cin, cout, 3, stride=stride, padding=1, padding_mode="circular")


def gn(c):
    return nn.GroupNorm(8 if c % 8 == 0 else 4, c)


def pack(x, r):
    """pixel-unshuffle with reshape/permute only (exports with dynamic H, W)."""
    B, C, H, W = x.shape
    x = x.reshape(B, C, H // r, r, W // r, r)
    x = x.permute(0, 1, 3, 5, 2, 4)
    return x.reshape(B, C * r * r, H // r, W // r)


def unpack(x, r):
    B, C, H, W = x.shape
    c = C // (r * r)
    x = x.reshape(B, c, r, r, H, W)
    x = x.permute(0, 1, 4, 2, 5, 3)
    return x.reshape(B, c, H * r, W * r)


def timestep_embedding(t, dim):
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32, device=t.device) / half)
    args = (t.float() * 1000.0)[:, None] * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=1)


class ResBlock(nn.Module):
    def __init__(self, cin, cout, cdim):
        super().__init__()
        self.n1 = gn(cin)
        self.c1 = conv3(cin, cout)
        self.emb = nn.Linear(cdim, 2 * cout)
        self.n2 = gn(cout)
        self.c2 = conv3(cout, cout)
        nn.init.zeros_(self.c2.weight)
        nn.init.zeros_(self.c2.bias)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else nn.Identity()

    def forward(self, x, c):
        h = self.c1(F.silu(self.n1(x)))
        s, b = self.emb(c)[:, :, None, None].chunk(2, dim=1)
        h = self.n2(h) * (1 + s) + b
        h = self.c2(F.silu(h))
        return self.skip(x) + h


class Attn(nn.Module):
    """Self-attention over all positions (global context; periodic-agnostic)."""

    def __init__(self, c, heads=4):
        super().__init__()
        self.n = gn(c)
        self.qkv = nn.Conv2d(c, 3 * c, 1)
        self.o = nn.Conv2d(c, c, 1)
        nn.init.zeros_(self.o.weight)
        nn.init.zeros_(self.o.bias)
        self.h = heads

    def forward(self, x):
        B, C, H, W = x.shape
        q, k, v = self.qkv(self.n(x)).reshape(B, 3, self.h, C // self.h, H * W).unbind(1)
        a = torch.softmax(torch.einsum("bhdn,bhdm->bhnm", q, k) / math.sqrt(C // self.h), dim=-1)
        o = torch.einsum("bhnm,bhdm->bhdn", a, v).reshape(B, C, H, W)
        return x + self.o(o)


class UNet(nn.Module):
    def __init__(self, cin, cout, chans, nblocks, cdim, attn_levels=()):
        super().__init__()
        self.inc = conv3(cin, chans[0])
        self.down = nn.ModuleList()
        self.dsamp = nn.ModuleList()
        skips = []
        c = chans[0]
        for li, ch in enumerate(chans):
            blocks = nn.ModuleList()
            for _ in range(nblocks[li]):
                blocks.append(ResBlock(c, ch, cdim))
                c = ch
                skips.append(c)
            self.down.append(blocks)
            if li < len(chans) - 1:
                self.dsamp.append(conv3(c, chans[li + 1], stride=2))
                c = chans[li + 1]
        self.mid1 = ResBlock(c, c, cdim)
        self.mida = Attn(c) if len(chans) - 1 in attn_levels else nn.Identity()
        self.mid2 = ResBlock(c, c, cdim)
        self.up = nn.ModuleList()
        self.usamp = nn.ModuleList()
        for li in reversed(range(len(chans))):
            blocks = nn.ModuleList()
            for _ in range(nblocks[li]):
                blocks.append(ResBlock(c + skips.pop(), chans[li], cdim))
                c = chans[li]
            self.up.append(blocks)
            if li > 0:
                self.usamp.append(conv3(c, chans[li - 1]))
                c = chans[li - 1]
        self.attn_levels = attn_levels
        self.outn = gn(c)
        self.outc = conv3(c, cout)
        nn.init.zeros_(self.outc.weight)
        nn.init.zeros_(self.outc.bias)

    def forward(self, x, c, extra=None):
        h = self.inc(x)
        if extra is not None:
            h = h + extra
        hs = []
        for li, blocks in enumerate(self.down):
            for b in blocks:
                h = b(h, c)
                hs.append(h)
            if li < len(self.dsamp):
                h = self.dsamp[li](h)
        h = self.mid2(self.mida(self.mid1(h, c)), c)
        for ui, blocks in enumerate(self.up):
            for b in blocks:
                h = b(torch.cat([h, hs.pop()], dim=1), c)
            if ui < len(self.usamp):
                h = F.interpolate(h, scale_factor=2.0, mode="nearest")
                h = self.usamp[ui](h)
        return self.outc(F.silu(self.outn(h)))


class PixelHead(nn.Module):
    """Full-resolution refinement after the packed UNet: two 3x3 convs see the noisy pixels and
    the UNet's prediction side by side and correct it locally (pixel packing alone left
    visible grain: the packed UNet must denoise 16 pixels per token at once). The last conv is
    zero-initialised, so adding the head to a trained model leaves its output unchanged."""

    def __init__(self, cdim, hidden=32):
        super().__init__()
        self.stem = conv3(3, hidden)
        self.c1 = conv3(hidden + 3, hidden)
        self.emb = nn.Linear(cdim, 2 * hidden)
        self.n1 = gn(hidden)
        self.c2 = conv3(hidden, 3)
        nn.init.zeros_(self.c2.weight)
        nn.init.zeros_(self.c2.bias)

    def forward(self, x, v, c):
        h = self.c1(torch.cat([F.silu(self.stem(x)), v], dim=1))
        s, b = self.emb(c)[:, :, None, None].chunk(2, dim=1)
        h = self.n1(h) * (1 + s) + b
        return v + self.c2(F.silu(h))


class BaseModel(nn.Module):
    """x [B,3,64,64] noisy, t [B], tokens int64 [B,5] -> v [B,3,64,64]. patch x patch pixel packing,
    optional full-resolution PixelHead (head > 0 hidden channels), optional learned position
    embedding (pos=True): without one the network is shift-equivariant and cannot know where on
    the tile a grid's motifs sit, so from pure noise it has to break that symmetry itself, which
    is where it lost the motif; with one it can put them where the renderer does. The table is
    indexed on the torus of tokens, so tiles stay seamless. Zero-initialised: adding it leaves a
    trained model's output unchanged."""

    def __init__(self, role_sizes=ROLE_SIZES_DEFAULT, chans=(96, 192, 256), nblocks=(1, 2, 2), cdim=256, edim=96, patch=2, head=0,
                 pos=False, size=64):
        super().__init__()
        self.patch = patch
        self.pos = nn.Parameter(torch.zeros(1, chans[0], size // patch, size // patch)) if pos else None
        self.role_sizes = list(role_sizes)
        self.embs = nn.ModuleList([nn.Embedding(n, edim) for n in role_sizes])
        self.cond = nn.Sequential(nn.Linear(edim * len(role_sizes), cdim), nn.SiLU(), nn.Linear(cdim, cdim))
        self.temb = nn.Sequential(nn.Linear(128, cdim), nn.SiLU(), nn.Linear(cdim, cdim))
        self.unet = UNet(3 * patch * patch, 3 * patch * patch, list(chans), list(nblocks), cdim, attn_levels=(len(chans) - 1,))
        self.head = PixelHead(cdim, head) if head else None

    def forward(self, x, t, tokens):
        e = torch.cat([emb(tokens[:, i]) for i, emb in enumerate(self.embs)], dim=1)
        c = F.silu(self.cond(e) + self.temb(timestep_embedding(t, 128)))
        v = unpack(self.unet(pack(x, self.patch), c, self.pos), self.patch)
        return self.head(x, v, c) if self.head is not None else v


class SRModel(nn.Module):
    """x [B,3,H,W] noisy hi-res, low [B,3,H,W] (nearest-upsampled low-res), t [B] -> v.
    4x4 pixel packing; the low-res image enters at packed resolution (avg-pool 4 of `low`
    == the low-res tile itself for nearest upsampling)."""

    def __init__(self, chans=(96, 192), nblocks=(2, 2), cdim=192):
        super().__init__()
        self.temb = nn.Sequential(nn.Linear(128, cdim), nn.SiLU(), nn.Linear(cdim, cdim))
        self.unet = UNet(48 + 3, 48, list(chans), list(nblocks), cdim, attn_levels=())
        self.lowskip = True

    def forward(self, x, low, t):
        c = F.silu(self.temb(timestep_embedding(t, 128)))
        lo = F.avg_pool2d(low, 4)
        return unpack(self.unet(torch.cat([pack(x, 4), lo], dim=1), c), 4)


def nparams(m):
    return sum(p.numel() for p in m.parameters())
