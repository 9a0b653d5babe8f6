#!/usr/bin/env bash
# `verify distance` end to end against SciPy on two 1-D files of 10^6 rows: whole processes, side by side.
# Usage: bash bench/io.sh [rounds=9] [rows=1000000] [VARIANT=ENV=VALUE;ENV=VALUE ...]
# Generates the files once (bench/io/gen.py), builds verify, then alternates
#   verify distance p.csv q.csv --metric w1 --json
#   python3 -c "np.loadtxt(p, delimiter=',', skiprows=1); np.loadtxt(q, …); scipy.stats.wasserstein_distance(u, v)"
# and prints the medians, the ratio verify/scipy and both values (bench/io/run.py). Extra arguments time variants of
# our process under other runtime settings, e.g. tiered="DOTNET_TieredCompilation=1".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-9}
rows=${2:-1000000}
shift $(( $# < 2 ? $# : 2 ))
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
/usr/bin/python3 "$root/bench/io/gen.py" "$data" "$rows"
dotnet build "$root/Figures/Figures.csproj" -c Release --nologo -v q >&2
/usr/bin/python3 "$root/bench/io/run.py" "$root/Figures/bin/Release/net10.0/verify" "$data" "$rounds" "$@"
