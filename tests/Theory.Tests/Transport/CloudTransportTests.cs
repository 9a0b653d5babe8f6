using Ot = Verify.Theory.Transport;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>
/// The matrix-free route (<see cref="CloudTransport"/>) against independent routes: the dense network simplex on the
/// full cost matrix, exhaustive assignment, closed forms (a translate, points on a line), and a deliberately wrong start.
/// </summary>
public class CloudTransportTests
{
    private static readonly TransportOptions Dense = new() { Route = TransportRoute.NetworkSimplex };
    private static readonly TransportOptions Sparse = new() { Route = TransportRoute.SparsePricing };

    private static void SameOptimum(DiscreteDistribution p, DiscreteDistribution q, GroundCost cost, double rel = 1e-12)
    {
        TransportResult dense = Ot.Solve(p, q, cost, Dense), sparse = Ot.Solve(p, q, cost, Sparse);
        Assert.Equal(TransportRoute.NetworkSimplex, dense.Route);
        Assert.Equal(TransportRoute.SparsePricing, sparse.Route);
        Assert.Equal(TransportStatus.Optimal, dense.Status);
        Assert.Equal(TransportStatus.Optimal, sparse.Status);
        Assert.True(sparse.Certificate.Holds);
        Tolerance.Close(dense.Cost, sparse.Cost, rel: rel);
        // The sparse route's potentials, checked on every pair of the dense matrix, independently of its certificate.
        double[,] c = cost.Matrix(p, q);
        double scale = Math.Max(Math.Abs(sparse.Cost), sparse.Certificate.Floor);
        double dual = 0;
        for (int i = 0; i < p.Count; i++) dual += p.Weights[i] * sparse.U[i];
        for (int j = 0; j < q.Count; j++) dual += q.Weights[j] * sparse.V[j];
        Tolerance.Close(sparse.Cost, dual, rel: 1e-9);
        for (int i = 0; i < p.Count; i++)
            for (int j = 0; j < q.Count; j++)
                Tolerance.AtMost(c[i, j], sparse.U[i] + sparse.V[j], abs: 1e-12 * scale, what: $"u[{i}] + v[{j}]");
    }

    // Random problems from tiny to the size where the dense route is still quick, in 2-D and 3-D (k-d trees) and in
    // 12-D (blocked pricing), uniform and weighted, n ≠ m, under W1 and W2.
    [Theory]
    [InlineData(7, 5, 2, 1, false)]
    [InlineData(60, 45, 2, 2, true)]
    [InlineData(300, 200, 2, 3, false)]
    [InlineData(400, 400, 2, 4, true)]
    [InlineData(700, 600, 3, 5, false)]
    [InlineData(150, 90, 12, 6, true)]
    [InlineData(500, 500, 12, 7, false)]
    public void EqualsTheDenseRoute(int n, int m, int d, int seed, bool weighted)
    {
        var p = TransportData.Cloud(n, d, seed, weighted: weighted).Normalized();
        var q = TransportData.Cloud(m, d, seed + 100, shift: 0.5, weighted: weighted).Normalized();
        SameOptimum(p, q, GroundCost.Euclidean);
        SameOptimum(p, q, GroundCost.SquaredEuclidean);
    }

    // Weighted clouds far apart under W1: the arc set outgrows PruneAt arcs per node and is cut down (the log says so);
    // the arcs dropped carry no flow and price non-negative, so the optimum and its certificate are unchanged.
    [Fact]
    public void CuttingTheArcSetDownKeepsTheOptimum()
    {
        var p = TransportData.Cloud(900, 2, 41, weighted: true).Normalized();
        var q = TransportData.Cloud(800, 2, 42, shift: 3, weighted: true).Normalized();
        var log = new StringWriter();
        Ot.Solve(p, q, GroundCost.Euclidean, Sparse with { Log = log });
        Assert.Contains("arc set cut down", log.ToString());
        SameOptimum(p, q, GroundCost.Euclidean);
    }

    // Above the dense route's automatic limit (10⁶ pairs) the dense solve is still possible on request: 1200 × 1000.
    [Fact]
    public void EqualsTheDenseRouteAboveTheAutomaticLimit()
    {
        var p = TransportData.Cloud(1200, 2, 11).Normalized();
        var q = TransportData.Cloud(1000, 2, 12, shift: 1).Normalized();
        SameOptimum(p, q, GroundCost.Euclidean);
        Assert.Equal(TransportRoute.SparsePricing, Ot.Solve(p, q, GroundCost.Euclidean).Route);
    }

