using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Verify.Theory;
using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class GaussianScaleTests
{
    private static readonly GaussianScale Family = new(0.5);
    private static readonly Gen<double> Sigmas = Gen.Choose(50, 4000).Select(k => k / 1000.0);

    [Fact]
    public void SameSeedSameSampleDifferentSeedDifferent() => FamilyChecks.Deterministic(Family.At(2.0));

    [Fact]
    public void SamplesFollowNMuThetaSquared()
    {
        const int n = 100_000;
        double[] x = Family.At(2.5).SamplePoints(n, 22);
        // DKW, n = 100 000, δ = 1e-6 ⇒ ε ≈ 0.0085.
        Tolerance.AtMost(Dkw.Epsilon(n), Dkw.Statistic(x, v => Normal.CDF(0.5, 2.5, v)), 0, "KS vs N(0.5, 2.5²) (δ = 1e-6)");
    }

    [Fact]
    public void TangentIsTheStandardisedNoise()
    {
        FamilyChecks.TangentMatchesFiniteDifference(Family, 1.3);
        TangentSample s = Family.SampleWithTangent(50, 1.3, 2);
        for (int i = 0; i < 50; i++) Tolerance.Close((s.Points[i] - 0.5) / 1.3, s.Tangents[i], 1e-12, 1e-15);
    }

    [Fact]
    public void ThetaMustBePositive()
    {
        Assert.Throws<ArgumentException>(() => Family.At(0.0));
        Assert.Throws<ArgumentException>(() => Family.At(-1.0));
        var e = Assert.Throws<ArgumentException>(() => Family.Exact(1.0, 0.0));
        Assert.Contains("(0, ∞)", e.Message);
    }

    [Fact]
    public void W1OnSamplesWithCommonNoiseConcentratesAtTheClosedForm()
    {
        // With the same z, x = μ + a·z and y = μ + b·z are co-monotone, so the empirical W₁ is |a − b|·(1/n)Σ|zᵢ|.
        // (1/n)Σ|zᵢ| is a (1/√n)-Lipschitz function of the Gaussian vector z, so (Tsirelson–Ibragimov–Sudakov)
        // P(|(1/n)Σ|zᵢ| − √(2/π)| > t) ≤ 2e^{−nt²/2}; n = 100 000, δ = 1e-6 ⇒ t = √(2 ln(2e6)/n) ≈ 0.017.
        const int n = 100_000;
        double t = Math.Sqrt(2 * Math.Log(2 / 1e-6) / n);
        foreach (var (a, b) in new[] { (1.0, 2.0), (0.3, 0.1), (2.0, 2.5) })
        {
            double empirical = Transport.W1OneD(Family.At(a).SamplePoints(n, 6), Family.At(b).SamplePoints(n, 6));
            Tolerance.Close(Family.Exact(a, b).W1!.Value, empirical, 0, Math.Abs(a - b) * t, $"W1(N(μ,{a}²), N(μ,{b}²)) on samples");
        }
    }

    [Property(MaxTest = 30)]
    public Property KlAndTvMatchIndependentRoutes()
    {
        return Prop.ForAll(Sigmas.ToArbitrary(), Sigmas.ToArbitrary(), (a, b) =>
        {
            ExactValues e = Family.Exact(a, b);
            double m = Family.Mu, lo = m - 14 * Math.Max(a, b), hi = m + 14 * Math.Max(a, b);
            double kl = Reference.Integral(x => Normal.PDF(m, a, x) * (Normal.PDFLn(m, a, x) - Normal.PDFLn(m, b, x)), m - 14 * a, m + 14 * a);
            double klr = Reference.Integral(x => Normal.PDF(m, b, x) * (Normal.PDFLn(m, b, x) - Normal.PDFLn(m, a, x)), m - 14 * b, m + 14 * b);
            double tv = Reference.TotalVariation(x => Normal.PDF(m, a, x), x => Normal.PDF(m, b, x), lo, hi);
            return Tolerance.IsClose(kl, e.KL!.Value, 1e-8, 1e-11) && Tolerance.IsClose(klr, e.KLReverse!.Value, 1e-8, 1e-11)
                && Tolerance.IsClose(tv, e.TV!.Value, 1e-8, 1e-11);
        });
    }

    [Property(MaxTest = 40)]
    public Property ExactValuesAgreeWithTheoryClosedFormsAlongTheta()
    {
        double m = Family.Mu;
        // b = a·r or a/r with r = exp(10ˣ), x ∈ [−4, 0.47] (r from 1.0001 to 20): from nearly equal laws
        // (JS ≈ 2.5e-9) to far apart ones. Theory integrates the densities adaptively to 1e-12·JS + 64ε·TV; the family's
        // Gauss–Legendre route is exact to ~3e-17 absolute, hence the 1e-15 absolute allowance.
        var pairs = from a in Sigmas
                    from x in Gen.Choose(-400, 47)
                    from flip in Gen.Elements(true, false)
                    let r = Math.Exp(Math.Pow(10, x / 100.0))
                    select (A: a, B: flip ? a * r : a / r);
        return Prop.ForAll(pairs.ToArbitrary(), ab =>
        {
            var (a, b) = ab;
            ExactValues e = Family.Exact(a, b);
            double lo = m - 14 * Math.Max(a, b), hi = m + 14 * Math.Max(a, b);
            double js = ClosedForms.JSOfDensities(x => Normal.PDF(m, a, x), x => Normal.PDF(m, b, x), lo, hi);
            return Tolerance.IsClose(Gaussian1D.KL(m, a, m, b), e.KL!.Value, 1e-12, 1e-15)
                && Tolerance.IsClose(Gaussian1D.KL(m, b, m, a), e.KLReverse!.Value, 1e-12, 1e-15)
                && Tolerance.IsClose(Gaussian1D.W1(m, a, m, b), e.W1!.Value, 1e-9, 1e-12)
                && Tolerance.IsClose(js, e.JS!.Value, 1e-8, 1e-15);
        });
    }

    [Property(MaxTest = 30)]
    public Property DerivativesMatchCentralDifferencesOfTheExactValues()
    {
        return Prop.ForAll(Sigmas.ToArbitrary(), Sigmas.ToArbitrary(), (a, b) =>
        {
            if (Math.Abs(a - b) < 2e-2) return true;   // the kink of W₁ at θ = θ₀
            double h = 1e-4 * b;
            ExactValues e = Family.Exact(a, b);
            double fdW = (Family.Exact(a, b + h).W1!.Value - Family.Exact(a, b - h).W1!.Value) / (2 * h);
            double fdJ = (Family.Exact(a, b + h).JS!.Value - Family.Exact(a, b - h).JS!.Value) / (2 * h);
            return Tolerance.IsClose(fdW, e.DW1!.Value, 1e-9, 1e-9) && Tolerance.IsClose(fdJ, e.DJS!.Value, 1e-5, 1e-7 / b);
        });
    }

    [Fact]
    public void ExactValuesAreScaleInvariantDownToTheSmallestDoubles()
    {
        // N(μ, a²) vs N(μ, b²): JS, KL and TV depend on b/a only, W₁ and ∂/∂θ scale with 1/a. At a = 10⁻³⁰⁰ the written-out
        // formulas gave NaN (a² and b² underflow to 0).
        var fam = new GaussianScale(0.0);
        ExactValues unit = fam.Exact(1.0, 2.0), tiny = fam.Exact(1e-300, 2e-300), same = fam.Exact(1e-300, 1e-300);
        Tolerance.Close(unit.JS!.Value, tiny.JS!.Value, 1e-12);
        Tolerance.Close(unit.KL!.Value, tiny.KL!.Value, 1e-14);
        Tolerance.Close(unit.KLReverse!.Value, tiny.KLReverse!.Value, 1e-14);
        Tolerance.Close(unit.TV!.Value, tiny.TV!.Value, 1e-14);
        Tolerance.Close(unit.W1!.Value * 1e-300, tiny.W1!.Value, 1e-14);
        Tolerance.Close(unit.DJS!.Value * 1e300, tiny.DJS!.Value, 1e-9);
        Assert.Equal(0.0, same.KL);
        Assert.Equal(0.0, same.TV);
        Tolerance.Close(0.0, same.JS!.Value, 0, 1e-15);
        // 10⁻³⁰⁰ vs 10³⁰⁰: KL = ln(10⁶⁰⁰) − ½ (was +∞), the reverse overflows (+∞, was NaN), TV = 1 (was NaN).
        ExactValues far = fam.Exact(1e-300, 1e300);
        Tolerance.Close(600 * Math.Log(10) - 0.5, far.KL!.Value, 1e-15);
        Assert.Equal(double.PositiveInfinity, far.KLReverse);
        Assert.Equal(1.0, far.TV);
    }

    [Fact]
    public void JsIsNotReportedBeyondTheQuadratureRange()
    {
        ExactValues e = Family.Exact(1.0, 2000.0);
        Assert.Null(e.JS);
        Assert.Null(e.DJS);
        Assert.NotNull(e.W1);
    }
}
