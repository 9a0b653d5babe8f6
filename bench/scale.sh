#!/usr/bin/env bash
# Exact transport beyond the dense matrix: `verify distance` as a whole process (/usr/bin/time -v: wall, CPU, peak RSS)
# on seeded Gaussian clouds (q shifted by (1, 0.5)), side by side with POT (ot.emd2 on SciPy's cdist matrix) at
# n = m = 10⁴ in 2-D, and ours alone at 10⁵ in 2-D (W1, W2, and the known answers: a translate, points on a line) and
# on the 10⁴ MNIST digits against the same digits shifted one pixel (784-D; needs VERIFY_DATA with mnist/).
# Usage: bash bench/scale.sh [rounds=3] [rows=pot,big,known,mnist]  (big-w2: the 10⁵ W2 row alone)
# The 10⁴ rows alternate POT and ours `rounds` times; the ratio printed is the median of the paired per-round ratios.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
rows=${2:-pot,big,known,mnist}
data=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$data" "$log"' EXIT
/usr/bin/python3 "$root/bench/scale/gen.py" "$data"
dotnet build "$root/Figures/Figures.csproj" -c Release --nologo -v q >&2
verify="$root/Figures/bin/Release/net10.0/verify"
py=/usr/bin/python3
here="$root/bench/scale"

# timed ROW SIDE KEY CMD...: runs CMD under /usr/bin/time -v and appends one line to the log.
timed() {
  local row=$1 side=$2 key=$3
  shift 3
  local out err
  out=$(mktemp)
  err=$(mktemp)
  /usr/bin/time -v "$@" >"$out" 2>"$err" || true
  $py "$here/record.py" "$row" "$side" "$err" "$out" "$key" | tee -a "$log" >&2
  rm -f "$out" "$err"
}
ours() { timed "$1" ours "$2" "$verify" distance "$data/$3-p.npy" "$data/$3-q.npy" --metric "$2" --json; }
has() { [[ ",$rows," == *",$1,"* ]]; }

if has pot; then
  for r in $(seq 1 "$rounds"); do
    echo "round $r/$rounds" >&2
    for metric in w1 w2; do
      timed "g2d-1e4-$metric" pot - $py "$here/pot.py" "$data/g2d-10000-p.npy" "$data/g2d-10000-q.npy" "$metric"
      ours "g2d-1e4-$metric" "$metric" g2d-10000
    done
  done
fi
if has big; then
  ours g2d-1e5-w1 w1 g2d-100000
fi
if has big || has big-w2; then
  ours g2d-1e5-w2 w2 g2d-100000
fi
if has known; then
  ours translate-w1 w1 translate
  echo "known line-w1 $($py "$here/oned.py" "$data/line-p-1d.npy" "$data/line-q-1d.npy")" | tee -a "$log" >&2
  ours line-w1 w1 line
fi
if has mnist; then
  if [ -f "$data/mnist-p.npy" ]; then
    ours mnist-w1 w1 mnist
    ours mnist-w2 w2 mnist
  else
    echo "mnist rows skipped: set VERIFY_DATA to the folder holding mnist/ (bash scripts/setup installs it)" >&2
  fi
fi
$py "$here/summarize.py" < "$log"
