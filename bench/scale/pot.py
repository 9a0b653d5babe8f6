#!/usr/bin/env python3
"""The anchor of bench/scale.sh, as a whole process: load two .npy files, build the cost matrix with SciPy's cdist,
solve with POT's ot.emd2 (uniform weights). Prints the value with 17 digits.

Usage: pot.py P.npy Q.npy w1|w2
"""
import sys

import numpy as np
import ot
from scipy.spatial.distance import cdist


def main():
    x, y = np.load(sys.argv[1]), np.load(sys.argv[2])
    metric = sys.argv[3]
    M = cdist(x, y, 'euclidean' if metric == 'w1' else 'sqeuclidean')
    a, b = np.full(len(x), 1.0 / len(x)), np.full(len(y), 1.0 / len(y))
    v = ot.emd2(a, b, M, numItermax=10**9)
    print(f'{(v if metric == "w1" else np.sqrt(v)):.17g}')


if __name__ == '__main__':
    main()
