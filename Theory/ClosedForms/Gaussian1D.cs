using MathNet.Numerics;

namespace Verify.Theory;

/// <summary>
/// Distances between two one-dimensional Gaussians N(μ₁, σ₁²) and N(μ₂, σ₂²), σ &gt; 0, all in closed form:
/// KL, W₁ (the mean of a folded normal) and W₂.
/// </summary>
public static class Gaussian1D
{
    private static readonly double SqrtTwoOverPi = Math.Sqrt(2.0 / Math.PI);

    /// <summary>KL(N(μ₁,σ₁²) ‖ N(μ₂,σ₂²)) = log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½, in nats.</summary>
    public static double KL(double mu1, double s1, double mu2, double s2)
    {
        Check(mu1, s1, mu2, s2);
        double r = s1 / s2, dm = (mu1 - mu2) / s2;
        // log(σ₂/σ₁) + ½(σ₁/σ₂)² − ½ = ½(r² − 1 − log r²) ≥ 0, summed without cancelling when r ≈ 1.
        // For extreme ratios (r² or 1/r² beyond a double) the log is taken of σ₁ and σ₂ apart and ½r² as (½r)·r:
        // σ₁ = 10³⁰⁰, σ₂ = 10⁻³⁰⁰ gave ∞ − ∞ = NaN, and the reverse gave +∞ for a true value of log(10⁶⁰⁰) − ½.
        double shape = r > 1e-150 && r < 1e150
            ? 0.5 * (r * r - 1.0 - 2.0 * Math.Log(r))
            : 0.5 * r * r - 0.5 - (Math.Log(s1) - Math.Log(s2));
        return Math.Max(0.0, shape) + 0.5 * dm * dm;
    }

    /// <summary>
    /// W₁ = |Δσ|·√(2/π)·exp(−Δμ²/(2Δσ²)) + |Δμ|·erf(|Δμ|/(√2·|Δσ|)), Δμ = μ₁ − μ₂, Δσ = σ₁ − σ₂, for any σ₁, σ₂.
    /// In 1-D the quantile coupling is optimal, so W₁ = ∫₀¹ |F⁻¹(t) − G⁻¹(t)| dt = E|Δμ + Δσ·Z| with Z ~ N(0, 1): the
    /// mean of a folded normal. Δσ = 0 gives |Δμ|, Δμ = 0 gives |Δσ|·√(2/π). Written with the ratio r = |Δμ|/|Δσ|
    /// so that nothing overflows before the result does: W₁ = |Δσ|·√(2/π)·e^{−r²/2} + |Δμ|·erf(r/√2).
    /// </summary>
    public static double W1(double mu1, double s1, double mu2, double s2)
    {
        Check(mu1, s1, mu2, s2);
        double dm = Math.Abs(mu1 - mu2), ds = Math.Abs(s1 - s2);
        if (ds == 0) return dm;
        if (dm == 0) return ds * SqrtTwoOverPi;
        double r = dm / ds;
        return ds * SqrtTwoOverPi * Math.Exp(-0.5 * r * r) + dm * SpecialFunctions.Erf(r / Math.Sqrt(2.0));
    }

    /// <summary>W₂ = √((μ₁ − μ₂)² + (σ₁ − σ₂)²) (the quantile coupling is optimal in 1-D).</summary>
    public static double W2(double mu1, double s1, double mu2, double s2)
    {
        Check(mu1, s1, mu2, s2);
        return double.Hypot(mu1 - mu2, s1 - s2);
    }

    internal static void Check(double mu1, double s1, double mu2, double s2)
    {
        Guard.Finite(mu1, "mu1", nameof(mu1));
        Guard.Finite(mu2, "mu2", nameof(mu2));
        Guard.Positive(s1, "s1");
        Guard.Positive(s2, "s2");
    }
}
