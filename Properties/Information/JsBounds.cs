using FsCheck;
using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Verify.Theory;

namespace Verify.Properties.Information;

/// <summary>
/// <c>js.bounds</c>: 0 ≤ JS(P, Q) ≤ log 2, with equality iff the supports are disjoint (Lin 1991). The "iff" is checked in
/// a quantitative form: JS = log 2 − ½Σₓ[p·log(1 + q/p) + q·log(1 + p/q)] and each term is ≥ min(p, q)·log 2, so
/// JS ≤ log 2·(1 + TV)/2 — JS reaches log 2 only when TV = 1, i.e. disjoint supports; and on disjoint supports
/// JS = log 2 exactly.
/// </summary>
public static class JsBounds
{
    /// <summary>The claim's id.</summary>
    public const string Id = "js.bounds";

    /// <summary>Absolute tolerance in nats: sums of ≤ 8 terms of size ≤ log 2, each to a few ulps.</summary>
    public const double Tolerance = 1e-14;

    private static readonly double Log2 = Math.Log(2.0);

    /// <summary>The check of Theory's JS.</summary>
    public static CaseCheck<VectorPair> Check { get; } =
        new(_ => VectorPair.Generator(), s => s.Pick(200, 2000), c => Conditions(c, Divergences.JS(c.P, c.Q)));

    /// <summary>The falsification: JS without its ½ weights, KL(P‖M) + KL(Q‖M) = 2·JS (the transcription error noted for WGAN Example 1).</summary>
    public static CaseCheck<VectorPair> Falsification { get; } =
        Check.With(c => Conditions(c, 2 * Divergences.JS(c.P, c.Q)));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "0 ≤ JS ≤ log 2, with equality iff the supports are disjoint",
        "Lin, Divergence measures based on the Shannon entropy, IEEE Trans. Inf. Theory 37 (1991)",
        ClaimKind.Exact,
        $"{Tolerance:0e0} nats absolute: JS is a sum of at most 8 terms no larger than log 2, each exact to a few ulps",
        (s, seed) => Check.Run(s, seed, Id),
        "JS without its ½ weights, KL(P‖M) + KL(Q‖M) = 2·JS, which reaches 2·log 2 on disjoint supports",
        (s, seed) => Falsification.Run(s, seed, Id));

    /// <summary>The conditions for a value <paramref name="js"/> claimed to be JS(P, Q).</summary>
    public static IReadOnlyList<Condition> Conditions(VectorPair c, double js)
    {
        double tv = Divergences.TV(c.P, c.Q);
        var list = new List<Condition>
        {
            Condition.AtLeast("lower: JS ≥ 0", js, 0.0, Tolerance),
            Condition.AtMost("upper: JS − log 2", js - Log2, 0.0, Tolerance),
            Condition.AtMost("equality only if disjoint: JS − log 2·(1 + TV)/2", js - Log2 * (1 + tv) / 2, 0.0, Tolerance),
        };
        if (c.Disjoint) list.Add(Condition.Equal("disjoint supports: JS", js, Log2, Tolerance));
        return list;
    }
}
