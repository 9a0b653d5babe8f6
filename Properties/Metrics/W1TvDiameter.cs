using FsCheck;
using FsCheck.Fluent;
using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Verify.Theory;

namespace Verify.Properties.Metrics;

/// <summary>
/// <c>w1.tv-diameter</c>: W₁(P, Q) ≤ diam(supp P ∪ supp Q)·TV(P, Q): the mass P and Q share can stay put, and the rest
/// (TV of it) moves at most the diameter. Checked on random discrete laws on a coarse grid, so atoms coincide and TV
/// ranges over [0, 1]. Divided by the diameter, so the tolerance is relative.
/// </summary>
public static class W1TvDiameter
{
    /// <summary>The claim's id.</summary>
    public const string Id = "w1.tv-diameter";

    /// <summary>Relative tolerance (as for <see cref="W1Metric"/>).</summary>
    public const double Tolerance = 1e-12;

    /// <summary>Two laws and the diameter the check is given.</summary>
    public sealed record Case(DiscreteDistribution P, DiscreteDistribution Q)
    {
        /// <inheritdoc/>
        public override string ToString() => $"P = {Describe.Law(P)}, Q = {Describe.Law(Q)}";
    }

    /// <summary>Cases: d ∈ {1, 2}, up to 6 (quick) or 10 (full) atoms on the integer grid {−3, …, 3}ᵈ.</summary>
    public static Gen<Case> Generator(ClaimScale scale) =>
        from d in Gen.Elements(1, 2)
        from p in Generators.Law(d, scale.Pick(6, 10), Generators.OnGrid(-3, 3, 1.0))
        from q in Generators.Law(d, scale.Pick(6, 10), Generators.OnGrid(-3, 3, 1.0))
        select new Case(p, q);

    /// <summary>The check with the diameter of both supports.</summary>
    public static CaseCheck<Case> Check { get; } =
        new(Generator, s => s.Pick(200, 2000), c => Conditions(c, Geometry.Diameter(c.P, c.Q)));

    /// <summary>The falsification: the diameter of supp P alone (forgetting Q's points).</summary>
    public static CaseCheck<Case> Falsification { get; } =
        Check.With(c => Conditions(c, Geometry.Diameter(c.P)));

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "W1 ≤ diam(support)·TV",
        "Gibbs & Su, On choosing and bounding probability metrics, Int. Stat. Rev. 70 (2002)",
        ClaimKind.Exact,
        $"{Tolerance:0e0} of the diameter (exact transport and TV, each to a few ulps)",
        (s, seed) => Check.Run(s, seed, Id),
        "the diameter of supp P alone in place of diam(supp P ∪ supp Q)",
        (s, seed) => Falsification.Run(s, seed, Id));

    /// <summary>The condition for a diameter <paramref name="diameter"/> claimed to bound the supports.</summary>
    public static IReadOnlyList<Condition> Conditions(Case c, double diameter)
    {
        double scale = Geometry.Diameter(c.P, c.Q);
        if (scale == 0) scale = 1;
        double excess = Transport.W1(c.P, c.Q) - diameter * Divergences.TV(c.P, c.Q);
        return [Condition.AtMost("(W1 − diam·TV)/diam", excess / scale, 0.0, Tolerance)];
    }
}
