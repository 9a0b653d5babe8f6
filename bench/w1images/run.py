"""Side by side, whole processes: `verify distance p.npy q.npy --metric w1 --json` (784 vs 784 MNIST digits in 784-D,
Euclidean cost, exact W1 with its certificate) against POT's route for the same number:
np.load of both files, M = ot.dist(x, y, metric='euclidean'), ot.emd2(a, b, M, numItermax=1e8) with uniform weights
(the cap raised so POT solves to optimality; its default 1e5 may stop early). Alternates ours and the anchor for
`rounds` rounds, each process timed from start to exit with time.perf_counter; prints the medians (min–max), the
ratio ours/POT (wall and CPU) and both values with their relative difference.
Usage: run.py VERIFY DATA_DIR ROUNDS"""
import json
import os
import resource
import statistics
import subprocess
import sys
import time

verify, data, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
p, q = f"{data}/p.npy", f"{data}/q.npy"
anchor_code = (
    "import sys, numpy as np, ot\n"
    "x = np.load(sys.argv[1]); y = np.load(sys.argv[2])\n"
    "M = ot.dist(x, y, metric='euclidean')\n"
    "a = np.full(len(x), 1 / len(x)); b = np.full(len(y), 1 / len(y))\n"
    "print(repr(float(ot.emd2(a, b, M, numItermax=100000000))))\n"
)


def timed(cmd, env=None):
    """Wall seconds from start to exit, and the CPU seconds (user + system) the process used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})})
    t = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({r.returncode}): {r.stderr}")
    return t, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, r.stdout


ours_cmd = [verify, "distance", p, q, "--metric", "w1", "--json"]
pot_cmd = ["/usr/bin/python3", "-c", anchor_code, p, q]
timed(ours_cmd)  # warm the page cache
times, cpus, ratios = {"verify": [], "pot": []}, {"verify": [], "pot": []}, []
values = {}
for r in range(rounds):
    t, c, out = timed(ours_cmd)
    times["verify"].append(t); cpus["verify"].append(c); values["verify"] = json.loads(out)["w1"]
    t, c, out = timed(pot_cmd, {"OPENBLAS_CORETYPE": "SkylakeX"})
    times["pot"].append(t); cpus["pot"].append(c); values["pot"] = float(out)
    ratios.append(times["verify"][-1] / times["pot"][-1])
    print(f"round {r + 1}/{rounds}: verify {times['verify'][-1] * 1000:.0f} ms, POT {times['pot'][-1] * 1000:.0f} ms, "
          f"ratio {ratios[-1]:.2f}", file=sys.stderr)

med = {k: statistics.median(v) for k, v in times.items()}
cmed = {k: statistics.median(v) for k, v in cpus.items()}
print("exact W1, 784 vs 784 MNIST digits in 784-D (Euclidean), whole process start to exit")
print(f"{'':8} {'wall ms (median, min-max)':>28} {'CPU ms':>8}")
for k in times:
    print(f"{k:8} {med[k] * 1000:10.0f} ({min(times[k]) * 1000:.0f}-{max(times[k]) * 1000:.0f}) {cmed[k] * 1000:14.0f}")
print(f"verify/POT: wall {med['verify'] / med['pot']:.2f} (paired ratios {min(ratios):.2f}-{max(ratios):.2f}), CPU {cmed['verify'] / cmed['pot']:.2f}")
print(f"values: verify {values['verify']!r}, POT {values['pot']!r}, relative difference "
      f"{abs(values['verify'] - values['pot']) / abs(values['pot']):.1e}")
