using Xunit;
using Div = Verify.Theory.Divergences;

namespace Verify.Theory.Tests.Divergences;

/// <summary>Validation of probability vectors (ProbabilityVector.cs), seen through the front door.</summary>
public sealed class ProbabilityVectorTests
{
    [Theory]
    [InlineData(new double[0], new[] { 1.0 }, "empty")]
    [InlineData(new[] { 0.5, 0.5 }, new[] { 1.0 }, "2 entries")]
    [InlineData(new[] { double.NaN, 1.0 }, new[] { 0.5, 0.5 }, "p[0] is NaN")]
    [InlineData(new[] { 0.5, 0.5 }, new[] { double.PositiveInfinity, 0.0 }, "q[0] is ∞")]
    [InlineData(new[] { 1.5, -0.5 }, new[] { 0.5, 0.5 }, "p[1] is negative")]
    [InlineData(new[] { 0.0, 0.0 }, new[] { 0.5, 0.5 }, "zero total mass")]
    [InlineData(new[] { 1.0, 1.0 }, new[] { 0.5, 0.5 }, "normalise explicitly")]
    [InlineData(new[] { 0.5, 0.5 }, new[] { 0.5, 0.4 }, "normalise explicitly")]
    public void BadVectorsAreRejectedWithAMessageNamingTheProblem(double[] p, double[] q, string expected)
    {
        foreach (Action call in new Action[]
                 {
                     () => Div.KL(p, q), () => Div.KLBoth(p, q), () => Div.JS(p, q), () => Div.JSDistance(p, q),
                     () => Div.TV(p, q), () => Div.Hellinger(p, q),
                 })
        {
            var e = Assert.Throws<ArgumentException>(call);
            Assert.Contains(expected, e.Message.Replace("Infinity", "∞"));
        }
    }

    [Fact]
    public void RoundingInTheSumIsAccepted()
    {
        double[] tenths = Enumerable.Repeat(0.1, 10).ToArray(); // sums to 0.9999999999999999
        Assert.Equal(0.0, Div.TV(tenths, tenths));
    }
}
