#!/usr/bin/env bash
# Reproduces models/demo: synthetic data → training (configs/train/demo.json) → export → held-out evaluation → Grad-CAM figures.
# Usage: scripts/make_demo_model.sh [WORK_DIR]   (default /tmp/npa-demo; needs a Release build: ./npa build)
# Everything is seeded (synth --seed 11, config seed 7); CPU timings vary with load.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
WORK="${1:-/tmp/npa-demo}"
TRAIN="src/Npa.Trainer/bin/Release/net10.0/linux-x64/npa-train"
[ -x "$TRAIN" ] || { echo "build first: ./npa build" >&2; exit 2; }
mkdir -p "$WORK"
rm -rf "$WORK/data" "$WORK/run"

# 1200 synthetic faces, 80 px, uniform over NIPS 0..7, split by subject into train/test; clean labels
# (the trainer injects the paper's Eq. 9 noise into the training split itself).
"$TRAIN" synth -o "$WORK/data" -n 1200 --size 80 --noise None --seed 11
# Every 5th training subject becomes the validation split (keep-best and the student/teacher choice need one).
/usr/bin/python3 scripts/demo_split.py "$WORK/data/manifest.csv"

"$TRAIN" train -c configs/train/demo.json -d "$WORK/data/manifest.csv" -o "$WORK/run"
"$TRAIN" export --checkpoint "$WORK/run" --out models/demo --id npa-demo-synthetic
"$TRAIN" eval --run "$WORK/run" --split test --png "$WORK/confusion-test.png"
/usr/bin/python3 scripts/onnx_check.py models/demo/model.onnx
