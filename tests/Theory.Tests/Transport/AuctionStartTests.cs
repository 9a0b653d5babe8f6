using Ot = Verify.Theory.Transport;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>
/// <see cref="AuctionStart"/>: where it applies, and end to end through the matrix-free route that it starts, the dense
/// optimum with a holding certificate.
/// </summary>
public class AuctionStartTests
{
    [Fact]
    public void AppliesToEqualUniformCloudsUnderW1Only()
    {
        var rng = new Random(1);
        double[] xs = CloudCostsHarness.Points(50, 2, rng), ys = CloudCostsHarness.Points(50, 2, rng);
        double[] w = Enumerable.Repeat(1.0 / 50, 50).ToArray();
        var w1 = new TreeCosts(xs, ys, 2, GroundCost.Euclidean);
        Assert.Equal(PairScan.Supports(GroundCost.Euclidean), AuctionStart.Applies(w1, w, w));
        Assert.False(AuctionStart.Applies(new TreeCosts(xs, ys, 2, GroundCost.SquaredEuclidean), w, w));
        Assert.False(AuctionStart.Applies(new BlockCosts(xs, ys, 2, GroundCost.Euclidean), w, w));
        double[] uneven = w.Select((x, i) => i == 0 ? x * 2 : i == 1 ? 0 : x).ToArray();
        Assert.False(AuctionStart.Applies(w1, uneven, w));
    }

    // Equal uniform clouds under W1 large enough for the coarse level (n·m ≥ 250 000): the solve goes through the auction
    // (its log says so), cuts the arc set down, and still ends at the dense network simplex's value, certified.
    [Theory]
    [InlineData(2, 11)]
    [InlineData(3, 12)]
    public void StartsTheRouteAndEndsAtTheDenseOptimum(int d, int seed)
    {
        if (!PairScan.Supports(GroundCost.Euclidean)) return;
        const int n = 700;
        var p = TransportData.Cloud(n, d, seed).Normalized();
        var q = TransportData.Cloud(n, d, seed + 1, shift: 0.9).Normalized();
        var log = new StringWriter();
        TransportResult sparse = Ot.Solve(p, q, GroundCost.Euclidean, new TransportOptions { Route = TransportRoute.SparsePricing, Log = log });
        Assert.Contains("auction round 1", log.ToString());
        Assert.Contains("start tree on", log.ToString());
        Assert.Equal(TransportStatus.Optimal, sparse.Status);
        Assert.True(sparse.Certificate.Holds);
        TransportResult dense = Ot.Solve(p, q, GroundCost.Euclidean, new TransportOptions { Route = TransportRoute.NetworkSimplex });
        Tolerance.Close(dense.Cost, sparse.Cost, rel: 1e-12);
    }

    // Hostile equal uniform clouds: heavy duplicates (many exact ties for the auction), a far outlier on each side, all
    // points equal (every cost 0: the auction declines and the plain start runs), and tiny n. Each ends at the dense value.
    [Theory]
    [InlineData("duplicates")]
    [InlineData("outliers")]
    [InlineData("equal")]
    [InlineData("tiny")]
    public void HostileCloudsEndAtTheDenseOptimum(string kind)
    {
        int n = kind == "tiny" ? 3 : 400;
        double[] Cloud(double shift)
        {
            var xs = new double[2 * n];
            for (int i = 0; i < n; i++)
            {
                int copy = kind == "duplicates" ? i % 7 : i; // 7 distinct points, each repeated
                var r = new Random(copy * 31 + (shift > 0 ? 1 : 0));
                xs[2 * i] = kind == "equal" ? 0.5 : TransportData.Gaussian(r) + shift;
                xs[2 * i + 1] = kind == "equal" ? -2 : TransportData.Gaussian(r);
            }
            if (kind == "outliers") { xs[0] = 1e8 * (shift > 0 ? 1 : -1); xs[1] = 3e7; }
            return xs;
        }
        var p = new DiscreteDistribution(Cloud(0), 2).Normalized();
        var q = new DiscreteDistribution(Cloud(0.6), 2).Normalized();
        TransportResult sparse = Ot.Solve(p, q, GroundCost.Euclidean, new TransportOptions { Route = TransportRoute.SparsePricing });
        TransportResult dense = Ot.Solve(p, q, GroundCost.Euclidean, new TransportOptions { Route = TransportRoute.NetworkSimplex });
        Assert.Equal(TransportStatus.Optimal, sparse.Status);
        Assert.True(sparse.Certificate.Holds);
        Tolerance.Close(dense.Cost, sparse.Cost, rel: 1e-12, abs: kind == "equal" ? 1e-300 : 0);
    }
}
