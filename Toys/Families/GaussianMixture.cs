using Verify.Toys.Modes;
using Verify.Toys.Numerics;
using Verify.Toys.Random;

namespace Verify.Toys.Families;

/// <summary>
/// A mixture of isotropic Gaussians on ℝᵈ: p(x) = Σₖ wₖ (2πσₖ²)^{−d/2} exp(−‖x − μₖ‖²/(2σₖ²)), Σ wₖ = 1.
/// Sampling: k by inverse CDF of the weights from one uniform, then μₖ + σₖ·(z₁, …, z_d). The components are the
/// declared <see cref="Modes"/>.
/// </summary>
public sealed class GaussianMixture : ToyDistribution, IHasModes, IGaussianSmoothable
{
    private readonly double[] _means;
    private readonly double[] _sigmas;
    private readonly double[] _weights;
    private readonly double[] _cumulative;

    /// <summary>
    /// Components from row-major means (k·d values), σₖ &gt; 0 and weights (null ⇒ equal; otherwise non-negative with a
    /// positive sum, normalised here).
    /// </summary>
    public GaussianMixture(string name, int dimension, double[] means, double[] sigmas, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(sigmas);
        if (dimension < 1) throw new ArgumentException($"dimension must be at least 1, got {dimension}", nameof(dimension));
        int k = sigmas.Length;
        if (k == 0) throw new ArgumentException("a mixture needs at least one component", nameof(sigmas));
        if (means.Length != k * dimension) throw new ArgumentException($"{means.Length} mean coordinates for {k} components of dimension {dimension}", nameof(means));
        foreach (double m in means)
            if (double.IsNaN(m) || double.IsInfinity(m)) throw new ArgumentException("every mean coordinate must be finite", nameof(means));
        for (int j = 0; j < k; j++)
            if (!(sigmas[j] > 0) || double.IsInfinity(sigmas[j])) throw new ArgumentException($"sigma {j} must be positive and finite, got {sigmas[j]:R}", nameof(sigmas));
        double[] w = weights is null ? Enumerable.Repeat(1.0, k).ToArray() : (double[])weights.Clone();
        if (w.Length != k) throw new ArgumentException($"{w.Length} weights for {k} components", nameof(weights));
        double total = 0;
        foreach (double wi in w)
        {
            if (!(wi >= 0) || double.IsInfinity(wi)) throw new ArgumentException("weights must be finite and non-negative", nameof(weights));
            total += wi;
        }
        if (!(total > 0)) throw new ArgumentException("the weights sum to zero", nameof(weights));
        if (double.IsInfinity(total)) throw new ArgumentException("the weights sum to Infinity (overflow); scale them down", nameof(weights));
        for (int j = 0; j < k; j++) w[j] /= total;
        _cumulative = new double[k];
        double c = 0;
        for (int j = 0; j < k; j++) { c += w[j]; _cumulative[j] = c; }
        _cumulative[k - 1] = 1.0;
        Name = name;
        Dimension = dimension;
        _means = (double[])means.Clone();
        _sigmas = (double[])sigmas.Clone();
        _weights = w;
        Modes = Enumerable.Range(0, k).Select(j => new Mode(_means.AsSpan(j * dimension, dimension).ToArray(), _sigmas[j])).ToArray();
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override int Dimension { get; }

    /// <inheritdoc/>
    public override LawKind Kind => LawKind.AbsolutelyContinuous;

    /// <inheritdoc/>
    public override string Support => $"ℝ^{Dimension}";

    /// <summary>Number of components.</summary>
    public int ComponentCount => _sigmas.Length;

    /// <summary>The normalised weights wₖ.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <inheritdoc/>
    public IReadOnlyList<Mode> Modes { get; }

    /// <summary>The mixture with every σₖ replaced by √(σₖ² + s²): the law of X + s·N(0, I).</summary>
    public IToyDistribution Smoothed(double s)
    {
        if (!(s >= 0) || double.IsInfinity(s)) throw new ArgumentException($"s must be finite and non-negative, got {s:R}", nameof(s));
        var sig = _sigmas.Select(x => Math.Sqrt(x * x + s * s)).ToArray();
        return new GaussianMixture(Name, Dimension, _means, sig, _weights);
    }

    internal override void Generate(Xoshiro256StarStar rng, int n, double[] points, double[]? tangents)
    {
        int d = Dimension;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            int k = Categorical.FirstAbove(_cumulative, u);
            for (int c = 0; c < d; c++) points[i * d + c] = _means[k * d + c] + _sigmas[k] * rng.NextNormal();
            if (tangents is not null) Array.Clear(tangents, i * d, d);
        }
    }

    /// <inheritdoc/>
    protected override double DensityCore(ReadOnlySpan<double> x)
    {
        int d = Dimension;
        double p = 0;
        for (int k = 0; k < _sigmas.Length; k++)
        {
            double r2 = 0;
            for (int c = 0; c < d; c++)
            {
                double diff = x[c] - _means[k * d + c];
                r2 += diff * diff;
            }
            double s = _sigmas[k];
            p += _weights[k] * Math.Exp(-0.5 * r2 / (s * s) - d * (StandardNormal.LogSqrt2Pi + Math.Log(s)));
        }
        return p;
    }
}
