namespace Verify.Theory;

/// <summary>
/// Matrix-free costs in any dimension (used above <see cref="CloudTransport.TreeDimensions"/>, where k-d trees stop
/// pruning): every query over all pairs is a pass over blocks of rows, each block's squared distances screened from dot
/// products, q̃ᵢⱼ = ‖xᵢ‖² + ‖yⱼ‖² − 2xᵢ·yⱼ (<see cref="DotKernel"/>), and the exact cost computed only for the pairs
/// the screen cannot decide. Memory: the clouds, their norms and one block of rows, O(n + m + block).
/// <para>
/// The screen is rigorous. With u = 2⁻⁵³ and S = ‖x‖² + ‖y‖², the computed norms and dot product (any summation
/// order) are within γ_d·‖x‖², γ_d·‖y‖², γ_d·Σ|xₖyₖ| ≤ γ_d·S/2 of the real ones, so |q̃ − ‖x − y‖²| ≤ (2d + 4)·u·S
/// after the last two roundings; the screen uses E = (2d + 16)·1.5·u·Ŝ plus (4d + 16) subnormal units. The cost as
/// computed (<see cref="GroundCost.EvaluateUnchecked"/>: d differences, squares and sums, then √ or a power) is within
/// γ_{d+2} of ‖x − y‖² before its last step, so ĉ_lo ≤ ĉ ≤ ĉ_hi follow from [q̃ − E, q̃ + E] with a relative margin
/// of 2((d + 8)·max(1, p/2) + 16)·u (ℓ₁: ‖·‖₂ ≤ ‖·‖₁ ≤ √d‖·‖₂). Clouds far from the origin compared with their extent
/// are centred first, x′ = fl(x − c), which moves ‖x − y‖ by at most u(‖x′‖ + ‖y′‖); that is added to the bounds.
/// </para>
/// <list type="bullet">
/// <item>pricing: row picks by the screened estimate among pairs whose lower bound prices negative, confirmed exactly;
/// a row whose picks all fail has every undecided pair evaluated, so no row with a violator comes back empty;</item>
/// <item>certificate: every pair with (uᵢ + vⱼ) &gt; ĉ_lo is evaluated exactly;</item>
/// <item>range: each row's cheapest and dearest pair by the screen, then every pair whose bound could beat it.</item>
/// </list>
/// </summary>
internal sealed class BlockCosts : CloudCosts
{
    private const double U = 1.1102230246251565e-16; // 2⁻⁵³
    private const int BlockRows = 32;

    private readonly double[] _xs, _ys; // screening coordinates (centred copies, or the clouds themselves)
    private readonly double[] _nx, _ny, _rx, _ry; // squared norms and norms (for the centring term)
    private readonly bool _centred;
    private readonly double _kappa, _tiny, _rel;
    private (double MaxAbs, double Min)? _range;

    public BlockCosts(double[] xs, double[] ys, int dimension, GroundCost cost) : base(xs, ys, dimension, cost)
    {
        int d = dimension;
        // Centre when the clouds sit far from the origin compared with their extent (the screen's error grows with S).
        var lo = new double[d];
        var hi = new double[d];
        Array.Fill(lo, double.PositiveInfinity);
        Array.Fill(hi, double.NegativeInfinity);
        foreach (double[] pts in new[] { xs, ys })
            for (int k = 0; k < pts.Length; k++)
            {
                int c = k % d;
                lo[c] = Math.Min(lo[c], pts[k]);
                hi[c] = Math.Max(hi[c], pts[k]);
            }
        double offset = 0, extent = 0;
        var centre = new double[d];
        for (int c = 0; c < d; c++)
        {
            centre[c] = 0.5 * lo[c] + 0.5 * hi[c];
            offset = Math.Max(offset, Math.Abs(centre[c]));
            extent = Math.Max(extent, hi[c] - lo[c]);
        }
        _centred = offset > extent;
        _xs = _centred ? Centred(xs, centre) : xs;
        _ys = _centred ? Centred(ys, centre) : ys;
        _nx = DotKernel.SquaredNorms(_xs, d);
        _ny = DotKernel.SquaredNorms(_ys, d);
        _rx = _nx.Select(Math.Sqrt).ToArray();
        _ry = _ny.Select(Math.Sqrt).ToArray();
        _kappa = (2.0 * d + 16) * 1.5 * U;
        _tiny = (4.0 * d + 16) * double.Epsilon;
        _rel = 2 * ((d + 8) * Math.Max(1.0, 0.5 * cost.Power) + 16) * U;
    }

