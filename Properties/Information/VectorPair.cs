using FsCheck;
using FsCheck.Fluent;
using Verify.Properties.Checks;

namespace Verify.Properties.Information;

/// <summary>Two probability vectors P, Q on the same n atoms (the information claims' cases).</summary>
public sealed record VectorPair(double[] P, double[] Q)
{
    /// <inheritdoc/>
    public override string ToString() => $"P = {Describe.Vector(P)}, Q = {Describe.Vector(Q)}";

    /// <summary>True when no atom carries mass under both.</summary>
    public bool Disjoint => P.Zip(Q).All(t => t.First == 0 || t.Second == 0);

    /// <summary>True when some atom carries mass under P and none under Q.</summary>
    public bool POutsideQ => P.Zip(Q).Any(t => t.First > 0 && t.Second == 0);

    /// <summary>
    /// Pairs on 1–8 atoms, drawn three ways in equal proportion: independent vectors with zeros (supports overlap
    /// partly, or not at all); vectors on complementary atoms (disjoint supports); and near pairs, Q = P with each count
    /// kᵢ ∈ [50, 100] moved by −2 … 2 (the regime where Pinsker's inequality is tight).
    /// </summary>
    public static Gen<VectorPair> Generator()
    {
        var independent =
            from n in Gen.Choose(1, 8)
            from p in Generators.SparseWeights(n)
            from q in Generators.SparseWeights(n)
            select new VectorPair(p, q);
        var disjoint =
            from n in Gen.Choose(2, 8)
            from side in Gen.Elements(true, false).ArrayOf(n)
            from p in Generators.Weights(n)
            from q in Generators.Weights(n)
            select Complementary(side, p, q);
        var near =
            from n in Gen.Choose(2, 8)
            from k in Gen.Choose(50, 100).ArrayOf(n)
            from d in Gen.Choose(-2, 2).ArrayOf(n)
            select new VectorPair(Normalise(k.Select(x => (double)x)), Normalise(k.Zip(d, (x, y) => (double)(x + y))));
        return Gen.OneOf(independent, disjoint, near);
    }

    // P keeps the atoms marked true, Q the others (at least one each), both renormalised.
    private static VectorPair Complementary(bool[] side, double[] p, double[] q)
    {
        side[0] = true;
        side[^1] = false;
        return new VectorPair(Normalise(p.Select((x, i) => side[i] ? x : 0)), Normalise(q.Select((x, i) => side[i] ? 0 : x)));
    }

    private static double[] Normalise(IEnumerable<double> v)
    {
        double[] a = v.ToArray();
        double s = a.Sum();
        return a.Select(x => x / s).ToArray();
    }
}
