using Verify.TestSupport;
using Xunit;

namespace Verify.Theory.Tests;

public sealed class HistogramTests
{
    [Fact]
    public void BinCentresAreRowMajorWithTheLastAxisFastest()
    {
        var h = new Histogram([[0.0, 2.0, 4.0], [10.0, 11.0, 12.0, 14.0]], [1, 2, 3, 4, 5, 6]);
        Assert.Equal(2, h.Dimension);
        Assert.Equal(6, h.BinCount);
        Assert.Equal(2, h.BinsAlong(0));
        Assert.Equal(3, h.BinsAlong(1));
        var d = h.ToDistribution();
        Assert.Equal(new[] { 1.0, 10.5, 1.0, 11.5, 1.0, 13.0, 3.0, 10.5, 3.0, 11.5, 3.0, 13.0 }, d.Points.ToArray());
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5, 6 }, d.Weights.ToArray());
        Assert.Equal(21.0, h.TotalMass);
    }

    [Fact]
    public void NormalisationIsExplicit()
    {
        var h = new Histogram([0.0, 1.0, 2.0, 3.0], [1, 0, 3]);
        Assert.Equal(new[] { 1.0, 0, 3 }, h.Masses.ToArray());
        var n = h.Normalized();
        Tolerance.Close(new[] { 0.25, 0, 0.75 }, n.Masses.ToArray(), rel: 0);
        Assert.True(n.SameGrid(h));
        Assert.False(n.SameGrid(new Histogram([0.0, 1.0, 2.0, 3.5], [1, 1, 1])));
    }

    [Fact]
    public void InputsAreCopied()
    {
        double[] edges = [0.0, 1.0], masses = [2.0];
        var h = new Histogram(edges, masses);
        edges[1] = 5;
        masses[0] = 7;
        Assert.Equal(1.0, h.Edges(0)[1]);
        Assert.Equal(2.0, h.Masses[0]);
    }

    [Fact]
    public void RegularEdgesEndExactlyAtHi()
    {
        double[] e = Histogram.RegularEdges(0.1, 0.7, 3);
        Tolerance.Close(new[] { 0.1, 0.3, 0.5, 0.7 }, e, rel: 1e-15);
        Assert.Equal(0.7, e[^1]);
        Assert.Throws<ArgumentException>(() => Histogram.RegularEdges(1, 1, 3));
        Assert.Throws<ArgumentException>(() => Histogram.RegularEdges(0, 1, 0));
        Assert.Throws<ArgumentException>(() => Histogram.RegularEdges(double.NaN, 1, 2));
        // finite ends whose difference overflows gave edges [NaN, ∞, ∞, 1e308]
        Assert.Contains("overflows", Assert.Throws<ArgumentException>(() => Histogram.RegularEdges(-1e308, 1e308, 3)).Message);
    }

    [Fact]
    public void BinningPutsEdgesInTheRightBins()
    {
        // [0,1) [1,2) [2,3]: 0 and 0.5 → bin 0; 1 → bin 1 (left edge included); 2.5 and 3 → bin 2 (last edge included)
        var h = Histogram.Bin(DiscreteDistribution.OneD([0, 0.5, 1, 2.5, 3], [1, 2, 3, 4, 5]), [[0.0, 1.0, 2.0, 3.0]]);
        Assert.Equal(new[] { 3.0, 3.0, 9.0 }, h.Masses.ToArray());
        // 2-D, row-major: (0.5, 1.5) is bin (0, 1) → index 1 on a 2×2 grid; (1.5, 0.2) is bin (1, 0) → index 2
        double[] edges = [0.0, 1.0, 2.0];
        var g = Histogram.Bin(DiscreteDistribution.FromRows([[0.5, 1.5], [1.5, 0.2], [0.5, 1.9]]), [edges, edges]);
        Tolerance.Close(new[] { 0, 2.0 / 3, 1.0 / 3, 0 }, g.Masses.ToArray(), rel: 1e-15);
    }

    [Fact]
    public void BinningRefusesPointsOutsideTheGrid()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Histogram.Bin(DiscreteDistribution.FromRows([[0.5, 0.5], [0.5, 2.5]]), [[0.0, 1.0], [0.0, 1.0, 2.0]]));
        Assert.Contains("point 1 lies outside the grid on axis 1", e.Message);
        Assert.Contains("dimension mismatch", Assert.Throws<ArgumentException>(() =>
            Histogram.Bin(DiscreteDistribution.OneD([0.5]), [[0.0, 1.0], [0.0, 1.0]])).Message);
        Assert.Contains("axis 0 has 1 edge", Assert.Throws<ArgumentException>(() =>
            Histogram.Bin(DiscreteDistribution.OneD([0.5]), [[0.0]])).Message);
    }

    public static TheoryData<double[][], double[], string> BadHistograms => new()
    {
        { [], [1.0], "no axis" },
        { [[0.0]], [], "axis 0 has 1 edge" },
        { [[0.0, 1.0], []], [1.0], "axis 1 has 0 edge" },
        { [[0.0, double.NaN]], [1.0], "axis 0, edge 1 is NaN" },
        { [[0.0, double.PositiveInfinity]], [1.0], "edge 1 is Infinity" },
        { [[0.0, 1.0, 1.0]], [1.0, 1.0], "edge 2 (1) is not greater than edge 1" },
        { [[0.0, 1.0, 2.0]], [1.0], "1 masses given for a grid of 2 bins" },
        { [[0.0, 1.0, 2.0]], [1.0, double.NaN], "mass 1 is NaN" },
        { [[0.0, 1.0, 2.0]], [1.0, -0.5], "mass 1 is negative" },
        { [[0.0, 1.0, 2.0]], [0.0, 0.0], "total mass is zero" },
    };

    [Theory]
    [MemberData(nameof(BadHistograms))]
    public void BadHistogramsAreRejectedWithAMessageNamingTheProblem(double[][] edges, double[] masses, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new Histogram(edges, masses));
        Assert.Contains(expected, e.Message);
    }
}
