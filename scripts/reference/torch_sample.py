#!/usr/bin/python3
"""Writes a small state_dict with torch.save, so the tests read a file that real PyTorch wrote.

Run with Debian's python3-torch 1.13 / python3-torchvision 0.14, from the repository root:
    /usr/bin/python3 scripts/reference/torch_sample.py tests/Npa.Trainer.Tests/Reference
It holds resnet18's stem entries (conv1.weight and bn1.*) with the formula weights of deterministic.py.
"""
import os
import sys
from collections import OrderedDict

import torch
import torchvision

import deterministic


def main(out_dir):
    model = torchvision.models.resnet18()
    deterministic.fill(model)
    stem = OrderedDict((k, v.clone()) for k, v in model.state_dict().items() if k.startswith(("conv1.", "bn1.")))
    path = os.path.join(out_dir, "resnet18_stem.pt")
    torch.save(stem, path)
    print(f"{path}: {list(stem)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/Npa.Trainer.Tests/Reference")
