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
/// test (margins below); where a lane passes, the exact test is evaluated in the vector with the same floating-point
/// operations as <see cref="GroundCost.EvaluateUnchecked"/>, the solver and <see cref="TreeCosts"/> (√ and fused
/// multiply-add are correctly rounded in both), and the pricing's picks are valued once more by the scalar code. So the
/// picks are exactly those of a scalar pass over all pairs, and a pass costs O(n·m·d) arithmetic and O(n + m) memory.
/// </para>
/// <para>
/// The filter, for the test fma(c, f, R) − L &lt; 0 with c = fl(√q) ≥ 0: passing it needs c·f + R &lt; L, so with
/// t = fl(L − R) (whose error is within u = 2⁻⁵³ of |L − R|, and which is exact where it is subnormal) it needs
/// q·f² &lt; t²·(1 + 6u), and t &gt; 0. The filter fl(q·F) ≤ fl(t₊·t₊ + 10⁻³⁰⁰) with t₊ = max(t, 0) and
/// F = fl(fl(f²)·(1 − 2⁻⁴⁰)) admits every such pair: q·F ≤ q·f²·(1 + u)²·(1 − 2⁻⁴⁰) stays below t², and rounding is
/// monotone, so fl(q·F) cannot exceed the bound however t² and q·F round, underflow (the 10⁻³⁰⁰ keeps the bound
/// normal) or overflow (to +∞, which admits every finite q); for t ≤ 0 it admits only pairs with q·F ≤ 10⁻³⁰⁰, which
/// the exact test then rejects. Under W₂² (c = q) the filter is fl(q·F) ≤ fl(t₊ + 10⁻³⁰⁰) with F = fl(f·(1 − 2⁻⁴⁰)).
/// The sweep's test (uᵢ + vⱼ) − c &gt; 0 is the same with f = 1.
/// </para>
/// </summary>
internal sealed partial class PairScan
{
    private const int Lanes = 8;
    private const int ColumnBlock = 4096;
    private const double FilterMargin = 9.094947017729282e-13; // 2⁻⁴⁰
    private const double Tiny = 1e-150;

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
    /// The filter (class remarks): the lanes that may pass c·f &lt; t, all that do pass among them. Static, with its
    /// constants passed in locals (read from a struct's fields, they were reloaded every iteration).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Admitted(Vector512<double> q, Vector512<double> t, Vector512<double> factor, Vector512<double> floor, bool squared) =>
        Vector512.LessThanOrEqual(q * factor, Bound(t, floor, squared));

    /// <summary>Whether the filter admits any lane (a mask test, no vector of the lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool AdmitsAny(Vector512<double> q, Vector512<double> t, Vector512<double> factor, Vector512<double> floor, bool squared) =>
        Vector512.LessThanOrEqualAny(q * factor, Bound(t, floor, squared));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Bound(Vector512<double> t, Vector512<double> floor, bool squared)
    {
        var positive = Vector512.Max(t, Vector512<double>.Zero);
        return squared ? positive + floor : Vector512.FusedMultiplyAdd(positive, positive, floor);
    }

    /// <summary>The filter's factor F (class remarks) for the cost factor f.</summary>
    internal static Vector512<double> FilterFactor(double f, bool squared) => Vector512.Create((squared ? f : f * f) * (1.0 - FilterMargin));

    /// <summary>The filter's floor 10⁻³⁰⁰, which keeps its bound normal.</summary>
    internal static Vector512<double> FilterFloor => Vector512.Create(Tiny * Tiny);

    /// <summary>
    /// The targets' coordinates as references, so that the hot loops read them without reloading the arrays:
    /// q = Σₖ (xₖ − yⱼₖ)² for the eight targets from j, formed in the order of <see cref="GroundCost.EvaluateUnchecked"/>
    /// (x0 and x1 the first two coordinates broadcast; in the plane, the common case, nothing else is read).
    /// </summary>
    private readonly ref struct Columns
    {
        private readonly ref double _y0, _y1;
        private readonly double[][] _y;

        public Columns(double[][] y)
        {
            _y = y;
            _y0 = ref y[0][0];
            _y1 = ref y[y.Length > 1 ? 1 : 0][0];
        }

        /// <summary>q for the dimension d (a constant in the plane's instantiation, where the branches fold away).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<double> Squares(int d, ReadOnlySpan<double> x, Vector512<double> x0, Vector512<double> x1, int j)
        {
            var diff = x0 - Vector512.LoadUnsafe(ref _y0, (nuint)j);
            Vector512<double> q = diff * diff;
            if (d == 1) return q;
            diff = x1 - Vector512.LoadUnsafe(ref _y1, (nuint)j);
            q += diff * diff;
            for (int k = 2; k < d; k++)
            {
                diff = Vector512.Create(x[k]) - Vector512.LoadUnsafe(ref _y[k][0], (nuint)j);
                q += diff * diff;
            }
            return q;
        }
    }