    private static double[] Centred(double[] pts, double[] centre)
    {
        int d = centre.Length;
        var r = new double[pts.Length];
        for (int k = 0; k < pts.Length; k++) r[k] = pts[k] - centre[k % d];
        return r;
    }

    // ------------------------------------------------------------------ bounds

    /// <summary>Bounds [qLo, qHi] on the real ‖xᵢ − yⱼ‖² from the dot product g = xᵢ′·yⱼ′ as computed.</summary>
    private (double Lo, double Hi, double Estimate) Squared(int i, int j, double g)
    {
        double s = _nx[i] + _ny[j];
        double qt = s - 2 * g;
        double e = _kappa * s + _tiny;
        double lo = Math.Max(qt - e, 0), hi = qt + e;
        if (_centred)
        {
            double delta = (_rx[i] + _ry[j]) * U * (1 + 8 * U);
            double dLo = Math.Max(Math.Sqrt(lo) * (1 - 4 * U) - delta, 0);
            double dHi = Math.Sqrt(hi) * (1 + 4 * U) + delta;
            lo = dLo * dLo * (1 - 4 * U);
            hi = dHi * dHi * (1 + 4 * U);
        }
        return (lo, hi, Math.Max(qt, 0));
    }

    /// <summary>A lower bound on the cost as computed, from a lower bound on the squared distance.</summary>
    private double CostLow(double qLo)
    {
        double p = Cost.Power;
        if (Cost.IsManhattan) return Math.Pow(Math.Sqrt(qLo), p) * (1 - _rel);
        return p == 2.0 ? qLo * (1 - _rel) : p == 1.0 ? Math.Sqrt(qLo) * (1 - _rel) : Math.Pow(qLo, 0.5 * p) * (1 - _rel);
    }

    /// <summary>An upper bound on the cost as computed, from an upper bound on the squared distance.</summary>
    private double CostHigh(double qHi)
    {
        double p = Cost.Power;
        if (Cost.IsManhattan) return Math.Pow(Math.Sqrt(Dimension * qHi) * (1 + 4 * U), p) * (1 + _rel);
        return p == 2.0 ? qHi * (1 + _rel) : p == 1.0 ? Math.Sqrt(qHi) * (1 + _rel) : Math.Pow(qHi, 0.5 * p) * (1 + _rel);
    }

    /// <summary>The screened estimate of the cost, for ordering only.</summary>
    private double CostEstimate(double q)
    {
        double p = Cost.Power;
        if (Cost.IsManhattan) return Math.Pow(Math.Sqrt(q), p);
        return p == 2.0 ? q : p == 1.0 ? Math.Sqrt(q) : Math.Pow(q, 0.5 * p);
    }

    // ------------------------------------------------------------------ the blocked pass

    /// <summary>
    /// Runs over all rows in blocks of <see cref="BlockRows"/>: each block's dot products with every target are computed
    /// once, then <paramref name="row"/>(state, i, g) is called for each row i of the block with its m dot products.
    /// Blocks are split between threads in contiguous ranges; each range has its own state (from
    /// <paramref name="newState"/>), returned in range order for merging.
    /// </summary>
    private List<TState> Pass<TState>(Func<TState> newState, Action<TState, int, ReadOnlySpan<double>> row)
    {
        int n = N, m = M, d = Dimension;
        int blocks = (n + BlockRows - 1) / BlockRows;
        int parts = Math.Max(1, Math.Min(Environment.ProcessorCount, blocks));
        var states = new TState[parts];
        Parallel.For(0, parts, p =>
        {
            TState state = newState();
            var g = new double[BlockRows * m];
            int b0 = (int)((long)blocks * p / parts), b1 = (int)((long)blocks * (p + 1) / parts);
            for (int blk = b0; blk < b1; blk++)
            {
                int i0 = blk * BlockRows, rows = Math.Min(BlockRows, n - i0);
                DotKernel.Block(_xs, i0, rows, _ys, m, d, g);
                for (int r = 0; r < rows; r++) row(state, i0 + r, g.AsSpan(r * m, m));
            }
            states[p] = state;
        });
        return states.ToList();
    }

