using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Xunit;
using Div = Verify.Theory.Divergences;

namespace Verify.Theory.Tests.Divergences;

public sealed class TotalVariationTests
{
    [Fact]
    public void KnownValue()
    {
        // ½(|.2−.1| + |0−.4| + |.5−.1| + |.3−.4|) = ½(.1+.4+.4+.1) = 0.5
        Tolerance.Close(0.5, Div.TV([0.2, 0.0, 0.5, 0.3], [0.1, 0.4, 0.1, 0.4]), rel: 1e-15);
    }

    [Fact]
    public void RoundingInTheMassesNeverPushesTVAboveOne()
    {
        // twenty weights 1/20 sum to 1 + 2⁻⁵²; without the cap the disjoint pair below reports 1.0000000000000004
        var p = DiscreteDistribution.OneD(Enumerable.Range(0, 20).Select(k => (double)k).ToArray());
        var q = DiscreteDistribution.OneD(Enumerable.Range(0, 20).Select(k => k + 0.5).ToArray());
        Assert.Equal(1.0, Div.TV(p, q));
        Assert.Equal(Math.Log(2), Div.JS(p, q));
    }

    [Property(MaxTest = 300)]
    public Property EqualsTheLargestDifferenceOfEventProbabilities() =>
        // Independent route: TV = max over all events A ⊆ atoms of |P(A) − Q(A)| (brute force over 2ⁿ subsets).
        Prop.ForAll(Laws.VectorPairs, pair =>
        {
            int n = pair.P.Length;
            double best = 0;
            for (int mask = 0; mask < 1 << n; mask++)
            {
                double d = 0;
                for (int i = 0; i < n; i++) if ((mask >> i & 1) == 1) d += pair.P[i] - pair.Q[i];
                best = Math.Max(best, Math.Abs(d));
            }
            double tv = Div.TV(pair.P, pair.Q);
            return tv <= 1 && Tolerance.IsClose(best, tv, rel: 1e-12, abs: 1e-15);
        });

    [Property(MaxTest = 200)]
    public Property IsOneOnDisjointSupports() =>
        // Exactly 1: computed as 1 − Σ min(p, q) when the overlap is small, and the overlap of disjoint laws is 0.
        Prop.ForAll(Laws.DisjointPairs, pair => Div.TV(pair.P, pair.Q) == 1.0);

    [Fact]
    public void TwoThousandDisjointAtomsGiveExactlyOne()
    {
        // ½Σ|p − q| over 2000 atoms of mass 1/1000 is 0.9999999999999453 in floating point; the law is exactly TV = 1.
        double[] p = Enumerable.Range(0, 2000).Select(i => i < 1000 ? 1e-3 : 0).ToArray();
        double[] q = Enumerable.Range(0, 2000).Select(i => i < 1000 ? 0 : 1e-3).ToArray();
        Assert.Equal(1.0, Div.TV(p, q));
        Assert.Equal(1.0, Div.Hellinger(p, q));
    }

    [Property(MaxTest = 150)]
    public Property W1IsAtMostTheDiameterTimesTV() =>
        // W₁(P,Q) ≤ diam(supp P ∪ supp Q)·TV(P,Q): move only the mass that differs, each unit at most the diameter.
        Prop.ForAll(Laws.GridLawPairs, pair =>
        {
            var (p, q) = pair;
            var atoms = MatchedAtoms.Match(p, q);
            double diam = 0;
            for (int i = 0; i < atoms.Count; i++)
                for (int j = 0; j < i; j++)
                    diam = Math.Max(diam, Math.Sqrt(atoms.Point(i).ToArray().Zip(atoms.Point(j).ToArray(), (a, b) => (a - b) * (a - b)).Sum()));
            return Div.W1(p, q) <= diam * Div.TV(p, q) + 1e-12;
        });
}
