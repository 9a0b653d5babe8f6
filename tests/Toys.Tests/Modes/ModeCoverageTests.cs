using Verify.TestSupport;
using Verify.Toys.Modes;
using Xunit;

namespace Verify.Toys.Tests.Modes;

public sealed class ModeCoverageTests
{
    private static readonly Mode[] TwoModes = [new([0.0, 0.0], 0.1), new([1.0, 0.0], 0.2)];

    [Fact]
    public void CountsHighQualitySamplesAndHitModesByHand()
    {
        double[] pts =
        [
            0.05, 0.0,    // mode 0, 0.5σ
            0.0, 0.29,    // mode 0, 2.9σ
            0.0, 0.31,    // nearest mode 0, 3.1σ: not high quality
            1.5, 0.0,     // nearest mode 1, 2.5σ
            0.45, 0.0,    // nearest mode 0 (0.45 < 0.55), 4.5σ: not high quality
        ];
        ModeCoverageResult r = ModeCoverage.Evaluate(pts, 2, TwoModes);
        Assert.Equal(5, r.Total);
        Assert.Equal(3, r.HighQuality);
        Assert.Equal(new[] { 2, 1 }, r.CountsPerMode);
        Assert.Equal(2, r.ModesHit);
        Assert.Equal(2, r.ModeCount);
        Tolerance.Close(0.6, r.HighQualityFraction, 1e-15);
        Assert.Equal(1, ModeCoverage.Evaluate(pts, 2, TwoModes, minimumCount: 2).ModesHit);
        // With a 5σ radius the 3.1σ point joins mode 0; the 4.5σ point too.
        Assert.Equal(new[] { 4, 1 }, ModeCoverage.Evaluate(pts, 2, TwoModes, sigmas: 5).CountsPerMode);
    }

    [Fact]
    public void TheRadiusIsInclusiveAndScalesWithSigmas()
    {
        double[] onEdge = [0.3, 0.0];          // exactly 3σ from mode 0
        Assert.Equal(1, ModeCoverage.Evaluate(onEdge, 2, TwoModes).HighQuality);
        Assert.Equal(0, ModeCoverage.Evaluate(onEdge, 2, TwoModes, sigmas: 2.9).HighQuality);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => ModeCoverage.Evaluate([0.0, 0.0], 2, []));
        Assert.Throws<ArgumentException>(() => ModeCoverage.Evaluate([0.0, 0.0, 1.0], 2, TwoModes));
        Assert.Throws<ArgumentException>(() => ModeCoverage.Evaluate([0.0], 1, TwoModes));
        Assert.Throws<ArgumentException>(() => ModeCoverage.Evaluate([0.0, 0.0], 2, TwoModes, sigmas: 0));
        Assert.Throws<ArgumentException>(() => ModeCoverage.Evaluate([0.0, 0.0], 2, TwoModes, minimumCount: 0));
    }
}
