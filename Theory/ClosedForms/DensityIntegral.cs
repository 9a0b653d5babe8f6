using System.Globalization;

namespace Verify.Theory;

/// <summary>
/// ∫ₐᵇ h(x) dx for integrands built from two probability densities p and q given as functions, by globally adaptive
/// Gauss–Kronrod quadrature (<see cref="AdaptiveQuadrature"/>).
/// </summary>
/// <remarks>
/// <para>First the densities themselves are resolved (<see cref="Resolve"/>): ∫ₐᵇ p and ∫ₐᵇ q are integrated each to
/// 1e-12 relative, and h starts from the union of the two final partitions (with the caller's breakpoints). A 15-point
/// rule on a wide interval can see an integrand only in its far tails — h for N(0, 1) vs N(10⁻³, 1) vanishes at the
/// centre node of [−30, 30] and is ~10⁻¹⁴ at the others, so the rule "converged" to 1.7e-13 against a true JS of
/// 1.25e-7 — whereas the mass of a density cannot hide like that (its rule estimate is off by O(1) until the pieces
/// resolve the bulk). The masses are also checked: each must be 1 within <see cref="MassTolerance"/>, since the
/// divergences' ranges ([0, log 2] for JS, [−2 log 2, 0] for the GAN value) hold for probability densities only.</para>
/// <para>Then h is integrated to an estimated error ≤ 1e-12·∫|h| + the caller's absolute tolerance, chosen from the
/// integrand's scale: for JS ε times the scale of the rounding noise in its integrand (see
/// <see cref="DensityDivergences.JS"/>), for the GAN value and KL 1e-13 (their integrands' noise is ε relative to the
/// densities, whose masses are 1). A result whose error estimate does not meet the tolerance within 20 000 pieces is
/// refused (InvalidOperationException), so a number returned is one the rule vouches for.</para>
/// </remarks>
internal static class DensityIntegral
{
    public const double RelativeTolerance = 1e-12;

    /// <summary>Absolute tolerance for integrands whose rounding noise is ε relative to the densities (mass 1).</summary>
    public const double AbsoluteTolerance = 1e-13;

    /// <summary>How far from 1 the mass of a density on [a, b] may be.</summary>
    public const double MassTolerance = 1e-6;

    private const int MaxPieces = 20_000;

    /// <summary>
    /// Integrates p and q over [a, b] (checking every value and that each mass is 1 within <see cref="MassTolerance"/>)
    /// and returns the union of their final partitions and the breakpoints: the starting pieces for an integrand of p and q.
    /// </summary>
    public static double[] Resolve(Func<double, double> p, string pName, Func<double, double> q, string qName, double a, double b,
        IReadOnlyList<double>? breakpoints)
    {
        double[] cp = Mass(p, pName, a, b, breakpoints), cq = Mass(q, qName, a, b, breakpoints);
        var cuts = new SortedSet<double>(cp);
        cuts.UnionWith(cq);
        return [.. cuts];
    }

    /// <summary>∫ h over the pieces <paramref name="cuts"/> (from <see cref="Resolve"/>) to 1e-12·∫|h| + <paramref name="absoluteTolerance"/>.</summary>
    public static double Integrate(Func<double, double> h, double[] cuts, double absoluteTolerance)
    {
        double a = cuts[0], b = cuts[^1];
        var (r, _) = AdaptiveQuadrature.IntegrateWithPartition(h, a, b, RelativeTolerance, absoluteTolerance, cuts, MaxPieces);
        if (!r.Converged) throw NotConverged(a, b, r);
        return r.Value;
    }

    /// <summary>∫ h over the pieces <paramref name="cuts"/>, as far as the rule gets to a loose tolerance (for scales, never refused).</summary>
    public static AdaptiveQuadrature.Result Estimate(Func<double, double> h, double[] cuts, double relativeTolerance) =>
        AdaptiveQuadrature.IntegrateWithPartition(h, cuts[0], cuts[^1], relativeTolerance, 0.0, cuts, MaxPieces).Result;

    /// <summary>Evaluates a density and checks that its value is finite and ≥ 0.</summary>
    public static double Density(Func<double, double> f, double x, string name)
    {
        double v = f(x);
        if (double.IsNaN(v) || double.IsInfinity(v) || v < 0)
            throw new ArgumentException($"density {name}({F(x)}) = {F(v)}; a density must be finite and non-negative", name);
        return v;
    }

    public static void CheckInterval(double a, double b)
    {
        Guard.Finite(a, "a", nameof(a));
        Guard.Finite(b, "b", nameof(b));
        if (!(b > a)) throw new ArgumentException($"the interval [a, b] = [{F(a)}, {F(b)}] is empty: b must exceed a", nameof(b));
    }

    private static double[] Mass(Func<double, double> f, string name, double a, double b, IReadOnlyList<double>? breakpoints)
    {
        var (r, cuts) = AdaptiveQuadrature.IntegrateWithPartition(x => Density(f, x, name), a, b, RelativeTolerance, 0.0, breakpoints, MaxPieces);
        if (!r.Converged) throw NotConverged(a, b, r);
        if (!(Math.Abs(r.Value - 1.0) <= MassTolerance))
            throw new ArgumentException(
                $"density {name} has mass {F(r.Value)} on [{F(a)}, {F(b)}], not 1 (±{F(MassTolerance)}): {name} must be a probability density " +
                "with all its mass inside [a, b] (widen the interval, or pass breakpoints on both sides of a narrow peak the rule could not see)", name);
        return cuts;
    }

    private static InvalidOperationException NotConverged(double a, double b, AdaptiveQuadrature.Result r) =>
        new($"the integral over [{F(a)}, {F(b)}] did not converge (error estimate {F(r.Error)} after {r.Pieces} pieces); " +
            "is a density unbounded or wildly oscillating? breakpoints at its singular points may help");

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
