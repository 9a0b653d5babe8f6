using Verify.Theory;

namespace Verify.Toys.Families;

/// <summary>
/// A reparameterised sample xᵢ = G_θ(zᵢ) together with its tangent ∂xᵢ/∂θ, both row-major (n·d values).
/// With it the pathwise gradient ∂/∂θ E[f(G_θ(z))] ≈ (1/n) Σᵢ ∇f(xᵢ)·∂xᵢ/∂θ needs no network.
/// </summary>
public sealed class TangentSample
{
    /// <summary>Wraps row-major points and tangents of the same length n·d.</summary>
    public TangentSample(double[] points, double[] tangents, int dimension)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(tangents);
        if (dimension < 1) throw new ArgumentException($"dimension must be at least 1, got {dimension}", nameof(dimension));
        if (points.Length != tangents.Length || points.Length % dimension != 0)
            throw new ArgumentException($"{points.Length} point coordinates and {tangents.Length} tangent coordinates do not form n×{dimension} arrays", nameof(tangents));
        Points = points;
        Tangents = tangents;
        Dimension = dimension;
    }

    /// <summary>xᵢ, row-major.</summary>
    public double[] Points { get; }

    /// <summary>∂xᵢ/∂θ, row-major.</summary>
    public double[] Tangents { get; }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>n.</summary>
    public int Count => Points.Length / Dimension;

    /// <summary>The empirical law (1/n) Σ δ_{xᵢ}.</summary>
    public DiscreteDistribution ToDistribution() => new(Points, Dimension);

    /// <summary>
    /// The pathwise derivative (1/n) Σᵢ ⟨∇f(xᵢ), ∂xᵢ/∂θ⟩ of θ ↦ E[f(G_θ(z))] for a given gradient field ∇f
    /// (called with xᵢ, writes ∇f(xᵢ) into the second span).
    /// </summary>
    public double PathwiseDerivative(GradientField gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        int d = Dimension, n = Count;
        var g = new double[d];
        double total = 0.0;
        for (int i = 0; i < n; i++)
        {
            gradient(Points.AsSpan(i * d, d), g);
            for (int k = 0; k < d; k++) total += g[k] * Tangents[i * d + k];
        }
        return total / n;
    }
}

/// <summary>Writes ∇f(x) into <paramref name="gradient"/>.</summary>
public delegate void GradientField(ReadOnlySpan<double> x, Span<double> gradient);
