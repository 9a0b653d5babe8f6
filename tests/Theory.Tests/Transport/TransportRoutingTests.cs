using Ot = Verify.Theory.Transport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>The automatic route: dense up to 10⁶ pairs when the matrix fits in a quarter of the memory, else matrix-free.</summary>
public class TransportRoutingTests
{
    private const long Plenty = 1L << 40;

    [Theory]
    [InlineData(1000, 1000, 2, TransportRoute.NetworkSimplex)]
    [InlineData(1000, 1001, 2, TransportRoute.SparsePricing)]
    [InlineData(11, 100_000, 784, TransportRoute.SparsePricing)]
    [InlineData(300, 300, 784, TransportRoute.NetworkSimplex)]
    [InlineData(100_000, 100_000, 2, TransportRoute.SparsePricing)]
    public void AutoFollowsThePairCount(int n, int m, int d, TransportRoute expected) =>
        Assert.Equal(expected, TransportRouting.Choose(n, m, d, TransportRoute.Auto, Plenty));

    [Fact]
    public void AutoAvoidsAMatrixThatWouldTakeMoreThanAQuarterOfTheMemory()
    {
        // 500 × 500 doubles = 2 MB: dense with 8 MB free, sparse with 7.9 MB free.
        Assert.Equal(TransportRoute.NetworkSimplex, TransportRouting.Choose(500, 500, 2, TransportRoute.Auto, 8_000_000));
        Assert.Equal(TransportRoute.SparsePricing, TransportRouting.Choose(500, 500, 2, TransportRoute.Auto, 7_999_999));
    }

    [Fact]
    public void ARequestedRouteIsKept()
    {
        Assert.Equal(TransportRoute.NetworkSimplex, TransportRouting.Choose(100_000, 100_000, 2, TransportRoute.NetworkSimplex, 1));
        Assert.Equal(TransportRoute.SparsePricing, TransportRouting.Choose(2, 2, 2, TransportRoute.SparsePricing, Plenty));
        Assert.Throws<ArgumentException>(() => TransportRouting.Choose(0, 2, 2, TransportRoute.Auto));
    }

    // The result says which route ran; a requested dense route that will not fit is refused before allocating.
    [Fact]
    public void TheResultReportsTheRouteAndDenseRefusesWhatWillNotFit()
    {
        var p = TransportData.Cloud(30, 2, 1).Normalized();
        var q = TransportData.Cloud(20, 2, 2).Normalized();
        Assert.Equal(TransportRoute.NetworkSimplex, Ot.Solve(p, q, GroundCost.Euclidean).Route);
        Assert.Equal(TransportRoute.SparsePricing, Ot.Solve(p, q, GroundCost.Euclidean, new TransportOptions { Route = TransportRoute.SparsePricing }).Route);
        var big = TransportData.Cloud(50_000, 2, 3).Normalized();
        var e = Assert.Throws<ArgumentException>(() => Ot.Solve(big, big, GroundCost.Euclidean, new TransportOptions { Route = TransportRoute.NetworkSimplex }));
        Assert.Contains("50000 × 50000", e.Message);
    }
}
