using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Xunit;
using Ot = Verify.Theory.Transport;

namespace Verify.Theory.Tests.ClosedForms;

public sealed class Gaussian1DTests
{
    public static TheoryData<double, double, double, double> Pairs => new()
    {
        { 0, 1, 1, 1 }, { 0, 1, 0, 2 }, { -1.5, 0.3, 2.0, 1.7 }, { 10, 4, 10.5, 0.5 }, { 0, 1, 1e-3, 1 + 1e-3 }, { 3, 2, -3, 2 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void KLClosedFormMatchesNumericalIntegration(double mu1, double s1, double mu2, double s2)
    {
        // Independent route: ∫ p (log p − log q) dx with log-densities (no underflow in the tails), adaptive Gauss–Kronrod
        // over μ₁ ± 40σ₁ — the mass outside is below 1e-300.
        double F(double x) { double lp = Normal.PDFLn(mu1, s1, x); return Math.Exp(lp) * (lp - Normal.PDFLn(mu2, s2, x)); }
        double numeric = Integrate.GaussKronrod(F, mu1 - 40 * s1, mu1 + 40 * s1, out _, out _, 1e-13, 20, 21);
        Tolerance.Close(numeric, Gaussian1D.KL(mu1, s1, mu2, s2), rel: 1e-9, abs: 1e-14);
    }

    [Fact]
    public void KnownValues()
    {
        Tolerance.Close(2.0, Gaussian1D.W1(1, 3, -1, 3), rel: 1e-15);
        Tolerance.Close(Math.Sqrt(2 / Math.PI), Gaussian1D.W1(0, 1, 0, 2), rel: 1e-15); // E|Z| = √(2/π)
        Assert.Equal(0.5, Gaussian1D.KL(0, 1, 1, 1));               // Δμ²/2σ²
        Assert.Equal(0.0, Gaussian1D.KL(2, 3, 2, 3));
        Tolerance.Close(Math.Log(2) + 0.125 - 0.5, Gaussian1D.KL(0, 1, 0, 2), rel: 1e-15);
    }

    [Theory]
    [InlineData(0.0, 1.0, 1.0)]
    [InlineData(-3.0, 0.2, 4.5)]
    [InlineData(1e6, 1e3, 1e6 + 7)]
    [InlineData(0.0, 5.0, 1e-8)]
    public void W1IsTheMeanShiftWhenSigmasAreEqual(double mu1, double s, double mu2) =>
        Tolerance.Close(Math.Abs(mu1 - mu2), Gaussian1D.W1(mu1, s, mu2, s), rel: 1e-12);

    /// <summary>
    /// The independent route for W₁: ∫₀¹ |F⁻¹(t) − G⁻¹(t)| dt by double-exponential quadrature with F⁻¹(t) = μ₁ + σ₁Φ⁻¹(t)
    /// (MathNet's Normal.InvCDF). The symmetry Φ⁻¹(1−t) = −Φ⁻¹(t) folds it onto (0, ½], and it is split at the kink
    /// |Δμ| = |Δσ|·|Φ⁻¹(t)|, so each piece is smooth inside and only the integrable endpoint singularity at t → 0 remains.
    /// </summary>
    private static double W1ByQuadrature(double mu1, double s1, double mu2, double s2)
    {
        double dm = mu1 - mu2, ds = s1 - s2;
        double Integrand(double t)
        {
            double z = Normal.InvCDF(0.0, 1.0, t);
            return Math.Abs(dm + ds * z) + Math.Abs(dm - ds * z);
        }
        double tol = 1e-13 * (Math.Abs(dm) + Math.Abs(ds));
        double kink = ds == 0 ? 0.0 : Normal.CDF(0.0, 1.0, -Math.Abs(dm) / Math.Abs(ds));
        double lower = kink > 0 ? Integrate.DoubleExponential(Integrand, 0.0, kink, tol) : 0.0;
        double upper = kink < 0.5 ? Integrate.DoubleExponential(Integrand, kink, 0.5, tol) : 0.0;
        return lower + upper;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    [InlineData(0.0, 1.0, 0.0, 3.0)]        // Δμ = 0: |Δσ|·√(2/π)
    [InlineData(5.0, 1.0, -5.0, 1.5)]       // |Δμ|/|Δσ| = 20: the exponential term is e⁻²⁰⁰
    [InlineData(1e3, 2e3, 1e3 + 1, 1e3)]    // large σ, small Δμ
    public void W1ClosedFormMatchesTheQuantileIntegral(double mu1, double s1, double mu2, double s2) =>
        Tolerance.Close(W1ByQuadrature(mu1, s1, mu2, s2), Gaussian1D.W1(mu1, s1, mu2, s2), rel: 1e-12);

    [Fact]
    public void W1ClosedFormAtItsLimits()
    {
        Tolerance.Close(2 * Math.Sqrt(2 / Math.PI), Gaussian1D.W1(0, 1, 0, 3), rel: 1e-15);  // Δμ = 0
        Assert.Equal(7.0, Gaussian1D.W1(0, 2, 7, 2));                                       // Δσ = 0
        Assert.Equal(1e300, Gaussian1D.W1(0, 1, 1e300, 2));                                 // r = 1e300: erf → 1, e^{−r²/2} → 0
        Tolerance.Close(Math.ScaleB(Math.Sqrt(2 / Math.PI), -40), Gaussian1D.W1(0, 1, 0, 1 + Math.ScaleB(1, -40)), rel: 1e-15); // Δσ = 2⁻⁴⁰ exactly
        Assert.True(double.IsFinite(Gaussian1D.W1(-1e307, 1e307, 1e307, 1)));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void W2ClosedFormMatchesTheQuantileIntegral(double mu1, double s1, double mu2, double s2)
    {
        // W₂² = ∫₀¹ (F⁻¹(t) − G⁻¹(t))² dt by double-exponential quadrature, folded onto (0, ½] by symmetry.
        double dm = mu1 - mu2, ds = s1 - s2;
        double H(double t) { double z = Normal.InvCDF(0, 1, t); return (dm + ds * z) * (dm + ds * z) + (dm - ds * z) * (dm - ds * z); }
        double numeric = Math.Sqrt(Integrate.DoubleExponential(H, 0, 0.5, 1e-15));
        Tolerance.Close(numeric, Gaussian1D.W2(mu1, s1, mu2, s2), rel: 1e-11);
        Assert.Equal(5.0, Gaussian1D.W2(0, 1, 3, 5));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void W1IsBetweenTheMeanShiftAndW2(double mu1, double s1, double mu2, double s2)
    {
        double w1 = Gaussian1D.W1(mu1, s1, mu2, s2);
        Tolerance.AtMost(w1, Math.Abs(mu1 - mu2), abs: 1e-12);          // |E X − E Y| ≤ W₁
        Tolerance.AtMost(Gaussian1D.W2(mu1, s1, mu2, s2), w1, abs: 1e-12); // W₁ ≤ W₂ (Jensen)
    }

    [Fact]
    public void W1AgreesWithTheSortedCdfRouteOnQuantileSamples()
    {
        // Third route: n equally weighted atoms at the mid-quantiles F⁻¹((i+½)/n) of each Gaussian, W₁ by
        // Ot.W1OneD (sorted CDFs). The only error is the midpoint rule on ∫₀¹|F⁻¹ − G⁻¹|; at n = 200 000 it is
        // below 1e-5 relative here (the tails beyond the first and last mid-quantile hold mass 1/n·O(√log n)).
        const int n = 200_000;
        double[] u = new double[n], v = new double[n];
        for (int i = 0; i < n; i++)
        {
            double t = (i + 0.5) / n;
            u[i] = Normal.InvCDF(-1.5, 0.3, t);
            v[i] = Normal.InvCDF(2.0, 1.7, t);
        }
        Tolerance.Close(Ot.W1OneD(u, v), Gaussian1D.W1(-1.5, 0.3, 2.0, 1.7), rel: 1e-5);
    }

    [Fact]
    public void KLAtExtremeScaleRatios()
    {
        // σ₁/σ₂ = 10⁻⁶⁰⁰ underflows to 0: KL = log(σ₂/σ₁) + ½(σ₁/σ₂)² − ½ = 600·ln 10 − ½ (was +∞ from log 0).
        Tolerance.Close(600 * Math.Log(10) - 0.5, Gaussian1D.KL(0, 1e-300, 0, 1e300), rel: 1e-15);
        // σ₁/σ₂ = 10⁶⁰⁰: the true value ½·10¹²⁰⁰ overflows, so +∞ (was ∞ − ∞ = NaN).
        Assert.Equal(double.PositiveInfinity, Gaussian1D.KL(0, 1e300, 0, 1e-300));
        // 10¹⁵⁵: ½r² = 5·10³⁰⁹ overflows too; 10¹⁵³: ½r² = 5·10³⁰⁵ is finite and dominates.
        Assert.Equal(double.PositiveInfinity, Gaussian1D.KL(0, 1e155, 0, 1));
        Tolerance.Close(0.5e306, Gaussian1D.KL(0, 1e153, 0, 1), rel: 1e-15);
    }

    [Fact]
    public void BadParametersAreRejected()
    {
        Assert.Contains("s1", Assert.Throws<ArgumentException>(() => Gaussian1D.KL(0, 0, 0, 1)).Message);
        Assert.Contains("s2", Assert.Throws<ArgumentException>(() => Gaussian1D.W1(0, 1, 0, -1)).Message);
        Assert.Contains("mu1", Assert.Throws<ArgumentException>(() => Gaussian1D.W2(double.NaN, 1, 0, 1)).Message);
        Assert.Throws<ArgumentException>(() => Gaussian1D.W1(0, double.PositiveInfinity, 0, 1));
        Assert.Throws<ArgumentException>(() => Gaussian1D.KL(0, 1, double.NegativeInfinity, 1));
    }
}
