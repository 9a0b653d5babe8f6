using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Verify.Theory;

/// <summary>
/// Exhaustive scans over all n·m pairs of two low-dimensional clouds under c = ‖x − y‖₂ (W₁) or c = ‖x − y‖₂² (W₂²),
/// eight targets per AVX-512 vector: the pricing and the certificate's dual sweep of the matrix-free route without a
/// tree. Where the optimal potentials are nearly tight along whole transport rays (W₁), a k-d tree's branch and bound
/// cannot prune and visits most pairs anyway; a flat scan does the same work at a few cycles per eight pairs.
/// <para>
/// Every decision is the scalar one: a vector filter in squared distances passes every pair that could pass the exact
/// test (margins below), and the pairs it passes are re-evaluated with <see cref="GroundCost.EvaluateUnchecked"/> and
/// the same floating-point expressions as the solver and <see cref="TreeCosts"/>. So the picks are exactly those of a
/// scalar pass over all pairs, and a pass costs O(n·m·d) arithmetic and O(n + m) memory.
/// </para>
/// <para>
/// The filter, for the test fma(c, f, R) − L &lt; 0 with c = fl(√q) ≥ 0: t = fl(L − R) has the sign of L − R, and the test
/// needs c·f &lt; L − R, so t ≤ 0 rules a pair out; for t &gt; 0 it needs q·f² &lt; t²·(1 + 6u) (u = 2⁻⁵³), which the
/// filter fl(q·f²) &lt; fl(t²)·(1 + 2⁻⁴⁰) admits with room to spare; t outside [10⁻¹⁵⁰, 10¹⁵⁰], where t² could
/// underflow or overflow, always passes. The sweep's test (uᵢ + vⱼ) − c &gt; 0 is the same with f = 1.
/// </para>
/// </summary>
internal sealed class PairScan
{
    private const int Lanes = 8;
    private const int ColumnBlock = 4096;
    private const double FilterMargin = 1.0 + 9.094947017729282e-13; // 1 + 2⁻⁴⁰
    private const double Tiny = 1e-150, Huge = 1e150;

    private readonly CloudCosts _costs;
    private readonly double[][] _y;
    private readonly int _d, _mPad;
    private readonly bool _squared;

    /// <summary>Whether the scan applies: the Euclidean norm with power 1 or 2, and AVX-512 present.</summary>
    public static bool Supports(GroundCost cost) =>
        !cost.IsManhattan && (cost.Power == 1.0 || cost.Power == 2.0) && Vector512.IsHardwareAccelerated;

    /// <summary>Prepares the targets of <paramref name="costs"/> coordinate by coordinate, padded to whole vectors with NaN.</summary>
    public PairScan(CloudCosts costs)
    {
        if (!Supports(costs.Cost)) throw new ArgumentException($"the pair scan needs a Euclidean cost of power 1 or 2 and AVX-512, got {costs.Cost}");
        _costs = costs;
        _d = costs.Dimension;
        _squared = costs.Cost.Power == 2.0;
        int m = costs.M;
        _mPad = (m + Lanes - 1) / Lanes * Lanes;
        _y = new double[_d][];
        for (int k = 0; k < _d; k++)
        {
            var c = new double[_mPad];
            for (int j = 0; j < m; j++) c[j] = costs.Ys[j * _d + k];
            for (int j = m; j < _mPad; j++) c[j] = double.NaN;
            _y[k] = c;
        }
    }

    private double[] Padded(double[] values)
    {
        var p = new double[_mPad];
        values.AsSpan().CopyTo(p);
        p.AsSpan(values.Length).Fill(double.NaN);
        return p;
    }

