using Verify.TestSupport;
using Xunit;
using Ot = Verify.Theory.Transport;
using Div = Verify.Theory.Divergences;

namespace Verify.Theory.Tests.ClosedForms;

public sealed class ParallelLinesTests
{
    public static TheoryData<double> Thetas => new() { -3.0, -1.0, -0.25, -1e-6, 1e-12, 0.1, 0.5, 1.0, 2.0, 7.5 };

    /// <summary>The segment {θ} × [0, 1] discretised as n equally weighted atoms (θ, (k + ½)/n).</summary>
    private static DiscreteDistribution Line(double theta, int n) =>
        DiscreteDistribution.FromRows(Enumerable.Range(0, n).Select(k => new[] { theta, (k + 0.5) / n }).ToList());

    [Theory]
    [MemberData(nameof(Thetas))]
    public void ClosedFormsAgreeWithTheDiscretisedLines(double theta)
    {
        // Second route: the lines as 64 atoms each; W₁ by exact transport, the divergences by atom matching.
        DiscreteDistribution p0 = Line(0, 64), pt = Line(theta, 64);
        Tolerance.Close(ParallelLines.W1(theta), Ot.W1(p0, pt), rel: 1e-12);
        Tolerance.Close(ParallelLines.JS(theta), Div.JS(p0, pt), rel: 1e-14);
        Tolerance.Close(ParallelLines.JS(theta, LogBase.Bits), Div.JS(p0, pt, LogBase.Bits), rel: 1e-14);
        Tolerance.Close(ParallelLines.TV(theta), Div.TV(p0, pt), rel: 1e-14);
        var (pq, qp) = Div.KLBoth(p0, pt);
        Assert.Equal(ParallelLines.KL(theta), pq);
        Assert.Equal(ParallelLines.KL(theta), qp);
    }

    [Theory]
    [MemberData(nameof(Thetas))]
    public void ValuesAwayFromZero(double theta)
    {
        Assert.Equal(Math.Abs(theta), ParallelLines.W1(theta));
        Tolerance.Close(Math.Log(2), ParallelLines.JS(theta), rel: 1e-15);
        Tolerance.Close(1.0, ParallelLines.JS(theta, LogBase.Bits), rel: 1e-15);
        Assert.Equal(double.PositiveInfinity, ParallelLines.KL(theta));
        Assert.Equal(1.0, ParallelLines.TV(theta));
    }

    [Fact]
    public void EverythingVanishesAtZero()
    {
        Assert.Equal(0.0, ParallelLines.W1(0));
        Assert.Equal(0.0, ParallelLines.JS(0));
        Assert.Equal(0.0, ParallelLines.KL(0));
        Assert.Equal(0.0, ParallelLines.TV(0));
        DiscreteDistribution p0 = Line(0, 16);
        Assert.Equal(0.0, Ot.W1(p0, Line(-0.0, 16)));
        Assert.Equal(0.0, Div.JS(p0, Line(-0.0, 16)));
    }

    [Fact]
    public void NonFiniteThetaIsRejected()
    {
        Assert.Contains("theta", Assert.Throws<ArgumentException>(() => ParallelLines.W1(double.NaN)).Message);
        Assert.Throws<ArgumentException>(() => ParallelLines.JS(double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => ParallelLines.KL(double.NegativeInfinity));
        Assert.Throws<ArgumentException>(() => ParallelLines.TV(double.NaN));
    }
}
