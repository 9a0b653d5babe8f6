using Ot = Verify.Theory.Transport;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>
/// The auction start of equal uniform clouds (<see cref="Auction"/>) against the dense network simplex: its permutation is
/// within ε of the optimum, the tree built around it is a valid start, and a deliberately wrong permutation joined the
/// same way still ends at the exact optimum with a holding certificate.
/// </summary>
public class AuctionTests
{
    private static readonly TransportOptions Dense = new() { Route = TransportRoute.NetworkSimplex };
    private static readonly TransportOptions Sparse = new() { Route = TransportRoute.SparsePricing };

    private static (SparseArcs Arcs, double[,] C) AllPairs(DiscreteDistribution p, DiscreteDistribution q, GroundCost cost)
    {
        double[,] c = cost.Matrix(p, q);
        var arcs = new SparseArcs();
        for (int i = 0; i < p.Count; i++)
            for (int j = 0; j < q.Count; j++) arcs.Add(i, j, c[i, j]);
        return (arcs, c);
    }

    // ε-complementary slackness bounds the permutation's mean cost by the optimum + ε (ε = 1e-7·max c); it is a
    // permutation, so its mean cost is also at least the optimum.
    [Theory]
    [InlineData(2, 1, 1.0)]
    [InlineData(3, 2, 2.0)]
    public void GivesAPermutationWithinEpsilonOfTheOptimum(int d, int seed, double power)
    {
        const int n = 300;
        var cost = power == 1 ? GroundCost.Euclidean : GroundCost.SquaredEuclidean;
        var p = TransportData.Cloud(n, d, seed).Normalized();
        var q = TransportData.Cloud(n, d, seed + 50, shift: 0.7).Normalized();
        var (arcs, c) = AllPairs(p, q, cost);
        Auction auction = Auction.Run(arcs, n) ?? throw new Xunit.Sdk.XunitException("the auction gave up on the complete graph");
        var held = new bool[n];
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            int j = auction.TargetOf(i);
            Assert.False(held[j], $"target {j} held twice");
            held[j] = true;
            mean += c[i, j] / n;
        }
        double optimum = Ot.Solve(p, q, cost, Dense).Cost;
        Assert.True(mean >= optimum * (1 - 1e-12), $"mean {mean:R} below the optimum {optimum:R}");
        Assert.True(mean <= optimum + auction.Epsilon * (1 + 1e-9), $"mean {mean:R} above the optimum {optimum:R} + ε {auction.Epsilon:R}");
        // The start tree spans all 2n nodes with n permutation arcs and n − 1 joining arcs, in one component here.
        var (forest, roots) = auction.Tree();
        Assert.Equal(2 * n - 1, forest.Count);
        Assert.Single(roots);
    }

    // A wrong permutation (sources sorted by x against targets sorted by −x) joined into one tree by zero-flow arcs,
    // given to the simplex on all pairs: it must accept the degenerate start and still end at the dense optimum.
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void AWrongPermutationStartStillEndsOptimal(double power)
    {
        const int n = 250;
        var cost = power == 1 ? GroundCost.Euclidean : GroundCost.SquaredEuclidean;
        var p = TransportData.Cloud(n, 2, 81).Normalized();
        var q = TransportData.Cloud(n, 2, 82, shift: 0.5).Normalized();
        var (arcs, c) = AllPairs(p, q, cost);
        int[] px = Enumerable.Range(0, n).OrderBy(i => p.Point(i)[0]).ToArray();
        int[] qx = Enumerable.Range(0, n).OrderByDescending(j => q.Point(j)[0]).ToArray();
        // Pair k = (px[k], qx[k]); pair k hangs below pair k − 1 by the arc (px[k], qx[k − 1]).
        var forest = new List<int>();
        for (int k = 0; k < n; k++)
        {
            forest.Add(px[k] * n + qx[k]);
            if (k > 0) forest.Add(px[k] * n + qx[k - 1]);
        }
        double[] a = p.Weights.ToArray(), b = q.Weights.ToArray();
        double maxAbs = 0;
        foreach (double x in c) maxAbs = Math.Max(maxAbs, Math.Abs(x));
        var ns = new NetworkSimplex(arcs, a, b, maxAbs, 0);
        Assert.True(ns.StartFrom(forest, [px[0]]));
        double wrong = Enumerable.Range(0, n).Sum(k => c[px[k], qx[k]]) / n;
        TransportStatus status = ns.Run(long.MaxValue);
        TransportResult r = ExactSolver.Finish(ns, status, a, b, new MatrixCosts(c, n, n), Sparse, rounds: 1, TransportRoute.SparsePricing);
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Assert.True(r.Certificate.Holds);
        Assert.True(r.Cost < 0.5 * wrong);
        Tolerance.Close(Ot.Solve(p, q, cost, Dense).Cost, r.Cost, rel: 1e-12);
    }

    // Only n = m equal masses (the same double on both sides) are an assignment problem.
    [Fact]
    public void AppliesOnlyToEqualUniformMasses()
    {
        double w = 1.0 / 3;
        Assert.True(Auction.Applies([w, w, w], [w, w, w]));
        Assert.False(Auction.Applies([w, w, w], [w, w, Math.BitIncrement(w)]));
        Assert.False(Auction.Applies([0.5, 0.5], [w, w, w]));
        Assert.False(Auction.Applies([1.0], [1.0]));
    }

    // End to end through the matrix-free route, where the auction starts the simplex: equal uniform clouds in 2-D and
    // 3-D, W1 and W2, against the dense route.
    [Theory]
    [InlineData(600, 2, 91)]
    [InlineData(500, 3, 92)]
    public void EqualUniformCloudsGiveTheDenseValue(int n, int d, int seed)
    {
        var p = TransportData.Cloud(n, d, seed).Normalized();
        var q = TransportData.Cloud(n, d, seed + 1, shift: 0.8).Normalized();
        foreach (var cost in new[] { GroundCost.Euclidean, GroundCost.SquaredEuclidean })
        {
            TransportResult sparse = Ot.Solve(p, q, cost, Sparse);
            Assert.Equal(TransportStatus.Optimal, sparse.Status);
            Assert.True(sparse.Certificate.Holds);
            Tolerance.Close(Ot.Solve(p, q, cost, Dense).Cost, sparse.Cost, rel: 1e-12);
        }
    }

    // Started from given prices (here the dense optimum's target potentials, perturbed) with a small first ε, and run to
    // a finer last ε, the permutation is within that ε of the optimum; a bid limit below what the auction needs makes it
    // give up (null) instead of running on.
    [Fact]
    public void StartsFromPricesToAFinerEpsilonAndGivesUpPastItsBidLimit()
    {
        const int n = 250;
        var p = TransportData.Cloud(n, 2, 31).Normalized();
        var q = TransportData.Cloud(n, 2, 32, shift: 0.8).Normalized();
        var (arcs, c) = AllPairs(p, q, GroundCost.Euclidean);
        TransportResult dense = Ot.Solve(p, q, GroundCost.Euclidean, Dense);
        var rng = new Random(3);
        double[] prices = dense.V.Select(v => -v + 1e-3 * rng.NextDouble()).ToArray();
        Auction auction = Auction.Run(arcs, n, 1e-12, prices, 1e-3) ?? throw new Xunit.Sdk.XunitException("the auction gave up");
        double mean = 0;
        for (int i = 0; i < n; i++) mean += c[i, auction.TargetOf(i)] / n;
        Assert.True(auction.Epsilon < 1e-10);
        Assert.True(mean >= dense.Cost * (1 - 1e-12) && mean <= dense.Cost + auction.Epsilon * (1 + 1e-9),
            $"mean {mean:R} against the optimum {dense.Cost:R}, ε {auction.Epsilon:R}");
        Assert.True(auction.Bids > 10);
        Assert.Null(Auction.Run(arcs, n, 1e-12, prices, 1e-3, maxBids: auction.Bids / 2));
    }
}
