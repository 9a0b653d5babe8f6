using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Verify.Theory;

namespace Verify.Properties.Information;

/// <summary>
/// <c>pinsker</c>: TV(P, Q) ≤ √(KL(P‖Q)/2) (Pinsker's inequality, KL in nats, TV = ½‖p − q‖₁), on random pairs including
/// near pairs where it is nearly tight. When KL = +∞ it holds trivially.
/// </summary>
public static class Pinsker
{
    /// <summary>The claim's id.</summary>
    public const string Id = "pinsker";

    /// <summary>Absolute tolerance: TV and √(KL/2) are each accurate to a few ulps of numbers ≤ 1 (KL ≥ 0 near 0 only by its own sum).</summary>
    public const double Tolerance = 1e-14;

    /// <summary>The check with Theory's TV and KL.</summary>
    public static CaseCheck<VectorPair> Check { get; } =
        new(_ => VectorPair.Generator(), s => s.Pick(200, 2000), c => Conditions(c, Divergences.TV(c.P, c.Q)));

    /// <summary>The falsification: the ℓ₁ distance ‖p − q‖₁ = 2·TV in place of TV (the missing ½).</summary>
    public static CaseCheck<VectorPair> Falsification { get; } =
        Check.With(c => Conditions(c, 2 * Divergences.TV(c.P, c.Q)));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "TV ≤ √(KL/2)",
        "Pinsker (1964); with the sharp constant, Csiszár (1967) and Kullback (1967)",
        ClaimKind.Exact,
        $"{Tolerance:0e0} absolute: both sides are numbers ≤ 1 computed to a few ulps",
        (s, seed) => Check.Run(s, seed, Id),
        "the ℓ1 distance ‖p − q‖₁ = 2·TV in place of TV (TV without its ½)",
        (s, seed) => Falsification.Run(s, seed, Id));

    /// <summary>The condition for a value <paramref name="tv"/> claimed to be TV(P, Q).</summary>
    public static IReadOnlyList<Condition> Conditions(VectorPair c, double tv) =>
        [Condition.AtMost("TV − √(KL(P‖Q)/2)", tv - Math.Sqrt(Divergences.KL(c.P, c.Q) / 2), 0.0, Tolerance)];
}
