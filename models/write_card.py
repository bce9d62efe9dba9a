"""Write models/seedprint-tiny-v1/MODEL_CARD.md from manifest.json and eval.json: the model as it is
(interface, data, licences, evaluation, how to retrain). Its history is in NOTES.md and git."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "data"))
import pattern_tiles as pt  # noqa: E402

sys.path.insert(0, HERE)
from repro import MODEL_DIR  # noqa: E402

OUT = MODEL_DIR


def eval_table(e):
    """The `npm run eval:model` figures (the ONNX pipeline the shop runs) against the issue's targets."""
    m, st = e["metrics"], e["settings"]
    def pct(v):
        return "n/a" if v is None else f"{100 * v:.1f} %"
    rows = [
        ("background colour = most frequent palette colour", pct(m["backgroundColourMatch"]), "colour ≥ 90 %"),
        ("motif colour among the top non-background colours", pct(m["motifColourMatch"]), "colour ≥ 90 %"),
        ("motif recognised by the classifier", f"{pct(m['motifAccuracy'])} (geometric {pct(m['geometric']['motifAccuracy'])}, artwork {pct(m['artwork']['motifAccuracy'])})", "≥ 75 %"),
        ("layout recognised by the classifier", pct(m["layoutAccuracy"]), "≥ 80 %"),
        ("scale recognised by the classifier", pct(m.get("classifierScaleAccuracy")), "—"),
        *([("ceiling: the classifier on clean renders of the same prompts, motif / layout",
            f"{pct(m['classifierCeiling']['motif'])} / {pct(m['classifierCeiling']['layout'])}", "—")] if m.get("classifierCeiling") else []),
        ("seam ratio (wrap-edge / interior neighbour difference), mean / p95", f"{m['seamRatio']:.3f} / {m['seamRatioP95']:.3f}",
         "within 10 % of 1 (clean renders: 1.73: cells that end on the border count here)"),
        *([("seam vs middle line (wrap-edge / middle-line difference, same content phase)", f"{m['seamVsMidline']:.3f}",
            "within 10 % of 1 (clean renders: 1.006)")] if m.get("seamVsMidline") is not None else []),
        ("diversity across seeds (mean abs pixel difference)", f"{m['diversity']:.3f}", "> 0"),
        *([("  the same after the best cyclic shift (the wallpapers' difference)", f"{m['diversityUpToShift']:.3f}", "> 0")]
          if m.get("diversityUpToShift") is not None else []),
    ]
    out = [f"`npm run eval:model` ({e['createdAt'][:16]} UTC): {st['prompts']} held-out prompts × {st['seedsPerPrompt']} seeds, "
           f"{st['scheduler']} {st['steps']} steps, guidance {st['guidance']}"
           f"{' at t ≥ ' + str(st['guidanceMinT']) + ' (none below)' if st.get('guidanceMinT') else ''}"
           f"{', seeds ' + str(st['seedStart']) + '…' if st.get('seedStart') not in (None, 1000) else ''}, ONNX pipeline of the shop.", "",
           "| measure | value | target |", "|---|---|---|"]
    out += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    # where the misses are (eval:model writes these breakdowns since 2026-11-23)
    for key, title in (("motifAccuracyByMotif", "Motif accuracy per motif"), ("motifAccuracyByScale", "Motif accuracy per scale"),
                       ("layoutAccuracyByLayout", "Layout accuracy per layout")):
        if m.get(key):
            cells = ", ".join(f"{w} {100 * v['accuracy']:.0f} %" for w, v in m[key].items())
            out += ["", f"{title} (images): {cells}."]
    return "\n".join(out)


