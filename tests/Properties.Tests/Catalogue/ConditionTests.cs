using Verify.Properties.Catalogue;
using Xunit;

namespace Verify.Properties.Tests.Catalogue;

public sealed class ConditionTests
{
    [Theory]
    [InlineData(1.0, 1.0, 0.0, true)]
    [InlineData(1.0, 1.05, 0.1, true)]
    [InlineData(1.0, 1.2, 0.1, false)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, 0.0, true)]
    [InlineData(21.7, double.PositiveInfinity, 0.0, false)]
    [InlineData(double.NaN, 0.0, 1.0, false)]
    public void EqualHoldsWithinTheTolerance(double measured, double expected, double tolerance, bool holds) =>
        Assert.Equal(holds, Condition.Equal("x", measured, expected, tolerance).Passed);

    [Theory]
    [InlineData(-5.0, 0.0, 0.0, true)]
    [InlineData(1e-13, 0.0, 1e-12, true)]
    [InlineData(2e-12, 0.0, 1e-12, false)]
    [InlineData(double.NegativeInfinity, 0.0, 0.0, true)]
    [InlineData(double.PositiveInfinity, 0.0, 1.0, false)]
    public void AtMostHoldsUpToTheBoundPlusTolerance(double measured, double bound, double tolerance, bool holds) =>
        Assert.Equal(holds, Condition.AtMost("x", measured, bound, tolerance).Passed);

    [Fact]
    public void AtLeastMirrorsAtMost()
    {
        Assert.True(Condition.AtLeast("x", 1000, 1000, 0).Passed);
        Assert.False(Condition.AtLeast("x", 999.9, 1000, 0).Passed);
        Assert.True(Condition.AtLeast("x", 0.96, 1, 0.05).Passed);
    }

    [Fact]
    public void UtilisationMeasuresHowMuchOfTheToleranceIsUsed()
    {
        Assert.Equal(0.5, Condition.Equal("x", 1.05, 1.0, 0.1).Utilisation, 12);
        Assert.Equal(-2.0, Condition.AtMost("x", -0.2, 0.0, 0.1).Utilisation, 12);
        Assert.Equal(double.PositiveInfinity, Condition.AtMost("x", 1.0, 0.0, 0.0).Utilisation);
        Assert.Equal(double.PositiveInfinity, Condition.Equal("x", 1.0, 1.0, -1.0).Utilisation);
    }

    [Fact]
    public void WorseKeepsTheOneCloserToFailing()
    {
        var a = Condition.AtMost("x", -0.5, 0, 1);
        var b = Condition.AtMost("x", 0.2, 0, 1);
        Assert.Same(b, Condition.Worse(a, b));
        Assert.Same(b, Condition.Worse(b, a));
    }

    [Fact]
    public void UnderAZeroToleranceTheLargerGapIsWorse()
    {
        var a = Condition.AtMost("x", 900, 1000, 0);
        var b = Condition.AtMost("x", 950, 1000, 0);
        Assert.Same(b, Condition.Worse(a, b));
        Assert.Equal(-50, b.Gap);
    }

    [Fact]
    public void TextShowsInfinityAndTheVerdict()
    {
        string s = Condition.Equal("KL", 3.5, double.PositiveInfinity, 0).ToString();
        Assert.Contains("Infinity", s);
        Assert.Contains("FAILS", s);
    }
}
