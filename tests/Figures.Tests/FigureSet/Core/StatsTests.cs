using Verify.Figures.FigureSet.Core;
using Verify.TestSupport;
using Xunit;

namespace Verify.Figures.Tests.FigureSet.Core;

public sealed class StatsTests
{
    [Fact]
    public void SpearmanMatchesSciPy()
    {
        // scipy.stats.spearmanr (SciPy 1.10.1) on the same data, full digits.
        Tolerance.Close(0.8207826816681233, Stats.Spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), rel: 1e-14);
        Tolerance.Close(0.7164977208318385, Stats.Spearman([3, 1, 2, 2, 5, 4], [1, 1, 2, 3, 5, 5]), rel: 1e-14);
    }

    [Fact]
    public void SpearmanIsOneForAMonotoneMapAndMinusOneForAReversal()
    {
        double[] x = [0.3, -2, 5, 1e-3, 7];
        Assert.Equal(1.0, Stats.Spearman(x, x.Select(v => Math.Exp(v)).ToArray()), 12);
        Assert.Equal(-1.0, Stats.Spearman(x, x.Select(v => -v * v * v).ToArray()), 12);
        Assert.Equal(0.0, Stats.Spearman(x, [1, 1, 1, 1, 1]));
    }

    [Fact]
    public void RanksAverageTies() => Assert.Equal([3.5, 1, 3.5, 2], Stats.Ranks([5, 1, 5, 2]));

    [Fact]
    public void SummaryIsMeanAndHalfRange()
    {
        var (mean, half) = Stats.Summary([1.0, 4.0, 2.5]);
        Assert.Equal(2.5, mean);
        Assert.Equal(1.5, half);
        Assert.Throws<ArgumentException>(() => Stats.Summary(Array.Empty<double>()));
    }
}
