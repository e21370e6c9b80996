"""torchvision models that Npa.Trainer's backbones must match, by registry name (torchvision 0.14)."""
import torch
import torchvision
from torchvision.models.efficientnet import EfficientNet, FusedMBConvConfig, MBConvConfig
from torchvision.models.resnet import BasicBlock, ResNet


def efficientnet_v2_t():
    """Npa.Trainer's CPU-sized EfficientNet-V2 (EfficientNetV2Config.T) built from torchvision's own classes."""
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


def resnet18_mlnet():
    """ML.NET's DnnImageFeaturizer.ResNet18 is a ResNet with BasicBlocks [2,2,2,3]."""
    return ResNet(BasicBlock, [2, 2, 2, 3])


FACTORIES = {
    "resnet18": torchvision.models.resnet18,
    "resnet34": torchvision.models.resnet34,
    "resnet50": torchvision.models.resnet50,
    "resnet18_mlnet": resnet18_mlnet,
    "efficientnet_v2_s": torchvision.models.efficientnet_v2_s,
    "efficientnet_v2_t": efficientnet_v2_t,
}
