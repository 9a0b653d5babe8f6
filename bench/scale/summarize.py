#!/usr/bin/env python3
"""Summarises bench/scale.sh's log (stdin): per row and side the median wall and CPU time and the largest peak RSS;
for rows run on both sides, the paired ratio ours/POT (median over rounds of each round's ratio) and the values'
relative difference (goal: 1e-9); for the known-answer rows, the relative error against the known value."""
import math
import statistics
import sys
from collections import defaultdict

KNOWN = {'translate-w1': math.sqrt(1.25)}


def main():
    runs = defaultdict(list)
    for line in sys.stdin:
        f = line.split()
        if len(f) != 8 or f[0] == 'known':
            if f and f[0] == 'known':
                KNOWN[f[1]] = float(f[2])
            continue
        runs[(f[0], f[1])].append((float(f[2]), float(f[3]), float(f[4]), float(f[5]), f[6], f[7]))
    rows = sorted({r for r, _ in runs})
    print(f'{"row":<16} {"side":<5} {"runs":>4} {"wall s":>8} {"cpu s":>8} {"peak MB":>8}  {"value":<22} route   certified')
    for row in rows:
        for side in ('pot', 'ours'):
            rs = runs.get((row, side))
            if not rs:
                continue
            wall = statistics.median(r[0] for r in rs)
            cpu = statistics.median(r[1] for r in rs)
            rss = max(r[2] for r in rs)
            print(f'{row:<16} {side:<5} {len(rs):>4} {wall:>8.2f} {cpu:>8.2f} {rss:>8.0f}  {rs[-1][3]:<22.17g} {rs[-1][4]:<7} {rs[-1][5]}')
    print()
    for row in rows:
        ours, pot = runs.get((row, 'ours')), runs.get((row, 'pot'))
        if ours and pot:
            k = min(len(ours), len(pot))
            wall = statistics.median(ours[i][0] / pot[i][0] for i in range(k))
            cpu = statistics.median(ours[i][1] / pot[i][1] for i in range(k))
            spread = (min(ours[i][0] / pot[i][0] for i in range(k)), max(ours[i][0] / pot[i][0] for i in range(k)))
            rel = abs(ours[-1][3] - pot[-1][3]) / abs(pot[-1][3])
            print(f'{row:<16} ours/POT wall {wall:.3f} (rounds {spread[0]:.3f}–{spread[1]:.3f}), cpu {cpu:.3f}; '
                  f'values differ by {rel:.2e} relative ({"ok" if rel <= 1e-9 else "ABOVE 1e-9"})')
        if ours and row in KNOWN:
            rel = abs(ours[-1][3] - KNOWN[row]) / abs(KNOWN[row])
            print(f'{row:<16} known answer {KNOWN[row]:.17g}: relative error {rel:.2e} ({"ok" if rel <= 1e-9 else "ABOVE 1e-9"})')


if __name__ == '__main__':
    main()