    /// <summary>
    /// The shape of a scan's loop, as a type argument so that each shape gets its own machine code: <see cref="Plane"/>
    /// (W₁ in the plane, the case at scale: dimension and power are constants, the loop body has no branch but the
    /// filter's) or <see cref="AnyShape"/> (read at run time). Measured on one pricing pass at 10⁵ × 10⁵ (the potentials
    /// of the Gaussian row's simplex, tiered compilation off as verify runs, two cores): 2.5 s with the filter's
    /// constants in a struct and the shape read inside the loop, 0.9 s with the shape a type argument, the constants in
    /// locals, the filter's outcome a mask test (<see cref="AdmitsAny"/>) and the rare path inlined (as a call, it made
    /// the loop reload five vectors every iteration).
    /// </summary>
    private interface IShape
    {
        static abstract int Dimension(int d);

        static abstract bool Squared(bool squared);
    }

    private readonly struct Plane : IShape
    {
        public static int Dimension(int d) => 2;

        public static bool Squared(bool squared) => false;
    }

    private readonly struct AnyShape : IShape
    {
        public static int Dimension(int d) => d;

        public static bool Squared(bool squared) => squared;
    }

    /// <summary>Whether the plane's loops apply: W₁ in two dimensions.</summary>
    private bool IsPlane => _d == 2 && !_squared;

