using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Xunit;
using Div = Verify.Theory.Divergences;

namespace Verify.Theory.Tests.Divergences;

public sealed class KullbackLeiblerTests
{
    // Peer values from SciPy 1.10.1 (/usr/bin/python3), scipy.stats.entropy(p, q[, base]), printed with repr().
    [Fact]
    public void MatchesSciPyEntropyToFullDigits()
    {
        // entropy([.5,.5],[.9,.1], base=2) — the value quoted in the issue
        Tolerance.Close(0.7369655941662062, Div.KL([0.5, 0.5], [0.9, 0.1], LogBase.Bits), rel: 4e-16);
        // entropy([.5,.5],[.9,.1]) and entropy([.9,.1],[.5,.5])
        Tolerance.Close(0.5108256237659907, Div.KL([0.5, 0.5], [0.9, 0.1]), rel: 4e-16);
        Tolerance.Close(0.3680642071684971, Div.KL([0.9, 0.1], [0.5, 0.5]), rel: 4e-16);
        // entropy([.1,.2,.3,.4],[.25,.25,.25,.25]) and the reverse
        var (pq, qp) = Div.KLBoth([0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25]);
        Tolerance.Close(0.10644013528622318, pq, rel: 1e-15);
        Tolerance.Close(0.12177727428716867, qp, rel: 1e-15);
        // entropy([.2,0,.5,.3],[.1,.4,.1,.4]) = 0.8570437705935049; entropy([.1,.4,.1,.4],[.2,0,.5,.3]) = inf
        (pq, qp) = Div.KLBoth([0.2, 0.0, 0.5, 0.3], [0.1, 0.4, 0.1, 0.4]);
        Tolerance.Close(0.8570437705935049, pq, rel: 1e-15);
        Assert.Equal(double.PositiveInfinity, qp);
    }

    [Fact]
    public void InfiniteExactlyWhenSupportOfPIsNotInsideSupportOfQ()
    {
        Assert.Equal(double.PositiveInfinity, Div.KL([0.5, 0.5, 0.0], [1.0, 0.0, 0.0]));
        // supp P = {0} ⊂ supp Q = {0, 1}: finite, = log(1/0.5)
        Tolerance.Close(Math.Log(2.0), Div.KL([1.0, 0.0, 0.0], [0.5, 0.5, 0.0]), rel: 1e-15);
        var p = DiscreteDistribution.OneD([0.0, 1.0]);
        var q = DiscreteDistribution.OneD([0.0, 2.0]);
        Assert.Equal(double.PositiveInfinity, Div.KL(p, q));
        Assert.Equal(0.0, Div.KL(p, p));
    }

    [Property(MaxTest = 300)]
    public Property NonNegativeAndZeroOnEqualLaws() =>
        Prop.ForAll(Laws.VectorPairs, pair =>
            Div.KL(pair.P, pair.Q) >= 0 && Div.KL(pair.Q, pair.P) >= 0 && Div.KL(pair.P, pair.P) == 0);

    [Property(MaxTest = 300)]
    public Property AgreesWithTheTextbookSumOnNestedSupports() =>
        // Independent route: Σ p log p − Σ p log q summed separately (no Bregman terms), on pairs with supp P ⊆ supp Q.
        Prop.ForAll(Laws.VectorPairs, pair =>
        {
            double[] p = pair.P, q = pair.Q.Select((v, i) => 0.5 * v + 0.5 * p[i]).ToArray(); // Q ⊇ supp P
            double cross = 0, self = 0;
            for (int i = 0; i < p.Length; i++)
                if (p[i] > 0) { self += p[i] * Math.Log(p[i]); cross += p[i] * Math.Log(q[i]); }
            return Tolerance.IsClose(self - cross, Div.KL(p, q), rel: 1e-12, abs: 1e-14);
        });

    [Property(MaxTest = 300)]
    public Property PinskerInequality() =>
        // TV ≤ √(KL/2) in nats (holds trivially when KL = +∞).
        Prop.ForAll(Laws.VectorPairs, pair =>
            Div.TV(pair.P, pair.Q) <= Math.Sqrt(Div.KL(pair.P, pair.Q) / 2) + 1e-12);
}
