namespace Verify.Theory;

/// <summary>
/// The n·m costs cᵢⱼ of a transport problem as the read-out needs them — by pair, by row, and as one sweep of the dual
/// constraints uᵢ + vⱼ ≤ cᵢⱼ over ALL pairs — whether they are stored (<see cref="MatrixCosts"/>) or computed on the fly
/// from two point clouds (<see cref="CloudCosts"/>). The certificate (<see cref="Certifier"/>) and the dual polish
/// (<see cref="DualPolish"/>) see the costs only through this class, so both routes are certified the same way.
/// </summary>
internal abstract class PairCosts
{
    protected PairCosts(int n, int m)
    {
        N = n;
        M = m;
    }

    /// <summary>Number of sources (rows).</summary>
    public int N { get; }

    /// <summary>Number of targets (columns).</summary>
    public int M { get; }

    /// <summary>cᵢⱼ.</summary>
    public abstract double At(int i, int j);

    /// <summary>Row i: the m costs cᵢ·, either a view of stored costs or <paramref name="buffer"/> filled.</summary>
    public abstract ReadOnlySpan<double> Row(int i, Span<double> buffer);

    /// <summary>
    /// The dual sweep over all n·m pairs, sᵢⱼ = uᵢ + vⱼ − cᵢⱼ computed as (uᵢ + vⱼ) − cᵢⱼ: for every row i,
    /// max(0, maxⱼ sᵢⱼ) and Σⱼ min(aᵢ, bⱼ)·max(sᵢⱼ, 0), and over the whole problem max |cᵢⱼ| and min cᵢⱼ over finite costs
    /// (0 and +∞ when there is none). Exact: the same maxima as a sweep over the stored matrix, and the weighted sums up to the order of their additions.
    /// </summary>
    public abstract DualSweep Sweep(double[] u, double[] a, double[] v, double[] b);

    /// <summary>A budget, in cost evaluations, for <see cref="DualPolish"/>.</summary>
    public abstract long PolishBudget { get; }
}

/// <summary>The result of <see cref="PairCosts.Sweep"/>.</summary>
internal sealed record DualSweep(double[] RowMax, double[] RowWeighted, double MaxAbsCost, double MinCost);

/// <summary>Costs stored in a row-major n × m array (<c>double[,]</c> or flat <c>double[]</c>).</summary>
internal sealed class MatrixCosts : PairCosts
{
    private readonly Array _cost;

    public MatrixCosts(Array cost, int n, int m) : base(n, m) => _cost = cost;

    /// <summary>The stored array.</summary>
    public Array Matrix => _cost;

    public override double At(int i, int j) => CostMatrix.At(_cost, (long)i * M + j);

    public override ReadOnlySpan<double> Row(int i, Span<double> buffer) => CostMatrix.Row(_cost, i, M);

    public override long PolishBudget => 2L * N * M;

    public override DualSweep Sweep(double[] u, double[] a, double[] v, double[] b)
    {
        int n = N, m = M;
        var stats = new Certifier.RowStats[n];
        RowParallel.For(n, (long)n * m, i => stats[i] = Certifier.Row(CostMatrix.Row(_cost, i, m), u[i], a[i], v, b));
        var rowMax = new double[n];
        var rowWeighted = new double[n];
        double scale = 0, min = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            rowMax[i] = Math.Max(stats[i].Max, 0);
            rowWeighted[i] = stats[i].Weighted;
            scale = Math.Max(scale, stats[i].Scale);
            min = Math.Min(min, stats[i].Min);
        }
        return new DualSweep(rowMax, rowWeighted, scale, min);
    }
}
