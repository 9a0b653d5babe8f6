using MathNet.Numerics;
using Verify.Toys.Numerics;

namespace Verify.Toys.Families;

/// <summary>
/// The 1-D Gaussian scale family P_θ = N(μ, θ²), θ &gt; 0, G_θ(z) = μ + θz, tangent ∂x/∂θ = z.
/// With a = θ₀, b = θ: W₁ = |b − a|·E|Z| = |b − a|·√(2/π) (the quantile coupling μ + az ↦ μ + bz),
/// KL(N(μ,a²)‖N(μ,b²)) = ln(b/a) + a²/(2b²) − ½, and TV = |erf(c/(a√2)) − erf(c/(b√2))| where the densities cross at
/// |x − μ| = c, c² = 2a²b² ln(b/a)/(b² − a²). JS and ∂JS/∂θ by quadrature (null when b/a or a/b exceeds 10³).
/// </summary>
public sealed class GaussianScale : ToyFamily
{
    private static readonly double MeanAbsNormal = Math.Sqrt(2.0 / Math.PI);

    /// <summary>N(μ, θ²) with the given μ (default 0).</summary>
    public GaussianScale(double mu = 0.0)
    {
        if (double.IsNaN(mu) || double.IsInfinity(mu)) throw new ArgumentException($"mu must be finite, got {mu:R}", nameof(mu));
        Mu = mu;
    }

    /// <summary>μ.</summary>
    public double Mu { get; }

    /// <inheritdoc/>
    public override string Name => "gaussian-scale";

    /// <inheritdoc/>
    public override string Summary => $"P_θ = N(μ, θ²), μ = {Mu:R}";

    /// <inheritdoc/>
    public override int Dimension => 1;

    /// <inheritdoc/>
    public override ParameterRange Theta { get; } = ParameterRange.Positive("standard deviation of N(μ, θ²)", 1.0);

    /// <inheritdoc/>
    protected override ToyDistribution CreateMember(double theta) => new Normal1D(Name, Mu, theta, TangentOf.Scale);

    /// <inheritdoc/>
    protected override ExactValues ExactCore(double theta0, double theta)
    {
        double a = theta0, b = theta;
        bool quad = GaussianDivergences.Supported(a, b);
        return new ExactValues(
            W1: Math.Abs(b - a) * MeanAbsNormal,
            JS: quad ? GaussianDivergences.JS(Mu, a, Mu, b) : null,
            KL: Kl(a, b),
            KLReverse: Kl(b, a),
            TV: Tv(a, b),
            DW1: KinkDerivative(a, b, MeanAbsNormal),
            DJS: quad ? GaussianDivergences.DJSDSigma2(Mu, a, Mu, b) : null,
            Method: "closed form; JS and ∂JS/∂θ by Gauss–Legendre quadrature");
    }

    // Theory's closed form, which keeps full precision for a ≈ b and stays finite/+∞ (never NaN) at extreme ratios
    // (ln(b/a) + a²/(2b²) − ½ written out gave NaN at a = b = 10⁻³⁰⁰, where a² and b² underflow to 0).
    private double Kl(double a, double b) => Verify.Theory.Gaussian1D.KL(Mu, a, Mu, b);

    // With ρ = hi/lo the crossing is at |x − μ| = c, c/lo = u = ρ·√(2 ln ρ/(ρ² − 1)), and TV = erf(u/√2) − erf(u/(ρ√2)).
    // Written in ρ so nothing overflows (lo·hi and hi² did at 10⁻³⁰⁰ vs 10³⁰⁰, giving NaN); ln ρ from the logs of
    // lo and hi when ρ itself overflows, and u = √(2 ln ρ) once ρ² − 1 = ρ² in doubles.
    private static double Tv(double a, double b)
    {
        if (a == b) return 0.0;
        double lo = Math.Min(a, b), hi = Math.Max(a, b), rho = hi / lo;
        double logRho = double.IsFinite(rho) ? Math.Log(rho) : Math.Log(hi) - Math.Log(lo);
        double u = rho < 1e8 ? rho * Math.Sqrt(2.0 * logRho / (rho * rho - 1.0)) : Math.Sqrt(2.0 * logRho);
        return SpecialFunctions.Erf(u / Math.Sqrt(2.0)) - SpecialFunctions.Erf(u / (rho * Math.Sqrt(2.0)));
    }
}
