using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ot = Verify.Theory.Transport;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>
/// The exact solver on hostile inputs (issue 7 §1): far outliers, one source against thousands of targets, masses that
/// differ within the tolerance, costs near overflow. Every value is checked against an independent route and every
/// certificate that holds must mean the value is right relative to the value itself.
/// </summary>
public class ExactSolverTests
{
    /// <summary>The same points with every coordinate multiplied by <paramref name="factor"/> (a power of two: exact).</summary>
    private static DiscreteDistribution Scaled(DiscreteDistribution d, double factor)
    {
        double[] pts = d.Points.ToArray();
        for (int k = 0; k < pts.Length; k++) pts[k] *= factor;
        return new DiscreteDistribution(pts, d.Dimension, d.Weights.ToArray());
    }

    /// <summary>Points of <paramref name="d"/> followed by <paramref name="extra"/>, with the given weights.</summary>
    private static DiscreteDistribution With(DiscreteDistribution d, double[] extra, double[] weights) =>
        new([.. d.Points.ToArray(), .. extra], d.Dimension, weights);

    private static DiscreteDistribution UniformSquare(int n, double side, int seed)
    {
        var rng = new Random(seed);
        var pts = new double[2 * n];
        for (int k = 0; k < pts.Length; k++) pts[k] = side * rng.NextDouble();
        return new DiscreteDistribution(pts, 2);
    }

    // Issue 7: a 40-point 2-D cluster of diameter ~1e-7 in P and in Q, plus an atom of mass 1e-12 at (1e8, 0) in both.
    // The far atoms ship to each other at cost 0, so W1 is the clusters' W1 (masses 1/40), which the reference computes
    // on the same points scaled by 2²⁴ (exact), where nothing is ill-conditioned. Was: 5.30e-8 against 1.47e-8, status
    // Optimal and a certificate that held (its gap and violation were relative to the largest cost, 1e8).
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AFarAtomOfTinyMassLeavesTheClusterValueExact(int seed)
    {
        const double side = 7e-8; // diameter ≤ 7e-8·√2 ≈ 1e-7
        var pc = UniformSquare(40, side, seed);
        var qc = UniformSquare(40, side, seed + 100);
        double[] w = [.. Enumerable.Repeat(1.0 / 40, 40), 1e-12];
        var p = With(pc, [1e8, 0.0], w);
        var q = With(qc, [1e8, 0.0], w);
        const double up = 16777216.0; // 2²⁴
        TransportResult reference = Ot.Solve(Scaled(pc, up), Scaled(qc, up), GroundCost.Euclidean);
        Assert.True(reference.Certificate.Holds, reference.Certificate.Violation);
        double expected = reference.Cost / up;

        foreach (var route in new[] { TransportRoute.NetworkSimplex, TransportRoute.SparsePricing })
        {
            TransportResult r = Ot.Solve(p, q, GroundCost.Euclidean, new TransportOptions { Route = route });
            Tolerance.Close(expected, r.Cost, rel: 1e-12, what: $"{route}, seed {seed}");
            Assert.Equal(TransportStatus.Optimal, r.Status);
            Assert.True(r.Certificate.Holds, r.Certificate.Violation);
            Tolerance.AtMost(1e-9, r.Certificate.ErrorBound, abs: 0, what: "certified relative error");
            // W1 ≈ 1e-8 sits near the floor 2⁻⁵²·M·max|c| ≈ 2.2e-8; the certified absolute error is within 2e-9 of W1 itself.
            Tolerance.AtMost(2e-9 * expected, r.Certificate.ErrorBound * r.Certificate.Scale, abs: 0, what: "certified error");
        }
        Tolerance.Close(expected, Ot.W1(p, q), rel: 1e-12);
    }

