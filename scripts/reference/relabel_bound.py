#!/usr/bin/env python3
"""What relabel precision and recall a calibrated network of a given accuracy can reach on the synthetic NIPS set.

The renderer draws a latent pain intensity y + 0.45*N(0,1) (FacialActions.ForNips, ScoreOverlap 0.45), clamped to
[0, 7]. A network is modelled as an observer of that latent with extra Gaussian error sigma_m, calibrated. Eq. 9 noise
at rate rho then changes labels, and the Bayes rule relabels by P(clean = k | obs, given) ∝ p(k | obs)·T[k][given],
the trainer's relabel.rule = noise_posterior. Printed: the network's accuracy, the precision when 30 % of the noisy
labels are fixed, and the largest share fixed at ≥ 90 % precision.

  python3 scripts/reference/relabel_bound.py [--rate 0.2] [--samples 60000]
"""
import argparse, math, random

OVERLAP = 0.45
CLASSES = 8


def eq9_row(y, rate):
    row = [0.0] * CLASSES
    row[y] = 1 - rate
    fitting = [e for e in (1, 2, 3) if y - e >= 0 or y + e < CLASSES]
    for e in fitting:
        down, up = y - e >= 0, y + e < CLASSES
        share = rate / len(fitting)
        if down: row[y - e] += share / 2 if up else share
        if up: row[y + e] += share / 2 if down else share
    return row


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rate", type=float, default=0.2)
    ap.add_argument("--samples", type=int, default=60000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    T = [eq9_row(y, args.rate) for y in range(CLASSES)]
    print(f"Eq. 9 at {args.rate:.0%}, {args.samples} samples")
    print("| network error sigma_m | accuracy (%) | precision at 30 % fixed (%) | most fixed at ≥ 90 % precision (%) |")
    print("|---|---|---|---|")
    for sigma_m in (0.0, 0.2, 0.35, 0.5):
        sigma = math.hypot(OVERLAP, sigma_m)
        relabels, right_top, noisy = [], 0, 0
        for _ in range(args.samples):
            y = rng.randrange(CLASSES)
            obs = min(max(y + OVERLAP * rng.gauss(0, 1), 0), CLASSES - 1) + sigma_m * rng.gauss(0, 1)
            given = y
            if rng.random() < args.rate:
                noisy += 1
                given = rng.choices(range(CLASSES), [T[y][k] if k != y else 0 for k in range(CLASSES)])[0]
            like = [math.exp(-((obs - k) ** 2) / (2 * sigma * sigma)) for k in range(CLASSES)]
            z = sum(like)
            p = [l / z for l in like]
            right_top += max(range(CLASSES), key=lambda k: p[k]) == y
            post = [p[k] * T[k][given] for k in range(CLASSES)]
            z = sum(post)
            best = max(range(CLASSES), key=lambda k: post[k])
            if best != given: relabels.append((post[best] / z, best == y))
        relabels.sort(reverse=True)
        right, at30, best90 = 0, None, 0.0
        for i, (_, ok) in enumerate(relabels, 1):
            right += ok
            if at30 is None and right >= 0.3 * noisy: at30 = right / i
            if right / i >= 0.9: best90 = right / noisy
        at30_text = "unreachable" if at30 is None else f"{100 * at30:.1f}"
        print(f"| {sigma_m:.2f} | {100 * right_top / args.samples:.1f} | {at30_text} | {100 * best90:.1f} |")


if __name__ == "__main__":
    main()
