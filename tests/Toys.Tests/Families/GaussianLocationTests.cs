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

public sealed class GaussianLocationTests
{
    private static readonly GaussianLocation Family = new(0.7);
    private static readonly Gen<double> Thetas = Gen.Choose(-4000, 4000).Select(k => k / 1000.0);

    [Fact]
    public void SameSeedSameSampleDifferentSeedDifferent() => FamilyChecks.Deterministic(Family.At(1.5));

    [Fact]
    public void SamplesFollowNThetaSigmaSquared()
    {
        const int n = 100_000;
        double[] x = Family.At(-1.2).SamplePoints(n, 21);
        // DKW, n = 100 000, δ = 1e-6 ⇒ ε ≈ 0.0085.
        Tolerance.AtMost(Dkw.Epsilon(n), Dkw.Statistic(x, v => Normal.CDF(-1.2, 0.7, v)), 0, "KS vs N(−1.2, 0.7²) (δ = 1e-6)");
    }

    [Fact]
    public void DensityIsTheNormalDensity()
    {
        IToyDistribution p = Family.At(0.4);
        Assert.Equal(LawKind.AbsolutelyContinuous, p.Kind);
        foreach (double x in new[] { -3.0, 0.0, 0.4, 1.1, 5.0 })
            Tolerance.Close(Normal.PDF(0.4, 0.7, x), p.Density([x]), 1e-14);
    }

    [Fact]
    public void TangentIsOne()
    {
        FamilyChecks.TangentMatchesFiniteDifference(Family, 0.9);
        Assert.All(Family.SampleWithTangent(20, 0.9, 1).Tangents, t => Assert.Equal(1.0, t));
    }

    [Fact]
    public void PathwiseDerivativeOfASmoothTestFunctionMatchesTheFiniteDifference()
    {
        // f(x) = sin x: ∂/∂θ (1/n)Σ f(θ + σzᵢ) = (1/n)Σ cos(xᵢ)·1 exactly; compare with the central difference on the same z.
        const int n = 2000;
        double theta = 0.3, h = 1e-5;
        TangentSample s = Family.SampleWithTangent(n, theta, 8);
        double pathwise = s.PathwiseDerivative((x, g) => g[0] = Math.Cos(x[0]));
        double Mean(double t) => Family.At(t).SamplePoints(n, 8).Average(Math.Sin);
        double fd = (Mean(theta + h) - Mean(theta - h)) / (2 * h);
        // central difference truncation ≤ h²/6·max|f‴| = 1.7e-11, rounding ≈ 1e-16/h = 1e-11.
        Tolerance.Close(fd, pathwise, 0, 1e-9, "pathwise derivative");
    }

    [Property(MaxTest = 60)]
    public Property W1OnSamplesWithCommonNoiseIsExactlyTheShift()
    {
        return Prop.ForAll(Thetas.ToArbitrary(), Thetas.ToArbitrary(), (t0, t) =>
        {
            double[] p = Family.At(t0).SamplePoints(300, 4), q = Family.At(t).SamplePoints(300, 4);
            return Tolerance.IsClose(Family.Exact(t0, t).W1!.Value, Transport.W1OneD(p, q), 1e-9, 1e-12);
        });
    }

    [Fact]
    public void W1OnIndependentSamplesIsWithinTheStatedSamplingError()
    {
        // |W₁(Pₙ, Qₙ) − W₁(P, Q)| ≤ W₁(Pₙ, P) + W₁(Qₙ, Q). For N(μ, σ²): E W₁(Pₙ, P) ≤ σJ/√n with
        // J = ∫√(Φ(1 − Φ)) dx (Bobkov & Ledoux, Memoirs AMS 2019, §3: E W₁(Pₙ, P) ≤ J₁(P)/√n), and W₁(Pₙ, P) is a σ/√n-Lipschitz function of the
        // Gaussian vector z, so it exceeds its mean by t = σ√(2 ln(1/δ)/n) with probability ≤ δ. Two samples, δ = 1e-6 each.
        const int n = 100_000;
        double s = Family.Sigma;
        double j = Reference.Integral(x => Math.Sqrt(Normal.CDF(0, 1, x) * (1 - Normal.CDF(0, 1, x))), -40, 40);
        double bound = 2 * s * (j + Math.Sqrt(2 * Math.Log(1e6))) / Math.Sqrt(n);
        foreach (var (t0, t) in new[] { (0.0, 0.25), (-1.0, 2.0), (0.5, 0.5) })
        {
            double w1 = Transport.W1OneD(Family.At(t0).SamplePoints(n, 101), Family.At(t).SamplePoints(n, 202));
            Tolerance.Close(Family.Exact(t0, t).W1!.Value, w1, 0, bound, $"W1 on independent samples, θ₀ = {t0}, θ = {t} (δ = 2e-6)");
        }
    }

