using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Verify.Theory;

/// <summary>The least values of c(xᵢ, yⱼ) + pⱼ over all targets: the least-value candidates of the matrix-free route.</summary>
internal sealed partial class PairScan
{
    /// <summary>
    /// For each row i of <paramref name="rows"/> (the first <paramref name="count"/>): the k targets j of least
    /// w = c(xᵢ, yⱼ) + pⱼ over ALL m targets, ascending (ties by index), written to <paramref name="list"/>[i·k …], and
    /// <paramref name="floor"/>[i] = the (k + 1)-th least w (+∞ when
    /// m ≤ k), so that every target left out has w ≥ floor[i] − 2⁻⁴⁰·|floor[i]| (values tied with the floor up to that
    /// are left out, <see cref="Cut"/>). Rows run in parallel, targets in blocks that stay in
    /// cache; within a row the bound tightens as the list fills, so most blocks of eight targets cost one squared
    /// distance and a few comparisons (see the class remarks for the filter). Seeds (row i's are
    /// <paramref name="seedTarget"/>[<paramref name="seedFirst"/>[i] … <paramref name="seedFirst"/>[i + 1]), repeats
    /// allowed) are valued first, so that the bound is tight from the first block on (measured at 10⁵ × 10⁵: 7.6 s
    /// without, 3.3 s with each source's candidates and its tree-order neighbours' as seeds); they change only which of
    /// two exactly equal values at the floor is kept. A row that has taken <paramref name="maxInserts"/> values into its
    /// list stops there (its list is then the least of what was seen, and its floor −∞, which bounds nothing): where
    /// nearly every value ties, as for points on a line under W₁, the bound barely tightens and the scan would value
    /// most pairs one by one.
    /// </summary>
    public void Least(int[] rows, int count, double[] price, int k, int[] list, double[] floor,
        int[]? seedFirst = null, int[]? seedTarget = null, int maxInserts = int.MaxValue)
    {
        if (count == 0) return;
        double[] key = Array.ConvertAll(price, p => -p), keyPad = Padded(key), keyMax = RunMax(key);
        var (lo, hi) = Boxes();
        int kept = k + 1;
        var val = new double[count * kept];
        var idx = new int[count * kept];
        var size = new int[count];
        var inserts = new int[count];
        int parts = Parts(count);
        Parallel.For(0, parts, p =>
        {
            int r0 = (int)((long)count * p / parts), r1 = (int)((long)count * (p + 1) / parts);
            if (seedFirst is not null && seedTarget is not null)
                for (int r = r0; r < r1; r++)
                {
                    ReadOnlySpan<double> x = _costs.X(rows[r]);
                    Span<double> v = val.AsSpan(r * kept, kept);
                    Span<int> ix = idx.AsSpan(r * kept, kept);
                    for (int t = seedFirst[rows[r]]; t < seedFirst[rows[r] + 1]; t++)
                    {
                        int j = seedTarget[t];
                        if (!ix[..size[r]].Contains(j))
                            CloudCosts.Insert(v, ix, ref size[r], kept, _costs.Cost.EvaluateUnchecked(x, _costs.Y(j)) + price[j], j);
                    }
                }
            long skipped = 0;
            for (int j0 = 0; j0 < _mPad; j0 += ColumnBlock)
            {
                int j1 = Math.Min(_mPad, j0 + ColumnBlock);
                for (int r = r0; r < r1; r++)
                {
                    ReadOnlySpan<double> x = _costs.X(rows[r]);
                    Span<double> v = val.AsSpan(r * kept, kept);
                    for (int s0 = j0; s0 < j1 && inserts[r] < maxInserts; s0 += SubBlock)
                    {
                        // Every w = fl(c − key) of the run is ≥ fl(c_low − max key): at or above the cut, none enters.
                        int run = s0 / SubBlock;
                        if (RunLower(x, run, lo, hi) - keyMax[run] >= Cut(size[r] == kept ? v[kept - 1] : double.PositiveInfinity))
                        {
                            skipped++;
                            continue;
                        }
                        LeastRow(x, keyPad, price, v, idx.AsSpan(r * kept, kept), ref size[r], ref inserts[r], maxInserts, s0,
                            Math.Min(j1, s0 + SubBlock));
                    }
                }
            }
            Interlocked.Add(ref SkippedRuns, skipped);
        });
        for (int r = 0; r < count; r++)
        {
            int i = rows[r];
            for (int s = 0; s < k; s++) list[i * k + s] = s < size[r] ? idx[r * kept + s] : -1;
            floor[i] = inserts[r] >= maxInserts ? double.NegativeInfinity : size[r] == kept ? val[r * kept + k] : double.PositiveInfinity;
        }
    }

