using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Xunit;
using Div = Verify.Theory.Divergences;

namespace Verify.Theory.Tests.Divergences;

/// <summary>The front door: the three input forms agree, laws must be normalised, W₁ forwards to transport.</summary>
public sealed class DivergencesTests
{
    /// <summary>Bins a law living on the grid {0,1,2}² into the 3×3 histogram with unit cells centred on the grid points.</summary>
    private static Histogram Bin(DiscreteDistribution law)
    {
        var masses = new double[9];
        for (int i = 0; i < law.Count; i++)
        {
            var x = law.Point(i);
            masses[(int)x[0] * 3 + (int)x[1]] += law.Weights[i];
        }
        double[] edges = [-0.5, 0.5, 1.5, 2.5];
        return new Histogram([edges, edges], masses);
    }

    [Property(MaxTest = 150)]
    public Property DistributionsHistogramsAndVectorsAgree() =>
        // Route 1: exact atom matching (dictionary on coordinates). Route 2: binning by index arithmetic onto a grid.
        Prop.ForAll(Laws.GridLawPairs, pair =>
        {
            var (p, q) = pair;
            Histogram hp = Bin(p), hq = Bin(q);
            double[] vp = hp.Masses.ToArray(), vq = hq.Masses.ToArray();
            bool Same(double a, double b, double c) => Tolerance.IsClose(a, b, 1e-12, 1e-15) && Tolerance.IsClose(a, c, 1e-12, 1e-15);
            var (kpq, kqp) = Div.KLBoth(p, q);
            return Same(Div.JS(p, q), Div.JS(hp, hq), Div.JS(vp, vq))
                   && Same(Div.JSDistance(p, q, LogBase.Bits), Div.JSDistance(hp, hq, LogBase.Bits), Div.JSDistance(vp, vq, LogBase.Bits))
                   && Same(Div.TV(p, q), Div.TV(hp, hq), Div.TV(vp, vq))
                   && Same(Div.Hellinger(p, q), Div.Hellinger(hp, hq), Div.Hellinger(vp, vq))
                   && Same(kpq, Div.KL(hp, hq), Div.KL(vp, vq))
                   && Same(kqp, Div.KLBoth(hp, hq).QP, Div.KLBoth(vp, vq).QP)
                   && Same(Div.KL(p, q, LogBase.Bits), Div.KL(hp, hq, LogBase.Bits), Div.KL(vp, vq, LogBase.Bits))
                   && Tolerance.IsClose(Div.W1(p, q), Div.W1(hp.Normalized(), hq.Normalized()), 1e-12, 1e-14)
                   && hp.Masses.SequenceEqual(Histogram.Bin(p, [[-0.5, 0.5, 1.5, 2.5], [-0.5, 0.5, 1.5, 2.5]]).Masses);
        });

    [Fact]
    public void UnnormalisedLawsAreRefusedWithAdviceToNormalise()
    {
        var p = DiscreteDistribution.OneD([0.0, 1.0], [1.0, 1.0]);   // mass 2
        var q = DiscreteDistribution.OneD([0.0, 1.0]);               // mass 1
        foreach (Action call in new Action[]
                 {
                     () => Div.KL(p, q), () => Div.KLBoth(q, p), () => Div.JS(p, q), () => Div.JSDistance(p, q),
                     () => Div.TV(q, p), () => Div.Hellinger(p, q),
                 })
            Assert.Contains("Normalized()", Assert.Throws<ArgumentException>(call).Message);
        // equal but non-unit masses are not probability laws either
        Assert.Throws<ArgumentException>(() => Div.JS(p, p));
        Assert.Equal(0.0, Div.JS(p.Normalized(), p.Normalized()));
    }

    [Fact]
    public void DimensionMismatchIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Div.TV(DiscreteDistribution.OneD([1.0]), DiscreteDistribution.FromRows([[1.0, 2.0]])));
        Assert.Contains("dimension", e.Message);
    }

    [Fact]
    public void W1ForwardsToTransport()
    {
        // SciPy: wasserstein_distance([0,1],[0],[3,1],[1]) = 0.25
        var p = DiscreteDistribution.OneD([0.0, 1.0], [0.75, 0.25]);
        var q = DiscreteDistribution.OneD([0.0]);
        Tolerance.Close(0.25, Div.W1(p, q), rel: 1e-15);
        // 2-D: the cheapest plan moves ½ from (0,0) to (3,4): ½·5
        var a = DiscreteDistribution.FromRows([[0.0, 0.0], [1.0, 1.0]]);
        var b = DiscreteDistribution.FromRows([[3.0, 4.0], [1.0, 1.0]]);
        Tolerance.Close(2.5, Div.W1(a, b), rel: 1e-14);
    }

    // Issue 7: a 200×200 grid histogram has 40 000 bins; with every bin kept, W1 built a 40 000 × 40 000 cost matrix
    // (12.8 GB). Empty bins carry no mass and are dropped, so only the occupied bins meet. Closed form: Q is P moved by
    // three bins along the first axis (unit bins), so W1 = 3.
    [Fact]
    public void W1OfFineGridHistogramsUsesOnlyTheNonEmptyBins()
    {
        double[] edges = Histogram.RegularEdges(0, 200, 200);
        var rng = new Random(3);
        var p = new double[200 * 200];
        var q = new double[200 * 200];
        for (int k = 0; k < 25; k++)
        {
            int i = rng.Next(0, 197), j = rng.Next(0, 200);
            double w = 1 + rng.Next(0, 4);
            p[i * 200 + j] += w;
            q[(i + 3) * 200 + j] += w;
        }
        var hp = new Histogram([edges, edges], p).Normalized();
        var hq = new Histogram([edges, edges], q).Normalized();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Tolerance.Close(3.0, Div.W1(hp, hq), rel: 1e-13);
        Assert.True(watch.Elapsed.TotalSeconds < 5, $"took {watch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void HistogramsOnDifferentGridsAreRefused()
    {
        var h1 = new Histogram([0.0, 1.0, 2.0], [0.5, 0.5]);
        var h2 = new Histogram([0.0, 1.0, 3.0], [0.5, 0.5]);
        var e = Assert.Throws<ArgumentException>(() => Div.JS(h1, h2));
        Assert.Contains("grid mismatch", e.Message);
        Assert.Throws<ArgumentException>(() => Div.W1(h1, h2));
        Assert.Throws<ArgumentException>(() => Div.TV(h1, new Histogram([[0.0, 1.0, 2.0], [0.0, 1.0]], [0.5, 0.5])));
    }
}
