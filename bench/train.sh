#!/usr/bin/env bash
# Training workloads side by side with the PyTorch anchor (Debian python3-torch, 2 threads), in one run.
# Usage: bash bench/train.sh [rounds=3]
# Each round times our engine, then bench/train/anchor.py, workload by workload (toy WGAN-GP 3x512 and 3x128, MNIST MLP GAN);
# prints the medians in ms per generator iteration, the ratio ours/PyTorch, and the model GFLOP/s.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
dotnet build "$root/bench/Verify.Bench/Verify.Bench.csproj" -c Release --nologo -v q >&2
"$root/bench/Verify.Bench/bin/Release/net10.0/verify-bench" train --rounds "$rounds" --anchor "$root/bench/train/anchor.py"
