"""Formula-made weights and input, so that C# and torchvision can be compared without shipping weight files.

The same formulas are in tests/Npa.Trainer.Tests/Models/DeterministicWeights.cs; change both together.
Entry k of the state_dict (PyTorch order, counting every entry), element i of its row-major flattening:
    h = lowbias32((i * 0x9E3779B1 + (k + 1) * 0x85EBCA77) mod 2^32)   (exact 32-bit integer hash)
    u = h / 2^31 - 1                                                  (uniform-looking in [-1, 1))
    conv/linear weight (dim >= 2):  u * sqrt(6 / fan_in)      (He-uniform spread, so activations stay O(1))
    BatchNorm weight (dim 1):       1 + 0.2 * u
    any bias:                       0.05 * u
    running_mean:                   0.05 * u
    running_var:                    1 + 0.3 * u              (stays in [0.7, 1.3])
    num_batches_tracked:            left as it is
Values are computed in float64 and stored as float32.
Random-looking weights alone let residual stacks grow without bound (eval BatchNorm with made-up statistics does not
normalise), so the BatchNorm buffers are then calibrated: with every BatchNorm in training mode at momentum 1 and all
else in eval mode (no dropout, no stochastic depth), one no-grad forward of a batch of two images, the
calibration image then the test image, sets each running_mean/running_var to the batch statistics it sees. After that the model is put in eval mode and compared.
Calibration image, element j of the flattened [1,3,S,S]: cos(0.013 * j) + 0.5 * sin(0.0009 * j).
Test image, element j of the flattened [1,3,S,S]:        sin(0.011 * j) + 0.5 * cos(0.0007 * j).
"""
import math

import numpy as np
import torch

MASK = np.uint64(0xFFFFFFFF)


def lowbias32(x):
    x = x & MASK
    x ^= x >> np.uint64(16)
    x = (x * np.uint64(0x7FEB352D)) & MASK
    x ^= x >> np.uint64(15)
    x = (x * np.uint64(0x846CA68B)) & MASK
    x ^= x >> np.uint64(16)
    return x


def uniform(n, k):
    i = np.arange(n, dtype=np.uint64)
    h = lowbias32(i * np.uint64(0x9E3779B1) + np.uint64((k + 1) * 0x85EBCA77 & 0xFFFFFFFF))
    return h.astype(np.float64) / 2.0**31 - 1.0


def fill(model):
    with torch.no_grad():
        for k, (key, value) in enumerate(model.state_dict().items()):
            if key.endswith("num_batches_tracked"):
                continue
            u = uniform(value.numel(), k)
            if key.endswith("running_var"):
                data = 1.0 + 0.3 * u
            elif key.endswith("running_mean") or key.endswith("bias"):
                data = 0.05 * u
            elif value.dim() >= 2:
                data = u * math.sqrt(6.0 / value[0].numel())
            else:
                data = 1.0 + 0.2 * u
            value.copy_(torch.from_numpy(data.astype(np.float32)).reshape(value.shape))


def calibrate(model, size):
    model.eval()
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.momentum = 1.0
            m.train()
    with torch.no_grad():
        model(torch.cat([calibration_image(size), image(size)]))
    model.eval()


def _image(size, values):
    return torch.from_numpy(values.astype(np.float32)).reshape(1, 3, size, size)


def calibration_image(size):
    j = np.arange(3 * size * size, dtype=np.float64)
    return _image(size, np.cos(0.013 * j) + 0.5 * np.sin(0.0009 * j))


def image(size):
    j = np.arange(3 * size * size, dtype=np.float64)
    return _image(size, np.sin(0.011 * j) + 0.5 * np.cos(0.0007 * j))
