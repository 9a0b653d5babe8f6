using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Verify.Theory;

namespace Verify.Properties.Information;

/// <summary>
/// <c>kl.disjoint-infinite</c>: KL(P‖Q) = +∞ exactly when P puts mass on an atom where Q has none; otherwise it is finite,
/// and at most log(1/q_min) (q_min the smallest positive mass of Q), since KL = Σ p·log(p/q) ≤ Σ p·log(1/q).
/// </summary>
public static class KlDisjointInfinite
{
    /// <summary>The claim's id.</summary>
    public const string Id = "kl.disjoint-infinite";

    /// <summary>Absolute tolerance of the finite bound in nats.</summary>
    public const double Tolerance = 1e-13;

    /// <summary>The check of Theory's KL.</summary>
    public static CaseCheck<VectorPair> Check { get; } =
        new(_ => VectorPair.Generator(), s => s.Pick(200, 2000), c => Conditions(c, Divergences.KL(c.P, c.Q)));

    /// <summary>The falsification: KL after adding 10⁻¹⁰ to every entry of Q (the usual "smoothing" fix), which is always finite.</summary>
    public static CaseCheck<VectorPair> Falsification { get; } =
        Check.With(c => Conditions(c, Divergences.KL(c.P, Smoothed(c.Q, 1e-10))));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "KL(P‖Q) = +∞ when P puts mass where Q has none",
        "Kullback & Leibler, On information and sufficiency, Ann. Math. Stat. 22 (1951); WGAN paper, Example 1",
        ClaimKind.Exact,
        $"+∞ must be exactly +∞; the finite bound log(1/q_min) is met to {Tolerance:0e0} nats (sums of ≤ 8 terms)",
        (s, seed) => Check.Run(s, seed, Id),
        "KL computed after adding 1e-10 to every entry of Q and renormalising (smoothing), which hides the infinity",
        (s, seed) => Falsification.Run(s, seed, Id));

    /// <summary>The conditions for a value <paramref name="kl"/> claimed to be KL(P‖Q).</summary>
    public static IReadOnlyList<Condition> Conditions(VectorPair c, double kl)
    {
        if (c.POutsideQ) return [Condition.Equal("P has mass outside supp Q: KL(P‖Q)", kl, double.PositiveInfinity, 0.0)];
        double qMin = c.Q.Where(x => x > 0).Min();
        return
        [
            Condition.AtLeast("supp P ⊆ supp Q: KL(P‖Q) ≥ 0", kl, 0.0, Tolerance),
            Condition.AtMost("supp P ⊆ supp Q: KL(P‖Q) − log(1/q_min)", kl - Math.Log(1 / qMin), 0.0, Tolerance),
        ];
    }

    /// <summary>(q + ε)/Σ(q + ε).</summary>
    public static double[] Smoothed(double[] q, double epsilon)
    {
        double s = q.Sum() + epsilon * q.Length;
        return q.Select(x => (x + epsilon) / s).ToArray();
    }
}
