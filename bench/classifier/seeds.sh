#!/usr/bin/env bash
# The digit classifier's held-out accuracy over seeds, the engine (classifier-trace, float, i.e. DigitClassifier.Fit as
# the tests and F9 call it) and PyTorch 1.13 (anchor.py: the same network and recipe, its own initialisation and batches).
# Usage: VERIFY_DATA=… bash bench/classifier/seeds.sh [EPOCHS] [SHIFT] [SEEDS...]   (defaults: the recipe, 6 epochs,
# shift 2, seeds 0 1 2 3 4). Batch 32, Adam 2e-3 falling linearly to 0 per step. Alternates ours and PyTorch per seed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
epochs=${1:-6}; shift_px=${2:-2}; shift $(( $# < 2 ? $# : 2 ))
seeds=("$@"); [ ${#seeds[@]} -eq 0 ] && seeds=(0 1 2 3 4)
: "${VERIFY_DATA:?set VERIFY_DATA to the MNIST folder's parent (bash scripts/setup installs it)}"
dotnet build "$here/Trace" -c Release --nologo -v q >/dev/null
trace="$here/Trace/bin/Release/net10.0/classifier-trace.dll"
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
dotnet "$trace" "$dir" 0 0 1 1 >/dev/null   # the digits only, for anchor.py
for s in "${seeds[@]}"; do
  echo "ours epochs $epochs batch 32 lr 0.002 shift $shift_px seed $s $(dotnet "$trace" "$dir/ours" "$s" "$epochs" 32 2e-3 float 8000 "$shift_px" | tr '\n' ' ')"
  TORCH_THREADS=${TORCH_THREADS:-2} OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 "$here/anchor.py" "$dir" "$epochs" 32 2e-3 "$shift_px" "$s"
done
