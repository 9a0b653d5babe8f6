#!/usr/bin/env python3
"""PyTorch 1.13 counterpart of `verify critic --real P.csv --fake Q.csv --method wgan-gp` with its defaults, the same work
end to end, so the two can be timed as whole processes (bench/train.sh):

  read both files; shuffle each with the seed, first ceil(n/2) rows train, the other floor(n/2) are held out;
  train a 2-64-64-1 ReLU critic (float32) for --steps steps: batches of 64 drawn with replacement from each training
  half, loss E_Q f - E_P f + 10 * E(|grad f(x_hat)| - 1)^2 on interpolates, Adam(1e-4, betas (0.5, 0.9));
  the estimate E_P f - E_Q f on the held-out halves;
  exact W1 between the held-out halves and between all rows with POT (ot.emd2, Euclidean cost, numItermax 1e8);
  the Lipschitz audit: max |grad f| over the held-out rows and as many interpolates, the largest pairwise ratio
  |f(x) - f(y)| / |x - y| over at most 2000 of the held-out rows, and the product of the layers' spectral norms.

Prints one JSON object (estimate, exact values, audit, seconds per phase).
Usage: /usr/bin/python3 bench/critic/anchor.py P.csv Q.csv [--steps 2000] [--seed 0] [--threads 2] [--no-exact]
"""
import argparse, json, time

t_start = time.perf_counter()
import numpy as np
import torch
import torch.nn as nn


def read(path):
    """A sample CSV: optional '#' lines, one header row, then rows (plain CSV is read as np.loadtxt(f, delimiter=",", skiprows=1))."""
    with open(path) as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return np.loadtxt(lines[1:], delimiter=",", ndmin=2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("real")
    ap.add_argument("fake")
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-exact", action="store_true")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    t_import = time.perf_counter()

    P, Q = read(a.real), read(a.fake)
    p = torch.tensor(P, dtype=torch.float32)[torch.randperm(len(P))]
    q = torch.tensor(Q, dtype=torch.float32)[torch.randperm(len(Q))]
    hp, hq = (len(p) + 1) // 2, (len(q) + 1) // 2
    pt, ph, qt, qh = p[:hp], p[hp:], q[:hq], q[hq:]
    d = P.shape[1]
    D = nn.Sequential(nn.Linear(d, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
    opt = torch.optim.Adam(D.parameters(), 1e-4, betas=(0.5, 0.9))
    t_read = time.perf_counter()

    for _ in range(a.steps):
        r, f = pt[torch.randint(0, len(pt), (64,))], qt[torch.randint(0, len(qt), (64,))]
        eps = torch.rand(64, 1)
        xh = (eps * r + (1 - eps) * f).requires_grad_(True)
        g, = torch.autograd.grad(D(xh).sum(), xh, create_graph=True)
        loss = D(f).mean() - D(r).mean() + 10.0 * ((g.norm(dim=1) - 1) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    t_train = time.perf_counter()

    with torch.no_grad():
        estimate = (D(ph).mean() - D(qh).mean()).item()
    n = min(len(ph), len(qh))
    eps = torch.rand(n, 1)
    pts = torch.cat([ph, qh, eps * ph[torch.randperm(len(ph))[:n]] + (1 - eps) * qh[torch.randperm(len(qh))[:n]]]).requires_grad_(True)
    grad, = torch.autograd.grad(D(pts).sum(), pts)
    max_grad = grad.norm(dim=1).max().item()
    pair = torch.cat([ph, qh])
    if len(pair) > 2000:
        pair = pair[torch.randperm(len(pair))[:2000]]
    with torch.no_grad():
        fv = D(pair).squeeze(1).double()
        dist = torch.cdist(pair.double(), pair.double())
        diff = (fv[:, None] - fv[None, :]).abs()
        mask = dist > 0
        ratio = (diff[mask] / dist[mask]).max().item()
        spectral = 1.0
        for m in D:
            if isinstance(m, nn.Linear):
                spectral *= torch.linalg.matrix_norm(m.weight.double(), ord=2).item()
    t_audit = time.perf_counter()

    exact_held = exact_all = None
    if not a.no_exact:
        import ot

        def w1(x, y):
            x, y = x.double().numpy(), y.double().numpy()
            return float(ot.emd2(np.full(len(x), 1 / len(x)), np.full(len(y), 1 / len(y)), ot.dist(x, y, metric="euclidean"), numItermax=100_000_000))

        exact_held = w1(ph, qh)
        exact_all = w1(p, q)
    t_exact = time.perf_counter()

    print(json.dumps({
        "estimate": estimate, "exact": exact_held, "exact_all_rows": exact_all,
        "lipschitz_max_gradient_norm": max_grad, "lipschitz_pairwise_ratio": ratio, "lipschitz_upper_bound": spectral,
        "steps": a.steps, "threads": a.threads, "torch": torch.__version__,
        "seconds": {"import": t_import - t_start, "read": t_read - t_import, "train": t_train - t_read,
                    "estimate_audit": t_audit - t_train, "exact": t_exact - t_audit, "total": t_exact - t_start},
    }))


if __name__ == "__main__":
    main()
