using Verify.TestSupport;
using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class TwentyFiveGaussiansTests
{
    private static readonly GaussianMixture Law = TwentyFiveGaussians.Create();

    [Fact]
    public void ModesAreThePublishedGridAfterScaling()
    {
        // gan_toy.py: centres (2i, 2j), i, j ∈ {−2..2}, noise 0.05, then ÷ 2.828.
        Assert.Equal("25gaussians", Law.Name);
        Assert.Equal(25, Law.Modes.Count);
        var seen = new HashSet<(int, int)>();
        foreach (var m in Law.Modes)
        {
            double i = m.Centre[0] * 2.828 / 2, j = m.Centre[1] * 2.828 / 2;
            Tolerance.Close(Math.Round(i), i, 0, 1e-14, "i");
            Tolerance.Close(Math.Round(j), j, 0, 1e-14, "j");
            Assert.InRange(Math.Round(i), -2, 2);
            Assert.InRange(Math.Round(j), -2, 2);
            seen.Add(((int)Math.Round(i), (int)Math.Round(j)));
            Tolerance.Close(0.05 / 2.828, m.Sigma, 1e-15, 0, "σ");
        }
        Assert.Equal(25, seen.Count);
    }

    [Fact]
    public void SameSeedSameSampleDifferentSeedDifferent() => FamilyChecks.Deterministic(Law);

    [Fact]
    public void SamplerIsRightInDistribution() => ModeChecks.CheckEqualWeightMixture(Law, 5000, 32);
}
