using Verify.Networks.Init;
using Verify.Properties.Critics;
using Xunit;

namespace Verify.Properties.Tests.Critics;

public sealed class TrainingTests
{
    [Fact]
    public void SpearmanOnHandComputedRanks()
    {
        // ranks (1 2 3 4 5) vs (1 2 3 5 4): Σd² = 2, ρ = 1 − 6·2/(5·24) = 0.9.
        Assert.Equal(0.9, Training.Spearman([1, 2, 3, 4, 5], [10, 20, 30, 50, 40]), 14);
        Assert.Equal(-1.0, Training.Spearman([1, 2, 3], [3, 2, 1]), 14);
        Assert.Equal(0.0, Training.Spearman([1, 1, 1], [1, 2, 3]));
    }

    [Fact]
    public void SpearmanGivesTiesTheirMeanRank()
    {
        // x ranks (1.5 1.5 3), y ranks (1 2 3): Pearson of the ranks = 0.8660254037844387.
        Assert.Equal(Math.Sqrt(3) / 2, Training.Spearman([5, 5, 7], [1, 2, 3]), 14);
    }

    [Fact]
    public void StartWithSignFindsACriticOfTheWantedSlope()
    {
        double[] p = Training.Normal(new Rng(1), 200, 0, 1), q = Training.Normal(new Rng(2), 200, 2, 1);
        Assert.True(Training.EstimateW1(Training.StartWithSign(Training.Small1D, p, q, 1, +1), p, q) > 0);
        Assert.True(Training.EstimateW1(Training.StartWithSign(Training.Small1D, p, q, 1, -1), p, q) < 0);
    }

    [Fact]
    public void TheSortedRouteIsTheW1OfEqualSamples() =>
        Assert.Equal(0.5, Training.W1([0.0, 1.0], [0.5, 1.5]), 15);
}
