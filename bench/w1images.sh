#!/usr/bin/env bash
# Exact W1 between two batches of 784 MNIST digits in 784-D: `verify distance` against POT (ot.dist + ot.emd2),
# whole processes side by side. Needs VERIFY_DATA (the directory holding mnist/0.json … 9.json).
# Usage: VERIFY_DATA=/path/to/data bash bench/w1images.sh [rounds=9]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-9}
: "${VERIFY_DATA:?set VERIFY_DATA to the directory holding mnist/}"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
/usr/bin/python3 "$root/bench/w1images/gen.py" "$VERIFY_DATA" "$data"
dotnet build "$root/Figures/Figures.csproj" -c Release --nologo -v q >&2
/usr/bin/python3 "$root/bench/w1images/run.py" "$root/Figures/bin/Release/net10.0/verify" "$data" "$rounds"
