#!/usr/bin/env bash
# Training speed against PyTorch 1.13, two tables from one command.
# Usage: bash bench/train.sh [rounds=3] [workloads=toy512,toy128,critic]
#  1. Whole process, what users run: `verify train` / `verify critic` beside PyTorch scripts doing the same work
#     (bench/train/whole_process.py; the anchor's process alone with OPENBLAS_CORETYPE=SkylakeX), alternating, medians.
#  2. In-process engine (second column): ms per generator iteration / critic step of the same networks, no start-up,
#     no logging (verify-bench train), beside bench/train/anchor.py with OPENBLAS_CORETYPE=SkylakeX.
# The engine's GEMM peak (square 512, its own kernel; the median of 5 interleaved rounds, so one slow round does not
# move it) is measured first, for the GFLOP/s shares.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
workloads=${2:-toy512,toy128,critic}
dotnet build "$root/Figures/Figures.csproj" -c Release --nologo -v q >&2
dotnet build "$root/bench/Verify.Bench/Verify.Bench.csproj" -c Release --nologo -v q >&2
bench="$root/bench/Verify.Bench/bin/Release/net10.0/verify-bench"
peak=$("$bench" gemm --rounds 5 --no-python --no-reference | awk '/^square 512/ {print $3}')
echo "# engine GEMM peak (square 512, float32): ${peak} GFLOP/s"
/usr/bin/python3 "$root/bench/train/whole_process.py" --verify "$root/Figures/bin/Release/net10.0/verify" --rounds "$rounds" \
  --workloads "$workloads" --gemm-peak "$peak"
inprocess=$(echo "$workloads" | sed 's/critic/critic64/')
"$bench" train --rounds "$rounds" --anchor "$root/bench/train/anchor.py" --anchor-coretype SkylakeX --workloads "$inprocess,mnist"
