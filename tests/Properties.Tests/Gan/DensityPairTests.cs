using Verify.Properties.Gan;
using Verify.Theory;
using Xunit;

namespace Verify.Properties.Tests.Gan;

public sealed class DensityPairTests
{
    [Fact]
    public void EveryDensityHoldsMassOneOnItsInterval() =>
        Assert.All(DensityPair.All, p =>
        {
            Assert.Equal(1.0, p.Integrate(p.Real), 10);
            Assert.Equal(1.0, p.Integrate(p.Generated), 10);
        });

    [Fact]
    public void UniformJsIsTheShiftTimesLog2()
    {
        // U[0,1] vs U[s, 1+s]: mass s of each law lies where the other has none, JS = min(s, 1)·log 2.
        foreach (DensityPair p in DensityPair.All.Where(p => p.Name.StartsWith("U[", StringComparison.Ordinal)))
        {
            double s = double.Parse(p.Name.Split('[')[2].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(Math.Min(s, 1) * Math.Log(2), p.JS, 14);
        }
    }

    [Fact]
    public void TheValueAtTheOptimumAgreesWithTheory() =>
        Assert.All(DensityPair.All, p =>
            Assert.Equal(ClosedForms.GanValueAtOptimum(p.Real, p.Generated, p.A, p.B, p.Breakpoints), p.Value(p.Optimal), 9));

    [Fact]
    public void FromLogitIsStableAtTheExtremes()
    {
        Assert.Equal((0.0, double.NegativeInfinity), DensityPair.FromLogit(double.PositiveInfinity));
        Assert.Equal((double.NegativeInfinity, 0.0), DensityPair.FromLogit(double.NegativeInfinity));
        var (logD, log1m) = DensityPair.FromLogit(-800);
        Assert.Equal(-800, logD, 10);
        Assert.Equal(0.0, log1m);
    }
}