    // Many light atoms far away: 300 shared atoms of mass 1e-12 scattered over [1e7, 1e8]², next to the clusters above.
    // They outnumber the cluster atoms 7 to 1, so they must not decide the anchor of the potentials either.
    [Fact]
    public void ManyLightFarAtomsLeaveTheClusterValueExact()
    {
        var pc = UniformSquare(40, 7e-8, 4);
        var qc = UniformSquare(40, 7e-8, 104);
        double[] farPoints = UniformSquare(300, 9e7, 5).Points.ToArray().Select(x => x + 1e7).ToArray();
        double[] w = [.. Enumerable.Repeat(1.0 / 40, 40), .. Enumerable.Repeat(1e-12, 300)];
        const double up = 16777216.0; // 2²⁴
        double expected = Ot.Solve(Scaled(pc, up), Scaled(qc, up), GroundCost.Euclidean).Cost / up;
        TransportResult r = Ot.Solve(With(pc, farPoints, w), With(qc, farPoints, w), GroundCost.Euclidean);
        Tolerance.Close(expected, r.Cost, rel: 1e-12);
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Assert.True(r.Certificate.Holds, r.Certificate.Violation);
    }

    // Issue 7: a unit cloud (n = 200) plus one far atom shared by P and Q, every atom of mass 1/201. The far atoms ship to
    // each other at cost 0, so W1 = (200/201)·W1 of the clouds alone. Was off by 2.3e-4 relative at 1e11, 8.5e-3 at 1e12.
    [Theory]
    [InlineData(1e11)]
    [InlineData(1e12)]
    [InlineData(1e8)]
    public void ASharedFarAtomLeavesTheCloudValueExact(double far)
    {
        var pc = TransportData.Cloud(200, 2, seed: 11);
        var qc = TransportData.Cloud(200, 2, seed: 12, shift: 0.5);
        double[] w = Enumerable.Repeat(1.0 / 201, 201).ToArray();
        var p = With(pc, [far, 0.0], w);
        var q = With(qc, [far, 0.0], w);
        TransportResult reference = Ot.Solve(pc, qc, GroundCost.Euclidean);
        Assert.True(reference.Certificate.Holds, reference.Certificate.Violation);
        double expected = reference.Cost * 200 / 201;

        TransportResult r = Ot.Solve(p, q, GroundCost.Euclidean);
        Tolerance.Close(expected, r.Cost, rel: 1e-12, what: $"far atom at {far:R}");
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Assert.True(r.Certificate.Holds, r.Certificate.Violation);
    }

    // Far atoms of any mass, shared or one unit apart: W1 = W1 of the clouds (masses (1 − f)/100 each) + f·offset, since
    // the far atoms ship to each other. A heavy far atom (f = 0.6) must not become the anchor of the potentials (the
    // cloud's would then sit near 1e13, rounded to 1e-3), and the far atoms' own potentials must be moved off the
    // rounding of their 1e13 costs (DualPolish) before the certificate can hold. Before either: up to 8e-3 wrong.
    [Theory]
    [InlineData(1e9, 0.05, 1.0, 1)]
    [InlineData(1e11, 0.05, 1.0, 1)]
    [InlineData(1e11, 0.6, 0.0, 1)]
    [InlineData(1e13, 0.005, 0.0, 2)]
    [InlineData(1e13, 0.05, 1.0, 2)]
    [InlineData(1e13, 0.6, 0.0, 1)]
    [InlineData(1e13, 0.6, 1.0, 2)]
    public void FarAtomsOfAnyMassLeaveTheCloudValueExact(double far, double mass, double offset, int seed)
    {
        var pc = TransportData.Cloud(100, 2, seed: 11 + seed);
        var qc = TransportData.Cloud(100, 2, seed: 12 + seed, shift: 0.5);
        double[] w = [.. Enumerable.Repeat((1 - mass) / 100, 100), mass];
        TransportResult clouds = Ot.Solve(new DiscreteDistribution(pc.Points.ToArray(), 2, w[..100]),
            new DiscreteDistribution(qc.Points.ToArray(), 2, w[..100]), GroundCost.Euclidean);
        Assert.True(clouds.Certificate.Holds, clouds.Certificate.Violation);
        TransportResult r = Ot.Solve(With(pc, [far, 0.0], w), With(qc, [far, offset], w), GroundCost.Euclidean);
        Tolerance.Close(clouds.Cost + mass * offset, r.Cost, rel: 1e-12);
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Assert.True(r.Certificate.Holds, r.Certificate.Violation);
    }

