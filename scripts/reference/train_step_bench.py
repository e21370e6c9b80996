"""Times Npa.Trainer's training step in PyTorch, for `npa-train bench --train` to compare against.

The step is the trainer's: both branches forward (backbone -> global average pool -> dropout -> "fc" and
alpha = sigmoid("alpha")), Eq. 4 (cross-entropy of alpha-scaled logits) per branch, rank regularization on the fused
alpha (Eqs. 2-3), AdamW, and the EMA teacher update (Eq. 8, buffers copied). Inputs are fixed random tensors, as on the
C# side, so neither side times data loading. Prints one JSON object.
"""
import argparse
import json
import time

import torch
import torch.nn.functional as F

from reference_models import FACTORIES


class Branch(torch.nn.Module):
    def __init__(self, name, classes, dropout):
        super().__init__()
        net = FACTORIES[name]()
        if hasattr(net, "features"):  # EfficientNet
            self.backbone = net.features
            width = net.classifier[-1].in_features
        else:  # ResNet
            self.backbone = torch.nn.Sequential(*list(net.children())[:-2])
            width = net.fc.in_features
        self.dropout = torch.nn.Dropout(dropout)
        self.fc = torch.nn.Linear(width, classes)
        self.alpha = torch.nn.Linear(width, 1)

    def forward(self, x):
        pooled = F.adaptive_avg_pool2d(self.backbone(x), 1).flatten(1)
        dropped = self.dropout(pooled)
        return self.fc(dropped), torch.sigmoid(self.alpha(dropped))


class Pair(torch.nn.Module):
    def __init__(self, a, b, classes, dropout):
        super().__init__()
        self.branch_a = Branch(a, classes, dropout)
        self.branch_b = Branch(b, classes, dropout) if b else None

    def forward(self, x):
        return [self.branch_a(x)] + ([self.branch_b(x)] if self.branch_b is not None else [])


def rank_regularization(alphas, beta, delta1):
    fused = alphas[0].reshape(-1)
    for a in alphas[1:]:
        fused = fused * a.reshape(-1)
    n = fused.numel()
    high = min(max(int(beta * n), 1), n - 1)
    order = torch.argsort(fused.detach(), descending=True, stable=True)
    gap = fused[order[:high]].mean() - fused[order[high:]].mean()
    return F.relu(delta1 - gap)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--branch-a", required=True)
    p.add_argument("--branch-b", default="")
    p.add_argument("--classes", type=int, default=8)
    p.add_argument("--size", type=int, required=True)
    p.add_argument("--batch", type=int, required=True)
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--dropout", type=float, default=0.1)
    p.add_argument("--beta", type=float, default=0.5)
    p.add_argument("--delta1", type=float, default=0.1)
    p.add_argument("--ema", type=float, default=0.999, help="EMA decay; 0 turns the teacher off")
    p.add_argument("--channels-last", action="store_true")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    fmt = torch.channels_last if a.channels_last else torch.contiguous_format
    student = Pair(a.branch_a, a.branch_b, a.classes, a.dropout).to(memory_format=fmt)
    teacher = Pair(a.branch_a, a.branch_b, a.classes, a.dropout).to(memory_format=fmt) if a.ema > 0 else None
    if teacher is not None:
        teacher.load_state_dict(student.state_dict())
        pairs = list(zip(student.parameters(), teacher.parameters()))
        buffers = list(zip(student.buffers(), teacher.buffers()))
    optimizer = torch.optim.AdamW(student.parameters(), lr=a.lr, weight_decay=a.weight_decay)
    x = torch.randn(a.batch, 3, a.size, a.size).to(memory_format=fmt)
    y = torch.randint(0, a.classes, (a.batch,))
    student.train()

    def step(k):
        outputs = student(x)
        loss = sum(F.cross_entropy(alpha * logits, y) for logits, alpha in outputs)
        loss = loss + rank_regularization([alpha for _, alpha in outputs], a.beta, a.delta1)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if teacher is not None:
            decay = min(a.ema, (1.0 + k) / (10.0 + k))
            with torch.no_grad():
                for s, t in pairs:
                    t.mul_(decay).add_(s, alpha=1 - decay)
                for s, t in buffers:
                    t.copy_(s)
        return loss.item()

    for k in range(a.warmup):
        step(k)
    start = time.perf_counter()
    for k in range(a.steps):
        step(a.warmup + k)
    elapsed = time.perf_counter() - start
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "steps": a.steps,
                      "ms_per_step": 1000.0 * elapsed / a.steps}))


if __name__ == "__main__":
    main()
