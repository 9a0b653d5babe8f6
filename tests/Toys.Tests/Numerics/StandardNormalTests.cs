using Verify.TestSupport;
using Verify.Toys.Numerics;
using Xunit;

namespace Verify.Toys.Tests.Numerics;

public sealed class StandardNormalTests
{
    [Theory]
    // Published values of Φ (e.g. Abramowitz & Stegun Table 26.1; R's pnorm to 16 digits).
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-1.96, 0.024997895148220435)]
    [InlineData(-3.0, 0.0013498980316300946)]
    [InlineData(-10.0, 7.619853024160527e-24)]
    public void CdfMatchesPublishedValues(double x, double expected) => Tolerance.Close(expected, StandardNormal.Cdf(x), 1e-14);

    [Fact]
    public void DensityAndItsLog()
    {
        Tolerance.Close(0.3989422804014327, StandardNormal.Density(0), 1e-15);
        Tolerance.Close(0.24197072451914337, StandardNormal.Density(1), 1e-15);
        Tolerance.Close(Math.Log(StandardNormal.Density(2.5)), StandardNormal.LogDensity(2.5), 1e-15);
    }

    [Fact]
    public void SoftplusIsStableAtBothEnds()
    {
        Tolerance.Close(Math.Log(2), StandardNormal.Softplus(0), 1e-15);
        Tolerance.Close(1000.0, StandardNormal.Softplus(1000), 1e-15);
        Tolerance.Close(Math.Exp(-700), StandardNormal.Softplus(-700), 1e-12);
        // ln(1 + 1e-10) = 1e-10 − 5e-21 + …
        Tolerance.Close(1e-10 - 5e-21, StandardNormal.Log1p(1e-10), 1e-15);
        Tolerance.Close(Math.Log(3.5), StandardNormal.Log1p(2.5), 1e-15);
    }
}
