using Verify.Toys.Random;

namespace Verify.Toys.Families;

/// <summary>
/// The "fixed generator" of WGAN-GP Fig. 1a (gan_toy.py, FIXED_GENERATOR): fake = real + θ·N(0, I), with θ = 1 in the
/// paper ("the real distribution plus unit-variance Gaussian noise"). Here θ ≥ 0 is the noise scale; G_θ(r, z) = r + θz
/// with r drawn from the real set first, so ∂x/∂θ = z. For a Gaussian mixture or the Swiss roll the member has a
/// density (the real law smoothed by N(0, θ² I)). No closed-form distances are known between members.
/// </summary>
public sealed class FixedGenerator : ToyFamily
{
    private readonly ToyDistribution _real;

    /// <summary>The family real + θ·N(0, I) for a real law that is a <see cref="GaussianMixture"/> or the <see cref="SwissRoll"/>.</summary>
    public FixedGenerator(IToyDistribution real)
    {
        ArgumentNullException.ThrowIfNull(real);
        if (real is not (ToyDistribution and IGaussianSmoothable))
            throw new ArgumentException($"the real law must be a toy law whose Gaussian smoothing is known (a Gaussian mixture or the Swiss roll), got {real.Name}", nameof(real));
        _real = (ToyDistribution)real;
    }

    /// <summary>The real law.</summary>
    public IToyDistribution Real => _real;

    /// <inheritdoc/>
    public override string Name => _real.Name + "-fixed-generator";

    /// <inheritdoc/>
    public override string Summary => $"P_θ = {_real.Name} + θ·N(0, I) (WGAN-GP Fig. 1a fixed generator, θ = 1)";

    /// <inheritdoc/>
    public override int Dimension => _real.Dimension;

    /// <inheritdoc/>
    public override ParameterRange Theta { get; } = ParameterRange.NonNegative("scale of the added N(0, I) noise", 1.0);

    /// <inheritdoc/>
    protected override ToyDistribution CreateMember(double theta) => new Noisy(_real, theta);

    /// <inheritdoc/>
    protected override ExactValues ExactCore(double theta0, double theta) => ExactValues.Unknown;

    private sealed class Noisy(ToyDistribution real, double theta) : ToyDistribution
    {
        public override string Name => real.Name + "-fixed-generator";
        public override int Dimension => real.Dimension;

        public override LawKind Kind => theta == 0 ? real.Kind : LawKind.AbsolutelyContinuous;

        public override string Support => theta == 0 ? real.Support : $"ℝ^{Dimension}";

        internal override void Generate(Xoshiro256StarStar rng, int n, double[] points, double[]? tangents)
        {
            real.Generate(rng, n, points, null);
            for (int k = 0; k < points.Length; k++)
            {
                double z = rng.NextNormal();
                points[k] += theta * z;
                if (tangents is not null) tangents[k] = z;
            }
        }

        protected override double DensityCore(ReadOnlySpan<double> x) =>
            theta == 0 ? real.Density(x) : ((IGaussianSmoothable)real).Smoothed(theta).Density(x);
    }
}
