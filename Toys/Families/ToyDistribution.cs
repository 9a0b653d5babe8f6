using Verify.Theory;
using Verify.Toys.Random;

namespace Verify.Toys.Families;

/// <summary>
/// Base class of the toy laws: argument checks and the shared sampling front end. A subclass writes n points from a
/// seeded <see cref="Xoshiro256StarStar"/> (and, for a family member, their tangents).
/// </summary>
public abstract class ToyDistribution : IToyDistribution
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public abstract int Dimension { get; }

    /// <inheritdoc/>
    public abstract LawKind Kind { get; }

    /// <inheritdoc/>
    public abstract string Support { get; }

    /// <inheritdoc/>
    public double[] SamplePoints(int n, long seed)
    {
        CheckCount(n);
        var points = new double[checked(n * Dimension)];
        Generate(new Xoshiro256StarStar(seed), n, points, null);
        CheckFinite(points, Name, Dimension);
        return points;
    }

    /// <inheritdoc/>
    public DiscreteDistribution Sample(int n, long seed) => new(SamplePoints(n, seed), Dimension);

    /// <inheritdoc/>
    public double Density(ReadOnlySpan<double> x)
    {
        if (x.Length != Dimension)
            throw new ArgumentException($"the point has {x.Length} coordinates; {Name} lives in ℝ^{Dimension}", nameof(x));
        foreach (double xi in x)
            if (!double.IsFinite(xi))
                throw new ArgumentException($"the point has a coordinate {xi:R}; coordinates must be finite", nameof(x));
        if (Kind != LawKind.AbsolutelyContinuous)
            throw new InvalidOperationException(
                $"{Name} has no density: the law is {(Kind == LawKind.Singular ? "singular" : "discrete")}, supported on {Support}");
        return DensityCore(x);
    }

    /// <summary>Writes n points (row-major) and, when <paramref name="tangents"/> is not null, ∂x/∂θ.</summary>
    internal abstract void Generate(Xoshiro256StarStar rng, int n, double[] points, double[]? tangents);

    /// <summary>The density at x (only called for absolutely continuous laws, with x of the right length).</summary>
    protected virtual double DensityCore(ReadOnlySpan<double> x) =>
        throw new InvalidOperationException($"{Name} has no density");

    /// <summary>
    /// Throws when a generated value overflowed to ±∞ (or is NaN): a parameter so large in magnitude that the law's
    /// points do not fit in a double (e.g. N(0, θ²) at θ = 10³⁰⁸). Never hands such a sample on silently.
    /// </summary>
    internal static void CheckFinite(double[] values, string name, int dimension)
    {
        for (int k = 0; k < values.Length; k++)
            if (!double.IsFinite(values[k]))
                throw new ArgumentException(
                    $"{name}: sample point {k / dimension}, coordinate {k % dimension} overflowed to {values[k]:R}; " +
                    "the law's parameters are too large in magnitude for doubles");
    }

    /// <summary>Throws unless n ≥ 1.</summary>
    internal static void CheckCount(int n)
    {
        if (n <= 0) throw new ArgumentException($"n (the number of samples) must be positive, got {n}", nameof(n));
    }
}
