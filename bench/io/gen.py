"""Writes the two 1-D sample files of bench/io.sh: n normal draws each (seeded), as np.savetxt writes them with a
one-row header ("x", comments=""), i.e. the plain CSV both `verify distance` and `np.loadtxt(skiprows=1)` read."""
import sys

import numpy as np

out, n = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(20261124)
np.savetxt(f"{out}/p.csv", rng.normal(0.0, 1.0, n), delimiter=",", header="x", comments="")
np.savetxt(f"{out}/q.csv", rng.normal(0.5, 1.2, n), delimiter=",", header="x", comments="")
