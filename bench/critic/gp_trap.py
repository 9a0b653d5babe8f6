"""PyTorch counterpart of `verify critic --method wgan-gp` with its defaults, to check the two-sided penalty's
spurious optimum in another engine: 1-64-64-1 ReLU critic, Adam(1e-4, betas (0.5, 0.9)), lambda 10, batch 64,
2000 steps; each file shuffled with the seed, first half trains, second half estimates E_P f - E_Q f.
Usage: /usr/bin/python3 bench/critic/gp_trap.py P.csv Q.csv [seeds=6]"""
import sys
import numpy as np
import torch
import torch.nn as nn


def read(path):
    rows = [l.strip() for l in open(path) if l.strip() and not l.startswith('#')]
    return torch.tensor(np.array([[float(v) for v in r.split(',')] for r in rows[1:]]), dtype=torch.float32)


torch.set_num_threads(1)
P, Q = read(sys.argv[1]), read(sys.argv[2])
for seed in range(int(sys.argv[3]) if len(sys.argv) > 3 else 6):
    torch.manual_seed(seed)
    p, q = P[torch.randperm(len(P))], Q[torch.randperm(len(Q))]
    hp, hq = (len(p) + 1) // 2, (len(q) + 1) // 2
    d = P.shape[1]
    D = nn.Sequential(nn.Linear(d, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
    opt = torch.optim.Adam(D.parameters(), 1e-4, betas=(0.5, 0.9))
    with torch.no_grad():
        start = (D(p[hp:]).mean() - D(q[hq:]).mean()).item()
    for _ in range(2000):
        r, f = p[torch.randint(0, hp, (64,))], q[torch.randint(0, hq, (64,))]
        eps = torch.rand(64, 1)
        xh = (eps * r + (1 - eps) * f).requires_grad_(True)
        g, = torch.autograd.grad(D(xh).sum(), xh, create_graph=True)
        loss = D(f).mean() - D(r).mean() + 10 * ((g.norm(dim=1) - 1) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        est = (D(p[hp:]).mean() - D(q[hq:]).mean()).item()
    print(f"seed {seed}: estimate at start {start:+.3f}, after 2000 steps {est:+.3f}")