    [Property(MaxTest = 30)]
    public Property KlAndTvMatchIndependentRoutes()
    {
        return Prop.ForAll(Thetas.ToArbitrary(), Thetas.ToArbitrary(), (t0, t) =>
        {
            ExactValues e = Family.Exact(t0, t);
            double s = Family.Sigma;
            // KL of two Gaussians with equal σ from the general formula ln(σ₂/σ₁) + (σ₁² + (μ₁−μ₂)²)/(2σ₂²) − ½.
            double kl = Math.Log(1.0) + (s * s + (t0 - t) * (t0 - t)) / (2 * s * s) - 0.5;
            double tv = Reference.TotalVariation(x => Normal.PDF(t0, s, x), x => Normal.PDF(t, s, x),
                Math.Min(t0, t) - 12 * s, Math.Max(t0, t) + 12 * s);
            return Tolerance.IsClose(kl, e.KL!.Value, 1e-12, 1e-15) && Tolerance.IsClose(kl, e.KLReverse!.Value, 1e-12, 1e-15)
                && Tolerance.IsClose(tv, e.TV!.Value, 1e-9, 1e-11);
        });
    }

    [Property(MaxTest = 40)]
    public Property ExactValuesAgreeWithTheoryClosedFormsAlongTheta()
    {
        double s = Family.Sigma;
        // Shifts |θ − θ₀| = 10ˣ, x ∈ [−5, 0.78] (10⁻⁵ … 6): from nearly equal laws (JS ≈ 2.6e-11) to almost disjoint ones.
        // Theory integrates the densities adaptively (no breakpoints) to 1e-12·JS + 64ε·TV; the family's Gauss–Legendre
        // route (ln 2 − softplus form) is exact to ~3e-17 absolute, hence the 1e-15 absolute allowance.
        var pairs = from t0 in Thetas
                    from x in Gen.Choose(-500, 78)
                    from sign in Gen.Elements(-1, 1)
                    select (T0: t0, T: t0 + sign * Math.Pow(10, x / 100.0));
        return Prop.ForAll(pairs.ToArbitrary(), pair =>
        {
            var (t0, t) = pair;
            ExactValues e = Family.Exact(t0, t);
            double lo = Math.Min(t0, t) - 12 * s, hi = Math.Max(t0, t) + 12 * s;
            double js = ClosedForms.JSOfDensities(x => Normal.PDF(t0, s, x), x => Normal.PDF(t, s, x), lo, hi);
            return Tolerance.IsClose(Gaussian1D.KL(t0, s, t, s), e.KL!.Value, 1e-12, 1e-15)
                && Tolerance.IsClose(Gaussian1D.KL(t, s, t0, s), e.KLReverse!.Value, 1e-12, 1e-15)
                && Tolerance.IsClose(Gaussian1D.W1(t0, s, t, s), e.W1!.Value, 1e-9, 1e-12)
                && Tolerance.IsClose(js, e.JS!.Value, 1e-8, 1e-15);
        });
    }

    [Property(MaxTest = 30)]
    public Property DerivativesMatchCentralDifferencesOfTheExactValues()
    {
        return Prop.ForAll(Thetas.ToArbitrary(), Thetas.ToArbitrary(), (t0, t) =>
        {
            if (Math.Abs(t - t0) < 1e-2) return true;   // the kink of W₁ and the flat top of JS at θ = θ₀
            const double h = 1e-4;
            ExactValues e = Family.Exact(t0, t);
            double fdW = (Family.Exact(t0, t + h).W1!.Value - Family.Exact(t0, t - h).W1!.Value) / (2 * h);
            double fdJ = (Family.Exact(t0, t + h).JS!.Value - Family.Exact(t0, t - h).JS!.Value) / (2 * h);
            // JS″′ is O(1) here: truncation h²/6 ≈ 2e-9; quadrature noise ≈ 1e-14/h = 1e-10.
            return Tolerance.IsClose(fdW, e.DW1!.Value, 1e-9, 1e-9) && Tolerance.IsClose(fdJ, e.DJS!.Value, 0, 1e-7);
        });
    }
}
