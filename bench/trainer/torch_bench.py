"""PyTorch side of bench/trainer: the same MLP, loss, optimizer and batch sizes as the DJL
trainer's loop, on CPU, with the same thread count. Prints `torch <hidden> <batch> <samples per wall second> <samples per CPU second>`.

Usage: torch_bench.py <threads> <rows> <epochs> <hidden;hidden...> <batch,batch...>
"""
import sys
import time

import torch
from torch import nn


def make_data(rows, dims, seed=1):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(rows, dims, generator=g)
    w = torch.rand(dims, generator=g) * 6 - 3
    y = ((x @ w + 0.5 * torch.randn(rows, generator=g)) > 0).float().unsqueeze(1)
    return x, y


def mlp(inputs, hidden):
    layers, width = [], inputs
    for h in hidden:
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    layers.append(nn.Linear(width, 1))
    return nn.Sequential(*layers)


def epoch(model, opt, loss_fn, x, y, batch):
    perm = torch.randperm(x.shape[0])
    start = time.perf_counter()
    for i in range(0, x.shape[0], batch):
        idx = perm[i:i + batch]
        xb, yb = x[idx], y[idx]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    return time.perf_counter() - start


def measure(rows, epochs, hidden, batch):
    torch.manual_seed(0)
    x, y = make_data(rows, 6)
    model = mlp(6, hidden)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.BCEWithLogitsLoss()
    epoch(model, opt, loss_fn, x, y, batch)  # warm-up
    cpu0 = time.process_time()
    seconds = sum(epoch(model, opt, loss_fn, x, y, batch) for _ in range(epochs))
    cpu = time.process_time() - cpu0
    return rows * epochs / seconds, rows * epochs / cpu


def main():
    threads, rows, epochs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    for hidden in sys.argv[4].split(";"):
        for batch in sys.argv[5].split(","):
            wall, cpu = measure(rows, epochs, [int(h) for h in hidden.split(",")], int(batch))
            print(f"torch {hidden} {batch} {wall:.0f} {cpu:.0f}", flush=True)


if __name__ == "__main__":
    main()
