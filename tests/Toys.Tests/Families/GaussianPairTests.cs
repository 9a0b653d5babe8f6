using MathNet.Numerics.Distributions;
using Verify.TestSupport;
using Verify.Theory;
using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class GaussianPairTests
{
    private static readonly GaussianPair Pair = new();

    [Fact]
    public void TheChosenParametersAreTheDocumentedOnes()
    {
        Assert.Equal("gaussian-pair", Pair.Name);
        Assert.Equal(0.5, Pair.Sigma);
        Assert.Equal(4.0, Pair.Theta.Default);
        Tolerance.Close(Normal.PDF(0, 0.5, 0.3), Pair.Real.Density([0.3]), 1e-14);
        FamilyChecks.Deterministic(Pair.At(4.0));
    }

    [Fact]
    public void TheDefaultPairIsAlmostDisjoint()
    {
        ExactValues e = Pair.ExactFromReal(4.0);
        Tolerance.Close(2 * Normal.CDF(0, 1, 4.0) - 1, e.TV!.Value, 1e-12, 0, "TV = 2Φ(4) − 1");
        Assert.InRange(e.TV!.Value, 0.9999, 1.0);
        Assert.InRange(e.JS!.Value, Math.Log(2) - 1e-4, Math.Log(2));   // the class documentation: within 10⁻⁴ of ln 2
        Assert.Equal(4.0, e.W1);
    }

    [Fact]
    public void OptimalDiscriminatorIsTheDensityRatio()
    {
        foreach (double theta in new[] { 4.0, 1.0, -2.5 })
            foreach (double x in new[] { -1.0, 0.0, 0.7, 2.0, 3.1 })
            {
                double pr = Normal.PDF(0, 0.5, x), pg = Normal.PDF(theta, 0.5, x);
                Tolerance.Close(pr / (pr + pg), Pair.OptimalDiscriminator(x, theta), 1e-12, 1e-300, $"D*({x}) at θ = {theta}");
                const double h = 1e-6;
                double fd = (Pair.OptimalDiscriminator(x + h, theta) - Pair.OptimalDiscriminator(x - h, theta)) / (2 * h);
                Tolerance.Close(fd, Pair.OptimalDiscriminatorSlope(x, theta), 1e-6, 1e-9, $"∂D*/∂x({x}) at θ = {theta}");
            }
    }

    [Fact]
    public void DiscriminatorAndGanValueAgreeWithTheory()
    {
        // Goodfellow et al. 2014, Thm 1: L(G, D*) = 2·JS − 2 ln 2; Theory integrates L directly.
        // Two routes: Theory integrates log D* and log(1 − D*) adaptively on [−6, θ + 6]; the family integrates JS by
        // Gauss–Legendre panels. From the default (almost disjoint) pair down to nearly equal laws.
        foreach (double theta in new[] { 4.0, 1.0, 0.3, 1e-3 })
        {
            Func<double, double> pr = x => Normal.PDF(0, 0.5, x), pg = x => Normal.PDF(theta, 0.5, x);
            double value = ClosedForms.GanValueAtOptimum(pr, pg, -6, theta + 6);
            Tolerance.Close(value, 2 * Pair.ExactFromReal(theta).JS!.Value - 2 * Math.Log(2), 1e-8, 1e-11, $"L(G, D*) at θ = {theta}");
            foreach (double x in new[] { -0.5, 0.5, 2.0, 3.5 })
                Tolerance.Close(ClosedForms.OptimalDiscriminator(pr, pg, x), Pair.OptimalDiscriminator(x, theta), 1e-12, 1e-300);
        }
    }

    [Fact]
    public void TheDiscriminatorSaturatesAtTheFakeModeWhileTheCriticKeepsSlopeOne()
    {
        // D*(4) = 1/(1 + e³²) and ∂D*/∂x = −16·D*(1 − D*) there: the claims written in the class documentation.
        double d = Pair.OptimalDiscriminator(4.0, 4.0);
        Tolerance.Close(1.0 / (1.0 + Math.Exp(32.0)), d, 1e-12);
        Assert.InRange(Math.Abs(Pair.OptimalDiscriminatorSlope(4.0, 4.0)), 1e-13, 3e-13);
        Assert.Equal(-1.0, Pair.OptimalCriticSlope(4.0));
        Assert.Equal(1.0, Pair.OptimalCriticSlope(-4.0));
    }

    [Fact]
    public void TheCriticAttainsW1OnSamples()
    {
        // With common noise the fake sample is the real one shifted by θ, so E_r f* − E_θ f* = θ exactly, = W₁.
        const int n = 1000;
        double[] real = Pair.Real.SamplePoints(n, 3), fake = Pair.At(4.0).SamplePoints(n, 3);
        double value = real.Average(x => Pair.OptimalCritic(x, 4.0)) - fake.Average(x => Pair.OptimalCritic(x, 4.0));
        Tolerance.Close(Pair.ExactFromReal(4.0).W1!.Value, value, 1e-12);
    }
}
