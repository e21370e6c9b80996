#!/usr/bin/python3
"""Writes the torchvision state_dict key/shape lists that Npa.Trainer's backbone tests compare against.

Run with Debian's python3-torch 1.13 / python3-torchvision 0.14, from the repository root:
    /usr/bin/python3 scripts/reference/state_dict_keys.py tests/Npa.Trainer.Tests/Reference
Each file <name>.keys.tsv holds one line per state_dict entry, in order: key<TAB>shape (comma-separated).
The first line is a comment with the torchvision version and the parameter count (1000-class head included).
"""
import os
import sys

import torchvision

from reference_models import FACTORIES


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name, factory in FACTORIES.items():
        model = factory()
        params = sum(p.numel() for p in model.parameters())
        path = os.path.join(out_dir, f"{name}.keys.tsv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# torchvision {torchvision.__version__} {name} parameters={params}\n")
            for key, value in model.state_dict().items():
                f.write(f"{key}\t{','.join(str(d) for d in value.shape)}\n")
        print(f"{path}: {len(model.state_dict())} entries, {params} parameters")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/Npa.Trainer.Tests/Reference")
