namespace Verify.Theory;

/// <summary>Divergences between two densities on an interval [a, b], given as functions, by adaptive quadrature.</summary>
public static class DensityDivergences
{
    /// <summary>
    /// JS(p, q) = ½∫ p log(2p/(p+q)) + ½∫ q log(2q/(p+q)) over [a, b], with 0·log 0 = 0; in nats, ∈ [0, log 2].
    /// Computed from the mixture M = ½(p + q) directly (not from the GAN value), so the identity
    /// L(G, D*) = 2·JS − 2 log 2 can be checked between the two. Optional <paramref name="breakpoints"/>: points where a density jumps (they save work, the result does not need them).
    /// </summary>
    public static double JS(Func<double, double> p, Func<double, double> q, double a, double b, IReadOnlyList<double>? breakpoints = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        DensityIntegral.CheckInterval(a, b);
        double Integrand(double x)
        {
            double u = DensityIntegral.Density(p, x, nameof(p)), v = DensityIntegral.Density(q, x, nameof(q));
            double m = 0.5 * (u + v);
            double s = 0;
            if (u > 0) s += u * Math.Log(u / m);
            if (v > 0) s += v * Math.Log(v / m);
            return 0.5 * s;
        }
        return DensityIntegral.Integrate(Integrand, a, b, breakpoints);
    }

    /// <summary>KL(p‖q) = ∫ p log(p/q) over [a, b], 0·log 0 = 0; +∞ if p &gt; 0 = q at a quadrature node.</summary>
    public static double KL(Func<double, double> p, Func<double, double> q, double a, double b, IReadOnlyList<double>? breakpoints = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        DensityIntegral.CheckInterval(a, b);
        bool infinite = false;
        double Integrand(double x)
        {
            double u = DensityIntegral.Density(p, x, nameof(p)), v = DensityIntegral.Density(q, x, nameof(q));
            if (u == 0) return 0.0;
            if (v == 0) { infinite = true; return 0.0; }
            return u * Math.Log(u / v);
        }
        double value = DensityIntegral.Integrate(Integrand, a, b, breakpoints);
        return infinite ? double.PositiveInfinity : value;
    }
}