    /// <summary>
    /// One row over the targets [j0, j1): keeps the least w in (val, idx), sorted ascending. The screen is the class's
    /// filter (<see cref="Admitted"/>) for w &lt; bound (t = bound − pⱼ, f = 1), with the bound in a local that tightens
    /// as the list fills; the exact test then runs in the vector against the cut (<see cref="Cut"/>), and only lanes that
    /// pass it are valued again by the scalar code.
    /// </summary>
    private void LeastRow(ReadOnlySpan<double> x, double[] keyPad, double[] price, Span<double> val, Span<int> idx, ref int size,
        ref int inserts, int maxInserts, int j0, int j1)
    {
        if (IsPlane) LeastRow<Plane>(x, keyPad, price, val, idx, ref size, ref inserts, maxInserts, j0, j1);
        else LeastRow<AnyShape>(x, keyPad, price, val, idx, ref size, ref inserts, maxInserts, j0, j1);
    }

    private void LeastRow<TShape>(ReadOnlySpan<double> x, double[] keyPad, double[] price, Span<double> val, Span<int> idx, ref int size,
        ref int inserts, int maxInserts, int j0, int j1) where TShape : struct, IShape
    {
        int cap = val.Length, m = _costs.M;
        double bound = size == cap ? val[cap - 1] : double.PositiveInfinity;
        double cut = Cut(bound);
        for (int j = j0; j < j1; j += Lanes)
        {
            ulong bits = NextBelow<TShape>(x, keyPad, bound, cut, ref j, j1);
            while (bits != 0)
            {
                int jj = j + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (jj >= m) break;
                double w = _costs.Cost.EvaluateUnchecked(x, _costs.Y(jj)) + price[jj];
                if (size == cap && !(w < cut)) continue;
                if (idx[..size].Contains(jj)) continue; // a seed met again
                CloudCosts.Insert(val, idx, ref size, cap, w, jj);
                if (++inserts >= maxInserts) return;
                if (size == cap && val[cap - 1] < bound)
                {
                    bound = val[cap - 1];
                    cut = Cut(bound);
                }
            }
        }
    }

    /// <summary>
    /// From the vector at <paramref name="j"/> on, the first whose lanes hold values w = c + p below the cut: moves j there
    /// (to j1 when none) and returns those lanes as bits. A loop without calls, so that its vectors stay in registers (the
    /// scalar work on a hit, with its calls, runs in the caller: measured on the 10⁵ Gaussian row's least-value scan, 2.5 s
    /// against 3.7 s with both in one method, whose loop reloaded its vectors after every call).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private ulong NextBelow<TShape>(ReadOnlySpan<double> x, double[] keyPad, double bound, double cut, ref int j, int j1) where TShape : struct, IShape
    {
        int d = TShape.Dimension(_d);
        bool squared = TShape.Squared(_squared);
        var x0 = Vector512.Create(x[0]);
        var x1 = Vector512.Create(d > 1 ? x[1] : 0.0);
        var boundV = Vector512.Create(bound);
        var cutV = Vector512.Create(cut);
        var factor = FilterFactor(1.0, squared);
        var floorV = FilterFloor;
        var columns = new Columns(_y);
        ref double k0 = ref keyPad[0];
        for (; j < j1; j += Lanes)
        {
            var q = columns.Squares(d, x, x0, x1, j);
            var key = Vector512.LoadUnsafe(ref k0, (nuint)j);
            if (!AdmitsAny(q, key + boundV, factor, floorV, squared)) continue;
            ulong bits = Vector512.LessThan((squared ? q : Vector512.Sqrt(q)) - key, cutV).ExtractMostSignificantBits();
            if (bits != 0) return bits;
        }
        return 0;
    }

    /// <summary>
    /// What a new value must undercut to enter a full list: the bound less 2⁻⁴⁰ of its magnitude, so that values tied
    /// with the bound up to rounding (all of them, for points on a line under W₁) are not valued one by one.
    /// </summary>
    private static double Cut(double bound) => double.IsInfinity(bound) ? bound : bound - Math.Abs(bound) * TieSlack;

    private const double TieSlack = 9.094947017729282e-13; // 2⁻⁴⁰
}
