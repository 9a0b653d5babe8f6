#!/usr/bin/env python3
"""PyTorch anchor for `verify-bench conv` (bench/conv.sh runs it beside the C# engine).

Ops: the four convolutions of the DCGAN pair for 28x28 (Networks/Architectures), float32, batch 64:
  d1   Conv2d(1->64, k4 s2 p1) on 28x28        d2   Conv2d(64->128, k4 s2 p1) on 14x14
  g1   ConvTranspose2d(128->64, k4 s2 p1) 7->14 g2   ConvTranspose2d(64->1, k4 s2 p1) 14->28
each timed as forward (no grad) and as forward + backward (grads of input, weight and bias).
Workload `dcgan-gp`: one WGAN-GP generator iteration of the DCGAN pair (5 critic steps with the gradient penalty,
lambda 10, then 1 generator step with gradients for G only; Adam(1e-4, betas (0.5, 0.9)); batch 64; real batch fixed).

Prints one JSON object per line: {"op", "median_ms", "times_ms", "threads", "torch"}.
Usage: anchor.py [--ops d1,d2,g1,g2] [--workload dcgan-gp] [--iters N] [--warmup W] [--threads T] [--batch B]
"""
import argparse, json, statistics, time
import torch
import torch.nn as nn
import torch.nn.functional as F

OPS = {  # name: (transposed, cin, cout, size)
    "d1": (False, 1, 64, 28), "d2": (False, 64, 128, 14), "g1": (True, 128, 64, 7), "g2": (True, 64, 1, 14),
}


def op_steps(name, batch):
    transposed, cin, cout, size = OPS[name]
    x = torch.rand(batch, cin, size, size) * 2 - 1
    if transposed:
        w = (torch.rand(cin, cout, 4, 4) * 2 - 1) * 0.05
        f = lambda x, w, b: F.conv_transpose2d(x, w, b, stride=2, padding=1)
    else:
        w = (torch.rand(cout, cin, 4, 4) * 2 - 1) * 0.05
        f = lambda x, w, b: F.conv2d(x, w, b, stride=2, padding=1)
    b = torch.zeros(cout)

    def forward():
        with torch.no_grad():
            f(x, w, b)

    xg, wg, bg = x.clone().requires_grad_(True), w.clone().requires_grad_(True), b.clone().requires_grad_(True)
    g = torch.rand_like(f(x, w, b))

    def backward():
        y = f(xg, wg, bg)
        torch.autograd.grad(y, (xg, wg, bg), g)
    return {"fwd": forward, "fwdbwd": backward}


def dcgan_gp(batch):
    G = nn.Sequential(nn.Linear(100, 6272), nn.BatchNorm1d(6272), nn.ReLU(), nn.Unflatten(1, (128, 7, 7)),
                      nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),
                      nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())
    D = nn.Sequential(nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(64, 128, 4, 2, 1), nn.LeakyReLU(0.2),
                      nn.Flatten(), nn.Linear(6272, 1))
    od = torch.optim.Adam(D.parameters(), 1e-4, betas=(0.5, 0.9))
    og = torch.optim.Adam(G.parameters(), 1e-4, betas=(0.5, 0.9))
    real = torch.rand(batch, 1, 28, 28) * 2 - 1

    def step():
        for _ in range(5):
            with torch.no_grad():
                fake = G(torch.randn(batch, 100))
            eps = torch.rand(batch, 1, 1, 1)
            xh = (eps * real + (1 - eps) * fake).requires_grad_(True)
            grad, = torch.autograd.grad(D(xh).sum(), xh, create_graph=True)
            loss = D(fake).mean() - D(real).mean() + 10.0 * ((grad.reshape(batch, -1).norm(dim=1) - 1) ** 2).mean()
            od.zero_grad()
            loss.backward()
            od.step()
        for p in D.parameters():  # the generator step takes gradients for G only (as the WGAN-GP reference code does)
            p.requires_grad_(False)
        lg = -D(G(torch.randn(batch, 100))).mean()
        og.zero_grad()
        lg.backward()
        og.step()
        for p in D.parameters():
            p.requires_grad_(True)
    return step


def timed(fn, iters, warmup):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(iters):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1e3)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ops", default="")
    ap.add_argument("--workload", default="")
    ap.add_argument("--iters", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=64)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    for name in [o for o in a.ops.split(",") if o]:
        for kind, fn in op_steps(name, a.batch).items():
            times = timed(fn, a.iters, a.warmup)
            print(json.dumps({"op": f"{name}.{kind}", "median_ms": statistics.median(times), "times_ms": times,
                              "threads": a.threads, "torch": torch.__version__}), flush=True)
    if a.workload == "dcgan-gp":
        times = timed(dcgan_gp(a.batch), a.iters, a.warmup)
        print(json.dumps({"op": "dcgan-gp", "median_ms": statistics.median(times), "times_ms": times,
                          "threads": a.threads, "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
