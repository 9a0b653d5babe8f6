using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>
/// <see cref="Multiscale"/>: no coarse level below its size limit; the refined start's plan is a feasible support
/// (every point covered); the prices are the c-transform of the coarse source potentials, checked against the minimum
/// over every cluster, and the coarse level's own optimum is certified.
/// </summary>
public class MultiscaleTests
{
    private static (TreeCosts Costs, double[] A, double[] B) Problem(int n, int seed)
    {
        var rng = new Random(seed);
        double[] xs = CloudCostsHarness.Points(n, 2, rng), ys = CloudCostsHarness.Points(n, 2, rng, 0.8);
        double[] w = Enumerable.Repeat(1.0 / n, n).ToArray();
        return (new TreeCosts(xs, ys, 2, GroundCost.Euclidean), w, (double[])w.Clone());
    }

    [Fact]
    public void NoCoarseLevelBelowTheSizeLimit()
    {
        var (costs, a, b) = Problem(400, 1); // 1.6·10⁵ pairs < MinPairs
        Assert.Null(Multiscale.Coarse(costs, a, b, TransportOptions.Default));
    }

    [Fact]
    public void PricesAreTheCTransformOfTheCoarsePotentials()
    {
        var (costs, a, b) = Problem(700, 2);
        Multiscale.Level level = Multiscale.Coarse(costs, a, b, TransportOptions.Default)!;
        Assert.True(level.Result.Certificate.Holds);
        double[] prices = Multiscale.Prices(costs, level);
        for (int j = 0; j < costs.M; j++)
        {
            double best = double.PositiveInfinity;
            for (int c = 0; c < level.Ax.Length; c++)
                if (level.Ax[c] > 0)
                    best = Math.Min(best, costs.Cost.EvaluateUnchecked(level.Px.AsSpan(2 * c, 2), costs.Y(j)) - level.Result.U[c]);
            Assert.Equal(-best, prices[j]);
        }
    }

    [Fact]
    public void TheRefinedPlanCoversEveryPoint()
    {
        var (costs, a, b) = Problem(700, 3);
        Multiscale.Level level = Multiscale.Coarse(costs, a, b, TransportOptions.Default, levelsUp: 2)!;
        var (plan, candidates) = Multiscale.Start(costs, level, a, b, k: 4);
        Assert.Equal(Enumerable.Range(0, costs.N), plan.Select(t => t.I).Distinct().Order());
        Assert.Equal(Enumerable.Range(0, costs.M), plan.Select(t => t.J).Distinct().Order());
        Assert.Superset(new HashSet<(int, int)>(plan), new HashSet<(int, int)>(candidates));
    }
}