def classifier_text(cls):
    """What the judge itself gets right: on fresh renders, and on clean renders of the eval prompts
    (the ceiling of the motif / layout figures below: a perfect generator scores this)."""
    def heads(a):
        keys = ("motif", "motifGeometric", "motifArtwork", "layout", "scale", "background", "motif_color")
        return ", ".join(f"{k} {100 * a[k]:.1f} %" for k in keys if k in a)
    out = [f"Classifier (`classifier.onnx`, {f(cls, 'params')} params, trained only on renders, {f(cls, 'steps')} steps of "
           f"batch {f(cls, 'batch')} on {f(cls, 'nTrain')} tiles):",
           f"* fresh renders (random labels, {f(cls, 'nTest')} tiles): {heads(cls.get('heldOutAccuracy', {}))};"]
    last = cls.get("lastRun")
    if last and last.get("resumed"):
        parts = [f"{last['steps']} steps at peak LR {last['lr']:g}", f"geometric tiles {100 * last['geoFrac']:.0f} % of each batch"]
        if last.get("motifBoost"):
            parts.append("drawn more: " + ", ".join(f"{k} ×{v:g}" for k, v in last["motifBoost"].items()))
        if last.get("prevNTrain") and last["prevNTrain"] < last["nTrain"]:
            parts.append(f"from {last['nTrain']} rendered tiles (the first {last['prevNTrain']} of them the earlier steps' set)")
        out.append(f"* its last run continued from {cls['steps'] - last['steps']} steps: " + ", ".join(parts) + ";")
    ep = cls.get("evalPromptRenderAccuracy")
    if ep:
        out.append(f"* clean renders of the eval prompts (2 seeds each) — the ceiling of the figures below: {heads(ep)}.")
        by = ep.get("motifByMotif", {})
        if by:
            out.append("* per motif on those renders: " + ", ".join(f"{k} {100 * v:.0f} %" for k, v in by.items()) + ".")
    return "\n".join(out)


def guidance_interval(rec):
    """The recommended guidance interval in words (empty when guidance runs at every step)."""
    t = rec.get("guidanceMinT")
    if not t:
        return ""
    return (f" at the steps with t ≥ {t} only (a guidance interval: below it the conditional prediction"
            " alone, at half the batch; recipes record `guidanceMinT`, and recipes without it are guided at every"
            " step as before). On the held-out eval it recognised 0.844 of the motifs against 0.746 for guidance 4"
            " at every step (4 seeds × 240 prompts each, seeds 2000–2003, not the seeds it was chosen on)")


def f(d, k, default="?"):
    v = d.get(k)
    return default if v is None else v


