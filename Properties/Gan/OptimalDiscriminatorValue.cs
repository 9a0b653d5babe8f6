using Verify.Properties.Catalogue;
using Verify.Theory;

namespace Verify.Properties.Gan;

/// <summary>
/// <c>optimal-discriminator.value</c>: at D* = p_r/(p_r + p_g), L(G, D*) = E_{p_r} log D* + E_{p_g} log(1 − D*) =
/// 2·JS(p_r, p_g) − 2·log 2 (GAN, Theorem 1), on ten density pairs. L is integrated here for the discriminator given
/// (adaptive Gauss–Kronrod 7/15) and also taken from Theory's <see cref="ClosedForms.GanValueAtOptimum"/>; JS comes from
/// the Toys' closed forms and quadrature, an independent route.
/// </summary>
public static class OptimalDiscriminatorValue
{
    /// <summary>The claim's id.</summary>
    public const string Id = "optimal-discriminator.value";

    /// <summary>Absolute tolerance in nats.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "L(G, D*) = 2·JS − 2·log 2, on several density pairs",
        "Goodfellow et al., Generative Adversarial Nets (2014), Theorem 1",
        ClaimKind.Exact,
        $"{Tolerance:0e0} nats: two independent quadratures (Gauss–Kronrod to 1e-12 relative here, the Toys' Gauss–Legendre panels for JS)",
        (_, _) => Run(p => p.Optimal),
        "a discriminator that is not D*: the over-confident σ(2·logit D*)",
        (_, _) => Run(p => x => DensityPair.FromLogit(2 * p.LogRatio(x))));

    /// <summary>The check for a discriminator chosen per pair (as (log D, log(1 − D)) at x).</summary>
    public static Finding Run(Func<DensityPair, Func<double, (double, double)>> discriminator)
    {
        var conditions = new List<Condition>();
        foreach (DensityPair pair in DensityPair.All)
        {
            double expected = 2 * pair.JS - 2 * Math.Log(2.0);
            conditions.Add(Condition.Equal($"{pair.Name}: L(G, D)", pair.Value(discriminator(pair)), expected, Tolerance));
            conditions.Add(Condition.Equal($"{pair.Name}: Theory's L(G, D*)",
                ClosedForms.GanValueAtOptimum(pair.Real, pair.Generated, pair.A, pair.B, pair.Breakpoints), expected, Tolerance));
        }
        return new Finding(conditions, DensityPair.All.Count);
    }
}
