using Verify.Toys.Families;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class ParameterRangeTests
{
    [Fact]
    public void OpenAndClosedEnds()
    {
        var pos = ParameterRange.Positive("σ", 1);
        Assert.False(pos.Contains(0));
        Assert.True(pos.Contains(1e-300));
        Assert.False(pos.Contains(double.PositiveInfinity));
        var nonneg = ParameterRange.NonNegative("s", 1);
        Assert.True(nonneg.Contains(0));
        var closed = new ParameterRange("p", -1, 1, 0);
        Assert.True(closed.Contains(-1));
        Assert.True(closed.Contains(1));
        Assert.False(closed.Contains(1.0000001));
        Assert.False(ParameterRange.RealLine("x", 0).Contains(double.NaN));
    }

    [Fact]
    public void CheckNamesTheValueAndTheInterval()
    {
        var e = Assert.Throws<ArgumentException>(() => ParameterRange.Positive("standard deviation", 1).Check(-2));
        Assert.Contains("theta = -2", e.Message);
        Assert.Contains("(0, ∞)", e.Message);
        Assert.Contains("standard deviation", e.Message);
        Assert.Equal("[−1, 1]".Replace("−", "-"), new ParameterRange("p", -1, 1, 0).Interval);
        Assert.Equal("(−∞, ∞)", ParameterRange.RealLine("x", 0).Interval);
    }
}
