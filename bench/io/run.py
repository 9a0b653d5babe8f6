"""Side by side, whole processes: `verify distance P Q --metric w1 --json` against SciPy's route for the same number
(np.loadtxt of both files, then scipy.stats.wasserstein_distance), alternating ours and the anchor for `rounds` rounds.
Each process is timed from start to exit with time.perf_counter. Prints the medians (and min–max), the ratio
ours/anchor, both values and their relative difference.
Usage: run.py VERIFY DATA_DIR ROUNDS [VARIANT=ENV=VALUE,...]..."""
import json
import os
import resource
import statistics
import subprocess
import sys
import time

verify, data, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
p, q = f"{data}/p.csv", f"{data}/q.csv"
anchor_code = (
    "import sys, numpy as np\n"
    "from scipy.stats import wasserstein_distance\n"
    "u = np.loadtxt(sys.argv[1], delimiter=',', skiprows=1)\n"
    "v = np.loadtxt(sys.argv[2], delimiter=',', skiprows=1)\n"
    "print(repr(wasserstein_distance(u, v)))\n"
)
# Extra variants of our process (environment settings), e.g. "tiered=DOTNET_TieredCompilation=1".
variants = [("verify", {})]
for spec in sys.argv[4:]:
    name, _, settings = spec.partition("=")
    env = dict(kv.split("=", 1) for kv in settings.split(";") if kv)
    variants.append((name, env))


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


times = {name: [] for name, _ in variants}
times["scipy"] = []
cpus = {name: [] for name in times}
values = {}
timed([verify, "distance", p, q, "--metric", "w1", "--json"])  # warm the page cache and the disk
for r in range(rounds):
    for name, env in variants:
        t, c, out = timed([verify, "distance", p, q, "--metric", "w1", "--json"], env)
        times[name].append(t)
        cpus[name].append(c)
        values[name] = json.loads(out)["w1"]
    t, c, out = timed(["/usr/bin/python3", "-c", anchor_code, p, q])
    times["scipy"].append(t)
    cpus["scipy"].append(c)
    values["scipy"] = float(out)
    print(f"round {r + 1}/{rounds}: " + ", ".join(f"{k} {v[-1] * 1000:.0f} ms" for k, v in times.items()), file=sys.stderr)

anchor = statistics.median(times["scipy"])
anchor_cpu = statistics.median(cpus["scipy"])
print(f"{'process':<12} {'median ms':>10} {'min-max ms':>16} {'/ scipy':>8} {'CPU ms':>8} {'/ scipy':>8}  value")
for name, ts in times.items():
    med, c = statistics.median(ts), statistics.median(cpus[name])
    print(f"{name:<12} {med * 1000:>10.1f} {min(ts) * 1000:>7.0f}-{max(ts) * 1000:<8.0f} {med / anchor:>8.3f} "
          f"{c * 1000:>8.0f} {c / anchor_cpu:>8.3f}  {values[name]!r}")
rel = abs(values["verify"] - values["scipy"]) / abs(values["scipy"])
print(f"ratio verify/scipy = {statistics.median(times['verify']) / anchor:.3f} "
      f"(per-round ratios {min(a / b for a, b in zip(times['verify'], times['scipy'])):.3f}-"
      f"{max(a / b for a, b in zip(times['verify'], times['scipy'])):.3f}); values differ by {rel:.1e} relative")
