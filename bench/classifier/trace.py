"""PyTorch 1.13 twin of bench/classifier/Trace: trains the same network from the engine's initial weights (init.f64)
on the same batches (perms.i32) with the same schedule (Adam, lr falling linearly to 0 per step), logging per step the
loss before the step and each parameter's norm after it, as classifier-trace does.
Usage: python3 trace.py DIR EPOCHS BATCH LR [float64|float32] -> DIR/trace_torch.csv, prints the held-out accuracy."""
import os, sys
import numpy as np
import torch
from torch import nn

d, epochs, bs, lr = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
dtype = torch.float64 if len(sys.argv) < 6 or sys.argv[5] == 'float64' else torch.float32
torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "2")))
X = torch.from_numpy(np.fromfile(f'{d}/train.f64')).reshape(-1, 784).to(dtype)
Y = torch.from_numpy(np.fromfile(f'{d}/train.lbl', dtype=np.int32).astype(np.int64))
Xe = torch.from_numpy(np.fromfile(f'{d}/test.f64')).reshape(-1, 784).to(dtype)
Ye = torch.from_numpy(np.fromfile(f'{d}/test.lbl', dtype=np.int32).astype(np.int64))
perms = np.fromfile(f'{d}/perms.i32', dtype=np.int32).reshape(epochs, -1)
m = nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 32, 4, 2, 1), nn.ReLU(), nn.Conv2d(32, 64, 4, 2, 1), nn.ReLU(),
                  nn.Flatten(), nn.Linear(64 * 49, 128), nn.ReLU(), nn.Linear(128, 10)).to(dtype)
init = np.fromfile(f'{d}/init.f64')
ps = list(m.parameters())
with torch.no_grad():
    k = 0
    for p in ps:
        p.copy_(torch.from_numpy(init[k:k + p.numel()]).reshape(p.shape))
        k += p.numel()
assert k == init.size
opt = torch.optim.Adam(ps, lr)
n = X.shape[0]
steps = epochs * ((n + bs - 1) // bs)
step = 0
with open(f'{d}/trace_torch.csv', 'w') as f:
    f.write('step,loss,' + ','.join(f'norm{i}' for i in range(len(ps))) + '\n')
    for e in range(epochs):
        perm = torch.from_numpy(perms[e].astype(np.int64))
        for s in range(0, n, bs):
            i = perm[s:s + bs]
            for g in opt.param_groups:
                g['lr'] = lr * (1 - step / steps)
            opt.zero_grad()
            loss = nn.functional.cross_entropy(m(X[i]), Y[i])
            loss.backward()
            opt.step()
            f.write(f'{step},{loss.item()!r},' + ','.join(repr(p.detach().double().norm().item()) for p in ps) + '\n')
            step += 1
with torch.no_grad():
    print('accuracy', (m(Xe).argmax(1) == Ye).double().mean().item())
np.concatenate([p.detach().double().numpy().ravel() for p in ps]).tofile(f'{d}/final_torch.f64')
