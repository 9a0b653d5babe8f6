#!/usr/bin/env python3
"""PyTorch 1.13 counterpart of `verify train 8gaussians --method wgan-gp --iterations N --n-critic 5 --hidden W --layers 3
--batch 256 --out DIR`, the same work end to end, so the two can be timed as whole processes (bench/train.sh):

  G: 2-d N(0, I) noise -> 3 x ReLU(W) -> Linear(2); D: 2 -> 3 x ReLU(W) -> 1 (float32, PyTorch's default init);
  the 8 Gaussians of gan_toy.py (radius 2, noise 0.02, / 1.414), a fresh real batch for every critic step;
  each generator iteration: 5 critic steps (fake made without a graph; loss E f(fake) - E f(real) + lambda * E(|grad f(x_hat)| - 1)^2,
  lambda = 0.1 as gan_toy.py), then one generator step (-E f(G(z)), gradients for G only), Adam(1e-4, (0.5, 0.9)) for both;
  the exact W1 between the generated and the real batch of the iteration with POT (ot.emd2, Euclidean), every K iterations;
  one log.csv row per iteration (flushed at least every 2 s), then 1000 generated samples to samples.csv and both networks
  to checkpoint.pt.

Prints one JSON object with the seconds per phase.
Usage: /usr/bin/python3 bench/train/anchor_cli.py --out DIR [--iterations 30] [--hidden 512] [--layers 3] [--batch 256]
       [--n-critic 5] [--lambda 0.1] [--exact-every 1] [--threads 2] [--seed 0]
"""
import argparse, json, os, time

t_start = time.perf_counter()
import numpy as np
import torch
import torch.nn as nn


def mlp(sizes):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


CENTERS = np.array([(1, 0), (-1, 0), (0, 1), (0, -1), (1 / np.sqrt(2), 1 / np.sqrt(2)), (1 / np.sqrt(2), -1 / np.sqrt(2)),
                    (-1 / np.sqrt(2), 1 / np.sqrt(2)), (-1 / np.sqrt(2), -1 / np.sqrt(2))]) * 2.0


def eight_gaussians(rng, n):
    points = rng.standard_normal((n, 2)) * 0.02 + CENTERS[rng.integers(0, 8, n)]
    return torch.tensor(points / 1.414, dtype=torch.float32)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--iterations", type=int, default=30)
    ap.add_argument("--hidden", type=int, default=512)
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--n-critic", type=int, default=5)
    ap.add_argument("--lambda", dest="lam", type=float, default=0.1)
    ap.add_argument("--exact-every", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    if a.exact_every > 0:
        import ot
    t_import = time.perf_counter()

    G = mlp([2] + [a.hidden] * a.layers + [2])
    D = mlp([2] + [a.hidden] * a.layers + [1])
    od = torch.optim.Adam(D.parameters(), 1e-4, betas=(0.5, 0.9))
    og = torch.optim.Adam(G.parameters(), 1e-4, betas=(0.5, 0.9))
    os.makedirs(a.out, exist_ok=True)
    log = open(os.path.join(a.out, "log.csv"), "w")
    log.write("iteration,critic_steps,critic_loss,penalty,generator_loss,critic_estimate,exact_w1_batch,generator_grad_norm,seconds\n")
    last_flush = time.perf_counter()
    t0 = time.perf_counter()
    n = a.batch
    exact_seconds = 0.0
    for it in range(a.iterations):
        for _ in range(a.n_critic):
            real = eight_gaussians(rng, n)
            with torch.no_grad():
                fake = G(torch.randn(n, 2))
            eps = torch.rand(n, 1)
            xh = (eps * real + (1 - eps) * fake).requires_grad_(True)
            g, = torch.autograd.grad(D(xh).sum(), xh, create_graph=True)
            fr, ff = D(real).mean(), D(fake).mean()
            penalty = a.lam * ((g.norm(dim=1) - 1) ** 2).mean()
            loss = ff - fr + penalty
            od.zero_grad()
            loss.backward()
            od.step()
        for p in D.parameters():
            p.requires_grad_(False)
        generated = G(torch.randn(n, 2))
        lg = -D(generated).mean()
        og.zero_grad()
        lg.backward()
        grad_norm = torch.sqrt(sum((p.grad ** 2).sum() for p in G.parameters())).item()
        og.step()
        for p in D.parameters():
            p.requires_grad_(True)
        exact = ""
        if a.exact_every > 0 and it % a.exact_every == 0:
            te = time.perf_counter()
            x, y = generated.detach().double().numpy(), real.double().numpy()
            exact = repr(float(ot.emd2(np.full(n, 1 / n), np.full(n, 1 / n), ot.dist(x, y, metric="euclidean"), numItermax=100_000_000)))
            exact_seconds += time.perf_counter() - te
        log.write(f"{it},{a.n_critic},{loss.item()!r},{penalty.item()!r},{lg.item()!r},{(fr - ff).item()!r},{exact},{grad_norm!r},{time.perf_counter() - t0!r}\n")
        if time.perf_counter() - last_flush >= 2:
            log.flush()
            last_flush = time.perf_counter()
    log.close()
    t_train = time.perf_counter()
    with torch.no_grad():
        samples = G(torch.randn(1000, 2)).double().numpy()
    np.savetxt(os.path.join(a.out, "samples.csv"), samples, delimiter=",", header="x,y", comments="")
    torch.save({"critic": D.state_dict(), "generator": G.state_dict()}, os.path.join(a.out, "checkpoint.pt"))
    t_end = time.perf_counter()
    print(json.dumps({"iterations": a.iterations, "hidden": a.hidden, "threads": a.threads, "torch": torch.__version__,
                      "seconds": {"import": t_import - t_start, "train": t_train - t_import, "exact_w1": exact_seconds,
                                  "write": t_end - t_train, "total": t_end - t_start}}))


if __name__ == "__main__":
    main()
