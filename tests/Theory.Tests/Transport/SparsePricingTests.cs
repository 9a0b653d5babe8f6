using Ot = Verify.Theory.Transport;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>The sparse pricing route: same optimum and certificate as the dense network simplex.</summary>
public class SparsePricingTests
{
    private static readonly TransportOptions Dense = new() { Route = TransportRoute.NetworkSimplex };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void AgreesWithTheDenseSolverOnGeneralMasses(int neighbours)
    {
        for (int seed = 0; seed < 8; seed++)
        {
            int n = 20 + seed * 5, m = 15 + seed * 7;
            var (a, b) = TransportData.Masses(n, m, seed, withZeros: seed % 2 == 1);
            double[,] c = TransportData.RandomCost(n, m, seed + 200);
            var sparse = Ot.Solve(a, b, c, new TransportOptions { Route = TransportRoute.SparsePricing, Neighbours = neighbours });
            var dense = Ot.Solve(a, b, c, Dense);
            Assert.Equal(TransportStatus.Optimal, sparse.Status);
            Assert.True(sparse.Certificate.Holds, sparse.Certificate.Violation);
            Tolerance.Close(dense.Cost, sparse.Cost, rel: 1e-12);
            Tolerance.Close(sparse.Cost, sparse.DualValue(a, b), rel: 1e-12);
        }
    }

    [Fact]
    public void NeedsSeveralPricingRoundsWhenNeighboursAreNotEnough()
    {
        // A translated cloud under W₁: the optimal arcs are long, so one nearest neighbour per row cannot hold them.
        var p = TransportData.Cloud(120, 2, 1);
        var q = TransportData.Cloud(120, 2, 2, shift: 3);
        var r = Ot.Solve(p, q, GroundCost.Euclidean, new TransportOptions { Route = TransportRoute.SparsePricing, Neighbours = 1 });
        Assert.True(r.Rounds > 1, $"expected more than one pricing round, got {r.Rounds}");
        Tolerance.Close(Ot.Solve(p, q, GroundCost.Euclidean, Dense).Cost, r.Cost, rel: 1e-12);
    }

    [Fact]
    public void ReportsTheIterationCap()
    {
        // Uneven weights: with n equal atoms on both sides the auction's start can leave fewer than 10 pivots to make.
        var p = TransportData.Cloud(60, 2, 3, weighted: true).Normalized();
        var q = TransportData.Cloud(60, 2, 4, shift: 1, weighted: true).Normalized();
        var r = Ot.Solve(p, q, GroundCost.SquaredEuclidean, new TransportOptions { Route = TransportRoute.SparsePricing, MaxIterations = 10 });
        Assert.Equal(TransportStatus.IterationLimit, r.Status);
        Assert.False(r.Certificate.Holds);
        // The plan is completed to a feasible one (the completion may use arcs outside the candidate set): an upper bound.
        Tolerance.AtMost(1e-14, r.Certificate.PrimalResidual, abs: 0);
        Tolerance.AtMost(r.Cost, Ot.Solve(p, q, GroundCost.SquaredEuclidean, Dense).Cost, abs: 0, what: "upper bound");
    }

    [Fact]
    public void ForbiddenPairsAreInfeasibleOnTheSparseRouteToo()
    {
        double inf = double.PositiveInfinity;
        var r = Ot.Solve([0.7, 0.3], [0.5, 0.5], new double[,] { { 1, inf }, { 1, 1 } },
            new TransportOptions { Route = TransportRoute.SparsePricing });
        Assert.Equal(TransportStatus.Infeasible, r.Status);
    }
}
