#!/usr/bin/env python3
"""Generates the OT benchmark inputs once (seeded), as raw little-endian files read by both sides.

Each file: int32 n, int32 m, int32 d, then x (n*d float64, row-major), then y (m*d float64).
"""
import os
import sys

import numpy as np


def write(path, x, y):
    x = np.ascontiguousarray(x, dtype='<f8')
    y = np.ascontiguousarray(y, dtype='<f8')
    n, d = x.shape
    m = y.shape[0]
    with open(path, 'wb') as f:
        np.array([n, m, d], dtype='<i4').tofile(f)
        x.tofile(f)
        y.tofile(f)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20261124)
    for n in (1000, 2000, 4000):
        write(os.path.join(out, f'g2d-{n}.bin'), rng.standard_normal((n, 2)), rng.standard_normal((n, 2)) + 1.0)
    write(os.path.join(out, 'u784.bin'), rng.uniform(size=(784, 784)), rng.uniform(size=(784, 784)))
    write(os.path.join(out, 'line-1e6.bin'), rng.standard_normal((10**6, 1)), 0.5 + 2.0 * rng.standard_normal((10**6, 1)))
    write(os.path.join(out, 'cap-5000.bin'), rng.standard_normal((5000, 2)), rng.standard_normal((5000, 2)) + 1.0)


if __name__ == '__main__':
    main()
