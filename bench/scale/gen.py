#!/usr/bin/env python3
"""Writes the inputs of bench/scale.sh once, seeded, as .npy files (rows = points) that both sides read.

g2d-N-{p,q}.npy   Gaussian clouds in 2-D, q shifted by (1, 0.5), N = 10^4 and 10^5
translate-{p,q}   a 10^5 cloud and its translate by t = (1, 0.5): W1 = |t| = sqrt(1.25)
line-{p,q}        10^5 points on the line through 0 with direction (0.6, 0.8), coordinates s and 0.7 + 1.5 s':
                  W1 equals the 1-D value of the coordinates (written to line-{p,q}-1d.npy)
mnist-{p,q}       (only when VERIFY_DATA holds mnist/): the 10^4 MNIST digits of data/mnist (784-D, pixels in [0, 1])
                  against the same digits shifted one pixel to the right (a different 10^4-point cloud)
"""
import json
import os
import sys

import numpy as np


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20261206)
    shift = np.array([1.0, 0.5])
    for n in (10**4, 10**5):
        np.save(os.path.join(out, f'g2d-{n}-p.npy'), rng.standard_normal((n, 2)))
        np.save(os.path.join(out, f'g2d-{n}-q.npy'), rng.standard_normal((n, 2)) + shift)
    x = rng.standard_normal((10**5, 2))
    np.save(os.path.join(out, 'translate-p.npy'), x)
    np.save(os.path.join(out, 'translate-q.npy'), x + shift)
    s, t = rng.standard_normal(10**5), 0.7 + 1.5 * rng.standard_normal(10**5)
    direction = np.array([0.6, 0.8])
    np.save(os.path.join(out, 'line-p.npy'), np.outer(s, direction))
    np.save(os.path.join(out, 'line-q.npy'), np.outer(t, direction))
    np.save(os.path.join(out, 'line-p-1d.npy'), s)
    np.save(os.path.join(out, 'line-q-1d.npy'), t)
    data = os.environ.get('VERIFY_DATA')
    if data and os.path.isdir(os.path.join(data, 'mnist')):
        digits = []
        for k in range(10):
            with open(os.path.join(data, 'mnist', f'{k}.json')) as f:
                digits.append(np.array(json.load(f)['data'], dtype=np.float64).reshape(-1, 784))
        p = np.concatenate(digits)
        q = np.roll(p.reshape(-1, 28, 28), 1, axis=2)
        q[:, :, 0] = 0
        np.save(os.path.join(out, 'mnist-p.npy'), p)
        np.save(os.path.join(out, 'mnist-q.npy'), q.reshape(-1, 784))


if __name__ == '__main__':
    main()
