#!/usr/bin/env python3
"""Train a small neural network on two interleaved moons, the way training scripts are written.

Knows nothing of Paddock. A one-hidden-layer MLP (tanh, sigmoid output) trained by mini-batch SGD
with momentum, in plain Python (standard library only, so it runs anywhere python3 does):

    python3 train.py --lr 0.1 --batch-size 32 --epochs 20 --out-dir runs/a

Each epoch it prints a Keras-style line

    Epoch 3/20 - loss: 0.4123 - acc: 0.8812 - val_loss: 0.4500 - val_acc: 0.8600 - 0.21s

rewrites ``epoch_metrics.csv`` in --out-dir and saves a checkpoint in --checkpoint-dir; started
again with a checkpoint there, it resumes after the last saved epoch (a killed run loses at most
one epoch). At the end it writes ``best_model.json`` (the weights of the best validation epoch).
"""
import argparse
import csv
import json
import math
import os
import random
import sys
import time

DATA_SEED = 2024


def moons(n, noise, seed):
    """Two interleaved half circles, labels 0 and 1."""
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        label = i % 2
        t = rnd.uniform(0, math.pi)
        if label == 0:
            x, y = math.cos(t), math.sin(t)
        else:
            x, y = 1 - math.cos(t), 0.5 - math.sin(t)
        rows.append(((x + rnd.gauss(0, noise), y + rnd.gauss(0, noise)), label))
    return rows


class MLP:
    """2 inputs -> ``hidden`` tanh units -> 1 sigmoid output."""

    def __init__(self, hidden, rnd):
        scale = 1.0 / math.sqrt(2)
        self.w1 = [[rnd.gauss(0, scale) for _ in range(2)] for _ in range(hidden)]
        self.b1 = [0.0] * hidden
        self.w2 = [rnd.gauss(0, 1.0 / math.sqrt(hidden)) for _ in range(hidden)]
        self.b2 = 0.0

    def forward(self, point):
        x, y = point
        h = [math.tanh(w[0] * x + w[1] * y + b) for w, b in zip(self.w1, self.b1)]
        z = sum(w * a for w, a in zip(self.w2, h)) + self.b2
        z = max(-30.0, min(30.0, z))
        return h, 1.0 / (1.0 + math.exp(-z))

    def state(self):
        return {"w1": self.w1, "b1": self.b1, "w2": self.w2, "b2": self.b2}

    def load(self, state):
        self.w1, self.b1, self.w2, self.b2 = state["w1"], state["b1"], state["w2"], state["b2"]


def zeros_like(state):
    return {
        "w1": [[0.0, 0.0] for _ in state["w1"]],
        "b1": [0.0] * len(state["b1"]),
        "w2": [0.0] * len(state["w2"]),
        "b2": 0.0,
    }


def train_epoch(model, velocity, data, lr, momentum, batch_size, rnd, progress):
    """One pass over ``data`` in shuffled mini-batches."""
    rnd.shuffle(data)
    steps = math.ceil(len(data) / batch_size)
    for step in range(steps):
        batch = data[step * batch_size:(step + 1) * batch_size]
        grad = zeros_like(model.state())
        for (x, y), label in batch:
            h, p = model.forward((x, y))
            d_out = (p - label) / len(batch)
            grad["b2"] += d_out
            for j, a in enumerate(h):
                grad["w2"][j] += d_out * a
                d_h = d_out * model.w2[j] * (1 - a * a)
                grad["w1"][j][0] += d_h * x
                grad["w1"][j][1] += d_h * y
                grad["b1"][j] += d_h
        velocity["b2"] = momentum * velocity["b2"] - lr * grad["b2"]
        model.b2 += velocity["b2"]
        for j in range(len(model.w2)):
            velocity["w2"][j] = momentum * velocity["w2"][j] - lr * grad["w2"][j]
            model.w2[j] += velocity["w2"][j]
            velocity["b1"][j] = momentum * velocity["b1"][j] - lr * grad["b1"][j]
            model.b1[j] += velocity["b1"][j]
            for k in range(2):
                velocity["w1"][j][k] = momentum * velocity["w1"][j][k] - lr * grad["w1"][j][k]
                model.w1[j][k] += velocity["w1"][j][k]
        progress(step + 1, steps)


def evaluate(model, data):
    loss, correct = 0.0, 0
    for point, label in data:
        _, p = model.forward(point)
        p = min(max(p, 1e-12), 1 - 1e-12)
        loss -= label * math.log(p) + (1 - label) * math.log(1 - p)
        correct += int((p >= 0.5) == (label == 1))
    return loss / len(data), correct / len(data)


