"""PyTorch 1.13 runs of DigitClassifier's recipe on the tests' split, one line per seed: its own initialisation and
batch order (torch.manual_seed(seed)), the same network, Adam with the rate falling linearly to 0 per step, and
optionally random translations of up to SHIFT pixels (pad with the background, crop 28x28 at a random offset).
Usage: python3 anchor.py DIR EPOCHS BATCH LR SHIFT SEED... (DIR: digits written by classifier-trace DIR 0 0 1 1)"""
import os, sys, time
import numpy as np
import torch
from torch import nn

d, epochs, bs, lr, shift = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
seeds = [int(s) for s in sys.argv[6:]]
torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "2")))
X = torch.from_numpy(np.fromfile(f'{d}/train.f64')).reshape(-1, 784).float()
Y = torch.from_numpy(np.fromfile(f'{d}/train.lbl', dtype=np.int32).astype(np.int64))
Xe = torch.from_numpy(np.fromfile(f'{d}/test.f64')).reshape(-1, 784).float()
Ye = torch.from_numpy(np.fromfile(f'{d}/test.lbl', dtype=np.int32).astype(np.int64))
background = X.min().item()


def translate(x):
    n = x.shape[0]
    padded = nn.functional.pad(x.reshape(n, 28, 28), (shift, shift, shift, shift), value=background)
    off = torch.randint(0, 2 * shift + 1, (n, 2))
    return torch.stack([padded[k, off[k, 0]:off[k, 0] + 28, off[k, 1]:off[k, 1] + 28] for k in range(n)]).reshape(n, 784)


for seed in seeds:
    torch.manual_seed(seed)
    m = nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 32, 4, 2, 1), nn.ReLU(), nn.Conv2d(32, 64, 4, 2, 1), nn.ReLU(),
                      nn.Flatten(), nn.Linear(64 * 49, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(m.parameters(), lr)
    n = X.shape[0]
    steps, step, t = epochs * ((n + bs - 1) // bs), 0, time.perf_counter()
    for e in range(epochs):
        perm = torch.randperm(n)
        for s in range(0, n, bs):
            i = perm[s:s + bs]
            for g in opt.param_groups:
                g['lr'] = lr * (1 - step / steps)
            x = translate(X[i]) if shift > 0 else X[i]
            opt.zero_grad()
            nn.functional.cross_entropy(m(x), Y[i]).backward()
            opt.step()
            step += 1
    with torch.no_grad():
        acc = (m(Xe).argmax(1) == Ye).double().mean().item()
    print(f'pytorch epochs {epochs} batch {bs} lr {lr} shift {shift} seed {seed} accuracy {acc:.4f} seconds {time.perf_counter() - t:.1f}', flush=True)
