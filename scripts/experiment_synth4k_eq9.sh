#!/usr/bin/env bash
# Issue 11's experiment: a 4,000-image train-as-you-serve synthetic set, Eq. 9 noise at 10 % and 20 %, 3 seeds, the paper's
# rows, the baselines and the variants beyond the paper. Resumable across sessions:
#   scripts/experiment_synth4k_eq9.sh run      # render the data if missing, restore archived runs, train what is missing
#   scripts/experiment_synth4k_eq9.sh report   # rewrite the reports from finished runs and archive them under docs/
# Finished runs are reused by config and a run stopped part-way resumes from its last checkpoint, so `run` continues
# where the last session stopped. Seed 1 of both rates comes
# first, then seed 2, then seed 3.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
TRAIN="${NPA_TRAIN:-dotnet src/Npa.Trainer/bin/Release/net10.0/linux-x64/npa-train.dll}"
DATA=data/synth4k
DOCS=docs/experiments/synth4k-eq9
VARIANTS="${NPA_VARIANTS:-plain-a,plain-b,hsn,hsn-co-divide,co-teaching,scn-a,hsn-relabel-gate,hsn-alpha-fusion,hsn-noise-posterior,co-teaching-hsn}"
RATES=(0.1 0.2)

tag() { echo "$1" | tr -d .; }

ensure_data() {
  [ -f "$DATA/manifest.csv" ] && return 0
  $TRAIN synth --out "$DATA" --count 4000 --size 64 --render CameraFrame --noise None
}

restore() {
  local r t
  for r in "${RATES[@]}"; do
    t=$(tag "$r")
    if [ ! -d "runs/exp-synth4k-eq9-$t" ] && [ -f "$DOCS/runs-eq9-$t.tar.gz" ]; then
      mkdir -p runs && tar -xzf "$DOCS/runs-eq9-$t.tar.gz" -C runs
    fi
  done
}

experiment() { # rate seeds [--report-only]
  $TRAIN experiment -c configs/train/cpu-small.json --data "$DATA/manifest.csv" --noise eq9 --noise-rate "$1" \
    -n "$2" --variants "$VARIANTS" --out "runs/exp-synth4k-eq9-$(tag "$1")" "${@:3}"
}

case "${1:-run}" in
  run)
    ensure_data
    restore
    for n in 1 2 3; do for r in "${RATES[@]}"; do experiment "$r" "$n"; done; done
    ;;
  report)
    for r in "${RATES[@]}"; do
      t=$(tag "$r"); out="runs/exp-synth4k-eq9-$t"
      [ -d "$out" ] || continue
      experiment "$r" 3 --report-only >/dev/null
      mkdir -p "$DOCS/eq9-$t"
      cp "$out"/report.md "$out"/*.png "$DOCS/eq9-$t/"
      # The small files a report and a resumed experiment need (and each run's last noise file); checkpoints stay out of git.
      # Finished runs only (an unfinished one retrains from scratch anyway).
      (cd runs && for o in exp-synth4k-eq9-"$t"/*/seed-*/outcome.json; do
        d=$(dirname "$o")
        for f in config.json outcome.json metrics.jsonl calibration.json data.json; do [ -f "$d/$f" ] && echo "$d/$f"; done
        ls "$d"/noise/epoch-*.csv 2>/dev/null | tail -1
      done | tar -czf "../$DOCS/runs-eq9-$t.tar.gz" -T -)
    done
    ;;
  *) echo "usage: $0 run|report" >&2; exit 2 ;;
esac
