namespace Verify.Theory;

/// <summary>Divergences between two probability densities on an interval [a, b], given as functions, by adaptive quadrature.</summary>
/// <remarks>
/// p and q must be probability densities with their mass inside [a, b] (checked to 1e-6); see <see cref="DensityIntegral"/>
/// for how the quadrature finds where that mass is without breakpoints.
/// </remarks>
public static class DensityDivergences
{
    private const double Eps = 2.220446049250313e-16; // 2⁻⁵², the spacing of doubles at 1
    /// <summary>
    /// JS(p, q) = ½∫ p log(2p/(p+q)) + ½∫ q log(2q/(p+q)) over [a, b], with 0·log 0 = 0; in nats, ∈ [0, log 2].
    /// Computed from the mixture M = ½(p + q) directly (not from the GAN value), so the identity
    /// L(G, D*) = 2·JS − 2 log 2 can be checked between the two. Optional <paramref name="breakpoints"/>: points where a density jumps (they save work, the result does not need them).
    /// </summary>
    /// <remarks>
    /// With m = ½(p + q) and r = (p − q)/(p + q) ∈ [−1, 1] the integrand is ½·m·φ(r), φ(r) = (1+r) log(1+r) + (1−r) log(1−r)
    /// = Σₖ r²ᵏ/(k(2k−1)) ≥ 0, summed as that series for |r| &lt; ½: no cancellation between the two logarithms, so
    /// JS ≈ ⅛·Fisher·Δ² for nearly equal laws comes out to full relative precision and equal laws give exactly 0.
    /// The only noise left is that of p and q themselves: p − q carries their rounding, ~ε·(p + q), which moves ½mφ(r) by
    /// ~ε·m·|r|·(a few). Its integral is a few ε·∫½|p − q| = ε·TV, so the error asked for is 1e-12·JS + 64ε·TV.
    /// </remarks>
    public static double JS(Func<double, double> p, Func<double, double> q, double a, double b, IReadOnlyList<double>? breakpoints = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        DensityIntegral.CheckInterval(a, b);
        double[] cuts = DensityIntegral.Resolve(p, nameof(p), q, nameof(q), a, b, breakpoints);
        double HalfAbsDifference(double x) =>
            0.5 * Math.Abs(DensityIntegral.Density(p, x, nameof(p)) - DensityIntegral.Density(q, x, nameof(q)));
        var tv = DensityIntegral.Estimate(HalfAbsDifference, cuts, 1e-3);
        double noise = 64 * Eps * (Math.Abs(tv.Value) + tv.Error);
        double Integrand(double x)
        {
            double u = DensityIntegral.Density(p, x, nameof(p)), v = DensityIntegral.Density(q, x, nameof(q));
            double s = u + v;
            return s == 0 ? 0.0 : 0.25 * s * Phi((u - v) / s);
        }
        return DensityIntegral.Integrate(Integrand, cuts, noise);
    }

    /// <summary>KL(p‖q) = ∫ p log(p/q) over [a, b], 0·log 0 = 0; +∞ if p &gt; 0 = q at a quadrature node.</summary>
    public static double KL(Func<double, double> p, Func<double, double> q, double a, double b, IReadOnlyList<double>? breakpoints = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        DensityIntegral.CheckInterval(a, b);
        double[] cuts = DensityIntegral.Resolve(p, nameof(p), q, nameof(q), a, b, breakpoints);
        bool infinite = false;
        double Integrand(double x)
        {
            double u = DensityIntegral.Density(p, x, nameof(p)), v = DensityIntegral.Density(q, x, nameof(q));
            if (u == 0) return 0.0;
            if (v == 0) { infinite = true; return 0.0; }
            return u * Math.Log(u / v);
        }
        double value = DensityIntegral.Integrate(Integrand, cuts, DensityIntegral.AbsoluteTolerance);
        return infinite ? double.PositiveInfinity : value;
    }

    /// <summary>φ(r) = (1+r) log(1+r) + (1−r) log(1−r) for r ∈ [−1, 1] (φ(±1) = 2 log 2), without cancellation near 0.</summary>
    internal static double Phi(double r)
    {
        double t = Math.Abs(r);
        if (t >= 0.5) return t >= 1 ? 2 * Math.Log(2.0) : (1 + t) * Math.Log(1 + t) + (1 - t) * Math.Log(1 - t);
        // Σₖ t²ᵏ/(k(2k−1)): terms fall by at least t² ≤ ¼ each, so 30 terms reach 1e-18 relative.
        double t2 = t * t, power = t2, sum = 0;
        for (int k = 1; k <= 40; k++)
        {
            double term = power / (k * (2.0 * k - 1));
            sum += term;
            if (term <= 1e-17 * sum) break;
            power *= t2;
        }
        return sum;
    }
}
