#!/usr/bin/env python3
"""The same training as train.py, written with Paddock's Python client (clients/python).

Parameters come from the trial (``paddock.param``), each epoch is reported to the operator, which
answers whether to go on (early stopping): a stopped trial saves its best model and ends
gracefully. Checkpoints go to ``paddock.checkpoint_dir()``, kept across attempts, so a retried
trial resumes; what goes to ``paddock.output_dir()`` is the trial's artifacts. The final summary
is the container's termination message (``paddock.finish``).

Outside Paddock it runs too (``python3 train_client.py``): the parameters are the defaults below,
nothing is reported, and the files go to ./paddock-output.
"""
import json
import os
import random
import sys
import time

import paddock
from train import (DATA_SEED, MLP, evaluate, load_checkpoint, moons, progress_bar, rng_state,
                   save_checkpoint, set_rng_state, train_epoch, write_metrics, zeros_like)


def main():
    lr = paddock.param("lr", 0.1)
    batch_size = paddock.param("batch_size", 32)
    hidden = paddock.param("hidden", 32)
    seed = paddock.param("seed", 0)
    epochs = paddock.epochs(20)
    out = paddock.output_dir()
    checkpoint = os.path.join(paddock.checkpoint_dir(), "checkpoint.json")

    data = moons(5000, noise=0.25, seed=DATA_SEED)
    train, val = data[:4000], data[4000:]
    rnd = random.Random(seed)
    model = MLP(hidden, rnd)
    velocity = zeros_like(model.state())
    history, best, start = [], None, 1
    saved = load_checkpoint(checkpoint)
    if saved is not None:
        model.load(saved["model"])
        velocity = saved["velocity"]
        set_rng_state(rnd, saved["rng"])
        history, best, start = saved["history"], saved["best"], saved["epoch"] + 1
        print("resuming from %s: epoch %d of %d done" % (checkpoint, saved["epoch"], epochs),
              file=sys.stderr)
    print("trial %s: MLP(%d), lr=%s batch_size=%d"
          % (paddock.trial() or "(standalone)", hidden, lr, batch_size), file=sys.stderr)

    for epoch in range(start, epochs + 1):
        began = time.time()
        train_epoch(model, velocity, train, lr, 0.9, batch_size, rnd, progress_bar(epoch, epochs))
        loss, acc = evaluate(model, train)
        val_loss, val_acc = evaluate(model, val)
        print("\nEpoch %d/%d - loss: %.4f - acc: %.4f - val_loss: %.4f - val_acc: %.4f - %.2fs"
              % (epoch, epochs, loss, acc, val_loss, val_acc, time.time() - began))
        history.append({"epoch": epoch, "loss": loss, "acc": acc, "val_loss": val_loss,
                        "val_acc": val_acc})
        write_metrics(os.path.join(out, "epoch_metrics.csv"), history)
        if best is None or val_acc > best["val_acc"]:
            best = {"epoch": epoch, "val_acc": val_acc, "val_loss": val_loss,
                    "model": json.loads(json.dumps(model.state()))}
        save_checkpoint(checkpoint, {"epoch": epoch, "model": model.state(), "velocity": velocity,
                                     "rng": rng_state(rnd), "history": history, "best": best})
        if paddock.report(epoch, loss=loss, acc=acc, val_loss=val_loss, val_acc=val_acc):
            print("stopped by Paddock after epoch %d" % epoch, file=sys.stderr)
            break

    with open(os.path.join(out, "best_model.json"), "w") as f:
        json.dump({"kind": "mlp", "hidden": hidden, "epoch": best["epoch"],
                   "val_acc": best["val_acc"], "weights": best["model"]}, f)
    last = history[-1]
    paddock.finish("stopped" if paddock.should_stop() else "completed",
                   epoch=last["epoch"], loss=last["loss"], acc=last["acc"],
                   val_loss=last["val_loss"], val_acc=last["val_acc"])


if __name__ == "__main__":
    main()
