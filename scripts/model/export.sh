#!/usr/bin/env bash
# Export the latest EMA checkpoints to models/seedprint-tiny-v1/ (base.onnx, baseHigh.onnx, sr.onnx, manifest.json),
# write the sample preview and the model card. Training may keep running meanwhile.
#   [NOTE="baseHigh=91525 → 98242, LR …"] scripts/model/export.sh [--eval]
# NOTE (STAGE=TEXT, STAGE one of base, baseHigh, sr) is appended to that network's training history.
# Verify with ONNX Runtime: node scripts/model/check_onnx.mjs (needs onnxruntime-node).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-/usr/bin/python3}
# snapshot the checkpoints so export, samples and eval all use the same weights
mkdir -p models/.ckpt/export
rm -f models/.ckpt/export/*.pt
cp models/.ckpt/base.pt models/.ckpt/sr.pt models/.ckpt/export/
# the high-noise expert, where one is being trained
if [ -f models/.ckpt/base-hi.pt ]; then cp models/.ckpt/base-hi.pt models/.ckpt/export/; fi
export SEEDPRINT_CKPT=models/.ckpt/export
nice -n 5 "$PY" models/export_onnx.py ${NOTE:+--note "$NOTE"}
# samples at the manifest's recommended guidance (and guidance interval), as the shop renders
read -r G GMIN < <("$PY" -c 'import json; r = json.load(open("models/seedprint-tiny-v1/manifest.json"))["recommended"]; print(r["guidance"], r.get("guidanceMinT", 0))')
nice -n 5 "$PY" models/sample_torch.py --grid models/.ckpt/samples.png --sr --threads 1 --guidance "$G" --guidance-min-t "$GMIN"
nice -n 5 "$PY" models/make_preview.py
# the held-out evaluation runs the shop's own ONNX pipeline (writes eval.json for the card)
if [ "${1:-}" = "--eval" ]; then nice -n 5 npm run --silent eval:model -- --write-model-eval; fi
"$PY" models/write_card.py