    // Uniform equal sizes: an optimal plan is a permutation, so exhaustive search over all 7! = 5040 is the truth.
    [Theory]
    [InlineData(2, 21)]
    [InlineData(3, 22)]
    [InlineData(10, 23)]
    public void EqualsExhaustiveAssignment(int d, int seed)
    {
        var p = TransportData.Cloud(7, d, seed).Normalized();
        var q = TransportData.Cloud(7, d, seed + 1).Normalized();
        foreach (var cost in new[] { GroundCost.Euclidean, GroundCost.SquaredEuclidean })
        {
            TransportResult r = Ot.Solve(p, q, cost, Sparse);
            Assert.Equal(TransportStatus.Optimal, r.Status);
            Tolerance.Close(TransportData.ExhaustiveAssignment(cost.Matrix(p, q)), r.Cost, rel: 1e-13);
        }
    }

    // A cloud against its translate by t: W1 = ‖t‖ (≥ ‖mean difference‖ by Jensen, = by the identity plan). Sizes that
    // keep the suite fast (the 10⁵ case is bench/scale.sh's known-answer check).
    [Theory]
    [InlineData(2, 4_000)]
    [InlineData(3, 2_000)]
    public void CloudAgainstItsTranslateIsTheNormOfTheShift(int d, int n)
    {
        var p = TransportData.Cloud(n, d, 31);
        double[] t = d == 2 ? [1.0, 0.5] : [0.3, -0.4, 1.2];
        double[] pts = p.Points.ToArray();
        for (int k = 0; k < pts.Length; k++) pts[k] += t[k % d];
        var q = new DiscreteDistribution(pts, d);
        TransportResult r = Ot.Solve(p, q, GroundCost.Euclidean);
        Assert.Equal(TransportRoute.SparsePricing, r.Route);
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Tolerance.Close(Math.Sqrt(t.Sum(x => x * x)), r.Cost, rel: 1e-12);
    }

    // Points on the line through the origin with direction (3/5, 4/5): W1 equals the 1-D sorted-CDF value. W1 on a line
    // is the most degenerate case for the simplex (every monotone plan ties), so the size here is small; 10⁵ is in
    // bench/scale.sh.
    [Fact]
    public void PointsOnALineInThePlaneGiveTheOneDimensionalValue()
    {
        const int n = 3_000, m = 2_500;
        var rng = new Random(41);
        double[] s = Enumerable.Range(0, n).Select(_ => TransportData.Gaussian(rng)).ToArray();
        double[] t = Enumerable.Range(0, m).Select(_ => 0.7 + 1.5 * TransportData.Gaussian(rng)).ToArray();
        static DiscreteDistribution OnLine(double[] z) => new(z.SelectMany(x => new[] { 0.6 * x, 0.8 * x }).ToArray(), 2);
        TransportResult r = Ot.Solve(OnLine(s), OnLine(t), GroundCost.Euclidean);
        Assert.Equal(TransportRoute.SparsePricing, r.Route);
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Tolerance.Close(Ot.W1OneD(s, t), r.Cost, rel: 1e-12);
    }

    // The worst start: every source sent to the target farthest along the cloud's order (reversed sort on x). The
    // candidates are those arcs alone, so only the pricing of all pairs can find the optimum; it must end Optimal.
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void AForcedWrongWarmStartStillEndsOptimal(double power)
    {
        const int n = 400;
        var p = TransportData.Cloud(n, 2, 51).Normalized();
        var q = TransportData.Cloud(n, 2, 52, shift: 0.3).Normalized();
        GroundCost cost = GroundCost.EuclideanPower(power);
        int[] px = Enumerable.Range(0, n).OrderBy(i => p.Point(i)[0]).ToArray();
        int[] qx = Enumerable.Range(0, n).OrderByDescending(j => q.Point(j)[0]).ToArray();
        var wrong = Enumerable.Range(0, n).Select(k => (px[k], qx[k])).ToList();
        var costs = new TreeCosts(p.Points.ToArray(), q.Points.ToArray(), 2, cost);
        TransportResult r = CloudTransport.Solve(costs, p.Weights.ToArray(), q.Weights.ToArray(), Sparse, warmStart: wrong, startPlan: wrong);
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Assert.True(r.Rounds > 1);
        double wrongCost = wrong.Sum(e => cost.Evaluate(p.Point(e.Item1), q.Point(e.Item2))) / n;
        Assert.True(r.Cost < 0.5 * wrongCost);
        Tolerance.Close(Ot.Solve(p, q, cost, Dense).Cost, r.Cost, rel: 1e-12);
    }

