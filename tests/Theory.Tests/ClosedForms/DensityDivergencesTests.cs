using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Xunit;
using Div = Verify.Theory.Divergences;

namespace Verify.Theory.Tests.ClosedForms;

public sealed class DensityDivergencesTests
{
    private static Func<double, double> Uniform(double lo, double hi) => x => x >= lo && x < hi ? 1.0 / (hi - lo) : 0.0;

    [Fact]
    public void GanValueIsRightWhereMathNetsDefaultGaussKronrodUnderReportsItsError()
    {
        // Why the density integrals use our own rule: L(G, D*) for U[0,1] vs U[.5,1.5] is −log 2 exactly. MathNet 5.0's
        // Integrate.GaussKronrod at its defaults (relative error 1e-10, depth 15, order 15) returns a value 1.5e-6 off
        // while estimating its error below 1e-13; ours is right to 1e-12.
        Func<double, double> pr = Uniform(0, 1), pg = Uniform(0.5, 1.5);
        double Integrand(double x)
        {
            double a = pr(x), b = pg(x), s = a + b, t = 0;
            if (a > 0) t += a * Math.Log(a / s);
            if (b > 0) t += b * Math.Log(b / s);
            return t;
        }
        double mathNet = MathNet.Numerics.Integrate.GaussKronrod(Integrand, -1, 2, out double estimate, out _, 1e-10, 15, 15);
        Assert.True(estimate < 1e-13 && Math.Abs(mathNet + Math.Log(2)) > 1e-6,
            $"MathNet 5.0 default: {mathNet:R} with error estimate {estimate:R}");
        Tolerance.Close(-Math.Log(2), Verify.Theory.ClosedForms.GanValueAtOptimum(pr, pg, -1, 2), rel: 1e-12);
    }

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

    /// <summary>
    /// Independent route for a location pair N(μ, σ²) vs N(μ + Δ, σ²), δ = Δ/σ: JS = E_X g(δX − δ²/2) with X ~ N(0, 1) and
    /// g(ℓ) = ½[eˡ(ℓ − log((1+eˡ)/2)) − log((1+eˡ)/2)]; expanding g in ℓ and taking the Gaussian moments gives
    /// JS = δ²/8 − δ⁴/64 + δ⁶/384 − 5δ⁸/6144 + O(δ¹⁰) (the first term is ⅛·Fisher·Δ² with Fisher = 1/σ²; series
    /// derived with SymPy 1.14, `series(E[g(δX − δ²/2)], δ)`). For δ ≤ 10⁻² the truncation after δ⁶ is below 10⁻¹⁹.
    /// </summary>
    private static double LocationJSSeries(double delta)
    {
        double d2 = delta * delta;
        return d2 / 8 - d2 * d2 / 64 + d2 * d2 * d2 / 384;
    }

    [Fact]
    public void EqualLawsHaveJSExactlyZero()
    {
        // The integrand ½·m·φ((p − q)/(p + q)) is exactly 0 where p = q, wherever the interval puts the mass.
        Assert.Equal(0.0, DensityDivergences.JS(x => Normal.PDF(0, 1, x), x => Normal.PDF(0, 1, x), -30, 30));
        Assert.Equal(0.0, DensityDivergences.JS(x => Normal.PDF(4, 0.5, x), x => Normal.PDF(4, 0.5, x), -6, 10));
        Assert.Equal(0.0, DensityDivergences.JS(Uniform(0.3, 0.8), Uniform(0.3, 0.8), 0, 1));
        Assert.Equal(0.0, DensityDivergences.KL(x => Normal.PDF(1, 2, x), x => Normal.PDF(1, 2, x), -40, 40));
    }

    [Fact]
    public void NearlyEqualGaussiansGiveTheSmallShiftExpansion()
    {
        // N(0,1) vs N(10⁻³,1) on [−30, 30], no breakpoints: JS = Δ²/8 = 1.25e-7 up to the δ⁴/64 = 1.6e-14 correction.
        // (Before the densities' masses steered the partition this came out as 1.65e-13: the 15-point rule on
        // [−30, 30] saw only the tails and "converged".)
        const double delta = 1e-3;
        double js = DensityDivergences.JS(x => Normal.PDF(0, 1, x), x => Normal.PDF(delta, 1, x), -30, 30);
        Tolerance.Close(delta * delta / 8, js, rel: 0, abs: delta * delta * delta * delta / 64 * 1.01, what: "JS vs ⅛Δ² (within the δ⁴ term)");
        Tolerance.Close(LocationJSSeries(delta), js, rel: 1e-10, what: "JS vs the series to δ⁶");
    }

