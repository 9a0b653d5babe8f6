#!/usr/bin/env python3
"""The known answer of the line workload: SciPy's 1-D W1 between two coordinate files. Usage: oned.py P.npy Q.npy"""
import sys

import numpy as np
from scipy.stats import wasserstein_distance

print(f'{wasserstein_distance(np.load(sys.argv[1]), np.load(sys.argv[2])):.17g}')
