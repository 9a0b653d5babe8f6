#!/usr/bin/env python3
"""The anchor side of bench/ot.sh: POT's exact solver and SciPy's 1-D W1 on the files written by gen.py.

Prints one line per timed run: "anchor <workload> <rep> <milliseconds> <value>". Only the solver call is timed
(time.perf_counter); the cost matrix is built outside the timer, as for our side.
"""
import os
import sys
import time
import warnings

import numpy as np
import ot
from scipy.stats import wasserstein_distance


def read(path):
    with open(path, 'rb') as f:
        n, m, d = np.fromfile(f, dtype='<i4', count=3)
        x = np.fromfile(f, dtype='<f8', count=n * d).reshape(n, d)
        y = np.fromfile(f, dtype='<f8', count=m * d).reshape(m, d)
    return x, y


def euclidean(x, y):
    return ot.dist(x, y, metric='euclidean')


def timed(fn):
    t = time.perf_counter()
    v = fn()
    return (time.perf_counter() - t) * 1e3, float(v)


def main():
    data, reps = sys.argv[1], int(sys.argv[2])
    only = set(sys.argv[3].split(',')) if len(sys.argv) > 3 else None
    workloads = []
    for name in ('g2d-1000', 'g2d-2000', 'g2d-4000', 'u784'):
        x, y = read(os.path.join(data, name + '.bin'))
        a = np.full(len(x), 1.0 / len(x))
        b = np.full(len(y), 1.0 / len(y))
        M = euclidean(x, y)
        workloads.append((name, lambda a=a, b=b, M=M: ot.emd2(a, b, M, numItermax=100000000)))
    x, y = read(os.path.join(data, 'line-1e6.bin'))
    u, v = x[:, 0].copy(), y[:, 0].copy()
    workloads.append(('line-1e6', lambda u=u, v=v: wasserstein_distance(u, v)))
    for name, fn in workloads:
        if only and name not in only:
            continue
        fn()  # warm-up
        for r in range(reps):
            ms, val = timed(fn)
            print(f'anchor {name} {r} {ms:.3f} {val:.17g}', flush=True)
    if only is None or 'cap-5000' in only:
        # POT's default numItermax = 100000 on squared Euclidean cost at n = 5000: it stops early and warns.
        x, y = read(os.path.join(data, 'cap-5000.bin'))
        a = np.full(len(x), 1.0 / len(x))
        M = ot.dist(x, y)  # squared Euclidean
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            ms, val = timed(lambda: ot.emd2(a, a, M))
        flag = 'warned' if w else 'silent'
        print(f'anchor cap-5000-default {0} {ms:.3f} {val:.17g} numItermax=100000 (default), {flag}', flush=True)
        ms, val = timed(lambda: ot.emd2(a, a, M, numItermax=100000000))
        print(f'anchor cap-5000-1e8 {0} {ms:.3f} {val:.17g} numItermax=1e8', flush=True)


if __name__ == '__main__':
    main()
