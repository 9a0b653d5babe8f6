namespace Verify.Theory;

/// <summary>
/// The GAN game at the optimal discriminator (Goodfellow et al. 2014, Proposition 1 and Theorem 1) for densities
/// p_r (real) and p_g (generated) on an interval [a, b], given as functions:
/// D*(x) = p_r(x) / (p_r(x) + p_g(x)) and L(G, D*) = ∫ p_r log D* + p_g log(1 − D*) dx = 2·JS(p_r, p_g) − 2 log 2.
/// </summary>
/// <remarks>
/// Where both densities vanish the ratio is 0/0. We define D*(x) = ½ there: the value there does not matter for
/// L (both terms carry a zero density factor) and ½ is the discriminator's "cannot tell" answer. The integrand uses
/// 0·log 0 = 0, so a point where only one density is positive contributes 0 (D* = 1 or 0 there, and log of the
/// other side is never evaluated). 1 − D* is computed as p_g/(p_r + p_g), not by subtraction.
/// The densities are assumed to vanish outside [a, b]; the integral is over [a, b] only.
/// </remarks>
public static class GanOptimum
{
    /// <summary>D*(x) = p_r(x)/(p_r(x) + p_g(x)); ½ where both densities are 0.</summary>
    public static double Discriminator(Func<double, double> pr, Func<double, double> pg, double x)
    {
        ArgumentNullException.ThrowIfNull(pr);
        ArgumentNullException.ThrowIfNull(pg);
        Guard.Finite(x, "x", nameof(x));
        double r = DensityIntegral.Density(pr, x, nameof(pr)), g = DensityIntegral.Density(pg, x, nameof(pg));
        return r + g == 0 ? 0.5 : r / (r + g);
    }

    /// <summary>
    /// L(G, D*) = ∫ₐᵇ p_r log D* + p_g log(1 − D*) dx by adaptive quadrature, in nats; equals 2·JS − 2 log 2 ∈ [−2 log 2, 0].
    /// p_r and p_g must be probability densities with their mass inside [a, b] (checked to 1e-6).
    /// Optional <paramref name="breakpoints"/>: points where a density jumps (they save work, the result does not need them).
    /// </summary>
    public static double Value(Func<double, double> pr, Func<double, double> pg, double a, double b, IReadOnlyList<double>? breakpoints = null)
    {
        ArgumentNullException.ThrowIfNull(pr);
        ArgumentNullException.ThrowIfNull(pg);
        DensityIntegral.CheckInterval(a, b);
        double[] cuts = DensityIntegral.Resolve(pr, nameof(pr), pg, nameof(pg), a, b, breakpoints);
        double Integrand(double x)
        {
            double r = DensityIntegral.Density(pr, x, nameof(pr)), g = DensityIntegral.Density(pg, x, nameof(pg));
            double sum = r + g;
            if (sum == 0) return 0.0;
            double s = 0;
            if (r > 0) s += r * Math.Log(r / sum);   // log D*
            if (g > 0) s += g * Math.Log(g / sum);   // log(1 − D*)
            return s;
        }
        return DensityIntegral.Integrate(Integrand, cuts, DensityIntegral.AbsoluteTolerance);
    }
}