    // ------------------------------------------------------------------ range and nearest neighbours

    public override (double MaxAbs, double Min) Range()
    {
        if (_range is { } r) return r;
        var rowMin = new double[N];
        var rowMax = new double[N];
        Pass(() => 0, (_, i, g) =>
        {
            int m = M;
            int jMin = 0, jMax = 0;
            for (int j = 1; j < m; j++)
            {
                double q = _ny[j] - 2 * g[j];
                if (q < _ny[jMin] - 2 * g[jMin]) jMin = j;
                if (q > _ny[jMax] - 2 * g[jMax]) jMax = j;
            }
            double lo = At(i, jMin), hi = At(i, jMax);
            for (int j = 0; j < m; j++)
            {
                var (qLo, qHi, _) = Squared(i, j, g[j]);
                if (CostLow(qLo) < lo) lo = Math.Min(lo, At(i, j));
                if (CostHigh(qHi) > hi) hi = Math.Max(hi, At(i, j));
            }
            rowMin[i] = lo;
            rowMax[i] = hi;
        });
        _range = (rowMax.Max(), rowMin.Min());
        return _range.Value;
    }

    public override void Nearest(int k, List<(int I, int J)> arcs)
    {
        int n = N, m = M, kr = Math.Min(k, m), kc = Math.Min(k, n);
        var rows = new int[n * kr];
        var states = Pass(() => new ColumnBest(m, kc), (cols, i, g) =>
        {
            Span<double> val = stackalloc double[kr];
            Span<int> idx = stackalloc int[kr];
            int size = 0;
            for (int j = 0; j < m; j++)
            {
                double est = CostEstimate(Squared(i, j, g[j]).Estimate);
                Insert(val, idx, ref size, kr, est, j);
                cols.Add(j, est, i);
            }
            for (int s = 0; s < kr; s++) rows[i * kr + s] = idx[s];
        });
        ColumnBest merged = ColumnBest.Merge(states, m, kc);
        for (int i = 0; i < n; i++)
            for (int s = 0; s < kr; s++) arcs.Add((i, rows[i * kr + s]));
        for (int j = 0; j < m; j++)
            for (int s = 0; s < merged.Size[j]; s++) arcs.Add((merged.Index[j * kc + s], j));
    }

    public override void NearestTo(double[] points, bool targets, int k, int[] result)
    {
        // Used only by the multiscale start, which runs on k-d trees; a direct scan keeps this correct if called.
        int d = Dimension, queries = points.Length / d, count = targets ? M : N;
        Array.Fill(result, -1);
        int kk = Math.Min(k, count);
        var val = new double[kk];
        var idx = new int[kk];
        for (int q = 0; q < queries; q++)
        {
            int size = 0;
            ReadOnlySpan<double> z = points.AsSpan(q * d, d);
            for (int t = 0; t < count; t++) Insert(val, idx, ref size, kk, Cost.EvaluateUnchecked(z, targets ? Y(t) : X(t)), t);
            for (int s = 0; s < size; s++) result[q * k + s] = idx[s];
        }
    }

    // ------------------------------------------------------------------ certificate sweep

    public override DualSweep Sweep(double[] u, double[] a, double[] v, double[] b)
    {
        var (maxAbs, min) = Range();
        var rowMax = new double[N];
        var rowWeighted = new double[N];
        Pass(() => 0, (_, i, g) =>
        {
            double ui = u[i], ai = a[i], worst = 0, weighted = 0;
            for (int j = 0; j < g.Length; j++)
            {
                double t = ui + v[j];
                // sᵢⱼ = (uᵢ + vⱼ) − ĉᵢⱼ ≤ (uᵢ + vⱼ) − ĉ_lo: nothing to add unless that is positive.
                if (!(t > CostLow(Squared(i, j, g[j]).Lo))) continue;
                double s = t - At(i, j);
                if (!(s > 0)) continue;
                worst = Math.Max(worst, s);
                weighted += Math.Min(ai, b[j]) * s;
            }
            rowMax[i] = worst;
            rowWeighted[i] = weighted;
        });
        return new DualSweep(rowMax, rowWeighted, maxAbs, min);
    }

