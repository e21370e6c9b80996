#!/usr/bin/python3
"""Moves every k-th training subject of a synthetic manifest into the validation split (subject-wise, no leakage).

Usage: scripts/demo_split.py MANIFEST.csv [--every 5]
`npa-train synth` writes train/test splits by subject; `npa-train train` also needs a validation split
(to keep the best epoch and choose student or teacher). Rewrites the file in place; standard library only.
"""
import csv
import sys


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    path = argv[0]
    every = int(argv[argv.index("--every") + 1]) if "--every" in argv else 5
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        fields = reader.fieldnames
        rows = list(reader)
    subjects = sorted({r["subject"] for r in rows if r["split"] == "train"})
    chosen = set(subjects[::every])
    for r in rows:
        if r["split"] == "train" and r["subject"] in chosen:
            r["split"] = "val"
    with open(path + ".tmp", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    import os
    os.replace(path + ".tmp", path)
    counts = {s: sum(r["split"] == s for r in rows) for s in ("train", "val", "test")}
    print(f"{path}: {counts['train']} train, {counts['val']} val, {counts['test']} test ({len(chosen)} validation subjects)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
