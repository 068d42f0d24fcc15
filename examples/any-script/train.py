#!/usr/bin/env python3
"""A training script written the way people write them, knowing nothing of Paddock.

Logistic regression (with squared features) on a synthetic two-ring dataset, by mini-batch SGD,
standard library only. Flags on the command line; per epoch it prints a progress bar and a line
"epoch=3 loss=0.41 acc=0.88 val_loss=0.45 val_acc=0.86", and rewrites epoch_metrics.csv in
--out-dir; at the end it writes model.json there.
"""
import argparse
import csv
import json
import math
import os
import random
import sys
import time


def rings(n, seed):
    rnd = random.Random(seed)
    data = []
    for i in range(n):
        label = i % 2
        radius = (1.0 if label == 0 else 2.0) + rnd.gauss(0, 0.35)
        angle = rnd.uniform(0, 2 * math.pi)
        data.append(((radius * math.cos(angle), radius * math.sin(angle)), label))
    return data


def features(point):
    x, y = point
    return [1.0, x, y, x * x, y * y, x * y]


def predict(weights, point):
    z = sum(w * f for w, f in zip(weights, features(point)))
    z = max(-60.0, min(60.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def evaluate(weights, data):
    loss, correct = 0.0, 0
    for point, label in data:
        p = min(max(predict(weights, point), 1e-12), 1 - 1e-12)
        loss -= label * math.log(p) + (1 - label) * math.log(1 - p)
        correct += int((p >= 0.5) == (label == 1))
    return loss / len(data), correct / len(data)


def train_epoch(weights, data, lr, batch_size, rnd):
    rnd.shuffle(data)
    for start in range(0, len(data), batch_size):
        batch = data[start:start + batch_size]
        grad = [0.0] * len(weights)
        for point, label in batch:
            error = predict(weights, point) - label
            for j, f in enumerate(features(point)):
                grad[j] += error * f / len(batch)
        for j in range(len(weights)):
            weights[j] -= lr * grad[j]


def progress(epoch, epochs, step, steps):
    done = int(20 * step / steps)
    bar = "#" * done + " " * (20 - done)
    sys.stdout.write(f"\rEpoch {epoch}/{epochs}: {100 * step // steps:3d}%|{bar}| {step}/{steps}")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out-dir", default=".")
    parser.add_argument("--sleep", type=float, default=0.0, help="seconds per epoch, for demos")
    args = parser.parse_args()

    os.makedirs(args.out_dir, exist_ok=True)
    rnd = random.Random(args.seed)
    train, val = rings(600, args.seed), rings(200, args.seed + 1)
    weights = [0.0] * 6
    rows = []
    print(f"training on {len(train)} rows, lr={args.lr} batch_size={args.batch_size}", file=sys.stderr)
    for epoch in range(1, args.epochs + 1):
        for step in range(1, 5):
            progress(epoch, args.epochs, step, 4)
        train_epoch(weights, train, args.lr, args.batch_size, rnd)
        loss, acc = evaluate(weights, train)
        val_loss, val_acc = evaluate(weights, val)
        print()
        print(f"epoch={epoch} loss={loss:.4f} acc={acc:.4f} val_loss={val_loss:.4f} val_acc={val_acc:.4f}")
        rows.append({"epoch": epoch, "loss": loss, "acc": acc, "val_loss": val_loss, "val_acc": val_acc})
        with open(os.path.join(args.out_dir, "epoch_metrics.csv"), "w", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        time.sleep(args.sleep)
    with open(os.path.join(args.out_dir, "model.json"), "w") as out:
        json.dump({"weights": weights}, out)


if __name__ == "__main__":
    main()
