#!/usr/bin/env python3
"""Reads the "anchor|ours <workload> <rep> <ms> <value>" lines of bench/ot.sh and prints medians and ratios."""
import statistics
import sys
from collections import defaultdict

times = defaultdict(list)
values = {}
extra = {}
for line in sys.stdin:
    parts = line.split()
    if len(parts) < 5 or parts[0] not in ('anchor', 'ours'):
        continue
    side, name, _, ms, val = parts[:5]
    if name.startswith('cap-'):
        extra[(side, name)] = (float(ms), float(val), ' '.join(parts[5:]))
        continue
    times[(side, name)].append(float(ms))
    values[(side, name)] = float(val)

names = sorted({n for (_, n) in times}, key=lambda s: ['g2d-1000', 'g2d-2000', 'g2d-4000', 'u784', 'line-1e6'].index(s)
               if s in ['g2d-1000', 'g2d-2000', 'g2d-4000', 'u784', 'line-1e6'] else 99)
print(f"{'workload':<10} {'runs':>4} {'anchor ms':>10} {'ours ms':>9} {'ours/anchor':>11}  {'anchor value':<22} {'ours value':<22} {'rel diff':>9}")
for n in names:
    a, o = times.get(('anchor', n)), times.get(('ours', n))
    if not a or not o:
        continue
    ma, mo = statistics.median(a), statistics.median(o)
    va, vo = values[('anchor', n)], values[('ours', n)]
    rel = abs(va - vo) / abs(va) if va else abs(vo)
    print(f"{n:<10} {min(len(a), len(o)):>4} {ma:>10.1f} {mo:>9.1f} {mo / ma:>11.3f}  {va:<22.17g} {vo:<22.17g} {rel:>9.1e}")
for (side, name), (ms, val, note) in sorted(extra.items()):
    print(f"{side:<6} {name:<22} {val:.17g}  ({ms:.0f} ms) {note}")