    // Two heavy clusters 1e8 apart, each with its own structure at scale 1: potentials that must span 1e8 cannot resolve
    // differences of 1e-8 inside the far cluster. The solve says so (Uncertified, with the bound it could prove) instead
    // of returning the value as optimal; W1 refuses to report it.
    [Fact]
    public void TwoHeavyClustersFarApartAreReportedUncertifiedNotOptimal()
    {
        var p = new DiscreteDistribution([.. TransportData.Cloud(50, 2, 5).Points.ToArray(), .. TransportData.Cloud(50, 2, 6, shift: 1e8).Points.ToArray()], 2);
        var q = new DiscreteDistribution([.. TransportData.Cloud(50, 2, 7).Points.ToArray(), .. TransportData.Cloud(50, 2, 8, shift: 1e8).Points.ToArray()], 2);
        TransportResult r = Ot.Solve(p, q, GroundCost.Euclidean);
        Assert.Equal(TransportStatus.Uncertified, r.Status);
        Assert.False(r.Certificate.Holds);
        Assert.True(r.Certificate.ErrorBound > 1e-9 && r.Certificate.ErrorBound < 1e-6, $"bound {r.Certificate.ErrorBound:R}");
        Assert.Contains("Uncertified", Assert.Throws<InvalidOperationException>(() => Ot.W1(p, q)).Message);
    }

    // Costs spanning 10⁴⁷ to 10²⁶⁴ in one 2×2 problem: a recomputation of the potentials from the root lost the small
    // costs below the large ones, so a tree arc looked like an entering arc, and the same pivot repeated forever.
    // Potentials are now recomputed outward from the anchor, so every tree arc prices within its own tolerance.
    [Fact]
    public void CostsSpanningHundredsOfOrdersOfMagnitudeDoNotCycle()
    {
        double[,] c = { { 1.243628345543346E+264, 3.743548541676043E+230 }, { -2.4995247588956377E+47, 4.7734486194203835E+193 } };
        TransportResult r = Ot.Solve([0.5, 0.5], [0.5, 0.5], c, new TransportOptions { MaxIterations = 1000 });
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Tolerance.Close(0.5 * c[0, 1] + 0.5 * c[1, 0], r.Cost, rel: 1e-15); // the anti-diagonal
        Assert.True(r.Iterations < 10);
    }

    /// <summary>
    /// Small assignment problems with hostile costs: magnitudes from 10⁻³⁰⁰ to 10³⁰⁰, signs mixed, many ties, +∞
    /// (forbidden pairs), cheap and dear arcs 24 orders apart. Generated from FsCheck's own primitives.
    /// </summary>
    private static Gen<double[,]> HostileCosts =>
        from n in Gen.Choose(1, 5)
        from mode in Gen.Choose(0, 5)
        from exps in Gen.ArrayOf(Gen.Choose(-300, 300), n * n)
        from digits in Gen.ArrayOf(Gen.Choose(0, 999), n * n)
        select Costs(n, mode, exps, digits);

    private static double[,] Costs(int n, int mode, int[] exps, int[] digits)
    {
        var c = new double[n, n];
        for (int k = 0; k < n * n; k++)
        {
            double mantissa = digits[k] / 1000.0, e = exps[k];
            c[k / n, k % n] = mode switch
            {
                0 => mantissa * Math.Pow(10, e),                                  // any magnitude
                1 => (digits[k] % 3) * Math.Pow(10, exps[k] % 20),                // ties, zeros
                2 => (mantissa - 0.5) * Math.Pow(10, Math.Abs(e)),                // mixed signs, huge
                3 => digits[k] % 2 == 0 ? 1e-12 * mantissa : 1e12 * (1 + mantissa), // cheap and dear
                4 => digits[k] % 4 == 0 ? double.PositiveInfinity : mantissa,    // forbidden pairs
                _ => mantissa,
            };
        }
        return c;
    }

