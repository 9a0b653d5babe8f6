using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Verify.Theory;

/// <summary>
/// Distances between two one-dimensional Gaussians N(μ₁, σ₁²) and N(μ₂, σ₂²), σ &gt; 0.
/// KL and W₂ in closed form; W₁ by the quantile integral W₁ = ∫₀¹ |F⁻¹(t) − G⁻¹(t)| dt, computed numerically.
/// </summary>
public static class Gaussian1D
{
    /// <summary>Absolute accuracy asked of the quadrature in <see cref="W1"/> (relative to the scale |μ₁−μ₂| + |σ₁−σ₂|).</summary>
    public const double QuadratureTolerance = 1e-13;

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
    /// W₁ = ∫₀¹ |F⁻¹(t) − G⁻¹(t)| dt with F⁻¹(t) = μ₁ + σ₁Φ⁻¹(t), G⁻¹(t) = μ₂ + σ₂Φ⁻¹(t) (Φ⁻¹: MathNet's
    /// <c>Normal.InvCDF</c>), integrated by double-exponential quadrature. The symmetry Φ⁻¹(1−t) = −Φ⁻¹(t) folds the
    /// integral onto (0, ½], and it is split where the integrand has its kink (|Δμ| = |Δσ|·|Φ⁻¹(t)|), so each piece is
    /// smooth inside and only the integrable endpoint singularity at t → 0 remains. When σ₁ = σ₂, W₁ = |μ₁ − μ₂|.
    /// </summary>
    public static double W1(double mu1, double s1, double mu2, double s2)
    {
        Check(mu1, s1, mu2, s2);
        double dm = mu1 - mu2, ds = s1 - s2;
        if (dm == 0 && ds == 0) return 0.0;
        double Integrand(double t)
        {
            double z = Normal.InvCDF(0.0, 1.0, t);
            return Math.Abs(dm + ds * z) + Math.Abs(dm - ds * z);
        }
        double tol = QuadratureTolerance * (Math.Abs(dm) + Math.Abs(ds));
        double kink = ds == 0 ? 0.0 : Normal.CDF(0.0, 1.0, -Math.Abs(dm) / Math.Abs(ds));
        double lower = kink > 0 ? Integrate.DoubleExponential(Integrand, 0.0, kink, tol) : 0.0;
        double upper = kink < 0.5 ? Integrate.DoubleExponential(Integrand, kink, 0.5, tol) : 0.0;
        return lower + upper;
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