def progress_bar(epoch, epochs):
    def show(step, steps):
        if step == steps or step % 10 == 0:
            done = 30 * step // steps
            bar = "=" * done + ">" * (done < 30) + "." * (29 - done)
            sys.stdout.write("\rEpoch %d/%d %d/%d [%s]" % (epoch, epochs, step, steps, bar[:30]))
            sys.stdout.flush()
    return show


def save_checkpoint(path, state):
    """Atomically: a run killed while saving keeps the previous checkpoint."""
    tmp = path + ".tmp"
    with open(tmp, "w") as out:
        json.dump(state, out)
    os.replace(tmp, path)


def load_checkpoint(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def write_metrics(path, history):
    with open(path, "w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(history[0]))
        writer.writeheader()
        writer.writerows(history)


def rng_state(rnd):
    version, internal, gauss = rnd.getstate()
    return [version, list(internal), gauss]


def set_rng_state(rnd, state):
    rnd.setstate((state[0], tuple(state[1]), state[2]))


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lr", type=float, default=0.1, help="learning rate")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0, help="initial weights and shuffling")
    parser.add_argument("--hidden", type=int, default=32, help="hidden units")
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--train-size", type=int, default=4000)
    parser.add_argument("--out-dir", default="runs/latest")
    parser.add_argument("--checkpoint-dir", default=None,
                        help="where to save and resume from (default: OUT_DIR/checkpoints)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    checkpoint_dir = args.checkpoint_dir or os.path.join(args.out_dir, "checkpoints")
    os.makedirs(args.out_dir, exist_ok=True)
    os.makedirs(checkpoint_dir, exist_ok=True)
    checkpoint = os.path.join(checkpoint_dir, "checkpoint.json")

    data = moons(args.train_size + args.train_size // 4, noise=0.25, seed=DATA_SEED)
    train, val = data[:args.train_size], data[args.train_size:]
    rnd = random.Random(args.seed)
    model = MLP(args.hidden, rnd)
    velocity = zeros_like(model.state())
    history, best, start = [], None, 1

    saved = load_checkpoint(checkpoint)
    if saved is not None:
        model.load(saved["model"])
        velocity = saved["velocity"]
        set_rng_state(rnd, saved["rng"])
        history, best, start = saved["history"], saved["best"], saved["epoch"] + 1
        print("resuming from %s: epoch %d of %d done" % (checkpoint, saved["epoch"], args.epochs),
              file=sys.stderr)
    print("training an MLP(%d) on %d rows: lr=%s batch_size=%d seed=%d"
          % (args.hidden, len(train), args.lr, args.batch_size, args.seed), file=sys.stderr)

    for epoch in range(start, args.epochs + 1):
        began = time.time()
        train_epoch(model, velocity, train, args.lr, args.momentum, args.batch_size, rnd,
                    progress_bar(epoch, args.epochs))
        loss, acc = evaluate(model, train)
        val_loss, val_acc = evaluate(model, val)
        print("\nEpoch %d/%d - loss: %.4f - acc: %.4f - val_loss: %.4f - val_acc: %.4f - %.2fs"
              % (epoch, args.epochs, loss, acc, val_loss, val_acc, time.time() - began))
        sys.stdout.flush()
        history.append({"epoch": epoch, "loss": round(loss, 6), "acc": acc,
                        "val_loss": round(val_loss, 6), "val_acc": val_acc})
        write_metrics(os.path.join(args.out_dir, "epoch_metrics.csv"), history)
        if best is None or val_acc > best["val_acc"]:
            best = {"epoch": epoch, "val_acc": val_acc, "val_loss": val_loss,
                    "model": json.loads(json.dumps(model.state()))}
        save_checkpoint(checkpoint, {"epoch": epoch, "model": model.state(), "velocity": velocity,
                                     "rng": rng_state(rnd), "history": history, "best": best})

    with open(os.path.join(args.out_dir, "best_model.json"), "w") as out:
        json.dump({"kind": "mlp", "hidden": args.hidden, "epoch": best["epoch"],
                   "val_acc": best["val_acc"], "weights": best["model"]}, out)
    print("best val_acc %.4f at epoch %d; model in %s"
          % (best["val_acc"], best["epoch"], os.path.join(args.out_dir, "best_model.json")),
          file=sys.stderr)


if __name__ == "__main__":
    main()