    // The central promise, against brute force over all permutations: Optimal means the value is within
    // 1e-9·max(|W|, floor) of the optimum; Infeasible means every permutation uses a forbidden pair; nothing loops.
    [Property(MaxTest = 400)]
    public Property OptimalAlwaysMeansRightOnHostileCosts() =>
        Prop.ForAll(Arb.From(HostileCosts), c =>
        {
            int n = c.GetLength(0);
            TransportResult r = Ot.Solve(TransportData.Uniform(n), TransportData.Uniform(n), c, new TransportOptions { MaxIterations = 10_000 });
            double exact = TransportData.ExhaustiveAssignment(c);
            return r.Status switch
            {
                TransportStatus.Optimal => Tolerance.IsClose(exact, r.Cost, 0, 1e-9 * Math.Max(Math.Abs(exact), r.Certificate.Floor) * (1 + 1e-12)),
                TransportStatus.Infeasible => double.IsPositiveInfinity(exact),
                TransportStatus.Uncertified => !r.Certificate.Holds,
                _ => false,
            };
        });

    // One source against 5000 targets: the only plan sends bⱼ to target j, so T = Σⱼ bⱼ‖x − yⱼ‖ (summed here in
    // double-double). The source's mass is Σⱼ bⱼ rounded once, so the totals differ by less than an ulp; the difference
    // belongs at the heavy source, not at some target. Was up to 64 ulps off (the flows were carried through the pivots,
    // so the rounding of the totals landed on whichever arc the last pivot left).
    [Theory]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(13)]
    public void OneSourceAgainstManyTargetsIsExactToTheLastBits(int seed)
    {
        const int m = 5000;
        var rng = new Random(seed);
        double[] w = Enumerable.Range(0, m).Select(_ => rng.NextDouble()).ToArray();
        var q = new DiscreteDistribution(Enumerable.Range(0, 2 * m).Select(_ => 2 * rng.NextDouble() - 1).ToArray(), 2, w);
        var p = new DiscreteDistribution([0.3, 0.3], 2, [DoubleDouble(w)]);
        double expected = DoubleDouble(Enumerable.Range(0, m).Select(j => w[j] * GroundCost.Euclidean.Evaluate(p.Point(0), q.Point(j))));
        foreach (var (x, y) in new[] { (p, q), (q, p) })
        {
            TransportResult r = Ot.Solve(x, y, GroundCost.Euclidean);
            Assert.True(r.Certificate.Holds, r.Certificate.Violation);
            Tolerance.Close(expected, r.Cost, rel: 4.5e-16, what: "two ulps");
        }
    }

    /// <summary>Σ xᵢ in double-double (Knuth's TwoSum), rounded once.</summary>
    private static double DoubleDouble(IEnumerable<double> xs)
    {
        double hi = 0, lo = 0;
        foreach (double x in xs)
        {
            double s = hi + x, bb = s - hi;
            lo += (hi - (s - bb)) + (x - bb);
            hi = s;
        }
        return hi + lo;
    }

    // Issue 7: a mass difference of 5e-10 (relative) passed the guard, then the solve was reported Infeasible. One
    // tolerance decides both: within it the problem is solved (the difference is left at one atom), beyond it refused.
    [Fact]
    public void MassesThatDifferWithinTheToleranceAreSolvedBeyondItRefused()
    {
        double[,] c = TransportData.RandomCost(30, 25, 3);
        var (a, b) = TransportData.Masses(30, 25, 8);
        TransportResult balanced = Ot.Solve(a, b, c);
        double[] heavier = b.Select(x => x * (1 + 5e-10)).ToArray();
        TransportResult r = Ot.Solve(a, heavier, c);
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Assert.True(r.Certificate.Holds, r.Certificate.Violation);
        Tolerance.Close(balanced.Cost, r.Cost, rel: 2e-9);
        Tolerance.AtMost(1e-9, r.Certificate.PrimalResidual, abs: 0);
        double[] tooHeavy = b.Select(x => x * (1 + 2e-9)).ToArray();
        Assert.Contains("unequal total masses", Assert.Throws<ArgumentException>(() => Ot.Solve(a, tooHeavy, c)).Message);
        // A tighter tolerance refuses the 5e-10 difference up front (was: accepted by a fixed 1e-9 guard, then Infeasible).
        var tight = new TransportOptions { Tolerance = 1e-10 };
        Assert.Contains("unequal total masses", Assert.Throws<ArgumentException>(() => Ot.Solve(a, heavier, c, tight)).Message);
        Assert.Equal(TransportStatus.Optimal, Ot.Solve(a, b, c, tight).Status);
        // The same tolerance on the distribution front door.
        var p = new DiscreteDistribution([0.0, 1.0, 3.0], 1, [0.2, 0.5, 0.3]);
        var q = new DiscreteDistribution([0.5, 2.0], 1, [0.6 * (1 + 5e-10), 0.4 * (1 + 5e-10)]);
        var qq = new DiscreteDistribution([0.5, 2.0], 1, [0.6, 0.4]);
        TransportResult onLaws = Ot.Solve(p, q, GroundCost.Euclidean);
        Assert.Equal(TransportStatus.Optimal, onLaws.Status);
        Tolerance.Close(Ot.W1OneD([0.0, 1.0, 3.0], [0.5, 2.0], [0.2, 0.5, 0.3], [0.6, 0.4]), onLaws.Cost, rel: 2e-9);
        Tolerance.Close(Ot.W1(p, qq), Ot.W1(p, q), rel: 2e-9);
    }

    // Issue 7: costs near 1e307 made the artificial cost (n+m+1)·max|c| overflow to ∞ and the problem was called
    // Infeasible. A cost matrix that large is refused in one line naming the reason.
    [Fact]
    public void CostsTooLargeForTheSolverAreRefusedNotInfeasible()
    {
        double[,] c = TransportData.RandomCost(10, 10, 4);
        for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) c[i, j] *= 1e306;
        double[] a = TransportData.Uniform(10);
        var e = Assert.Throws<ArgumentException>(() => Ot.Solve(a, a, c));
        Assert.Contains("too large", e.Message);
        Assert.Contains("divide the costs", e.Message);
    }

    // Issue 7: W2 on coordinates near 1e153 (squared distances near 1e306) was Infeasible for the same reason. The
    // solver scales the points by a power of two, so the value is exact: W₂ is 1-homogeneous.
    [Fact]
    public void W2OnCoordinatesNear1e153IsExact()
    {
        var p = TransportData.Cloud(30, 2, seed: 21);
        var q = TransportData.Cloud(30, 2, seed: 22, shift: 1);
        double big = Math.ScaleB(1.0, 508); // ≈ 8.4e152
        double unit = Ot.Wp(p, q, 2);
        Tolerance.Close(big * unit, Ot.Wp(Scaled(p, big), Scaled(q, big), 2), rel: 1e-14);
        TransportResult r = Ot.Solve(Scaled(p, big), Scaled(q, big), GroundCost.SquaredEuclidean);
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Assert.True(r.Certificate.Holds, r.Certificate.Violation);
        Tolerance.Close(big * big * unit * unit, r.Cost, rel: 1e-14);
        Tolerance.Close(r.Cost, r.DualValue(Scaled(p, big).Weights, Scaled(q, big).Weights), rel: 1e-12);
    }
}
