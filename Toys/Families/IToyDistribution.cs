using Verify.Theory;

namespace Verify.Toys.Families;

/// <summary>
/// One toy probability law on ℝᵈ (in the spirit of MathNet's <c>IContinuousDistribution</c>): seeded sampling,
/// the density where one exists, otherwise an explicit statement that the law is singular (or discrete) and on what support.
/// </summary>
public interface IToyDistribution
{
    /// <summary>Short name, e.g. "8gaussians".</summary>
    string Name { get; }

    /// <summary>d.</summary>
    int Dimension { get; }

    /// <summary>Whether a density exists.</summary>
    LawKind Kind { get; }

    /// <summary>The (closed) support in words and symbols, e.g. "the segment {θ} × [0, 1] ⊂ ℝ²".</summary>
    string Support { get; }

    /// <summary>n i.i.d. points, row-major (n·d values). Same seed ⇒ bit-identical points.</summary>
    double[] SamplePoints(int n, long seed);

    /// <summary>The empirical law (1/n) Σ δ_{xᵢ} of <see cref="SamplePoints"/>.</summary>
    DiscreteDistribution Sample(int n, long seed);

    /// <summary>
    /// The Lebesgue density p(x). Throws <see cref="InvalidOperationException"/> when <see cref="Kind"/> is not
    /// <see cref="LawKind.AbsolutelyContinuous"/>, with a message stating the kind and the support.
    /// </summary>
    double Density(ReadOnlySpan<double> x);
}