    // The same wrong start in 20-D, through the blocked pricing.
    [Fact]
    public void AForcedWrongWarmStartStillEndsOptimalInHighDimension()
    {
        const int n = 200;
        var p = TransportData.Cloud(n, 20, 53).Normalized();
        var q = TransportData.Cloud(n, 20, 54, shift: 0.2).Normalized();
        var wrong = Enumerable.Range(0, n).Select(k => (k, n - 1 - k)).ToList();
        var costs = new BlockCosts(p.Points.ToArray(), q.Points.ToArray(), 20, GroundCost.Euclidean);
        TransportResult r = CloudTransport.Solve(costs, p.Weights.ToArray(), q.Weights.ToArray(), Sparse, warmStart: wrong, startPlan: wrong);
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Tolerance.Close(Ot.Solve(p, q, GroundCost.Euclidean, Dense).Cost, r.Cost, rel: 1e-12);
    }

    // Hostile inputs, each against the dense route: duplicate points (many at one place, and P = Q exactly), ties
    // (integer grids, so equal costs everywhere), outliers at 1e8, n ≠ m with uneven weights.
    [Fact]
    public void DuplicatesAndTiesGiveTheDenseValue()
    {
        var rng = new Random(61);
        double[] Grid(int n) => Enumerable.Range(0, 2 * n).Select(_ => (double)rng.Next(0, 6)).ToArray();
        var p = new DiscreteDistribution(Grid(300), 2).Normalized();
        var q = new DiscreteDistribution(Grid(250), 2).Normalized();
        SameOptimum(p, q, GroundCost.Euclidean);
        SameOptimum(p, q, GroundCost.SquaredEuclidean);
        TransportResult self = Ot.Solve(p, p, GroundCost.Euclidean, Sparse);
        Assert.Equal(TransportStatus.Optimal, self.Status);
        Assert.Equal(0.0, self.Cost);
    }

    [Fact]
    public void OutliersAtOneEEightGiveTheDenseValue()
    {
        var p = TransportData.Cloud(200, 2, 71, weighted: true);
        var q = TransportData.Cloud(150, 2, 72, weighted: true);
        double[] pp = p.Points.ToArray(), qp = q.Points.ToArray();
        pp[0] = 1e8; pp[3] = -1e8; qp[5] = 1e8; qp[6] = 1e8; // far atoms on both sides
        var po = new DiscreteDistribution(pp, 2, p.Weights.ToArray()).Normalized();
        var qo = new DiscreteDistribution(qp, 2, q.Weights.ToArray()).Normalized();
        foreach (var cost in new[] { GroundCost.Euclidean, GroundCost.SquaredEuclidean })
        {
            TransportResult dense = Ot.Solve(po, qo, cost, Dense), sparse = Ot.Solve(po, qo, cost, Sparse);
            Assert.Equal(dense.Status, sparse.Status);
            if (dense.Status == TransportStatus.Optimal) Tolerance.Close(dense.Cost, sparse.Cost, rel: 1e-12);
            else Assert.False(sparse.Certificate.Holds);
        }
    }

    // The least-value candidates of equal uniform clouds under W1 (LeastValuesFrom = 0 reaches that path at small sizes):
    // the log shows the stage, and the solve ends at the dense optimum with its certificate, also with exact ties
    // (each point repeated) and far outliers.
    [Theory]
    [InlineData("gaussian")]
    [InlineData("duplicates")]
    [InlineData("outliers")]
    public void LeastValueCandidatesEndAtTheDenseOptimum(string kind)
    {
        if (!PairScan.Supports(GroundCost.Euclidean)) return;
        const int n = 700;
        DiscreteDistribution Cloud(int seed, double shift)
        {
            var xs = new double[2 * n];
            for (int i = 0; i < n; i++)
            {
                var r = new Random(seed * 7919 + (kind == "duplicates" ? i % 11 : i));
                xs[2 * i] = TransportData.Gaussian(r) + shift;
                xs[2 * i + 1] = TransportData.Gaussian(r) + shift / 2;
            }
            if (kind == "outliers") { xs[0] = 1e8 * (shift > 0 ? 1 : -1); xs[1] = 3e7; }
            return new DiscreteDistribution(xs, 2).Normalized();
        }
        var p = Cloud(1, 0);
        var q = Cloud(2, 1);
        var log = new StringWriter();
        TransportResult sparse = Ot.Solve(p, q, GroundCost.Euclidean, Sparse with { LeastValuesFrom = 0, Log = log });
        Assert.Contains("least-value candidates", log.ToString());
        Assert.Equal(TransportStatus.Optimal, sparse.Status);
        Assert.True(sparse.Certificate.Holds);
        Tolerance.Close(Ot.Solve(p, q, GroundCost.Euclidean, Dense).Cost, sparse.Cost, rel: 1e-12);
    }
}
