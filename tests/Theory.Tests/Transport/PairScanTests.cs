using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>
/// <see cref="PairScan"/> against a scalar pass over every pair: the same picks in the same order, and the same sweep
/// (maxima to the bit, weighted sums up to the order of their terms),
/// also where pairs sit exactly on the boundary of the test (reduced costs of 0 and ±1 ulp), at tiny scales where the
/// squared filter would underflow, and with duplicated points.
/// </summary>
public class PairScanTests
{
    private static TreeCosts Make(double[] xs, double[] ys, int d, GroundCost cost) => new(xs, ys, d, cost);

    private static TreeCosts Make(int n, int m, int d, int seed, GroundCost cost, double scale = 1)
    {
        var rng = new Random(seed);
        double[] xs = CloudCostsHarness.Points(n, d, rng).Select(x => x * scale).ToArray();
        double[] ys = CloudCostsHarness.Points(m, d, rng, 0.4).Select(x => x * scale).ToArray();
        return Make(xs, ys, d, cost);
    }

    /// <summary>The reference: every pair by the scalar expression, the k most negative of each row and column by (value, index).</summary>
    private static List<(int I, int J)> ScalarPrice(CloudCosts c, double[] rowConst, double[] low, double f, int perRow, int perColumn)
    {
        var rc = new double[c.N, c.M];
        for (int i = 0; i < c.N; i++)
            for (int j = 0; j < c.M; j++) rc[i, j] = Math.FusedMultiplyAdd(c.Cost.EvaluateUnchecked(c.X(i), c.Y(j)), f, rowConst[i]) - low[j];
        var result = new List<(int, int)>();
        for (int i = 0; i < c.N; i++)
            result.AddRange(Enumerable.Range(0, c.M).Where(j => rc[i, j] < 0).OrderBy(j => rc[i, j]).ThenBy(j => j).Take(perRow).Select(j => (i, j)));
        for (int j = 0; j < c.M; j++)
            result.AddRange(Enumerable.Range(0, c.N).Where(i => rc[i, j] < 0).OrderBy(i => rc[i, j]).ThenBy(i => i).Take(perColumn).Select(i => (i, j)));
        return result;
    }

    /// <summary>
    /// The sweep against every pair by the scalar expression: each row's largest positive sᵢⱼ = (uᵢ + vⱼ) − cᵢⱼ to the
    /// bit, and Σⱼ min(aᵢ, bⱼ)·sᵢⱼ₊ up to the order of its m non-negative terms (the scan sums lane by lane).
    /// </summary>
    private static void AssertSweepIsScalar(CloudCosts c, double[] u, double[] a, double[] v, double[] b, double[] rowMax, double[] rowWeighted)
    {
        for (int i = 0; i < c.N; i++)
        {
            double worst = 0, weighted = 0;
            for (int j = 0; j < c.M; j++)
            {
                double s = u[i] + v[j] - c.Cost.EvaluateUnchecked(c.X(i), c.Y(j));
                if (!(s > 0)) continue;
                worst = Math.Max(worst, s);
                weighted += Math.Min(a[i], b[j]) * s;
            }
            Assert.Equal(worst, rowMax[i]);
            Verify.TestSupport.Tolerance.Close(weighted, rowWeighted[i], rel: c.M * 1.2e-16, what: $"row {i} weighted");
        }
    }

    /// <summary>low[j] on the boundary of column j: its least fma(c, f, rowConst) nudged by −1, 0 or +1 ulp.</summary>
    private static double[] BoundaryLows(CloudCosts c, double[] rowConst, double f)
    {
        var low = new double[c.M];
        for (int j = 0; j < c.M; j++)
        {
            double best = double.PositiveInfinity;
            for (int i = 0; i < c.N; i++) best = Math.Min(best, Math.FusedMultiplyAdd(c.Cost.EvaluateUnchecked(c.X(i), c.Y(j)), f, rowConst[i]));
            low[j] = (j % 3) switch { 0 => Math.BitDecrement(best), 1 => best, _ => Math.BitIncrement(best) };
        }
        return low;
    }

