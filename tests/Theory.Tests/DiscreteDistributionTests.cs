using Verify.TestSupport;
using Xunit;

namespace Verify.Theory.Tests;

public sealed class DiscreteDistributionTests
{
    [Fact]
    public void PointsWeightsAndShapeAreKeptAsGiven()
    {
        var d = new DiscreteDistribution([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, [1.0, 2.0, 5.0]);
        Assert.Equal(3, d.Count);
        Assert.Equal(2, d.Dimension);
        Assert.Equal(8.0, d.TotalMass);
        Assert.Equal([3.0, 4.0], d.Point(1).ToArray());
        Assert.Equal([1.0, 2.0, 5.0], d.Weights.ToArray());
        Assert.False(d.IsUniform);
        // no weights: uniform 1/n, total mass 1
        var u = DiscreteDistribution.OneD([0.5, -1.0, 7.0, 2.0]);
        Assert.True(u.IsUniform);
        Assert.Equal([0.25, 0.25, 0.25, 0.25], u.Weights.ToArray());
        Assert.Equal(1.0, u.TotalMass);
    }

    [Fact]
    public void TheInputArraysAreCopied()
    {
        double[] pts = [1.0, 2.0], w = [3.0, 1.0];
        var d = DiscreteDistribution.OneD(pts, w);
        pts[0] = 99; w[0] = 99;
        Assert.Equal(1.0, d.Point(0)[0]);
        Assert.Equal(3.0, d.Weights[0]);
    }

    [Fact]
    public void NormalizedDividesByTheTotalMassAndNothingElse()
    {
        var d = DiscreteDistribution.FromRows([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]], [2.0, 0.0, 6.0]);
        var n = d.Normalized();
        Assert.Equal(d.Points.ToArray(), n.Points.ToArray());
        Tolerance.Close([0.25, 0.0, 0.75], n.Weights.ToArray(), rel: 0);
        Assert.Equal(1.0, n.TotalMass);
        Assert.Equal(8.0, d.TotalMass); // the original is untouched: normalisation is explicit
    }

    [Fact]
    public void FromRowsFlattensRowMajor()
    {
        var d = DiscreteDistribution.FromRows([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], d.Points.ToArray());
        Assert.Equal(3, d.Dimension);
    }

    public static TheoryData<string, string, Func<DiscreteDistribution>> BadInputs => new()
    {
        { "points", "empty", () => new DiscreteDistribution([], 1) },
        { "dimension", "at least 1", () => new DiscreteDistribution([1.0], 0) },
        { "points", "do not split into points of dimension 2", () => new DiscreteDistribution([1.0, 2.0, 3.0], 2) },
        { "points", "point 1, coordinate 0 is NaN", () => new DiscreteDistribution([0.0, 0.0, double.NaN, 1.0], 2) },
        { "points", "is -Infinity", () => DiscreteDistribution.OneD([double.NegativeInfinity]) },
        { "weights", "2 weights given for 3 points", () => DiscreteDistribution.OneD([1.0, 2.0, 3.0], [1.0, 1.0]) },
        { "weights", "weight 1 is NaN", () => DiscreteDistribution.OneD([1.0, 2.0], [1.0, double.NaN]) },
        { "weights", "weight 0 is Infinity", () => DiscreteDistribution.OneD([1.0, 2.0], [double.PositiveInfinity, 1.0]) },
        { "weights", "weight 1 is negative", () => DiscreteDistribution.OneD([1.0, 2.0], [1.0, -0.5]) },
        { "weights", "total mass is zero", () => DiscreteDistribution.OneD([1.0, 2.0], [0.0, 0.0]) },
        { "weights", "sum to Infinity", () => DiscreteDistribution.OneD([1.0, 2.0], [1e308, 1e308]) },
        { "rows", "empty", () => DiscreteDistribution.FromRows([]) },
        { "rows", "point 1 has 1 coordinates, point 0 has 2", () => DiscreteDistribution.FromRows([[1.0, 2.0], [3.0]]) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputThrowsNamingTheParameterAndTheProblem(string param, string message, Func<DiscreteDistribution> make)
    {
        var e = Assert.Throws<ArgumentException>(() => make());
        Assert.Equal(param, e.ParamName);
        Assert.Contains(message, e.Message);
    }
}
