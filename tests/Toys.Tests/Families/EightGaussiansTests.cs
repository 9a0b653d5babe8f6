using Verify.TestSupport;
using Verify.Toys.Families;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Families;

public sealed class EightGaussiansTests
{
    private static readonly GaussianMixture Law = EightGaussians.Create();

    [Fact]
    public void ModesAreThePublishedCentresAfterScaling()
    {
        // gan_toy.py: centres 2·(cos k·45°, sin k·45°), noise 0.02, then everything ÷ 1.414.
        Assert.Equal("8gaussians", Law.Name);
        Assert.Equal(8, Law.Modes.Count);
        var angles = new List<double>();
        foreach (var m in Law.Modes)
        {
            Tolerance.Close(2.0 / 1.414, Math.Sqrt(m.Centre[0] * m.Centre[0] + m.Centre[1] * m.Centre[1]), 1e-15, 0, "radius");
            Tolerance.Close(0.02 / 1.414, m.Sigma, 1e-15, 0, "σ");
            angles.Add(Math.Round(Math.Atan2(m.Centre[1], m.Centre[0]) * 180 / Math.PI));
        }
        Assert.Equal(new double[] { -135, -90, -45, 0, 45, 90, 135, 180 }, angles.Order().ToArray());
    }

    [Fact]
    public void SameSeedSameSampleDifferentSeedDifferent() => FamilyChecks.Deterministic(Law);

    [Fact]
    public void SamplerIsRightInDistribution() => ModeChecks.CheckEqualWeightMixture(Law, 4000, 31);
}