    public static IEnumerable<object[]> Cases() =>
    [
        [2, 1.0, 1.0], [3, 1.0, 1.0], [2, 2.0, 1.0], [5, 2.0, 1.0],
        [2, 1.0, 1e-170], [2, 2.0, 1e-100], [2, 1.0, 1e100],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void PricingEqualsTheScalarPassOverAllPairs(int d, double power, double scale)
    {
        var cost = GroundCost.EuclideanPower(power);
        if (!PairScan.Supports(cost)) return; // no AVX-512: the route does not use the scan (TreeCostsTests cover the tree)
        var c = Make(131, 117, d, 7 + d, cost, scale);
        var scan = new PairScan(c);
        var rng = new Random(d);
        const double f = 1 + 1e-14;
        double[] rowConst = Enumerable.Range(0, c.N).Select(_ => scale * rng.NextDouble()).ToArray();
        // Random lows: many violations; boundary lows: exactly 0 and ±1 ulp from the test.
        double[] random = Enumerable.Range(0, c.M).Select(_ => scale * 3 * rng.NextDouble()).ToArray();
        double[] boundary = BoundaryLows(c, rowConst, f);
        foreach (double[] low in new[] { random, boundary })
        {
            var expected = ScalarPrice(c, rowConst, low, f, 3, 2);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, scan.Price(rowConst, low, f, 3, 2));
        }
        // The boundary columns nudged down by one ulp are exactly the ones with a violating pair.
        var cols = ScalarPrice(c, rowConst, boundary, f, 0, 1).Select(e => e.J).ToHashSet();
        Assert.Equal(Enumerable.Range(0, c.M).Where(j => j % 3 == 2).ToHashSet(), cols);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SweepEqualsTheScalarPassOverAllPairs(int d, double power, double scale)
    {
        var cost = GroundCost.EuclideanPower(power);
        if (!PairScan.Supports(cost)) return;
        var c = Make(97, 143, d, 30 + d, cost, scale);
        var scan = new PairScan(c);
        var rng = new Random(d + 1);
        double[] u = Enumerable.Range(0, c.N).Select(_ => scale * rng.NextDouble()).ToArray();
        // v on the boundary: the c-transform vⱼ = minᵢ (cᵢⱼ − uᵢ) nudged by −1, 0, +1 ulp, so that sᵢⱼ is 0 or a few ulps.
        var v = new double[c.M];
        for (int j = 0; j < c.M; j++)
        {
            double best = double.PositiveInfinity;
            for (int i = 0; i < c.N; i++) best = Math.Min(best, c.Cost.EvaluateUnchecked(c.X(i), c.Y(j)) - u[i]);
            v[j] = (j % 3) switch { 0 => Math.BitDecrement(best), 1 => best, _ => Math.BitIncrement(best) + (j % 5 == 0 ? scale * 0.1 : 0) };
        }
        var (a, b) = TransportData.Masses(c.N, c.M, 3);
        var (rowMax, rowWeighted) = scan.Sweep(u, a, v, b);
        AssertSweepIsScalar(c, u, a, v, b, rowMax, rowWeighted);
        Assert.Contains(rowMax, x => x > 0);
    }

    // Many sources on one point and targets on another: ties everywhere, the order by (value, index) decides.
    [Fact]
    public void DuplicatedPointsTieExactlyAsTheScalarPass()
    {
        if (!PairScan.Supports(GroundCost.Euclidean)) return;
        double[] xs = Enumerable.Repeat(new[] { 0.25, -1.5 }, 40).SelectMany(p => p).ToArray();
        double[] ys = Enumerable.Repeat(new[] { 1.0, 2.0 }, 21).SelectMany(p => p).ToArray();
        var c = Make(xs, ys, 2, GroundCost.Euclidean);
        double[] rowConst = new double[c.N], low = Enumerable.Repeat(4.0, c.M).ToArray();
        Assert.Equal(ScalarPrice(c, rowConst, low, 1.0, 4, 4), new PairScan(c).Price(rowConst, low, 1.0, 4, 4));
    }

    /// <summary>The plane under W₁ (its own loop), 3-D under W₁ and the plane under W₂² (the general loop).</summary>
    public static IEnumerable<object[]> Shapes() => [[2, 1.0], [3, 1.0], [2, 2.0]];

    // Gaps t = L − R near 10²⁰⁰, whose squares overflow the filter's bound to +∞, beside tiny ones: every pair of the
    // wide rows violates and must be found, whatever the squares do (the plane's loop and the general one).
    [Theory]
    [MemberData(nameof(Shapes))]
    public void GapsWhoseSquaresOverflowAdmitEveryPair(int d, double power)
    {
        var cost = GroundCost.EuclideanPower(power);
        if (!PairScan.Supports(cost)) return;
        var c = Make(37, 29, d, 11, cost);
        var rng = new Random(5);
        double[] rowConst = Enumerable.Range(0, c.N).Select(i => i % 2 == 0 ? -1e200 * (1 + rng.NextDouble()) : rng.NextDouble()).ToArray();
        double[] low = Enumerable.Range(0, c.M).Select(_ => rng.NextDouble()).ToArray();
        var expected = ScalarPrice(c, rowConst, low, 1.0, 40, 0);
        Assert.Equal(Enumerable.Range(0, c.N).Where(i => i % 2 == 0).Sum(_ => c.M), expected.Count(e => e.I % 2 == 0));
        Assert.Equal(expected, new PairScan(c).Price(rowConst, low, 1.0, 40, 0));
    }

    // Targets sorted along the first axis, so that runs of 512 are slabs whose boxes let rows skip them: pricing and
    // the sweep still equal the scalar passes, and runs were skipped (the plane's box bound and the general one).
    [Theory]
    [MemberData(nameof(Shapes))]
    public void RunsSkippedByTheirBoxesChangeNothing(int d, double power)
    {
        var cost = GroundCost.EuclideanPower(power);
        if (!PairScan.Supports(cost)) return;
        var rng = new Random(17 + d);
        double[] xs = CloudCostsHarness.Points(90, d, rng);
        double[] ys = Enumerable.Range(0, 1700).Select(_ => CloudCostsHarness.Points(1, d, rng, 0.3)).OrderBy(y => y[0]).SelectMany(y => y).ToArray();
        var c = Make(xs, ys, d, cost);
        var scan = new PairScan(c);
        // Potentials of a shift along the first axis (W₁'s rays run along it), a little noise: a few violations.
        double[] rowConst = Enumerable.Range(0, c.N).Select(i => -c.X(i)[0] + 0.01 * rng.NextDouble()).ToArray();
        double[] low = Enumerable.Range(0, c.M).Select(j => -c.Y(j)[0] + 0.01 * rng.NextDouble()).ToArray();
        var expected = ScalarPrice(c, rowConst, low, 1.0, 3, 2);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, scan.Price(rowConst, low, 1.0, 3, 2));
        long skippedByPricing = scan.SkippedRuns;
        Assert.True(skippedByPricing > 0, "no run was skipped: the test does not reach the box bound");
        double[] u = rowConst.Select(r => -r).ToArray(), v = low.ToArray();
        var (a, b) = TransportData.Masses(c.N, c.M, 5);
        var (rowMax, rowWeighted) = scan.Sweep(u, a, v, b);
        Assert.True(scan.SkippedRuns > skippedByPricing);
        AssertSweepIsScalar(c, u, a, v, b, rowMax, rowWeighted);
    }

    [Fact]
    public void RefusesCostsItCannotFilter()
    {
        var c = Make(10, 10, 2, 1, GroundCost.Manhattan);
        Assert.False(PairScan.Supports(GroundCost.Manhattan));
        Assert.False(PairScan.Supports(GroundCost.EuclideanPower(1.5)));
        Assert.Throws<ArgumentException>(() => new PairScan(c));
    }
}