def main():
    man = json.load(open(os.path.join(OUT, "manifest.json")))
    vocab = json.load(open(os.path.join(OUT, "vocab.json")))
    tr = man.get("training", {})
    b, s, bh = tr.get("base", {}), tr.get("sr", {}), tr.get("baseHigh", {})
    expert = man.get("base", {}).get("highNoiseExpert")
    split = expert["fromT"] if expert else None
    rec = man.get("recommended", {})
    # the high-noise expert's lines in the card (empty without one)
    x_intro = x_file = x_iface = x_arch = x_train = ""
    if expert:
        x_intro = (f" (two networks: **baseHigh**, the high-noise expert, for t ≥ {split}, where the motif and the"
                   " layout are decided; **base** below)")
        x_file = "`baseHigh.onnx`, "
        x_iface = (f"| baseHigh.onnx | the same as base.onnx; the sampler calls it instead of base.onnx for every step with"
                   f" t ≥ {split} (`base.highNoiseExpert.fromT` in the manifest) | `v` float32 [B,3,64,64] |\n")
        x_arch = f"""* **baseHigh** ({f(bh, 'params')} params), the high-noise expert (eDiff-I-style ensemble of denoisers):
  the base's network plus a learned position embedding (96×16×16, added after the input conv;
  indexed on the torus of tokens, so tiles stay seamless). It started as a copy of the base and
  trained only on t ≥ {split}, on tiles where the renderer puts them (no random cyclic shift):
  grid, half-drop and diagonal layouts then have a fixed phase, so the expert can start a tile
  from a template instead of choosing a phase out of pure noise, the point where the single
  network lost the motif. The base then trained on t < {split} only.
"""
        x_train = (f"| baseHigh | {f(bh, 'steps')} | {f(bh, 'batch')} | {f(bh, 'minutes')} | {f(bh, 'params')} |"
                   f" {f(bh, 'finalLoss')} (t ≥ {split} only) | {f(bh, 'device')} |\n")
    cls = man.get("eval", {}).get("classifier", {})
    ev = man.get("eval", {})
    ts_eval = {}
    ep = os.path.join(OUT, "eval.json")  # written by `npm run eval:model -- --write-model-eval`
    if os.path.exists(ep):
        ts_eval = json.load(open(ep))

    card = f"""# seedprint-tiny-v1 — embedded text-to-pattern diffusion model

Small cascaded pixel-space diffusion model (Imagen / DeepFloyd-IF style) that turns a
structured prompt (5 role ids) into a **seamless** repeating pattern tile:

1. **base** — role-conditioned denoiser, 64×64 RGB tile{x_intro}.
2. **sr** — super-resolution denoiser ×4 conditioned on the low-res tile (64→256; fully
   convolutional, so it can be applied again 256→1024).

Every convolution uses circular padding (exported as `Pad(mode="wrap")` + a zero-padding conv), so every output
tile repeats seamlessly, at every stage.

Version `{man.get('version')}`. Files: `base.onnx`, {x_file}`sr.onnx`, `classifier.onnx` (eval only),
`vocab.json`, `manifest.json`, `eval_prompts.json`, `samples.png`.

## ONNX interface (fixed)

| file | inputs | output |
|---|---|---|
| base.onnx | `x` float32 [B,3,64,64] noisy image (data range [-1,1]); `t` float32 [B] continuous time in [0,1]; `tokens` int64 [B,5] role ids in role order, 0 = null | `v` float32 [B,3,64,64] |
{x_iface}| sr.onnx | `x` float32 [B,3,H,W] noisy high-res; `low` float32 [B,3,H,W] = low-res tile upsampled ×4 by **nearest** neighbour, in [-1,1]; `t` float32 [B] | `v` float32 [B,3,H,W] |
| classifier.onnx | `image` float32 [B,3,64,64] in [-1,1] | `motif` [B,{len(pt.MOTIFS)}], `layout` [B,4], `scale` [B,3], `background` [B,14], `motif_color` [B,15] logits |

B, H, W are dynamic (sr: H, W multiples of 16). Exported from torch {man.get('export', {}).get('torch')} at opset
{man.get('export', {}).get('opset')}, then moved to opset 19: torch's slice + concat wrap padding in front of each conv is
rewritten as one `Pad(mode="wrap")` (bit-identical, ~12 % faster in onnxruntime), and the PixelHead's first conv is
split in two so onnxruntime can use its blocked conv kernel (`export_onnx.py`). Large weight tensors of base.onnx are stored as float16 with a `Cast` to
float32 inside the graph (keeps the file < 16 MB); all inputs, outputs and arithmetic are float32.
ONNX Runtime (onnxruntime-node 1.30) output was checked against torch
(`scripts/model/check_onnx.mjs`).

Classifier output index mapping: `motif[i]` ↔ `vocab.words.motif[i+1]`, `layout[i]` ↔
`words.layout[i+1]`, `scale[i]` ↔ `words.scale[i+1]`, `background[i]` ↔ `words.background[i+1]`,
`motif_color[i]` ↔ `words.motif_color[i]` (0 = none: artwork motif).

## Schedule and sampler

v-prediction, cosine schedule in continuous time: `alpha = cos(pi t / 2)`, `sigma = sin(pi t / 2)`,
`z_t = alpha x0 + sigma eps`, `v = alpha eps - sigma x0`.

Recommended: UniPC (`unipc`, B(h) = e^h - 1, second order, corrector on every step but the last),
{rec.get('steps')} uniform steps t: 1 → 0, guidance {rec.get('guidance')}{guidance_interval(rec)}. At 8 steps on the eval it recognised more motifs than
DPM-Solver++(2M) (`dpmpp-2m`) at the same cost, and 10 UniPC steps about as many as 12 DPM++ steps;
with the high-noise expert, 8 UniPC steps scored as 10 (motif 0.471 vs 0.460, layout 0.860 vs 0.875);
recipes name their scheduler, so older ones still render with theirs. The first-order form of
every sampler is DDIM (eta = 0):

```
z ~ N(0, I)                       # t = 1
for i in 0..steps-1: t = 1 - i/steps, tn = 1 - (i+1)/steps
  v  = v(z,t,null) + g * (v(z,t,tokens) - v(z,t,null))   # null = tokens all 0; batch cond+uncond
  x0 = clip(alpha(t) z - sigma(t) v, -1, 1);  eps = sigma(t) z + alpha(t) v
  z  = alpha(tn) x0 + sigma(tn) eps
```

SR: `low` = nearest ×4 upsample of the 64 px base output; the same DDIM loop with
`sr(z, low, t)`, no guidance, 8 steps (`noiseAugT` = 0: pass the low-res tile as is; the model was
trained with low-res noise augmentation t_aug ~ U(0, {man.get('sr', {}).get('trainedNoiseAugT', ['?', '?'])[1]}) on 80% of samples, so it is tolerant to base-model artefacts).
A Python reference is `models/sample_torch.py`.

## Architecture

* **base** ({f(b, 'params')} params): 4×4 pixel packing (64×64×3 → 16×16×48), UNet with channels
  96 (16×16) and 160 (8×8), ResBlocks with GroupNorm + FiLM, self-attention in the 8×8 middle,
  nearest-upsample + conv decoder, zero-initialised output conv; conditioning = MLP(concat of 5
  per-role embeddings (48-d)) + MLP(sinusoidal time embedding) → FiLM scale/shift in every ResBlock.
  After unpacking, a full-resolution **PixelHead** (3×3 convs with 32 channels at 64×64, FiLM
  from the same conditioning, zero-initialised residual) sees the noisy pixels and the UNet's
  prediction side by side and corrects it locally: the packed UNet alone left visible grain.
{x_arch}* **sr** ({f(s, 'params')} params): 4×4 pixel packing of the noisy high-res image concatenated with
  the low-res tile (avg-pool 4 of `low`, which for nearest upsampling is exactly the low-res tile)
  at packed resolution; UNet channels 48/96, FiLM time conditioning, no attention (fully
  convolutional, any H, W multiple of 16).
* Circular padding on every 3×3 conv (and stride-2 convs).

## Vocabulary (`vocab.json`, format `seedprint-role-vocab/1`)

* `roles`: `{json.dumps(vocab['roles'])}` — the order of the 5 token ids.
* `words[role]`: the word list of each role; **index 0 = `<null>`** (unknown / not given),
  word *i* has id *i*. motif: {len(pt.MOTIFS)} words ({len(pt.GEOMETRIC)} geometric + {len(pt.EMOJI)} artwork), colours: 14, layouts: 4, scales: 3.
* `roleKinds`: which lexicon a role is filled from (`motif_color` and `background` both use
  `color`).
* `lexicon[kind]`: phrase → canonical word (canonical words, plurals, synonyms such as
  "kitty"/"kitten" → cat, "gray" → grey, "spots"/"polka dots" → dots, "stripy" → stripes,
  emoji names/short names). Phrases have up to `maxPhraseWords` words. Every phrase belongs to exactly one kind.
* `markers`: `backgroundAfter` = {vocab['markers']['backgroundAfter']} (a colour right after
  one of these is the background), `backgroundBefore` = {vocab['markers']['backgroundBefore']} (a colour right before one of these is the
  background), `motifColorBefore` = ["on"].
* `artworkMotifs`: motifs drawn from Noto emoji artwork, which keep their own colours; for
  them the motif colour is always null (id 0) in training and must be set to 0 by the parser.
* `examples`: prompts with the ids the reference parser produces (unit-test material).

## Prompt parser rules (reference: `parse()` in `models/make_vocab.py`)

1. Normalise: lowercase, `&` → " and ", every char outside `[a-z0-9' -]` → space, drop `'s`
   and apostrophes, split on whitespace.
2. Scan left to right; at each position take the **longest** phrase (≤ `maxPhraseWords` words)
   found in the lexicon (also trying the phrase with `-` replaced by a space), checking kinds in
   the order scale, layout, color, motif. A match becomes an item (kind, canonical word);
   an unmatched token becomes a marker item if it is one of the marker words, otherwise an
   "other" item (kept: it breaks adjacency).
3. For each colour item, look at the items directly before/after it:
   a. previous item is a `backgroundAfter` marker ("on", "over", "against", "background",
      "backdrop") → **background**;
   b. else next item is a `backgroundBefore` marker ("background", "backdrop", "ground", "base") → **background**;
   c. else next item is a motif or the marker "on" → **motif_color**;
   d. else the colour is unresolved.
   A role already filled keeps its first value.
4. Unresolved colours, in order: fill motif_color if still empty; otherwise fill background if
   still empty **and the prompt has no "on"**. (So a single colour with no "on" is the motif
   colour; "teal and cream stripes" → motif teal, background cream.)
5. motif, layout, scale: the first item of that kind.
6. If the motif is an artwork motif, motif_color := null.
7. Missing roles → id 0.

Examples: "small red hearts on navy, half-drop" → [hearts, red, navy, half-drop, small];
"navy hearts on red" → [hearts, navy, red, 0, 0]; "kittens on a pink background" →
[cat, 0, pink, 0, 0]; "tiny spots in white on black" → [dots, white, black, 0, small].

## Training data

Procedural, generated on the fly by `models/data/pattern_tiles.py`: exactly periodic tiles
defined on the unit torus, drawn with all wrap copies at 4× supersampling and box-filtered
(area) down, so one (labels, seed) renders the same tile at any size.

* motif: {', '.join(pt.GEOMETRIC)}; artwork: {', '.join(e[0] for e in pt.EMOJI)}.
* motif colour / background: {', '.join(pt.COLORS)} (pairs that are equal or too similar are never sampled; small RGB jitter).
* layout: grid, half-drop, scattered (jittered positions, random rotation and size), diagonal (dense rows along 45° lines, motifs rotated 45°). For line motifs: grid = horizontal, half-drop = vertical, diagonal = 45° lines, scattered = short rotated segments; checks: grid = checkerboard, half-drop = brick squares, diagonal = diamonds.
* scale: small / medium / large = 6 / 4 / 2 repeats per tile side.
* caption, e.g. "small red hearts on navy, half-drop"; artwork: "medium cats on pink, grid".
* Held out: the 240 (motif, motif colour, background) triples of `eval_prompts.json` are never
  rendered for training (`heldout_triples()`).
* Classifier-free guidance: each role dropped to null with p = 0.1 independently, all roles with p = 0.1.
* Augmentation: random cyclic shifts (exact for periodic tiles). Pool of 12k tiles in memory, 8% re-rendered every 250 steps.
* SR pairs: high-res = render at 128 px, low-res = exact 4×4 box downsample; trained on random 64×64 torus crops.

## Training figures

| stage | steps | batch | wall minutes | params | final loss (EMA of v-MSE) | device |
|---|---|---|---|---|---|---|
| base | {f(b, 'steps')} | {f(b, 'batch')} | {f(b, 'minutes')} | {f(b, 'params')} | {f(b, 'finalLoss')} | {f(b, 'device')} |
{x_train}| sr | {f(s, 'steps')} | {f(s, 'batch')} | {f(s, 'minutes')} | {f(s, 'params')} | {f(s, 'finalLoss')} | {f(s, 'device')} (1 thread, nice 10) |

AdamW (lr 4e-4, 300-step warm-up, wd 0.01, betas 0.9/0.99), grad clip 1, EMA 0.999 (exported).
The base draws t ~ U(0, 0.3) for 35 % of each batch. How each shipped network was trained, run
by run, is in manifest.json (`training.<network>.note`) and NOTES.md.

## How to retrain

One script runs the whole pipeline in order, from nothing: `models/train_all.py`.

```
/usr/bin/python3 models/train_all.py --check      # pinned packages only
/usr/bin/python3 models/train_all.py --dry-run    # pins, then every step's command
/usr/bin/python3 models/train_all.py --steps 2 --out /tmp/sp-smoke   # smoke run, minutes
/usr/bin/python3 models/train_all.py --eval       # the full recipe, then the held-out evaluation
```

* **Pinned packages** (`models/requirements.txt`, Debian 12 bookworm, amd64): Python 3.11.2,
  python3-torch 1.13.1+dfsg-4 (torch 1.13.0a0), python3-numpy 1:1.24.2-1+deb12u1,
  python3-onnx 1.12.0-2+b4, python3-pil 9.4.0-1.1+deb12u1, python3-protobuf 3.21.12-3+deb12u1.
  The script checks the Debian versions (where dpkg is present) and the versions the modules
  report before anything runs, and stops with exit code 2 and the differences on any mismatch.
* **Seeds**: every step seeds Python's, NumPy's and torch's generators (`models/repro.py`), asks
  torch for deterministic kernels (`torch.use_deterministic_algorithms`, cuDNN deterministic,
  cuBLAS workspace fixed) and runs with `PYTHONHASHSEED=0` and a fixed thread count (`--threads`,
  default 2). Seeds per network: base `--seed`, low-noise base `--seed`+1, SR `--seed`+100,
  expert `--seed`+200, classifier `--seed` (default 0). The classifier trains a fixed number of
  steps, not for a time budget.
* **Steps, in order**: `make_vocab.py` (vocab.json, eval_prompts.json); the base on every t to
  step 47607 (LR 4e-4, cosine to 1e-5); the high-noise expert, a copy of that base, on t ≥ 0.6 to
  step 98242 (LR 2e-4 cosine, geometric tiles 62 % of each batch, weak motifs drawn more); the
  base again on t < 0.6 to step 48797 (LR 2e-4 cosine); SR to step 37592; the classifier, 7739
  steps; `export_onnx.py` (ONNX files and manifest); `sample_torch.py` and `make_preview.py`
  (samples.png); with `--eval`, `npm run eval:model` on the new folder; `write_card.py`.
* **Where it writes**: the model to `--out` (default `models/.ckpt/seedprint-tiny-v1`; the
  shipped folder only when `--out` names it), checkpoints and caches to `--work` (default a
  `work` folder beside `--out`), which must start empty unless `--resume`.
* Step counts and schedules are those of the shipped networks; the shipped weights themselves
  came from a series of resumed runs on changing thread counts (NOTES.md), so a retrain gives a
  model of the same design and training length, not the same bytes.
* Continuing to train the shipped weights instead: `scripts/model/train.sh` (resumes from the
  ONNX weights via `models/ckpt_from_onnx.py`), then `scripts/model/export.sh`.

## Evaluation

{classifier_text(cls)}

{eval_table(ts_eval) if ts_eval else 'Samples: ' + json.dumps({k: v for k, v in ev.items() if k != 'classifier'})}

## Licences

* Noto Emoji artwork (npm `emoji-datasource-google@16.0.0`, `img/google/64`): Apache-2.0
  (https://github.com/googlefonts/noto-emoji). Used to render training tiles. Generated
  patterns may reproduce the emoji artwork closely (e.g. recognisable cats, lemons).
* Geometric motifs, renderer, model weights: project-owned.

## Limitations

* Trained for a short time on a shared CPU: motifs at small scale become blobs; artwork motifs
  are mostly recognisable by colour and silhouette only; layouts and colours are the most
  reliable roles.
* Only the 14 colours, 39 motifs, 4 layouts and 3 scales in the vocabulary; any other words
  are ignored by the parser.
* Artwork motifs keep their emoji colours; a motif colour given for them is ignored.
* The SR stage was trained on 16→64 crops of 32→128 tiles (same pixel statistics as 64→256);
  applying it twice (→1024) works mechanically but adds only sharpening, no new detail.
* 10 sampler steps (UniPC by default; DPM-Solver++(2M) and DDIM available); at 8 steps motifs are
  recognised less often (see the sampler sweep in NOTES.md), fewer steps are visibly noisy.
"""
    with open(os.path.join(OUT, "MODEL_CARD.md"), "w") as fh:
        fh.write(card)
    print("wrote MODEL_CARD.md")


if __name__ == "__main__":
    main()
