using Verify.Theory;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Properties.Gan;

/// <summary>
/// A pair of 1-D densities (p_r real, p_g generated) on an interval [a, b] holding all their mass, with breakpoints where
/// a density jumps, and JS(p_r, p_g) from a route independent of Theory's density quadrature: the Toys' closed forms and
/// their own Gauss–Legendre quadrature.
/// </summary>
public sealed record DensityPair(string Name, Func<double, double> Real, Func<double, double> Generated, double A, double B, double[] Breakpoints, double JS)
{
    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>
    /// The pairs: N(0, 1) vs N(μ, 1) for μ ∈ {0.5, 1, 2, 4}; N(0, 1) vs N(0, σ²) for σ ∈ {0.5, 2}; U[0, 1] vs U[s, 1 + s] for
    /// s ∈ {0.25, 0.5, 1, 1.5} (JS = min(s, 1)·log 2).
    /// </summary>
    public static IReadOnlyList<DensityPair> All { get; } = Build();

    /// <summary>L(G, D) = ∫ p_r log D + p_g log(1 − D) dx for a discriminator D given as (log D, log(1 − D)) at x, by adaptive
    /// Gauss–Kronrod on each piece between breakpoints (0·log 0 = 0).</summary>
    public double Value(Func<double, (double LogD, double Log1MinusD)> discriminator)
    {
        double Integrand(double x)
        {
            double r = Real(x), g = Generated(x);
            if (r == 0 && g == 0) return 0;
            var (logD, log1mD) = discriminator(x);
            double s = 0;
            if (r > 0) s += r * logD;
            if (g > 0) s += g * log1mD;
            return s;
        }
        return Integrate(Integrand);
    }

    /// <summary>∫ₐᵇ h over the pieces between breakpoints.</summary>
    public double Integrate(Func<double, double> h)
    {
        double[] cuts = [A, .. Breakpoints.Where(t => t > A && t < B).Distinct().Order(), B];
        double total = 0;
        for (int k = 0; k + 1 < cuts.Length; k++)
        {
            var r = AdaptiveQuadrature.Integrate(h, cuts[k], cuts[k + 1], 1e-12, 1e-14);
            if (!r.Converged) throw new InvalidOperationException($"{Name}: the integral over [{cuts[k]}, {cuts[k + 1]}] did not converge (error {r.Error})");
            total += r.Value;
        }
        return total;
    }

    /// <summary>log p_r(x) − log p_g(x) (±∞ where one density vanishes; NaN where both do).</summary>
    public double LogRatio(double x) => Math.Log(Real(x)) - Math.Log(Generated(x));

    /// <summary>The optimal discriminator as (log D*, log(1 − D*)) = (−softplus(−ℓ), −softplus(ℓ)), ℓ = log(p_r/p_g).</summary>
    public (double, double) Optimal(double x) => FromLogit(LogRatio(x));

    /// <summary>(log σ(ℓ), log(1 − σ(ℓ))) computed without overflow; ℓ = ±∞ gives (0, −∞) or (−∞, 0).</summary>
    public static (double LogD, double Log1MinusD) FromLogit(double logit) => (-Softplus(-logit), -Softplus(logit));

    /// <summary>log(1 + eˣ), stable.</summary>
    public static double Softplus(double x) =>
        double.IsPositiveInfinity(x) ? x : double.IsNegativeInfinity(x) ? 0.0 : Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));

    private static List<DensityPair> Build()
    {
        var list = new List<DensityPair>();
        GaussianLocation location = ToyFamilies.GaussianLocation();
        foreach (double mu in new[] { 0.5, 1.0, 2.0, 4.0 })
        {
            IToyDistribution p = location.At(0), q = location.At(mu);
            list.Add(new DensityPair($"N(0,1) vs N({mu},1)", x => p.Density([x]), x => q.Density([x]), -14, mu + 14, [], location.Exact(0, mu).JS!.Value));
        }
        GaussianScale scale = ToyFamilies.GaussianScale();
        foreach (double sigma in new[] { 0.5, 2.0 })
        {
            IToyDistribution p = scale.At(1), q = scale.At(sigma);
            list.Add(new DensityPair($"N(0,1) vs N(0,{sigma}²)", x => p.Density([x]), x => q.Density([x]), -30, 30, [], scale.Exact(1, sigma).JS!.Value));
        }
        ShiftedUniform segment = ToyFamilies.UniformSegment();
        foreach (double s in new[] { 0.25, 0.5, 1.0, 1.5 })
        {
            IToyDistribution p = segment.At(0), q = segment.At(s);
            list.Add(new DensityPair($"U[0,1] vs U[{s},{1 + s}]", x => p.Density([x]), x => q.Density([x]), 0, 1 + s, s == 1.0 ? [1.0] : [1.0, s], segment.Exact(0, s).JS!.Value));
        }
        return list;
    }
}
