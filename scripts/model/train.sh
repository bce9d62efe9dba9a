#!/usr/bin/env bash
# Start (or resume from models/.ckpt/) seedprint-tiny-v1 training in the background.
# Each stage runs as its own process at nice 10 (THREADS=1 each by default: the machine is shared;
# THREADS=2 when it is quiet). Extra trainer flags: TRAIN_ARGS="--low-t-frac 0.35".
# Stages: base (t below the expert's split: pass --t-max 0.6 in TRAIN_ARGS), base-hi (the
# high-noise expert, t >= 0.6; starts as a copy of base), sr.
#   scripts/model/train.sh            # all stages
#   scripts/model/train.sh base       # one stage
# Stop: kill the PIDs printed (or in models/.ckpt/*.pid). Export: scripts/model/export.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p models/.ckpt
PY=${PYTHON:-/usr/bin/python3}
# A fresh machine has no checkpoints (not committed): resume from the shipped ONNX weights.
STAGES=${1:-base base-hi sr}
for stage in $STAGES; do
  [ -f "models/.ckpt/$stage.pt" ] || "$PY" models/ckpt_from_onnx.py --stages "$stage"
done
for stage in $STAGES; do
  seed=0; [ "$stage" = sr ] && seed=100; [ "$stage" = base-hi ] && seed=200
  nice -n 10 nohup "$PY" models/train_diffusion.py --stages "$stage" --threads "${THREADS:-1}" --seed "$seed" ${TRAIN_ARGS:-} \
    >> "models/.ckpt/train_$stage.log" 2>&1 &
  echo $! > "models/.ckpt/$stage.pid"
  echo "$stage: pid $! log models/.ckpt/train_$stage.log"
done
