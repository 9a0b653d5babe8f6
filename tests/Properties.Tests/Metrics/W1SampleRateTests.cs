using Verify.Properties.Catalogue;
using Verify.Properties.Metrics;
using Verify.Toys.Random;
using Xunit;

namespace Verify.Properties.Tests.Metrics;

public sealed class W1SampleRateTests
{
    [Fact]
    public void TheOneDimensionalSlopeIsMinusOneHalfWithinItsStatisticalEpsilon()
    {
        // Two n-samples of U[0,1]: E W1 ≈ √π/(4√n) (Brownian-bridge limit, ∫₀¹ √(t(1−t)) dt = π/8), slope −½ on log–log.
        var design = new W1SampleRate.Design(1, [64, 256], [400, 400]);
        var (slope, eps) = W1SampleRate.Slope(design, new Xoshiro256StarStar(3), 0.0, 2);
        Assert.InRange(slope, -0.5 - eps, -0.5 + eps);
        Assert.True(eps is > 0 and < 1);
    }

    [Fact]
    public void EpsilonGrowsWhenTheRepetitionsShrink()
    {
        double Eps(int reps) => W1SampleRate.Slope(new W1SampleRate.Design(1, [16, 64], [reps, reps]), new Xoshiro256StarStar(1), 0.0, 2).EpsilonStat;
        Assert.True(Eps(100) > Eps(1600));
    }

    [Fact]
    public void ClaimHoldsAtQuickScaleAndReportsItsEpsilon()
    {
        ClaimResult r = ClaimAssert.Holds(W1SampleRate.Claim);
        Assert.NotNull(r.Finding.Epsilon);
        Assert.Equal(2, r.Finding.Conditions.Count);
    }

    [Fact]
    public void SamplesOfDifferentLawsDoNotConverge() => ClaimAssert.FalsifyFails(W1SampleRate.Claim, "slope");
}
