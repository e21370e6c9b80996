#!/usr/bin/python3
"""Writes the torchvision state_dict key/shape lists that Npa.Trainer's backbone tests compare against.

Run with Debian's python3-torch 1.13 / python3-torchvision 0.14:
    /usr/bin/python3 scripts/reference/state_dict_keys.py tests/Npa.Trainer.Tests/Reference
Each file <name>.keys.tsv holds one line per state_dict entry, in order: key<TAB>shape (comma-separated, empty for scalars).
The first line is a comment with the torchvision version and the parameter count.
"""
import os
import sys

import torch
import torchvision
from torchvision.models.efficientnet import EfficientNet, FusedMBConvConfig, MBConvConfig
from torchvision.models.resnet import BasicBlock, ResNet


def efficientnet_v2_t():
    """Npa.Trainer's CPU-sized EfficientNet-V2 (EfficientNetV2Config.T) built with torchvision's own classes."""
    setting = [
        FusedMBConvConfig(1, 3, 1, 16, 16, 1),
        FusedMBConvConfig(4, 3, 2, 16, 32, 2),
        FusedMBConvConfig(4, 3, 2, 32, 48, 2),
        MBConvConfig(4, 3, 2, 48, 96, 2),
        MBConvConfig(6, 3, 1, 96, 112, 2),
        MBConvConfig(6, 3, 2, 112, 160, 3),
    ]
    return EfficientNet(setting, dropout=0.2, stochastic_depth_prob=0.1, last_channel=640,
                        norm_layer=lambda c: torch.nn.BatchNorm2d(c, eps=1e-3))


def models():
    yield "resnet18", torchvision.models.resnet18()
    yield "resnet34", torchvision.models.resnet34()
    yield "resnet50", torchvision.models.resnet50()
    # ML.NET's DnnImageFeaturizer.ResNet18 is a ResNet with BasicBlocks [2,2,2,3].
    yield "resnet18_mlnet", ResNet(BasicBlock, [2, 2, 2, 3])
    yield "efficientnet_v2_s", torchvision.models.efficientnet_v2_s()
    yield "efficientnet_v2_t", efficientnet_v2_t()


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name, model in models():
        params = sum(p.numel() for p in model.parameters())
        path = os.path.join(out_dir, f"{name}.keys.tsv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# torchvision {torchvision.__version__} {name} parameters={params}\n")
            for key, value in model.state_dict().items():
                f.write(f"{key}\t{','.join(str(d) for d in value.shape)}\n")
        print(f"{path}: {len(model.state_dict())} entries, {params} parameters")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/Npa.Trainer.Tests/Reference")
