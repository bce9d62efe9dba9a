#!/usr/bin/env bash
# Start (or resume from models/.ckpt/) seedprint-tiny-v1 training in the background.
# base and sr run as two single-thread processes at nice 10 (the machine is shared).
#   scripts/model/train.sh            # both stages
#   scripts/model/train.sh base       # one stage
# Stop: kill the PIDs printed (or in models/.ckpt/*.pid). Export: scripts/model/export.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p models/.ckpt
PY=${PYTHON:-/usr/bin/python3}
for stage in ${1:-base sr}; do
  seed=0; [ "$stage" = sr ] && seed=100
  nice -n 10 nohup "$PY" models/train_diffusion.py --stages "$stage" --threads "${THREADS:-1}" --seed "$seed" ${TRAIN_ARGS:-} \
    >> "models/.ckpt/train_$stage.log" 2>&1 &
  echo $! > "models/.ckpt/$stage.pid"
  echo "$stage: pid $! log models/.ckpt/train_$stage.log"
done
