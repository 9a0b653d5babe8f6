using Verify.Toys.Numerics;
using Verify.Toys.Random;

namespace Verify.Toys.Families;

/// <summary>
/// The 1-D Gaussian location family P_θ = N(θ, σ²), G_θ(z) = θ + σz, tangent ∂x/∂θ = 1.
/// With δ = θ − θ₀: W₁ = |δ| (a translation; the quantile coupling moves every point by δ), KL = δ²/(2σ²) both ways,
/// TV = 2Φ(|δ|/(2σ)) − 1 (the densities cross at the midpoint), ∂W₁/∂θ = sign δ; JS and ∂JS/∂θ by quadrature
/// (<see cref="GaussianDivergences"/>).
/// </summary>
public class GaussianLocation : ToyFamily
{
    /// <summary>N(θ, σ²) with the given σ &gt; 0 (default 1).</summary>
    public GaussianLocation(double sigma = 1.0) : this(sigma, "gaussian-location", 0.0) { }

    /// <summary>For subclasses that rename the family or move the default θ.</summary>
    protected GaussianLocation(double sigma, string name, double defaultTheta)
    {
        if (!(sigma > 0) || double.IsInfinity(sigma))
            throw new ArgumentException($"sigma must be positive and finite, got {sigma:R}", nameof(sigma));
        Sigma = sigma;
        Name = name;
        Theta = ParameterRange.RealLine("mean of N(θ, σ²)", defaultTheta);
    }

    /// <summary>σ.</summary>
    public double Sigma { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override string Summary => $"P_θ = N(θ, σ²), σ = {Sigma:R}";

    /// <inheritdoc/>
    public override int Dimension => 1;

    /// <inheritdoc/>
    public override ParameterRange Theta { get; }

    /// <inheritdoc/>
    protected override ToyDistribution CreateMember(double theta) => new Normal1D(Name, theta, Sigma, TangentOf.Location);

    /// <inheritdoc/>
    protected override ExactValues ExactCore(double theta0, double theta)
    {
        double delta = theta - theta0, s = Sigma;
        double kl = delta * delta / (2 * s * s);
        double tv = 2.0 * StandardNormal.Cdf(Math.Abs(delta) / (2 * s)) - 1.0;
        return new ExactValues(
            W1: Math.Abs(delta),
            JS: GaussianDivergences.JS(theta0, s, theta, s),
            KL: kl,
            KLReverse: kl,
            TV: tv,
            DW1: KinkDerivative(theta0, theta, 1.0),
            DJS: GaussianDivergences.DJSDMean2(theta0, s, theta, s),
            Method: "closed form; JS and ∂JS/∂θ by Gauss–Legendre quadrature");
    }
}

/// <summary>Which parameter of N(μ, σ²) is θ, and so which tangent G_θ(z) = μ + σz has.</summary>
internal enum TangentOf { Location, Scale }

/// <summary>N(μ, σ²) on ℝ sampled as μ + σz; tangent 1 (θ = μ) or z (θ = σ).</summary>
internal sealed class Normal1D(string name, double mu, double sigma, TangentOf tangentOf) : ToyDistribution
{
    public override string Name => name;
    public override int Dimension => 1;
    public override LawKind Kind => LawKind.AbsolutelyContinuous;
    public override string Support => "ℝ";

    internal override void Generate(Xoshiro256StarStar rng, int n, double[] points, double[]? tangents)
    {
        for (int i = 0; i < n; i++)
        {
            double z = rng.NextNormal();
            points[i] = mu + sigma * z;
            if (tangents is not null) tangents[i] = tangentOf == TangentOf.Location ? 1.0 : z;
        }
    }

    protected override double DensityCore(ReadOnlySpan<double> x) => StandardNormal.Density((x[0] - mu) / sigma) / sigma;
}
