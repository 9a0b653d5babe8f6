using Ot = Verify.Theory.Transport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>The front door: peer values, closed forms, routes agreeing, metric properties, input validation.</summary>
public class TransportTests
{
    // POT's test suite (test_ot.py, test_emd2_multi… / the SciPy docs 2-D example): weights are multiplicities.
    [Fact]
    public void PublishedTwoDimensionalCase()
    {
        var p = DiscreteDistribution.FromRows([[1.0, 1.0], [4.0, 2.0], [6.0, 1.0]], [10, 1, 2]).Normalized();
        var q = DiscreteDistribution.FromRows([[2.0, 1.0], [3.0, 2.0], [5.0, 1.0], [7.0, 1.0]], [2, 3, 7, 1]).Normalized();
        Tolerance.Close(2.4709551919132666, Ot.W1(p, q), rel: 1e-14);
    }

    [Fact]
    public void OneDimensionalFrontDoorScalesByTheMass()
    {
        var p = DiscreteDistribution.OneD([0, 1], [3, 1]);
        var q = DiscreteDistribution.OneD([0], [4]);
        Tolerance.Close(4 * 0.25, Ot.W1(p, q));
        Tolerance.Close(Math.Sqrt(4 * 0.25), Ot.Wp(p, q, 2));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(-1.5)]
    [InlineData(3.0)]
    public void ParallelLinesGiveAbsTheta(double theta)
    {
        var rng = new Random(17);
        var z = Enumerable.Range(0, 60).Select(_ => rng.NextDouble()).ToArray();
        var p = DiscreteDistribution.FromRows(z.Select(t => new[] { 0.0, t }).ToArray());
        var q = DiscreteDistribution.FromRows(z.Select(t => new[] { theta, t }).ToArray());
        Tolerance.Close(Math.Abs(theta), Ot.W1(p, q), rel: 1e-12, abs: 1e-15);
        Tolerance.Close(Math.Abs(theta), Ot.Wp(p, q, 2), rel: 1e-12, abs: 1e-15);
    }

