using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Verify.Theory;

/// <summary>
/// All n·m arcs of the bipartite transport graph, arc e = i·m + j, costs read in place from a row-major matrix.
/// <para>
/// Pricing streams the whole matrix many times, so for large problems it is memory-bound. Such problems may first
/// price with a single-precision copy of the costs (half the memory traffic): since |c − c̃| ≤ 2⁻²⁴|c| + 2⁻¹⁴⁹ for the
/// rounded cost c̃, an arc is proposed only when its priced cost computed from c̃ is below −(2⁻²⁴·max|c| + 2⁻¹⁴⁹)·(1+ε),
/// which proves its exact priced cost negative. Pivots always use the exact double costs. When the approximate pricing
/// finds nothing, <see cref="Refine"/> switches to exact double pricing, which alone certifies optimality.
/// </para>
/// </summary>
internal sealed class DenseArcs : ArcSet
{
    private readonly Array _cost; // double[] or double[,], row-major
    private readonly int _n, _m;
    private readonly double _maxAbsCost;
    private float[]? _approx;

    /// <summary>Arcs over a row-major cost array (n·m ≤ 2³¹ − 1); problems with at least <paramref name="singleFrom"/> arcs price in single precision first.</summary>
    public DenseArcs(Array cost, int n, int m, double maxAbsCost, long singleFrom = long.MaxValue)
    {
        if ((long)n * m > int.MaxValue) throw new ArgumentException($"{n}×{m} arcs exceed the dense solver's 2³¹ − 1");
        _cost = cost;
        _maxAbsCost = maxAbsCost;
        _n = n;
        _m = m;
        if ((long)n * m >= singleFrom) _approx = SingleCopy(cost, n, m);
    }

    public override int Count => _n * _m;
    public override int Source(int e) => e / _m;
    public override int Target(int e) => e % _m;
    public override double Cost(int e) => CostMatrix.At(_cost, e);

    public override bool Refine()
    {
        if (_approx is null) return false;
        _approx = null;
        return true;
    }

