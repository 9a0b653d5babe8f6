namespace Verify.Theory;

/// <summary>
/// A ground cost c(x, y) = ‖x − y‖ᵖ under the Euclidean (ℓ₂) or Manhattan (ℓ₁) norm.
/// Euclidean gives W₁, <see cref="SquaredEuclidean"/> gives W₂², <see cref="EuclideanPower"/>(p) gives Wₚᵖ.
/// </summary>
public sealed class GroundCost
{
    private enum Norm { L2, L1 }

    private readonly Norm _norm;

    private GroundCost(Norm norm, double power)
    {
        _norm = norm;
        Power = power;
    }

    /// <summary>c(x, y) = ‖x − y‖₂ (the W₁ cost).</summary>
    public static GroundCost Euclidean { get; } = new(Norm.L2, 1.0);

    /// <summary>c(x, y) = ‖x − y‖₂² (the W₂² cost), computed as Σₖ (xₖ − yₖ)² without a square root.</summary>
    public static GroundCost SquaredEuclidean { get; } = new(Norm.L2, 2.0);

    /// <summary>c(x, y) = ‖x − y‖₁ = Σₖ |xₖ − yₖ|.</summary>
    public static GroundCost Manhattan { get; } = new(Norm.L1, 1.0);

    /// <summary>c(x, y) = ‖x − y‖₂ᵖ for p &gt; 0 (the Wₚᵖ cost). p = 1 and p = 2 return the shared instances.</summary>
    public static GroundCost EuclideanPower(double p)
    {
        Guard.Positive(p, nameof(p));
        return p == 1.0 ? Euclidean : p == 2.0 ? SquaredEuclidean : new GroundCost(Norm.L2, p);
    }

    /// <summary>The exponent p in ‖x − y‖ᵖ.</summary>
    public double Power { get; }

    /// <summary>True for the ℓ₁ norm, false for ℓ₂.</summary>
    public bool IsManhattan => _norm == Norm.L1;

    /// <summary>A readable name: "euclidean", "sqeuclidean", "manhattan" or "euclidean^p".</summary>
    public string Name => _norm == Norm.L1 ? "manhattan" : Power == 1.0 ? "euclidean" : Power == 2.0 ? "sqeuclidean" : $"euclidean^{Power:R}";

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>c(x, y). Throws <see cref="ArgumentException"/> when the points have different lengths.</summary>
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"dimension mismatch: x has {x.Length} coordinates, y has {y.Length}");
        return EvaluateUnchecked(x, y);
    }

    internal double EvaluateUnchecked(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (_norm == Norm.L1)
        {
            double s = 0;
            for (int k = 0; k < x.Length; k++) s += Math.Abs(x[k] - y[k]);
            return Power == 1.0 ? s : Math.Pow(s, Power);
        }
        double q = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double t = x[k] - y[k];
            q += t * t;
        }
        if (Power == 2.0) return q;
        if (Power == 1.0) return Math.Sqrt(q);
        return Math.Pow(q, 0.5 * Power);
    }

    /// <summary>
    /// A lower bound on c(x, y) AS COMPUTED by <see cref="EvaluateUnchecked"/> for every y in the box [lo, hi]: the same
    /// operations in the same order, with each coordinate difference replaced by the gap between x and the box
    /// (0 inside it). Rounding is monotone, so |fl(xₖ − yₖ)| ≥ fl(gapₖ) for every yₖ ∈ [loₖ, hiₖ], and squares, sums
    /// and the square root keep the order: no point of the box can compute a smaller cost. For powers other than 1 and 2,
    /// whose <see cref="Math.Pow"/> is not guaranteed monotone to the last bit, the bound is lowered by 2⁻⁵⁰ relative.
    /// </summary>
    internal double BoxLower(ReadOnlySpan<double> x, ReadOnlySpan<double> lo, ReadOnlySpan<double> hi)
    {
        if (_norm == Norm.L1)
        {
            double s = 0;
            for (int k = 0; k < x.Length; k++) s += x[k] < lo[k] ? lo[k] - x[k] : x[k] > hi[k] ? x[k] - hi[k] : 0.0;
            return Power == 1.0 ? s : Math.Pow(s, Power) * (1 - PowSlack);
        }
        double q = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double t = x[k] < lo[k] ? lo[k] - x[k] : x[k] > hi[k] ? x[k] - hi[k] : 0.0;
            q += t * t;
        }
        if (Power == 2.0) return q;
        if (Power == 1.0) return Math.Sqrt(q);
        return Math.Pow(q, 0.5 * Power) * (1 - PowSlack);
    }

    /// <summary>
    /// An upper bound on c(x, y) as computed, for every y in the box [lo, hi]: as <see cref="BoxLower"/> with the
    /// farthest corner, |fl(xₖ − yₖ)| ≤ max(fl|xₖ − loₖ|, fl|xₖ − hiₖ|).
    /// </summary>
    internal double BoxUpper(ReadOnlySpan<double> x, ReadOnlySpan<double> lo, ReadOnlySpan<double> hi)
    {
        if (_norm == Norm.L1)
        {
            double s = 0;
            for (int k = 0; k < x.Length; k++) s += Math.Max(Math.Abs(x[k] - lo[k]), Math.Abs(x[k] - hi[k]));
            return Power == 1.0 ? s : Math.Pow(s, Power) * (1 + PowSlack);
        }
        double q = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double t = Math.Max(Math.Abs(x[k] - lo[k]), Math.Abs(x[k] - hi[k]));
            q += t * t;
        }
        if (Power == 2.0) return q;
        if (Power == 1.0) return Math.Sqrt(q);
        return Math.Pow(q, 0.5 * Power) * (1 + PowSlack);
    }

    private const double PowSlack = 8.881784197001252e-16; // 2⁻⁵⁰

    /// <summary>
    /// The n × m cost matrix Cᵢⱼ = c(xᵢ, yⱼ) between the support points of P and Q.
    /// Throws <see cref="ArgumentException"/> on a dimension mismatch, and before allocating anything when n·m exceeds
    /// 2³¹ − 1 or the 8·n·m bytes exceed the memory available.
    /// </summary>
    public double[,] Matrix(DiscreteDistribution p, DiscreteDistribution q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        Guard.SameDimension(p, q);
        Guard.PairsFit(p.Count, q.Count);
        var c = new double[p.Count, q.Count];
        Fill(p, q, c);
        return c;
    }

    /// <summary>Fills the row-major n × m matrix C, rows in parallel when the matrix is large.</summary>
    internal void Fill(DiscreteDistribution p, DiscreteDistribution q, double[,] c)
    {
        int n = p.Count, m = q.Count, d = p.Dimension;
        double[] xs = p.Points.ToArray(), ys = q.Points.ToArray();
        RowParallel.For(n, (long)n * m * d, i =>
        {
            var x = new ReadOnlySpan<double>(xs, i * d, d);
            Span<double> row = CostMatrix.Row(c, i, m);
            for (int j = 0; j < m; j++) row[j] = EvaluateUnchecked(x, new ReadOnlySpan<double>(ys, j * d, d));
        });
    }
}