    [Fact]
    public void EveryRouteAgrees()
    {
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var p = TransportData.Cloud(70, 2, seed, weighted: seed == 3);
            var q = TransportData.Cloud(70, 2, seed + 10, shift: 1.0, weighted: seed == 3);
            if (seed == 3) q = new DiscreteDistribution(q.Points.ToArray(), 2, q.Weights.ToArray().Select(w => w * p.TotalMass / q.TotalMass).ToArray());
            var results = new[] { TransportRoute.NetworkSimplex, TransportRoute.SparsePricing, TransportRoute.Auto }
                .Select(route => Ot.Solve(p, q, GroundCost.Euclidean, new TransportOptions { Route = route, Neighbours = 3 }))
                .ToArray();
            foreach (var r in results)
            {
                Assert.Equal(TransportStatus.Optimal, r.Status);
                Assert.True(r.Certificate.Holds, r.Certificate.Violation);
                Tolerance.Close(results[0].Cost, r.Cost, rel: 1e-12);
                Tolerance.Close(r.Cost, r.DualValue(p.Weights, q.Weights), rel: 1e-12);
            }
        }
    }

    [Fact]
    public void CertifyRejectsAWrongPlanAndWrongDuals()
    {
        // Optimum 0.2: row 0 keeps 0.3 at cost 0 and sends 0.2 across; row 1 keeps 0.5.
        double[,] c = { { 0, 1 }, { 1, 0 } };
        double[] a = [0.5, 0.5], b = [0.3, 0.7];
        var r = Ot.Solve(a, b, c);
        Tolerance.Close(0.2, r.Cost, rel: 1e-15);
        Assert.True(Ot.Certify(a, b, c, r.Plan, r.U, r.V).Holds);
        // A feasible plan of cost 0.8: with the optimal duals its gap is 0.8 − 0.2, three times its own value.
        var costly = new List<(int, int, double)> { (0, 1, 0.5), (1, 0, 0.3), (1, 1, 0.2) };
        var cert = Ot.Certify(a, b, c, costly, r.U, r.V);
        Assert.False(cert.Holds);
        Assert.Contains("relative error bound", cert.Violation);
        Tolerance.Close(0.6 / 0.8, cert.DualityGap, rel: 1e-14);
        // Duals that are too large violate uᵢ + vⱼ ≤ cᵢⱼ: (u, v) = (1, 1; 0, 0) by 1 at (0,0) and (1,1), so the bound
        // M·max s = 1; then D = 1 is above the value and the optimal plan cannot be certified with them.
        var tooLarge = Ot.Certify(a, b, c, r.Plan, [1, 1], [0, 0]);
        Assert.False(tooLarge.Holds);
        Assert.Equal(1.0 / 0.2, tooLarge.MaxDualViolation, 12);
        Assert.True(tooLarge.DualViolation > 0);
        // A plan with the wrong marginals is caught first.
        Assert.Contains("primal", Ot.Certify(a, b, c, [(0, 0, 1.0)], r.U, r.V).Violation);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        double[,] c2 = { { 0, 1 }, { 1, 0 } };
        Assert.Throws<ArgumentException>(() => Ot.Solve([0.5, 0.5], [0.5, 0.6], c2));
        Assert.Throws<ArgumentException>(() => Ot.Solve([0.5, 0.5], [1.0], c2));
        Assert.Throws<ArgumentException>(() => Ot.Solve([1.5, -0.5], [0.5, 0.5], c2));
        Assert.Throws<ArgumentException>(() => Ot.Solve([0.5, double.NaN], [0.5, 0.5], c2));
        Assert.Throws<ArgumentException>(() => Ot.Solve([0.5, 0.5], [0.5, 0.5], new double[,] { { 0, double.NaN }, { 1, 0 } }));
        Assert.Throws<ArgumentException>(() => Ot.Solve([0.5, 0.5], [0.5, 0.5], new double[,] { { 0, double.NegativeInfinity }, { 1, 0 } }));
        Assert.Throws<ArgumentException>(() => Ot.Solve([0.5, 0.5], [0.5, 0.5], c2, new TransportOptions { Tolerance = 0 }));
        var p2 = DiscreteDistribution.FromRows([[0.0, 0.0], [1.0, 1.0]]);
        var p1 = DiscreteDistribution.OneD([0.0, 1.0]);
        var heavy = DiscreteDistribution.FromRows([[0.0, 0.0], [1.0, 1.0]], [1, 1]);
        Assert.Throws<ArgumentException>(() => Ot.W1(p2, p1));
        Assert.Throws<ArgumentException>(() => Ot.W1(p2, heavy));
        Assert.Throws<ArgumentException>(() => Ot.Wp(p2, p2, 0.5));
        Assert.Throws<ArgumentException>(() => Ot.SlicedW1(p2, p2, 0, 1));
    }

    [Fact]
    public void BadCostEntriesAreNamedByRowAndColumn()
    {
        double[] a = TransportData.Uniform(10);
        foreach (double bad in new[] { double.NaN, double.NegativeInfinity })
        {
            double[,] c = TransportData.RandomCost(10, 10, 1);
            c[7, 3] = bad;
            var e = Assert.Throws<ArgumentException>(() => Ot.Solve(a, a, c));
            Assert.Contains("cost[7,3]", e.Message);
        }
    }

    [Fact]
    public void CertifyFailsOnNonFinitePotentials()
    {
        double[,] c = TransportData.RandomCost(9, 9, 2);
        double[] a = TransportData.Uniform(9);
        var r = Ot.Solve(a, a, c);
        var u = (double[])r.U.Clone();
        u[4] = double.NaN;
        Assert.False(Ot.Certify(a, a, c, r.Plan, u, r.V).Holds);
        Assert.True(Ot.Certify(a, a, c, r.Plan, r.U, r.V).Holds);
    }

    private static Gen<DiscreteDistribution> Cloud2D(int n) =>
        Gen.ArrayOf(Gen.Choose(-20, 20).Select(k => k / 4.0), 2 * n).Select(pts => new DiscreteDistribution(pts, 2));

    private static Arbitrary<DiscreteDistribution> Clouds => Arb.From(Gen.Choose(1, 7).SelectMany(Cloud2D));

    [Property(MaxTest = 60)]
    public Property W1IsAMetric() =>
        Prop.ForAll(Clouds, Clouds, Clouds, (x, y, z) =>
        {
            double xy = Ot.W1(x, y), yx = Ot.W1(y, x);
            double xz = Ot.W1(x, z), zy = Ot.W1(z, y);
            return Ot.W1(x, x) == 0 && Tolerance.IsClose(xy, yx, 1e-12, 1e-13) && xy <= xz + zy + 1e-12;
        });

    [Property(MaxTest = 60)]
    public Property W1IsTranslationInvariantAndScaleEquivariant() =>
        Prop.ForAll(Clouds, Clouds, Arb.From(Gen.Choose(-12, 12)), (x, y, k) =>
        {
            double scale = k / 4.0, tx = 1.25 * k, ty = -0.5;
            DiscreteDistribution Map(DiscreteDistribution d, double s, bool translate)
            {
                var pts = d.Points.ToArray();
                for (int t = 0; t < pts.Length; t++) pts[t] = s * pts[t] + (translate ? (t % 2 == 0 ? tx : ty) : 0);
                return new DiscreteDistribution(pts, 2);
            }
            double w = Ot.W1(x, y);
            double translated = Ot.W1(Map(x, 1, true), Map(y, 1, true));
            double scaled = Ot.W1(Map(x, scale, false), Map(y, scale, false));
            return Tolerance.IsClose(w, translated, 1e-10, 1e-12) && Tolerance.IsClose(Math.Abs(scale) * w, scaled, 1e-10, 1e-12);
        });

    [Property(MaxTest = 60)]
    public Property WpIsMonotoneInP() =>
        Prop.ForAll(Clouds, Clouds, (x, y) =>
        {
            double w1 = Ot.Wp(x, y, 1), w2 = Ot.Wp(x, y, 2), w3 = Ot.Wp(x, y, 3);
            return w1 <= w2 * (1 + 1e-12) + 1e-12 && w2 <= w3 * (1 + 1e-12) + 1e-12;
        });

    // Issue 7: nothing guarded n·m; the products overflowed int above 2³¹ entries. 50 000 × 50 000 points need a
    // 20 GB matrix of 2.5e9 entries: the dense route refuses in one line with the size, before anything is allocated.
    // (The automatic route takes the matrix-free one there: CloudTransportTests.)
    [Fact]
    public void ProblemsTooLargeForTheMatrixAreRefusedBeforeAllocating()
    {
        var rng = new Random(1);
        var p = new DiscreteDistribution(Enumerable.Range(0, 100_000).Select(_ => rng.NextDouble()).ToArray(), 2);
        var q = new DiscreteDistribution(Enumerable.Range(0, 100_000).Select(_ => rng.NextDouble() + 1).ToArray(), 2);
        var dense = new TransportOptions { Route = TransportRoute.NetworkSimplex };
        long before = GC.GetTotalAllocatedBytes(precise: true);
        foreach (Action solve in new Action[] { () => Ot.Solve(p, q, GroundCost.Euclidean, dense), () => GroundCost.Euclidean.Matrix(p, q) })
        {
            var e = Assert.Throws<ArgumentException>(solve);
            Assert.Contains("50000 × 50000 = 2500000000 pairs", e.Message);
            Assert.Contains("20.0 GB", e.Message);
            Assert.DoesNotContain("\n", e.Message);
        }
        Tolerance.AtMost(50e6, GC.GetTotalAllocatedBytes(precise: true) - before, abs: 0, what: "bytes allocated while refusing");
    }

    // Finite coordinates whose distance (or, for the Euclidean norm, whose squared distance) overflows a double are
    // refused with an ArgumentException, never an Infeasible status, a NaN or +∞ reported as a distance.
    [Fact]
    public void FarApartPointsAreRefusedByName()
    {
        var p = DiscreteDistribution.FromRows([[1e200, 0.0]]);
        var q = DiscreteDistribution.FromRows([[-1e200, 0.0]]);
        var e = Assert.Throws<ArgumentException>(() => Ot.W1(p, q));
        Assert.Contains("too far apart for the euclidean cost", e.Message);
        Assert.Throws<ArgumentException>(() => Ot.Solve(p, q, GroundCost.Euclidean));
        Assert.Throws<ArgumentException>(() => Ot.SlicedW1(p, q, 4, 1));
        Assert.Contains("too far apart", Assert.Throws<ArgumentException>(() => Ot.W1OneD([-1e308], [1e308])).Message);
        Assert.Contains("too far apart", Assert.Throws<ArgumentException>(() => Ot.WpOneD([0.0], [1e160], 2)).Message);
    }

    // A whole cloud so small that its squared distances underflow is refused by name: its costs would read 0 and the
    // value 0 would come certified (found with coordinates of 1e-170: W1 = 0). A 1-D W1 needs no squares and stays.
    [Fact]
    public void TooClosePointsAreRefusedByName()
    {
        var p = DiscreteDistribution.FromRows([[3e-170, 0.0], [0.0, 1e-170]]);
        var q = DiscreteDistribution.FromRows([[-2e-170, 5e-171], [1e-170, 1e-170]]);
        var e = Assert.Throws<ArgumentException>(() => Ot.W1(p, q));
        Assert.Contains("too close together for the euclidean cost", e.Message);
        Assert.Throws<ArgumentException>(() => Ot.Solve(p, q, GroundCost.Euclidean, new TransportOptions { Route = TransportRoute.SparsePricing }));
        Assert.Contains("too close together", Assert.Throws<ArgumentException>(() => Ot.WpOneD([0.0], [1e-160], 2)).Message);
        Tolerance.Close(1e-300, Ot.W1OneD([0.0], [1e-300]), rel: 1e-15);
        // Just above the limit the value is exact: (0, 0) to (3e-150, 4e-150) through squares of about 1e-299.
        Tolerance.Close(5e-150, Ot.W1(DiscreteDistribution.FromRows([[0.0, 0.0]]), DiscreteDistribution.FromRows([[3e-150, 4e-150]])), rel: 1e-15);
    }

    // Just inside the range the values are exact: a 1-D W1 needs no squares (1e160 is fine), a 2-D W1 of 1e150 is
    // computed through squares of 1e300; both equal the distance between the two atoms.
    [Fact]
    public void LargeButRepresentableDistancesAreExact()
    {
        Tolerance.Close(1e160, Ot.W1OneD([0.0], [1e160]), rel: 1e-15);
        var p = DiscreteDistribution.FromRows([[1e150, 0.0]]);
        var q = DiscreteDistribution.FromRows([[0.0, 0.0]]);
        Tolerance.Close(1e150, Ot.W1(p, q), rel: 1e-15);
        Tolerance.Close(1e150, Ot.SlicedW1(p, q, 8, 3) / Ot.SlicedW1(DiscreteDistribution.FromRows([[1.0, 0.0]]),
            DiscreteDistribution.FromRows([[0.0, 0.0]]), 8, 3), rel: 1e-12, what: "sliced W1 is 1-homogeneous");
    }
}