    // ------------------------------------------------------------------ pricing

    public override List<(int I, int J)> Price(ReadOnlySpan<double> pi, PricingRule rule, int perRow, int perColumn)
    {
        int n = N, m = M;
        var (rowConst, low) = PricingTerms(pi, rule);
        double f = rule.CostFactor;
        double Exact(int i, int j) => Math.FusedMultiplyAdd(At(i, j), f, rowConst[i]) - low[j];
        var rowPicks = new int[n * perRow];
        Array.Fill(rowPicks, -1);
        int kc = Math.Max(perColumn, 1);
        var states = Pass(() => new ColumnBest(m, kc), (cols, i, g) =>
        {
            double r = rowConst[i];
            Span<double> val = stackalloc double[perRow];
            Span<int> idx = stackalloc int[perRow];
            int size = 0, undecided = 0;
            for (int j = 0; j < m; j++)
            {
                var (qLo, _, q) = Squared(i, j, g[j]);
                if (!(Math.FusedMultiplyAdd(CostLow(qLo), f, r) - low[j] < 0)) continue;
                undecided++;
                double est = Math.FusedMultiplyAdd(CostEstimate(q), f, r) - low[j];
                if (perRow > 0) Insert(val, idx, ref size, perRow, est, j);
                if (perColumn > 0) cols.Add(j, est, i);
            }
            if (undecided == 0) return;
            // Confirm the picks exactly; if none is a violator, decide every undecided pair of the row exactly.
            Span<double> ev = stackalloc double[Math.Max(perRow, 1)];
            Span<int> ej = stackalloc int[Math.Max(perRow, 1)];
            int kept = 0;
            for (int s = 0; s < size; s++)
            {
                double rc = Exact(i, idx[s]);
                if (rc < 0) Insert(ev, ej, ref kept, perRow, rc, idx[s]);
            }
            if (kept == 0 && undecided > size && perRow > 0)
                for (int j = 0; j < m; j++)
                {
                    if (!(Math.FusedMultiplyAdd(CostLow(Squared(i, j, g[j]).Lo), f, r) - low[j] < 0)) continue;
                    double rc = Exact(i, j);
                    if (rc < 0) Insert(ev, ej, ref kept, perRow, rc, j);
                }
            for (int s = 0; s < kept; s++) rowPicks[i * perRow + s] = ej[s];
        });
        var result = new List<(int, int)>();
        for (int i = 0; i < n; i++)
            for (int s = 0; s < perRow && rowPicks[i * perRow + s] >= 0; s++) result.Add((i, rowPicks[i * perRow + s]));
        if (perColumn > 0)
        {
            ColumnBest merged = ColumnBest.Merge(states, m, kc);
            for (int j = 0; j < m; j++)
                for (int s = 0; s < merged.Size[j]; s++)
                {
                    int i = merged.Index[j * kc + s];
                    if (Exact(i, j) < 0) result.Add((i, j));
                }
        }
        return result;
    }

    /// <summary>The k smallest (value, row) pairs of every column, kept per thread and merged in a fixed order.</summary>
    private sealed class ColumnBest(int m, int k)
    {
        public readonly double[] Value = new double[m * k];
        public readonly int[] Index = new int[m * k];
        public readonly int[] Size = new int[m];

        public void Add(int j, double v, int i)
        {
            int size = Size[j];
            Insert(Value.AsSpan(j * k, k), Index.AsSpan(j * k, k), ref size, k, v, i);
            Size[j] = size;
        }

        public static ColumnBest Merge(List<ColumnBest> parts, int m, int k)
        {
            var all = new ColumnBest(m, k);
            foreach (ColumnBest p in parts)
                for (int j = 0; j < m; j++)
                    for (int s = 0; s < p.Size[j]; s++) all.Add(j, p.Value[j * k + s], p.Index[j * k + s]);
            return all;
        }
    }
}
