#!/usr/bin/python3
"""Writes torchvision's 1000-class output on formula-made weights and input, for Npa.Trainer's parity tests.

Run with Debian's python3-torch 1.13 / python3-torchvision 0.14, from the repository root:
    /usr/bin/python3 scripts/reference/parity_outputs.py tests/Npa.Trainer.Tests/Reference
Writes <name>.<side>.output.txt: a comment line, "input 1,3,S,S", then the 1000 outputs one per line.
"""
import os
import sys

import torch
import torchvision

import deterministic
from reference_models import FACTORIES

# (name, input side): the 224 px cases are the full-size checks; 128 px keeps one EfficientNet-V2-S check cheap (at 64 px its 2×2 maps make the calibrated statistics degenerate).
CASES = [("efficientnet_v2_s", 224), ("efficientnet_v2_s", 128), ("efficientnet_v2_t", 128), ("resnet50", 224), ("resnet18_mlnet", 224)]


def main(out_dir):
    torch.set_num_threads(1)
    for name, size in CASES:
        model = FACTORIES[name]()
        deterministic.fill(model)
        deterministic.calibrate(model, size)
        with torch.no_grad():
            out = model(deterministic.image(size))[0].double()
        path = os.path.join(out_dir, f"{name}.{size}.output.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# torch {torch.__version__} torchvision {torchvision.__version__} {name}, formula weights (deterministic.py)\n")
            f.write(f"input 1,3,{size},{size}\n")
            for v in out.tolist():
                f.write(f"{v:.9g}\n")
        print(f"{path}: min {out.min():.4f} max {out.max():.4f} mean|.| {out.abs().mean():.4f} std {out.std():.4f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/Npa.Trainer.Tests/Reference")
