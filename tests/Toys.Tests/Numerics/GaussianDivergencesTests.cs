using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Verify.Toys.Numerics;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Numerics;

public sealed class GaussianDivergencesTests
{
    [Fact]
    public void ZeroForEqualLawsSymmetricAndBoundedByLn2()
    {
        Tolerance.Close(0.0, GaussianDivergences.JS(1, 2, 1, 2), 0, 1e-15);
        Tolerance.Close(GaussianDivergences.JS(0, 1, 1.5, 0.4), GaussianDivergences.JS(1.5, 0.4, 0, 1), 1e-12);
        Tolerance.Close(Math.Log(2), GaussianDivergences.JS(0, 1, 100, 1), 1e-15);
    }

    [Theory]
    [InlineData(0.0, 1.0, 1.0, 1.0)]
    [InlineData(0.0, 1.0, 0.0, 3.0)]
    [InlineData(-1.0, 0.2, 0.5, 0.7)]
    public void MatchesAnIndependentQuadratureOfTheDefinition(double m1, double s1, double m2, double s2)
    {
        // JS = ½∫p ln(2p/(p+q)) + ½∫q ln(2q/(p+q)) with MathNet densities and MathNet's double-exponential rule.
        double lo = Math.Min(m1 - 14 * s1, m2 - 14 * s2), hi = Math.Max(m1 + 14 * s1, m2 + 14 * s2);
        double Term(double x, double a, double b) => a <= 0 ? 0 : a * Math.Log(2 * a / (a + b));
        double js = 0.5 * Reference.Integral(x => Term(x, Normal.PDF(m1, s1, x), Normal.PDF(m2, s2, x)) + Term(x, Normal.PDF(m2, s2, x), Normal.PDF(m1, s1, x)), lo, hi);
        Tolerance.Close(js, GaussianDivergences.JS(m1, s1, m2, s2), 1e-9, 1e-13);
    }

    [Fact]
    public void FarFromTheOriginAndFarApartTheValuesStayRight()
    {
        // At μ = 2⁶⁶ ≈ 7.4·10¹⁹ doubles are 2¹⁴ apart; with σ = 2¹³ and a shift of 2σ the law pair is N(0,1) vs N(2,1)
        // rescaled, and JS is invariant under affine maps. Independent route: Theory's adaptive integral of the
        // standardised densities. (Integrating at 2⁶⁶ itself put every quadrature node on a handful of doubles.)
        double mu = Math.Pow(2, 66), s = Math.Pow(2, 13);
        double standard = Verify.Theory.ClosedForms.JSOfDensities(x => Normal.PDF(0, 1, x), x => Normal.PDF(2, 1, x), -14, 16);
        Tolerance.Close(standard, GaussianDivergences.JS(mu, s, mu + 2 * s, s), 1e-9);
        Tolerance.Close(standard, GaussianDivergences.JS(0, 1, 2, 1), 1e-9);
        // Far apart: JS = ln 2 (was ½ ln 2 for N(0,1) vs N(10³⁰⁸,1): the second half-integral vanished), derivatives 0.
        Assert.Equal(Math.Log(2), GaussianDivergences.JS(0, 1, 1e308, 1));
        Assert.Equal(Math.Log(2), GaussianDivergences.JS(-1e308, 1, 1e308, 1));
        Assert.Equal(0.0, GaussianDivergences.DJSDMean2(0, 1, 1e308, 1));
        Assert.Equal(0.0, GaussianDivergences.DJSDSigma2(-1e308, 1, 1e308, 1));
        // Just beyond the cut-off 40(σ₁ + σ₂) the integral itself already gives ln 2 to the last bit or two.
        Tolerance.Close(Math.Log(2), GaussianDivergences.JS(0, 1, 79.9, 1), 1e-15);
    }

    [Fact]
    public void DerivativesMatchCentralDifferences()
    {
        const double h = 1e-5;
        double dMu = (GaussianDivergences.JS(0, 1, 0.8 + h, 0.6) - GaussianDivergences.JS(0, 1, 0.8 - h, 0.6)) / (2 * h);
        double dSig = (GaussianDivergences.JS(0, 1, 0.8, 0.6 + h) - GaussianDivergences.JS(0, 1, 0.8, 0.6 - h)) / (2 * h);
        Tolerance.Close(dMu, GaussianDivergences.DJSDMean2(0, 1, 0.8, 0.6), 1e-7, 1e-9);
        Tolerance.Close(dSig, GaussianDivergences.DJSDSigma2(0, 1, 0.8, 0.6), 1e-7, 1e-9);
        Assert.False(GaussianDivergences.Supported(1, 1e4));
    }
}
