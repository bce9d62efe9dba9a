#!/usr/bin/env bash
# Export the latest EMA checkpoints to models/seedprint-tiny-v1/ (base.onnx, sr.onnx, manifest.json),
# write the sample preview and the model card. Training may keep running meanwhile.
#   [TRAIN_NOTE="resumed at …, LR …"] scripts/model/export.sh [--eval]
# Verify with ONNX Runtime: node scripts/model/check_onnx.mjs (needs onnxruntime-node).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-/usr/bin/python3}
# snapshot the checkpoints so export, samples and eval all use the same weights
mkdir -p models/.ckpt/export
cp models/.ckpt/base.pt models/.ckpt/sr.pt models/.ckpt/export/
export SEEDPRINT_CKPT=models/.ckpt/export
nice -n 5 "$PY" models/export_onnx.py ${TRAIN_NOTE:+--train-note "$TRAIN_NOTE"}
nice -n 5 "$PY" models/sample_torch.py --grid models/.ckpt/samples.png --sr --threads 1
nice -n 5 "$PY" models/make_preview.py
# the held-out evaluation runs the shop's own ONNX pipeline (writes eval.json for the card)
if [ "${1:-}" = "--eval" ]; then nice -n 5 npm run --silent eval:model -- --write-model-eval; fi
"$PY" models/write_card.py
