#!/usr/bin/env python3
"""PyTorch anchor for Verify's training benchmark (bench/train.sh runs it beside the C# engine).

Workloads (the same as bench/Verify.Bench/TrainWorkloads.cs, issue 4 section 5):
  toy512  toy 2-D WGAN-GP, G 2->512->512->512->2 and D 2->512->512->512->1 (ReLU), batch 256, n_critic 5,
          Adam(1e-4, betas (0.5, 0.9)), lambda 10; one generator iteration = 5 critic steps + 1 generator step
  toy128  the same with width 128
          (the generator step takes gradients for G only)
  mnist   MNIST MLP GAN, G 100->256->512->1024->784 (ReLU, tanh output), D 784->512->256->1 (LeakyReLU 0.2),
          batch 64, Adam(2e-4, betas (0.5, 0.999)), BCE with logits; one iteration = 1 D step + 1 G step
  critic64  verify critic's default: a 2-64-64-1 ReLU WGAN-GP critic (lambda 10, Adam(1e-4, (0.5, 0.9)), batch 64) on two
          fixed sets of 4096 points; one iteration = one critic step

Prints one JSON object per workload: {"workload", "median_ms", "times_ms", "threads", "torch"}.
Usage: anchor.py [--workload toy512|toy128|mnist|critic64|all] [--iters N] [--warmup W] [--threads T]
"""
import argparse, json, statistics, time
import torch
import torch.nn as nn


def mlp(sizes, act):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(act())
    return nn.Sequential(*layers)


def toy(width):
    g = mlp([2, width, width, width, 2], nn.ReLU)
    d = mlp([2, width, width, width, 1], nn.ReLU)
    od = torch.optim.Adam(d.parameters(), 1e-4, betas=(0.5, 0.9))
    og = torch.optim.Adam(g.parameters(), 1e-4, betas=(0.5, 0.9))
    real = torch.randn(256, 2)

    def step():
        n = real.shape[0]
        for _ in range(5):
            with torch.no_grad():
                fake = g(torch.randn(n, 2))
            eps = torch.rand(n, 1)
            xh = (eps * real + (1 - eps) * fake).requires_grad_(True)
            grad, = torch.autograd.grad(d(xh).sum(), xh, create_graph=True)
            loss = d(fake).mean() - d(real).mean() + 10.0 * ((grad.norm(dim=1) - 1) ** 2).mean()
            od.zero_grad()
            loss.backward()
            od.step()
        for p in d.parameters():  # gradients for G only, as Verify's generator step takes them
            p.requires_grad_(False)
        lg = -d(g(torch.randn(n, 2))).mean()
        og.zero_grad()
        lg.backward()
        og.step()
        for p in d.parameters():
            p.requires_grad_(True)
    return step


def critic64():
    d = mlp([2, 64, 64, 1], nn.ReLU)
    od = torch.optim.Adam(d.parameters(), 1e-4, betas=(0.5, 0.9))
    real, fake = torch.randn(4096, 2), torch.randn(4096, 2) + 1

    def step():
        r, f = real[torch.randint(0, 4096, (64,))], fake[torch.randint(0, 4096, (64,))]
        eps = torch.rand(64, 1)
        xh = (eps * r + (1 - eps) * f).requires_grad_(True)
        grad, = torch.autograd.grad(d(xh).sum(), xh, create_graph=True)
        loss = d(f).mean() - d(r).mean() + 10.0 * ((grad.norm(dim=1) - 1) ** 2).mean()
        od.zero_grad()
        loss.backward()
        od.step()
    return step


def mnist():
    g = nn.Sequential(mlp([100, 256, 512, 1024, 784], nn.ReLU), nn.Tanh())
    d = mlp([784, 512, 256, 1], lambda: nn.LeakyReLU(0.2))
    od = torch.optim.Adam(d.parameters(), 2e-4, betas=(0.5, 0.999))
    og = torch.optim.Adam(g.parameters(), 2e-4, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss()
    real = torch.rand(64, 784) * 2 - 1
    ones, zeros = torch.ones(64, 1), torch.zeros(64, 1)

    def step():
        fake = g(torch.randn(64, 100))
        ld = bce(d(real), ones) + bce(d(fake.detach()), zeros)
        od.zero_grad()
        ld.backward()
        od.step()
        lg = bce(d(fake), ones)
        og.zero_grad()
        lg.backward()
        og.step()
    return step


WORKLOADS = {"toy512": lambda: toy(512), "toy128": lambda: toy(128), "mnist": mnist, "critic64": critic64}
DEFAULT_ITERS = {"toy512": 10, "toy128": 30, "mnist": 60, "critic64": 200}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workload", default="all", choices=list(WORKLOADS) + ["all"])
    ap.add_argument("--iters", type=int, default=0)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    names = list(WORKLOADS) if a.workload == "all" else [a.workload]
    for name in names:
        step = WORKLOADS[name]()
        for _ in range(a.warmup):
            step()
        times = []
        for _ in range(a.iters or DEFAULT_ITERS[name]):
            t = time.perf_counter()
            step()
            times.append((time.perf_counter() - t) * 1e3)
        print(json.dumps({"workload": name, "median_ms": statistics.median(times), "times_ms": times,
                          "threads": a.threads, "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