    private static float[] SingleCopy(Array cost, int n, int m)
    {
        var f = new float[(long)n * m];
        RowParallel.For(n, (long)n * m, i =>
        {
            ReadOnlySpan<double> row = CostMatrix.Row(cost, i, m);
            Span<float> dst = f.AsSpan(i * m, m);
            for (int j = 0; j < m; j++) dst[j] = (float)row[j];
        });
        return f;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int FindEntering(double[] pi, double[] low, int n, ref int next, int block, in PricingRule rule)
    {
        int m = _m, rows = _n;
        long total = (long)rows * m;
        float[]? approx = _approx;
        ReadOnlySpan<double> lowT = low.AsSpan(n, m);
        double factor = rule.CostFactor;
        // Approximate pricing: the rounding of c̃ (at most 2⁻²⁴·max|c| + 2⁻¹⁴⁹, times the factor 1 + ε) is added to every row.
        double slack = approx is null ? 0.0 : (Rounding * _maxAbsCost + Floor) * factor * (1 + 4 * Rounding);
        int i = next / m, j = next - i * m;
        double best = 0;
        int bestArc = -1;
        int left = block;
        long scanned = 0;
        while (scanned < total)
        {
            int jEnd = Math.Min(m, j + left);
            int rowBase = i * m;
            double row = rule.RowConstant(pi[i]);
            int found = approx is null
                ? Scan(CostMatrix.Row(_cost, i, m), lowT, factor, row, j, jEnd, ref best)
                : ScanApprox(approx.AsSpan(rowBase, m), lowT, factor, row + slack, j, jEnd, ref best);
            if (found >= 0) bestArc = rowBase + found;
            int done = jEnd - j;
            scanned += done;
            left -= done;
            j = jEnd;
            if (j == m)
            {
                j = 0;
                i++;
                if (i == rows) i = 0;
            }
            if (left == 0)
            {
                if (bestArc >= 0)
                {
                    next = i * m + j;
                    return bestArc;
                }
                left = block;
            }
        }
        next = i * m + j;
        return bestArc;
    }

    private const double Rounding = 5.9604644775390625e-8; // 2⁻²⁴, relative rounding of a double to float
    private const double Floor = 1.5e-45;                  // ≥ 2⁻¹⁴⁹, the largest rounding error of a subnormal float

    /// <summary>
    /// Over columns [j0, j1) of one row: the first column whose priced cost c·f + r − lowⱼ is below both the running
    /// <paramref name="best"/> and 0; updates best and returns the column, or −1. One fused multiply-add and one
    /// subtraction per arc, eight (AVX-512) or four (AVX2) lanes at a time; ties keep the earliest column, exactly as a
    /// scalar scan would.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Scan(ReadOnlySpan<double> row, ReadOnlySpan<double> lowT, double factor, double rowConstant, int j0, int j1, ref double best)
    {
        int found = -1;
        int jj = j0;
        double start = Math.Min(best, 0.0);
        ref double rowRef = ref MemoryMarshal.GetReference(row);
        ref double lowRef = ref MemoryMarshal.GetReference(lowT);
        if (Vector512.IsHardwareAccelerated && j1 - j0 >= 16)
        {
            var vF = Vector512.Create(factor);
            var vR = Vector512.Create(rowConstant);
            var vBest = Vector512.Create(start);
            var vIdx = Vector512.Create(-1L);
            var vCur = Vector512.Create((long)jj, jj + 1, jj + 2, jj + 3, jj + 4, jj + 5, jj + 6, jj + 7);
            var vStep = Vector512.Create(8L);
            for (; jj + 8 <= j1; jj += 8)
            {
                var rc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref rowRef, (nuint)jj), vF, vR) - Vector512.LoadUnsafe(ref lowRef, (nuint)jj);
                var better = Vector512.LessThan(rc, vBest);
                vBest = Vector512.ConditionalSelect(better, rc, vBest);
                vIdx = Vector512.ConditionalSelect(better.AsInt64(), vCur, vIdx);
                vCur += vStep;
            }
            Reduce(vBest.GetLower(), vIdx.GetLower(), ref best, ref found);
            Reduce(vBest.GetUpper(), vIdx.GetUpper(), ref best, ref found);
        }
        else if (Vector256.IsHardwareAccelerated && j1 - j0 >= 8)
        {
            var vF = Vector256.Create(factor);
            var vR = Vector256.Create(rowConstant);
            var vBest = Vector256.Create(start);
            var vIdx = Vector256.Create(-1L);
            var vCur = Vector256.Create((long)jj, jj + 1, jj + 2, jj + 3);
            var vStep = Vector256.Create(4L);
            for (; jj + 4 <= j1; jj += 4)
            {
                var rc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rowRef, (nuint)jj), vF, vR) - Vector256.LoadUnsafe(ref lowRef, (nuint)jj);
                var better = Vector256.LessThan(rc, vBest);
                vBest = Vector256.ConditionalSelect(better, rc, vBest);
                vIdx = Vector256.ConditionalSelect(better.AsInt64(), vCur, vIdx);
                vCur += vStep;
            }
            Reduce(vBest, vIdx, ref best, ref found);
        }
        for (; jj < j1; jj++)
        {
            double rc = Math.FusedMultiplyAdd(row[jj], factor, rowConstant) - lowT[jj];
            if (rc < best && rc < 0)
            {
                best = rc;
                found = jj;
            }
        }
        return found;
    }

    /// <summary>
    /// As <see cref="Scan"/> on single-precision costs c̃; the caller adds the rounding bound to the row constant so that
    /// every proposed arc has a negative exact priced cost.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ScanApprox(ReadOnlySpan<float> row, ReadOnlySpan<double> lowT, double factor, double rowConstant, int j0, int j1, ref double best)
    {
        int found = -1;
        int jj = j0;
        double start = Math.Min(best, 0.0);
        ref float rowRef = ref MemoryMarshal.GetReference(row);
        ref double lowRef = ref MemoryMarshal.GetReference(lowT);
        if (Vector512.IsHardwareAccelerated && j1 - j0 >= 32)
        {
            var vF = Vector512.Create(factor);
            var vR = Vector512.Create(rowConstant);
            var vBest = Vector512.Create(start);
            var vIdx = Vector512.Create(-1L);
            var vCur = Vector512.Create((long)jj, jj + 1, jj + 2, jj + 3, jj + 4, jj + 5, jj + 6, jj + 7);
            var vStep = Vector512.Create(8L);
            for (; jj + 8 <= j1; jj += 8)
            {
                var c = Vector512.WidenLower(Vector256.LoadUnsafe(ref rowRef, (nuint)jj).ToVector512Unsafe());
                var rc = Vector512.FusedMultiplyAdd(c, vF, vR) - Vector512.LoadUnsafe(ref lowRef, (nuint)jj);
                var better = Vector512.LessThan(rc, vBest);
                vBest = Vector512.ConditionalSelect(better, rc, vBest);
                vIdx = Vector512.ConditionalSelect(better.AsInt64(), vCur, vIdx);
                vCur += vStep;
            }
            Reduce(vBest.GetLower(), vIdx.GetLower(), ref best, ref found);
            Reduce(vBest.GetUpper(), vIdx.GetUpper(), ref best, ref found);
        }
        for (; jj < j1; jj++)
        {
            double rc = Math.FusedMultiplyAdd(row[jj], factor, rowConstant) - lowT[jj];
            if (rc < best && rc < 0)
            {
                best = rc;
                found = jj;
            }
        }
        return found;
    }

    /// <summary>Merges per-lane minima into (best, found): smaller value wins, then the earlier column.</summary>
    private static void Reduce(Vector256<double> vBest, Vector256<long> vIdx, ref double best, ref int found)
    {
        for (int l = 0; l < 4; l++)
        {
            long idx = vIdx.GetElement(l);
            if (idx < 0) continue;
            double v = vBest.GetElement(l);
            if (v < best || (v == best && idx < found))
            {
                best = v;
                found = (int)idx;
            }
        }
    }
}
