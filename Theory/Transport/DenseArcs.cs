using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Verify.Theory;

/// <summary>
/// All n·m arcs of the bipartite transport graph, arc e = i·m + j, costs read in place from a row-major matrix.
/// <para>
/// Pricing streams the whole matrix many times, so for large problems it is memory-bound. Such problems first price
/// with a single-precision copy of the costs (half the memory traffic): an arc is proposed only when its reduced cost
/// computed from the rounded cost c̃ is below the exact threshold minus 2⁻²⁴·max|c| + 2⁻¹⁴⁹, which, since
/// |c − c̃| ≤ 2⁻²⁴|c| + 2⁻¹⁴⁹, proves the exact reduced cost below the threshold. Pivots always use the exact double costs. When the approximate pricing
/// finds nothing, <see cref="Refine"/> switches to exact double pricing, which alone certifies optimality.
/// </para>
/// </summary>
internal sealed class DenseArcs : ArcSet
{
    private readonly Array _cost; // double[] or double[,], row-major
    private readonly int _n, _m;
    private readonly double _maxAbsCost;
    private float[]? _approx;

    /// <summary>Arcs over a row-major cost array; problems with at least <paramref name="singleFrom"/> arcs price in single precision first.</summary>
    public DenseArcs(Array cost, int n, int m, double maxAbsCost, long singleFrom = long.MaxValue)
    {
        _cost = cost;
        _maxAbsCost = maxAbsCost;
        _n = n;
        _m = m;
        if ((long)n * m >= singleFrom) _approx = SingleCopy(cost, n, m);
    }

    public override int Count => _n * _m;
    public override int Source(int e) => e / _m;
    public override int Target(int e) => e % _m;

    public override double Cost(int e) =>
        Unsafe.Add(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(_cost)), e);

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
            ReadOnlySpan<double> row = MemoryMarshal.CreateReadOnlySpan(
                ref Unsafe.Add(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(cost)), (nint)i * m), m);
            Span<float> dst = f.AsSpan(i * m, m);
            for (int j = 0; j < m; j++) dst[j] = (float)row[j];
        });
        return f;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int FindEntering(double[] pi, int n, ref int next, int block, double threshold)
    {
        int m = _m, rows = _n;
        long total = (long)rows * m;
        ref double c0 = ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(_cost));
        float[]? approx = _approx;
        ReadOnlySpan<double> piT = pi.AsSpan(n, m);
        int i = next / m, j = next - i * m;
        double best = 0;
        int bestArc = -1;
        int left = block;
        long scanned = 0;
        while (scanned < total)
        {
            int jEnd = Math.Min(m, j + left);
            int rowBase = i * m;
            int found = approx is null
                ? Scan(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref c0, rowBase), m), piT, pi[i], j, jEnd, threshold, ref best)
                : ScanApprox(approx.AsSpan(rowBase, m), piT, pi[i], j, jEnd, threshold - Rounding * _maxAbsCost - Floor, ref best);
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
    /// Over columns [j0, j1) of one row: the first column whose reduced cost c + πᵢ − πⱼ is below both the running
    /// <paramref name="best"/> and <paramref name="threshold"/> (&lt; 0); updates best and returns the column, or −1.
    /// Eight (AVX-512) or four (AVX2) lanes at a time; ties keep the earliest column, exactly as a scalar scan would.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Scan(ReadOnlySpan<double> row, ReadOnlySpan<double> piT, double pii, int j0, int j1, double threshold, ref double best)
    {
        int found = -1;
        int jj = j0;
        double start = Math.Min(best, threshold);
        ref double rowRef = ref MemoryMarshal.GetReference(row);
        ref double piRef = ref MemoryMarshal.GetReference(piT);
        if (Vector512.IsHardwareAccelerated && j1 - j0 >= 16)
        {
            var vPii = Vector512.Create(pii);
            var vBest = Vector512.Create(start);
            var vIdx = Vector512.Create(-1L);
            var vCur = Vector512.Create((long)jj, jj + 1, jj + 2, jj + 3, jj + 4, jj + 5, jj + 6, jj + 7);
            var vStep = Vector512.Create(8L);
            for (; jj + 8 <= j1; jj += 8)
            {
                var rc = Vector512.LoadUnsafe(ref rowRef, (nuint)jj) + vPii - Vector512.LoadUnsafe(ref piRef, (nuint)jj);
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
            var vPii = Vector256.Create(pii);
            var vBest = Vector256.Create(start);
            var vIdx = Vector256.Create(-1L);
            var vCur = Vector256.Create((long)jj, jj + 1, jj + 2, jj + 3);
            var vStep = Vector256.Create(4L);
            for (; jj + 4 <= j1; jj += 4)
            {
                var rc = Vector256.LoadUnsafe(ref rowRef, (nuint)jj) + vPii - Vector256.LoadUnsafe(ref piRef, (nuint)jj);
                var better = Vector256.LessThan(rc, vBest);
                vBest = Vector256.ConditionalSelect(better, rc, vBest);
                vIdx = Vector256.ConditionalSelect(better.AsInt64(), vCur, vIdx);
                vCur += vStep;
            }
            Reduce(vBest, vIdx, ref best, ref found);
        }
        for (; jj < j1; jj++)
        {
            double rc = row[jj] + pii - piT[jj];
            if (rc < best && rc < threshold)
            {
                best = rc;
                found = jj;
            }
        }
        return found;
    }

    /// <summary>
    /// As <see cref="Scan"/> on single-precision costs c̃; the caller widens the threshold by the rounding bound
    /// 2⁻²⁴·max|c| + 2⁻¹⁴⁹ so that every proposed arc has a negative exact reduced cost.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ScanApprox(ReadOnlySpan<float> row, ReadOnlySpan<double> piT, double pii, int j0, int j1, double threshold, ref double best)
    {
        int found = -1;
        int jj = j0;
        double start = Math.Min(best, threshold);
        ref float rowRef = ref MemoryMarshal.GetReference(row);
        ref double piRef = ref MemoryMarshal.GetReference(piT);
        if (Vector512.IsHardwareAccelerated && j1 - j0 >= 32)
        {
            var vPii = Vector512.Create(pii);
            var vBest = Vector512.Create(start);
            var vIdx = Vector512.Create(-1L);
            var vCur = Vector512.Create((long)jj, jj + 1, jj + 2, jj + 3, jj + 4, jj + 5, jj + 6, jj + 7);
            var vStep = Vector512.Create(8L);
            for (; jj + 8 <= j1; jj += 8)
            {
                var c = Vector512.WidenLower(Vector256.LoadUnsafe(ref rowRef, (nuint)jj).ToVector512Unsafe());
                var rc = c + vPii - Vector512.LoadUnsafe(ref piRef, (nuint)jj);
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
            double rc = row[jj] + pii - piT[jj];
            if (rc < best && rc < threshold)
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
