using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Xunit;
using CF = Verify.Theory.ClosedForms;

namespace Verify.Theory.Tests.ClosedForms;

/// <summary>The front door reaches every closed form (values checked against known numbers, not against itself); the Gaussians are Gaussian1D's.</summary>
public sealed class ClosedFormsTests
{
    [Fact]
    public void FrontDoorValues()
    {
        Assert.Equal(0.3, CF.ParallelLinesW1(-0.3));
        Tolerance.Close(Math.Log(2), CF.ParallelLinesJS(0.3), rel: 1e-15);
        Assert.Equal(double.PositiveInfinity, CF.ParallelLinesKL(0.3));
        Assert.Equal(1.0, CF.ParallelLinesTV(0.3));
        Assert.Equal(0.25, CF.OptimalDiscriminator(_ => 1, _ => 3, 0));
        Func<double, double> p = x => Normal.PDF(0, 1, x), q = x => Normal.PDF(0, 1, x);
        Tolerance.Close(-2 * Math.Log(2), CF.GanValueAtOptimum(p, q, -30, 30), rel: 1e-12);
        Tolerance.Close(0.0, CF.JSOfDensities(p, q, -30, 30), abs: 1e-15);
        Func<double, double> u1 = x => x is >= 0 and < 1 ? 1 : 0, u2 = x => x is >= 0.5 and < 1.5 ? 1 : 0;
        Tolerance.Close(0.5 * Math.Log(2), CF.JSOfDensities(u1, u2, -1, 2, [0, 0.5, 1, 1.5]), rel: 1e-12);
        Tolerance.Close(-Math.Log(2), CF.GanValueAtOptimum(u1, u2, -1, 2, [0, 0.5, 1, 1.5]), rel: 1e-12);
    }
}
