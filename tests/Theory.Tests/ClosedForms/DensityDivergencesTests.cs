using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Xunit;
using Div = Verify.Theory.Divergences;

namespace Verify.Theory.Tests.ClosedForms;

public sealed class DensityDivergencesTests
{
    private static Func<double, double> Uniform(double lo, double hi) => x => x >= lo && x < hi ? 1.0 / (hi - lo) : 0.0;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void JSOfShiftedUniformsIsTheNonOverlappingFractionTimesLog2(double shift)
    {
        // U[0,1] vs U[s,1+s]: where both are 1 the integrand is 0; where one is 1 and the other 0 it is ½ log 2,
        // over a length 2·min(s,1) — so JS = min(s,1)·log 2.
        double js = DensityDivergences.JS(Uniform(0, 1), Uniform(shift, 1 + shift), -1, 5, [0, 1, shift, 1 + shift]);
        Tolerance.Close(Math.Min(shift, 1) * Math.Log(2), js, rel: 1e-12, abs: 1e-15);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(1.0 / 3.0)]
    [InlineData(0.7071067811865476)]
    public void JumpsNeedNoBreakpoints(double shift)
    {
        // The adaptive rule keeps bisecting the piece that holds a jump (here at non-dyadic points of [−1, 2]) until
        // its error estimate is below the tolerance; MathNet 5.0's GaussKronrod returned −0.6931486751 for the
        // GAN value of U[0,1] vs U[.5,1.5] (true −log 2 = −0.6931471806) with an error estimate of 1e-14.
        double js = DensityDivergences.JS(Uniform(0, 1), Uniform(shift, 1 + shift), -1, 2);
        Tolerance.Close(shift * Math.Log(2), js, rel: 1e-11);
    }

    [Fact]
    public void AnIntegralThatDoesNotConvergeIsReportedNotGuessed()
    {
        // 10⁷ rad/unit oscillation on [0, 1] needs far more than the 20 000 pieces allowed.
        var e = Assert.Throws<InvalidOperationException>(() =>
            DensityDivergences.JS(x => 1 + 0.5 * Math.Sin(1e7 * x), Uniform(0, 1), 0, 1));
        Assert.Contains("did not converge", e.Message);
    }

    [Theory]
    [InlineData(0.0, 1.0, 1.0, 1.0)]
    [InlineData(0.0, 1.0, 0.5, 2.0)]
    [InlineData(-1.0, 0.5, 1.0, 0.7)]
    public void KLOfGaussianDensitiesMatchesTheClosedForm(double mu1, double s1, double mu2, double s2)
    {
        double kl = DensityDivergences.KL(x => Normal.PDF(mu1, s1, x), x => Normal.PDF(mu2, s2, x), -15, 15);
        Tolerance.Close(Gaussian1D.KL(mu1, s1, mu2, s2), kl, rel: 1e-9);
    }

    [Fact]
    public void KLIsInfiniteWhenPHasMassWhereQHasNone() =>
        Assert.Equal(double.PositiveInfinity, DensityDivergences.KL(Uniform(0, 2), Uniform(0, 1), 0, 2, [1]));

    [Fact]
    public void JSOfDensitiesIsTheLimitOfJSOfFineHistograms()
    {
        // Second route: bin masses Φ(e_{k+1}) − Φ(e_k) on a grid of width h, JS by the discrete front door.
        // For smooth densities the two differ by O(h²); at h = 1e-3 the gap is far below 1e-6.
        const double lo = -14, hi = 15, h = 1e-3;
        int bins = (int)Math.Round((hi - lo) / h);
        double[] edges = Enumerable.Range(0, bins + 1).Select(k => lo + k * h).ToArray();
        double[] Masses(double mu, double s)
        {
            var m = new double[bins];
            for (int k = 0; k < bins; k++) m[k] = Normal.CDF(mu, s, edges[k + 1]) - Normal.CDF(mu, s, edges[k]);
            return m;
        }
        var hp = new Histogram(edges, Masses(0, 1)).Normalized();
        var hq = new Histogram(edges, Masses(1, 1.5)).Normalized();
        double dense = DensityDivergences.JS(x => Normal.PDF(0, 1, x), x => Normal.PDF(1, 1.5, x), lo, hi);
        Tolerance.Close(Div.JS(hp, hq), dense, rel: 1e-6);
    }

    [Fact]
    public void BadInputsAreRejected()
    {
        Assert.Contains("density p(0.5) = -1", Assert.Throws<ArgumentException>(() => DensityDivergences.JS(_ => -1, _ => 1, 0, 1)).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => DensityDivergences.KL(_ => 1, _ => double.NaN, 0, 1)).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => DensityDivergences.JS(_ => 1, _ => 1, 1, 1)).Message);
        Assert.Throws<ArgumentException>(() => DensityDivergences.JS(_ => 1, _ => 1, double.NegativeInfinity, 1));
    }
}