    /// <summary>
    /// Appends to <paramref name="found"/> the lanes j + ℓ admitted by the filter (<paramref name="admitted"/>) that pass
    /// the pricing test fma(c, f, r) − L &lt; 0 (L = key), evaluated in the vector with the scalar code's operations
    /// (c = √q correctly rounded, the same fused multiply-add), so that only pairs that do pass leave the vector (pairs
    /// tight to the last bit, as on a line, stay cheap). Returns the new count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Collect(Vector512<double> admitted, Vector512<double> q, Vector512<double> key, bool squared, double f, double r,
        int j, int[] found, int count)
    {
        var c = squared ? q : Vector512.Sqrt(q);
        var exact = Vector512.LessThan(Vector512.FusedMultiplyAdd(c, Vector512.Create(f), Vector512.Create(r)) - key, Vector512<double>.Zero);
        ulong bits = (admitted & exact).ExtractMostSignificantBits();
        while (bits != 0)
        {
            found[count++] = j + System.Numerics.BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
        }
        return count;
    }

    /// <summary>
    /// The targets j ∈ [j0, j1) (j0 a multiple of eight) whose pair with x passes the pricing test fma(c, f, r) − L &lt; 0
    /// (L = key), with t = key[j] − r, written to <paramref name="found"/> in ascending order; returns their count.
    /// </summary>
    private int Scan(ReadOnlySpan<double> x, double[] key, double f, double r, int j0, int j1, int[] found) =>
        IsPlane ? Scan<Plane>(x, key, f, r, j0, j1, found) : Scan<AnyShape>(x, key, f, r, j0, j1, found);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Scan<TShape>(ReadOnlySpan<double> x, double[] key, double f, double r, int j0, int j1, int[] found) where TShape : struct, IShape
    {
        int d = TShape.Dimension(_d);
        bool squared = TShape.Squared(_squared);
        var shiftV = Vector512.Create(-r);
        var x0 = Vector512.Create(x[0]);
        var x1 = Vector512.Create(d > 1 ? x[1] : 0.0);
        var factor = FilterFactor(f, squared);
        var floor = FilterFloor;
        var columns = new Columns(_y);
        ref double k0 = ref key[0];
        int count = 0;
        for (int j = j0; j < j1; j += Lanes)
        {
            var kv = Vector512.LoadUnsafe(ref k0, (nuint)j);
            var q = columns.Squares(d, x, x0, x1, j);
            var t = kv + shiftV;
            if (!AdmitsAny(q, t, factor, floor, squared)) continue;
            count = Collect(Admitted(q, t, factor, floor, squared), q, kv, squared, f, r, j, found, count);
        }
        return count;
    }

    /// <summary>
    /// The sweep of row i over the targets j ∈ [j0, j1): with sᵢⱼ = (uᵢ + vⱼ) − cᵢⱼ, the largest positive s and the sum of
    /// min(aᵢ, bⱼ)·s over positive s, both kept lane by lane in the vector (c = √q correctly rounded, as the scalar
    /// code computes it) and folded into <paramref name="worst"/> and <paramref name="weighted"/> in lane order at the
    /// end: pairs tight to the last bit (a line: half of all pairs) cost no scalar work.
    /// </summary>
    private void SweepRow(ReadOnlySpan<double> x, double ui, double ai, double[] vPad, double[] bPad, int j0, int j1,
        ref double worst, ref double weighted)
    {
        if (IsPlane) SweepRow<Plane>(x, ui, ai, vPad, bPad, j0, j1, ref worst, ref weighted);
        else SweepRow<AnyShape>(x, ui, ai, vPad, bPad, j0, j1, ref worst, ref weighted);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SweepRow<TShape>(ReadOnlySpan<double> x, double ui, double ai, double[] vPad, double[] bPad, int j0, int j1,
        ref double worst, ref double weighted) where TShape : struct, IShape
    {
        int d = TShape.Dimension(_d);
        var uV = Vector512.Create(ui);
        var aV = Vector512.Create(ai);
        var x0 = Vector512.Create(x[0]);
        var x1 = Vector512.Create(d > 1 ? x[1] : 0.0);
        var worstV = Vector512<double>.Zero;
        var sumV = Vector512<double>.Zero;
        bool squared = TShape.Squared(_squared);
        var factor = FilterFactor(1.0, squared);
        var floor = FilterFloor;
        var columns = new Columns(_y);
        ref double v0 = ref vPad[0], b0 = ref bPad[0];
        for (int j = j0; j < j1; j += Lanes)
        {
            var q = columns.Squares(d, x, x0, x1, j);
            var w = uV + Vector512.LoadUnsafe(ref v0, (nuint)j);
            if (!AdmitsAny(q, w, factor, floor, squared)) continue;
            var s = w - (squared ? q : Vector512.Sqrt(q));
            var positive = Vector512.GreaterThan(s, Vector512<double>.Zero);
            var sp = Vector512.ConditionalSelect(positive, s, Vector512<double>.Zero);
            worstV = Vector512.Max(worstV, sp);
            sumV += Vector512.Min(aV, Vector512.LoadUnsafe(ref b0, (nuint)j)) * sp;
        }
        for (int l = 0; l < Lanes; l++)
        {
            worst = Math.Max(worst, worstV[l]);
            weighted += sumV[l];
        }
    }

    /// <summary>
    /// The pricing pass: as <see cref="CloudCosts.Price"/>, from the rule's two halves (rowConst[i] = RowConstant(πᵢ),
    /// low[j] = Low(π_{n+j})) and its cost factor f. Returns the same arcs in the same order as a scalar pass.
    /// </summary>
    public List<(int I, int J)> Price(double[] rowConst, double[] low, double f, int perRow, int perColumn)
    {
        int n = _costs.N, m = _costs.M;
        double[] lowPad = Padded(low), lowMax = RunMax(low);
        var (lo, hi) = Boxes();
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
            var hits = new int[SubBlock];
            long skipped = 0;
            for (int j0 = 0; j0 < _mPad; j0 += ColumnBlock)
            {
                int j1 = Math.Min(_mPad, j0 + ColumnBlock);
                for (int i = i0; i < i1; i++)
                {
                    ReadOnlySpan<double> x = _costs.X(i);
                    double r = rowConst[i];
                    for (int s0 = j0; s0 < j1; s0 += SubBlock)
                    {
                        // Every pair of the run prices ≥ fma(c_low, f, r) − max L ≥ 0 (fma and the difference are monotone).
                        int run = s0 / SubBlock;
                        if (Math.FusedMultiplyAdd(RunLower(x, run, lo, hi), f, r) - lowMax[run] >= 0)
                        {
                            skipped++;
                            continue;
                        }
                        int found = Scan(x, lowPad, f, r, s0, Math.Min(j1, s0 + SubBlock), hits);
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
            }
            colVal[p] = cv;
            colIdx[p] = ci;
            colSize[p] = cs;
            Interlocked.Add(ref SkippedRuns, skipped);
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
        double[] vPad = Padded(v), bPad = new double[_mPad]; // b padded with 0: a padded lane adds min(a, 0)·0 = 0
        double[] vMax = RunMax(v);
        var (lo, hi) = Boxes();
        b.AsSpan().CopyTo(bPad);
        var rowMax = new double[n];
        var rowWeighted = new double[n];
        int parts = Parts(n);
        Parallel.For(0, parts, p =>
        {
            int i0 = (int)((long)n * p / parts), i1 = (int)((long)n * (p + 1) / parts);
            long skipped = 0;
            for (int j0 = 0; j0 < _mPad; j0 += ColumnBlock)
            {
                int j1 = Math.Min(_mPad, j0 + ColumnBlock);
                for (int i = i0; i < i1; i++)
                {
                    ReadOnlySpan<double> x = _costs.X(i);
                    double ui = u[i];
                    double worst = rowMax[i], weighted = rowWeighted[i];
                    for (int s0 = j0; s0 < j1; s0 += SubBlock)
                    {
                        // fl(uᵢ + vⱼ) ≤ fl(uᵢ + max v) ≤ c_low ≤ cᵢⱼ for the whole run: no positive sᵢⱼ there.
                        int run = s0 / SubBlock;
                        if (ui + vMax[run] <= RunLower(x, run, lo, hi))
                        {
                            skipped++;
                            continue;
                        }
                        SweepRow(x, ui, a[i], vPad, bPad, s0, Math.Min(j1, s0 + SubBlock), ref worst, ref weighted);
                    }
                    rowMax[i] = worst;
                    rowWeighted[i] = weighted;
                }
            }
            Interlocked.Add(ref SkippedRuns, skipped);
        });
        return (rowMax, rowWeighted);
    }

    private static int Parts(int n) => Math.Max(1, Math.Min(Environment.ProcessorCount, n / 16));
}
