using Ot = Verify.Theory.Transport;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>Dense pricing: single-precision first pricing must give the very same exact optimum.</summary>
public class DenseArcsTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(1e-6)]
    [InlineData(1e7)]
    public void SinglePrecisionPricingGivesTheExactOptimum(double scale)
    {
        var p = TransportData.Cloud(90, 2, 5);
        var q = TransportData.Cloud(90, 2, 6, shift: 0.7);
        double[,] c = GroundCost.Euclidean.Matrix(p, q);
        for (int i = 0; i < 90; i++) for (int j = 0; j < 90; j++) c[i, j] *= scale;
        double[] a = TransportData.Uniform(90);
        var exact = Ot.Solve(a, a, c, new TransportOptions { Route = TransportRoute.NetworkSimplex, SinglePrecisionPricingFrom = long.MaxValue });
        var single = Ot.Solve(a, a, c, new TransportOptions { Route = TransportRoute.NetworkSimplex, SinglePrecisionPricingFrom = 0 });
        Assert.True(single.Certificate.Holds, single.Certificate.Violation);
        Tolerance.Close(exact.Cost, single.Cost, rel: 1e-12);
        Tolerance.Close(TransportData.BruteForceLowerBoundCheck(c, single), single.Cost, rel: 1e-12);
    }
}
