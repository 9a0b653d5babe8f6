using Verify.TestSupport;
using Verify.Toys.Numerics;
using Xunit;

namespace Verify.Toys.Tests.Numerics;

public sealed class QuadratureTests
{
    [Fact]
    public void ExactForPolynomialsUpToDegree31OnOnePanel()
    {
        // 16-point Gauss–Legendre is exact for degree ≤ 31: ∫₀² x³¹ dx = 2³²/32.
        Tolerance.Close(Math.Pow(2, 32) / 32, Quadrature.Integrate(x => Math.Pow(x, 31), 0, 2, 10), 1e-13);
    }

    [Fact]
    public void GaussianMassOnManyPanels()
    {
        Tolerance.Close(1.0, Quadrature.Integrate(StandardNormal.Density, -12, 12, 0.5), 1e-14);
        Tolerance.Close(Math.E - 1, Quadrature.Integrate(Math.Exp, 0, 1, 0.01), 1e-14);
        Assert.Equal(0.0, Quadrature.Integrate(Math.Exp, 1, 1, 0.1));
    }
}
