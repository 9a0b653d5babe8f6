#!/usr/bin/env bash
# Convolutions of the DCGAN pair and one WGAN-GP generator iteration, side by side with the PyTorch anchor, in one run.
# Usage: bash bench/conv.sh [rounds=3]
# Each round times our engine, then bench/conv/anchor.py (PyTorch 1.13, 2 threads, OPENBLAS_CORETYPE=SkylakeX for the
# anchor process only); prints ms, GFLOP/s and the fraction of the engine's sgemm peak per op, then ms per iteration.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
dotnet build "$root/bench/Verify.Bench/Verify.Bench.csproj" -c Release --nologo -v q >&2
cd "$root"
"$root/bench/Verify.Bench/bin/Release/net10.0/verify-bench" conv --rounds "$rounds" --anchor "$root/bench/conv/anchor.py"