    [Property(MaxTest = 40)]
    public Property LocationPairsMatchTheSeriesAtEveryScale()
    {
        // δ = Δ/σ from 10⁻⁵ to 10⁻², any centre and scale, interval from ±12σ to ±40σ: JS to 1e-10 relative.
        // The quadrature asks 1e-12·JS + 64ε·TV; TV ≈ 0.4δ, so at δ = 10⁻⁵ that is ≈ 5e-11 relative — within 1e-10.
        var cases = from k in Gen.Choose(200, 500)
                    from mu in Gen.Choose(-2000, 2000)
                    from s in Gen.Choose(100, 3000)
                    from width in Gen.Choose(12, 40)
                    select (Delta: Math.Pow(10, -k / 100.0), Mu: mu / 1000.0, Sigma: s / 1000.0, Width: (double)width);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            double shift = c.Delta * c.Sigma;
            double js = DensityDivergences.JS(x => Normal.PDF(c.Mu, c.Sigma, x), x => Normal.PDF(c.Mu + shift, c.Sigma, x),
                c.Mu - c.Width * c.Sigma, c.Mu + c.Width * c.Sigma);
            return Tolerance.IsClose(LocationJSSeries(c.Delta), js, rel: 1e-10)
                .Label($"δ = {c.Delta:R}, μ = {c.Mu}, σ = {c.Sigma}, ±{c.Width}σ: JS = {js:R}, series {LocationJSSeries(c.Delta):R}");
        });
    }

    [Fact]
    public void AWellSeparatedPairNeedsNoBreakpoints()
    {
        // N(0, .5²) vs N(4, .5²) on [−6, 10]: second route, the fine-histogram limit of the discrete JS (as below);
        // third, the same integral split at the modes and the crossing point by the caller.
        Func<double, double> p = x => Normal.PDF(0, 0.5, x), q = x => Normal.PDF(4, 0.5, x);
        double js = DensityDivergences.JS(p, q, -6, 10);
        Tolerance.Close(DensityDivergences.JS(p, q, -6, 10, [0, 2, 4]), js, rel: 1e-12);
        Tolerance.Close(FineHistogramJS(0, 0.5, 4, 0.5, -6, 10, 1e-3), js, rel: 1e-6);
        Assert.InRange(js, Math.Log(2) - 1e-4, Math.Log(2));
    }

    [Fact]
    public void ADensityWhoseMassTheIntervalMissesIsRefused()
    {
        // N(0.1234567, 10⁻⁸) on [−30, 30]: no node of the rule comes near the peak, so the mass came out 0 and, when both laws
        // were that narrow, JS "was" 0 whatever they were. Now the mass is checked and the error says what to do.
        var e = Assert.Throws<ArgumentException>(() =>
            DensityDivergences.JS(x => Normal.PDF(0.1234567, 1e-4, x), x => Normal.PDF(0, 1, x), -30, 30));
        Assert.Contains("density p has mass 0", e.Message);
        Assert.Equal("p", e.ParamName);
        // A density cut off by the interval (N(0,1) on [0, 5] has mass ½) is not a probability density there.
        Assert.Equal("q", Assert.Throws<ArgumentException>(() =>
            DensityDivergences.KL(Uniform(0, 5), x => Normal.PDF(0, 1, x), 0, 5)).ParamName);
        // With breakpoints on both sides of the narrow peak (±10σ), the same law is found: disjoint from N(−5, .5²), JS = log 2.
        Tolerance.Close(Math.Log(2), DensityDivergences.JS(x => Normal.PDF(0.1234567, 1e-4, x), x => Normal.PDF(-5, 0.5, x), -30, 30,
            [0.1224567, 0.1244567]), rel: 1e-12);
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
        double dense = DensityDivergences.JS(x => Normal.PDF(0, 1, x), x => Normal.PDF(1, 1.5, x), -14, 15);
        Tolerance.Close(FineHistogramJS(0, 1, 1, 1.5, -14, 15, 1e-3), dense, rel: 1e-6);
    }

    /// <summary>JS of two Gaussians binned on a grid of width h over [lo, hi] (bin masses from the CDF), by the discrete front door.</summary>
    private static double FineHistogramJS(double mu1, double s1, double mu2, double s2, double lo, double hi, double h)
    {
        int bins = (int)Math.Round((hi - lo) / h);
        double[] edges = Enumerable.Range(0, bins + 1).Select(k => lo + k * h).ToArray();
        double[] Masses(double mu, double s)
        {
            var m = new double[bins];
            for (int k = 0; k < bins; k++) m[k] = Normal.CDF(mu, s, edges[k + 1]) - Normal.CDF(mu, s, edges[k]);
            return m;
        }
        return Div.JS(new Histogram(edges, Masses(mu1, s1)).Normalized(), new Histogram(edges, Masses(mu2, s2)).Normalized());
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
