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
