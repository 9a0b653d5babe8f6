using Verify.Properties.Checks;
using Verify.Theory;
using Xunit;

namespace Verify.Properties.Tests.Checks;

public sealed class GeometryTests
{
    [Fact]
    public void DiameterAndSeparationOfAThreeFourFiveTriangle()
    {
        var p = DiscreteDistribution.FromRows([[0.0, 0.0], [3.0, 0.0]]);
        var q = DiscreteDistribution.FromRows([[0.0, 4.0], [0.0, 0.0]]);
        Assert.Equal(5.0, Geometry.Diameter(p, q));
        Assert.Equal(3.0, Geometry.MinimumSeparation(p, q)); // the repeated point (0, 0) is not a separation
        Assert.Equal(3.0, Geometry.Diameter(p));
    }

    [Fact]
    public void ASinglePointHasDiameterZeroAndNoSeparation()
    {
        var p = DiscreteDistribution.OneD([2.0]);
        Assert.Equal(0.0, Geometry.Diameter(p, p));
        Assert.Equal(double.PositiveInfinity, Geometry.MinimumSeparation(p, p));
    }
}
