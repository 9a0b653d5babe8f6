using FsCheck;
using FsCheck.Fluent;
using Verify.Properties.Catalogue;
using Verify.Properties.Checks;
using Verify.Theory;

namespace Verify.Properties.Duality;

/// <summary>Two discrete probability laws in one dimension d ∈ {1, 2, 3} (the duality claims' cases).</summary>
public sealed record LawPair(DiscreteDistribution P, DiscreteDistribution Q)
{
    /// <inheritdoc/>
    public override string ToString() => $"P = {Describe.Law(P)}, Q = {Describe.Law(Q)}";

    /// <summary>Up to 6 (quick) or 12 (full) atoms each, coordinates on ½ℤ ∩ [−4, 4] (so atoms of P and Q sometimes coincide).</summary>
    public static Gen<LawPair> Generator(ClaimScale scale) =>
        from d in Gen.Elements(1, 2, 3)
        from p in Generators.Law(d, scale.Pick(6, 12), Generators.OnGrid(-8, 8, 0.5))
        from q in Generators.Law(d, scale.Pick(6, 12), Generators.OnGrid(-8, 8, 0.5))
        select new LawPair(p, q);

    /// <summary>The largest distance between support points (1 when all coincide): the scale of relative tolerances.</summary>
    public double Scale
    {
        get
        {
            double diam = Geometry.Diameter(P, Q);
            return diam > 0 ? diam : 1.0;
        }
    }
}
