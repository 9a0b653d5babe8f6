using Ot = Verify.Theory.Transport;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>The dense network simplex (Route = NetworkSimplex), against brute force, the 1-D formula and its own duals.</summary>
public class NetworkSimplexTests
{
    private static readonly TransportOptions Dense = new() { Route = TransportRoute.NetworkSimplex };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void UniformSquareProblemsMatchBruteForceOverPermutations(int n)
    {
        for (int seed = 0; seed < 6; seed++)
        {
            double[,] c = TransportData.RandomCost(n, n, seed * 31 + n, integer: seed % 2 == 0); // integer costs: many ties
            TransportResult r = Ot.Solve(TransportData.Uniform(n), TransportData.Uniform(n), c, Dense);
            Assert.Equal(TransportStatus.Optimal, r.Status);
            Tolerance.Close(TransportData.BruteForceAssignment(c), r.Cost, rel: 1e-12, abs: 1e-15);
            Assert.True(r.Certificate.Holds, r.Certificate.Violation);
        }
    }

    [Fact]
    public void PrimalCostEqualsDualValueOnGeneralMasses()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            int n = 3 + seed % 9, m = 2 + (seed * 7) % 11;
            var (a, b) = TransportData.Masses(n, m, seed, withZeros: seed % 3 == 0);
            double[,] c = TransportData.RandomCost(n, m, 100 + seed);
            TransportResult r = Ot.Solve(a, b, c, Dense);
            Assert.Equal(TransportStatus.Optimal, r.Status);
            Tolerance.Close(r.Cost, r.DualValue(a, b), rel: 1e-12, abs: 1e-14);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < m; j++)
                    Tolerance.AtMost(c[i, j], r.U[i] + r.V[j], abs: 1e-12, what: $"u[{i}]+v[{j}]");
            Assert.True(r.Plan.Count <= n + m - 1, "a basic plan has at most n + m − 1 positive entries");
        }
    }

    [Fact]
    public void OneDimensionalPointsAgreeWithTheQuantileFormula()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            var rng = new Random(seed);
            int n = 5 + seed * 3, m = 4 + seed * 2;
            var x = Enumerable.Range(0, n).Select(_ => Math.Round(TransportData.Gaussian(rng), 1)).ToArray(); // rounded: ties
            var y = Enumerable.Range(0, m).Select(_ => Math.Round(TransportData.Gaussian(rng) + 0.5, 1)).ToArray();
            var (a, b) = TransportData.Masses(n, m, seed + 50, withZeros: true);
            var p = DiscreteDistribution.OneD(x, a);
            var q = DiscreteDistribution.OneD(y, b);
            double mass = a.Sum();
            foreach (double order in new[] { 1.0, 2.0, 3.0 })
            {
                TransportResult r = Ot.Solve(p, q, GroundCost.EuclideanPower(order), Dense);
                TransportResult sparse = Ot.Solve(p, q, GroundCost.EuclideanPower(order), new TransportOptions { Route = TransportRoute.SparsePricing, Neighbours = 2 });
                double oneD = Ot.WpOneD(x, y, order, a, b);
                Tolerance.Close(mass * Math.Pow(oneD, order), r.Cost, rel: 1e-11, what: $"seed {seed}, p = {order}");
                Tolerance.Close(mass * Math.Pow(oneD, order), sparse.Cost, rel: 1e-11, what: $"sparse route, seed {seed}, p = {order}");
            }
        }
    }

    // The cap gives IterationLimit with the cost of a FEASIBLE plan, a true upper bound on the optimum. Was: the artificial
    // flow was dropped, so a 5-pivot cap reported 0.029 against an optimum of 1.023 (a plan moving almost no mass).
    [Fact]
    public void IterationCapIsReportedWithAFeasiblePlanNeverSilentlyOptimal()
    {
        var p = TransportData.Cloud(40, 2, seed: 1);
        var q = TransportData.Cloud(40, 2, seed: 2, shift: 1);
        TransportResult exact = Ot.Solve(p, q, GroundCost.SquaredEuclidean, Dense);
        foreach (long cap in new long[] { 0, 5, 30 })
        {
            TransportResult capped = Ot.Solve(p, q, GroundCost.SquaredEuclidean, Dense with { MaxIterations = cap });
            Assert.Equal(TransportStatus.IterationLimit, capped.Status);
            Assert.Equal(cap, capped.Iterations);
            Assert.False(capped.Certificate.Holds);
            // Feasible: non-negative, with the marginals of P and Q.
            var rows = new double[40];
            var cols = new double[40];
            double cost = 0;
            foreach (var (i, j, g) in capped.Plan)
            {
                Assert.True(g >= 0);
                rows[i] += g;
                cols[j] += g;
                cost += g * GroundCost.SquaredEuclidean.Evaluate(p.Point(i), q.Point(j));
            }
            Tolerance.Close(p.Weights.ToArray(), rows, rel: 1e-14, what: "row sums");
            Tolerance.Close(q.Weights.ToArray(), cols, rel: 1e-14, what: "column sums");
            Tolerance.Close(cost, capped.Cost, rel: 1e-13, what: "the value is the plan's cost");
            Tolerance.AtMost(capped.Cost, exact.Cost, abs: 0, what: "upper bound");
        }
        Assert.True(exact.Iterations > 30);
        Assert.True(exact.Certificate.Holds, exact.Certificate.Violation);
    }

    [Fact]
    public void ForbiddenPairsGiveInfeasibleOrAvoidThem()
    {
        double inf = double.PositiveInfinity;
        // Row 0 may only go to column 0, which holds less mass than row 0 has: infeasible.
        var bad = new double[,] { { 1, inf }, { 1, 1 } };
        TransportResult r = Ot.Solve([0.7, 0.3], [0.5, 0.5], bad, Dense);
        Assert.Equal(TransportStatus.Infeasible, r.Status);
        Assert.Equal(inf, r.Cost);
        // The same pattern with enough room is solved without touching the forbidden pair.
        TransportResult ok = Ot.Solve([0.4, 0.6], [0.5, 0.5], bad, Dense);
        Assert.Equal(TransportStatus.Optimal, ok.Status);
        Tolerance.Close(1.0, ok.Cost);
        Assert.DoesNotContain(ok.Plan, e => e.I == 0 && e.J == 1);
    }

    [Fact]
    public void NegativeAndShiftedCostsShiftTheOptimumByTheConstant()
    {
        double[,] c = TransportData.RandomCost(6, 8, 9);
        var shifted = new double[6, 8];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 8; j++) shifted[i, j] = c[i, j] - 20;
        var (a, b) = TransportData.Masses(6, 8, 4);
        double mass = a.Sum();
        var r0 = Ot.Solve(a, b, c, Dense);
        var r1 = Ot.Solve(a, b, shifted, Dense);
        Tolerance.Close(r0.Cost - 20 * mass, r1.Cost, rel: 1e-12);
    }
}