    /// <summary>
    /// The targets j ∈ [j0, j1) (j0 a multiple of eight) whose pair with x may pass the exact test c·f &lt; t, where
    /// t = key[j] + shift (see the class remarks), written to <paramref name="found"/> in ascending order; returns
    /// their count. q = Σₖ (xₖ − yⱼₖ)² is formed in the order of <see cref="GroundCost.EvaluateUnchecked"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Survivors(ReadOnlySpan<double> x, double[] key, double shift, double f, int j0, int j1, int[] found)
    {
        var shiftV = Vector512.Create(shift);
        var factor = Vector512.Create(_squared ? f : f * f);
        var margin = Vector512.Create(FilterMargin);
        var tiny = Vector512.Create(Tiny);
        var huge = Vector512.Create(Huge);
        ref double k0 = ref key[0];
        ref double y0 = ref _y[0][0];
        var x0 = Vector512.Create(x[0]);
        int count = 0;
        for (int j = j0; j < j1; j += Lanes)
        {
            var diff = x0 - Vector512.LoadUnsafe(ref y0, (nuint)j);
            Vector512<double> q = diff * diff;
            for (int k = 1; k < _d; k++)
            {
                diff = Vector512.Create(x[k]) - Vector512.LoadUnsafe(ref _y[k][0], (nuint)j);
                q += diff * diff;
            }
            var t = Vector512.LoadUnsafe(ref k0, (nuint)j) + shiftV;
            var bound = _squared ? t * margin : t * t * margin;
            var pass = Vector512.GreaterThan(t, Vector512<double>.Zero)
                & (Vector512.LessThan(q * factor, bound) | Vector512.LessThan(t, tiny) | Vector512.GreaterThan(t, huge));
            ulong bits = pass.ExtractMostSignificantBits();
            while (bits != 0)
            {
                found[count++] = j + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }
        return count;
    }

    /// <summary>As <see cref="Survivors"/> in the plane (d = 2), the coordinates held in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Survivors2(ReadOnlySpan<double> x, double[] key, double shift, double f, int j0, int j1, int[] found)
    {
        var shiftV = Vector512.Create(shift);
        var factor = Vector512.Create(_squared ? f : f * f);
        var margin = Vector512.Create(FilterMargin);
        var tiny = Vector512.Create(Tiny);
        var huge = Vector512.Create(Huge);
        ref double k0 = ref key[0];
        ref double y0 = ref _y[0][0];
        ref double y1 = ref _y[1][0];
        var x0 = Vector512.Create(x[0]);
        var x1 = Vector512.Create(x[1]);
        bool squared = _squared;
        int count = 0;
        for (int j = j0; j < j1; j += Lanes)
        {
            var a = x0 - Vector512.LoadUnsafe(ref y0, (nuint)j);
            var b = x1 - Vector512.LoadUnsafe(ref y1, (nuint)j);
            var q = a * a + b * b;
            var t = Vector512.LoadUnsafe(ref k0, (nuint)j) + shiftV;
            var bound = squared ? t * margin : t * t * margin;
            var pass = Vector512.GreaterThan(t, Vector512<double>.Zero)
                & (Vector512.LessThan(q * factor, bound) | Vector512.LessThan(t, tiny) | Vector512.GreaterThan(t, huge));
            ulong bits = pass.ExtractMostSignificantBits();
            while (bits != 0)
            {
                found[count++] = j + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }
        return count;
    }

    private int Scan(ReadOnlySpan<double> x, double[] key, double shift, double f, int j0, int j1, int[] found) =>
        _d == 2 ? Survivors2(x, key, shift, f, j0, j1, found) : Survivors(x, key, shift, f, j0, j1, found);

    /// <summary>
    /// The pricing pass: as <see cref="CloudCosts.Price"/>, from the rule's two halves (rowConst[i] = RowConstant(πᵢ),
    /// low[j] = Low(π_{n+j})) and its cost factor f. Returns the same arcs in the same order as a scalar pass.
    /// </summary>
    public List<(int I, int J)> Price(double[] rowConst, double[] low, double f, int perRow, int perColumn)
    {
        int n = _costs.N, m = _costs.M;
        double[] lowPad = Padded(low);
        double f2 = f * f;
        var rowVal = new double[n * Math.Max(1, perRow)];
        var rowIdx = new int[n * Math.Max(1, perRow)];
        var rowSize = new int[n];
        int parts = Parts(n);
        var colVal = new double[parts][];
        var colIdx = new int[parts][];
        var colSize = new int[parts][];
        Parallel.For(0, parts, p =>
        {
            int i0 = (int)((long)n * p / parts), i1 = (int)((long)n * (p + 1) / parts);
            var cv = new double[m * Math.Max(1, perColumn)];
            var ci = new int[m * Math.Max(1, perColumn)];
            var cs = new int[m];
            var hits = new int[ColumnBlock];
            for (int j0 = 0; j0 < _mPad; j0 += ColumnBlock)
            {
                int j1 = Math.Min(_mPad, j0 + ColumnBlock);
                for (int i = i0; i < i1; i++)
                {
                    ReadOnlySpan<double> x = _costs.X(i);
                    double r = rowConst[i];
                    int found = Scan(x, lowPad, -r, f, j0, j1, hits);
                    for (int h = 0; h < found; h++)
                    {
                        int jj = hits[h];
                        double rc = Math.FusedMultiplyAdd(_costs.Cost.EvaluateUnchecked(x, _costs.Y(jj)), f, r) - low[jj];
                        if (!(rc < 0)) continue;
                        if (perRow > 0)
                            CloudCosts.Insert(rowVal.AsSpan(i * perRow, perRow), rowIdx.AsSpan(i * perRow, perRow), ref rowSize[i], perRow, rc, jj);
                        if (perColumn > 0)
                            CloudCosts.Insert(cv.AsSpan(jj * perColumn, perColumn), ci.AsSpan(jj * perColumn, perColumn), ref cs[jj], perColumn, rc, i);
                    }
                }
            }
            colVal[p] = cv;
            colIdx[p] = ci;
            colSize[p] = cs;
        });
        var result = new List<(int, int)>();
        for (int i = 0; i < n; i++)
            for (int s = 0; s < rowSize[i]; s++) result.Add((i, rowIdx[i * perRow + s]));
        if (perColumn == 0) return result;
        var mv = new double[perColumn];
        var mi = new int[perColumn];
        for (int j = 0; j < m; j++)
        {
            int size = 0;
            for (int p = 0; p < parts; p++)
                for (int s = 0; s < colSize[p][j]; s++)
                    CloudCosts.Insert(mv, mi, ref size, perColumn, colVal[p][j * perColumn + s], colIdx[p][j * perColumn + s]);
            for (int s = 0; s < size; s++) result.Add((mi[s], j));
        }
        return result;
    }

    /// <summary>
    /// The certificate's sweep over all pairs (see <see cref="PairCosts.Sweep"/>): for every row, max_j sᵢⱼ₊ and
    /// Σⱼ min(aᵢ, bⱼ)·sᵢⱼ₊ (j ascending) with sᵢⱼ = (uᵢ + vⱼ) − cᵢⱼ; the cost range is the caller's.
    /// </summary>
    public (double[] RowMax, double[] RowWeighted) Sweep(double[] u, double[] a, double[] v, double[] b)
    {
        int n = _costs.N;
        double[] vPad = Padded(v);
        var rowMax = new double[n];
        var rowWeighted = new double[n];
        int parts = Parts(n);
        Parallel.For(0, parts, p =>
        {
            int i0 = (int)((long)n * p / parts), i1 = (int)((long)n * (p + 1) / parts);
            var hits = new int[ColumnBlock];
            for (int j0 = 0; j0 < _mPad; j0 += ColumnBlock)
            {
                int j1 = Math.Min(_mPad, j0 + ColumnBlock);
                for (int i = i0; i < i1; i++)
                {
                    ReadOnlySpan<double> x = _costs.X(i);
                    double ui = u[i];
                    double worst = rowMax[i], weighted = rowWeighted[i];
                    int found = Scan(x, vPad, ui, 1.0, j0, j1, hits);
                    for (int h = 0; h < found; h++)
                    {
                        int jj = hits[h];
                        double s = ui + v[jj] - _costs.Cost.EvaluateUnchecked(x, _costs.Y(jj));
                        if (!(s > 0)) continue;
                        worst = Math.Max(worst, s);
                        weighted += Math.Min(a[i], b[jj]) * s;
                    }
                    rowMax[i] = worst;
                    rowWeighted[i] = weighted;
                }
            }
        });
        return (rowMax, rowWeighted);
    }

    private static int Parts(int n) => Math.Max(1, Math.Min(Environment.ProcessorCount, n / 16));
}
