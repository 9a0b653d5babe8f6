#!/usr/bin/env bash
# Exact OT side by side with the anchors (POT ot.emd2, SciPy wasserstein_distance) on identical data.
# Usage: bash bench/ot.sh [rounds=5] [reps-per-round=3]
# Generates the inputs once, then alternates anchor and ours `rounds` times (each doing `reps` timed runs after a
# warm-up) and prints medians, the ratio ours/anchor, both values and their relative difference.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-5}
reps=${2:-3}
data=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$data" "$log"' EXIT
/usr/bin/python3 "$root/bench/ot/gen.py" "$data"
dotnet build "$root/bench/Verify.Bench/Verify.Bench.csproj" -c Release --nologo -v q >&2
bench="$root/bench/Verify.Bench/bin/Release/net10.0/verify-bench"
for r in $(seq 1 "$rounds"); do
  echo "round $r/$rounds" >&2
  /usr/bin/python3 "$root/bench/ot/anchor.py" "$data" "$reps" g2d-1000,g2d-2000,g2d-4000,u784,line-1e6 | tee -a "$log" >&2
  "$bench" ot "$data" "$reps" | tee -a "$log" >&2
done
/usr/bin/python3 "$root/bench/ot/anchor.py" "$data" 0 cap-5000 | tee -a "$log" >&2
"$bench" ot "$data" 0 cap-5000 | tee -a "$log" >&2
/usr/bin/python3 "$root/bench/ot/summarize.py" < "$log"
