using Verify.TestSupport;
using Xunit;

namespace Verify.Theory.Tests.Divergences;

public sealed class MatchedAtomsTests
{
    [Fact]
    public void BuildsTheUnionOfSupportsMergingRepeatedPoints()
    {
        var p = DiscreteDistribution.FromRows([[0.0, 1.0], [2.0, 3.0], [0.0, 1.0]], [1, 2, 3]);
        var q = DiscreteDistribution.FromRows([[5.0, 5.0], [2.0, 3.0]], [4, 6]);
        var m = MatchedAtoms.Match(p, q);
        Assert.Equal(3, m.Count);
        Assert.Equal(2, m.Dimension);
        Assert.Equal(new[] { 0.0, 1.0 }, m.Point(0).ToArray());
        Assert.Equal(new[] { 2.0, 3.0 }, m.Point(1).ToArray());
        Assert.Equal(new[] { 5.0, 5.0 }, m.Point(2).ToArray());
        Assert.Equal(new[] { 4.0, 2.0, 0.0 }, m.P);
        Assert.Equal(new[] { 0.0, 6.0, 4.0 }, m.Q);
    }

    [Fact]
    public void MatchesOnlyExactlyEqualCoordinates()
    {
        // −0 == +0 is the same atom; 1 and the next double above 1 are different atoms.
        var p = DiscreteDistribution.OneD([-0.0, 1.0]);
        var q = DiscreteDistribution.OneD([0.0, Math.BitIncrement(1.0)]);
        var m = MatchedAtoms.Match(p, q);
        Assert.Equal(3, m.Count);
        Tolerance.Close(new[] { 0.5, 0.5, 0.0 }, m.P, rel: 0);
        Tolerance.Close(new[] { 0.5, 0.0, 0.5 }, m.Q, rel: 0);
    }

    [Fact]
    public void DimensionMismatchIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            MatchedAtoms.Match(DiscreteDistribution.OneD([1.0]), DiscreteDistribution.FromRows([[1.0, 2.0]])));
        Assert.Contains("dimension", e.Message);
    }
}
