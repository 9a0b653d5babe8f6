using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>
/// <see cref="PairScan.Least"/> against every pair valued by the scalar code: the k targets of least c(xᵢ, yⱼ) + pⱼ in
/// (value, index) order and the floor (the (k + 1)-th value), also with exact ties (duplicated targets and prices), at
/// extreme scales, with k ≥ m, and for a subset of the rows (the others left untouched).
/// </summary>
public class PairScanLeastTests
{
    private static (List<int> List, double Floor) Brute(TreeCosts c, int i, double[] price, int k)
    {
        var order = Enumerable.Range(0, c.M)
            .Select(j => (W: c.Cost.EvaluateUnchecked(c.X(i), c.Y(j)) + price[j], J: j))
            .OrderBy(t => t.W).ThenBy(t => t.J).ToList();
        return (order.Take(k).Select(t => t.J).ToList(), order.Count > k ? order[k].W : double.PositiveInfinity);
    }

    /// <summary>Every row's list (padded with −1 where m &lt; k) and floor against <see cref="Brute"/>.</summary>
    private static void AssertEqualsBrute(TreeCosts costs, int n, double[] price, int k, int[] list, double[] floor)
    {
        for (int i = 0; i < n; i++)
        {
            var (expected, expectedFloor) = Brute(costs, i, price, k);
            Assert.Equal(expected.Concat(Enumerable.Repeat(-1, k - expected.Count)), list.Skip(i * k).Take(k));
            Assert.Equal(expectedFloor, floor[i]);
        }
    }

    public static IEnumerable<object[]> Cases() =>
    [
        [2, 1.0, 1.0, 5, false], [3, 1.0, 1.0, 7, false], [2, 2.0, 1.0, 5, false], [2, 1.0, 1.0, 4, true],
        [2, 1.0, 1e-150, 5, false], [2, 1.0, 1e120, 5, false], [1, 1.0, 1.0, 3, false], [2, 1.0, 1.0, 200, false],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ListsAndFloorsEqualTheScalarPassOverAllPairs(int d, double power, double scale, int k, bool duplicates)
    {
        var cost = power == 1.0 ? GroundCost.Euclidean : GroundCost.SquaredEuclidean;
        if (!PairScan.Supports(cost)) return;
        var rng = new Random(d * 100 + k);
        const int n = 37, m = 61;
        double[] xs = CloudCostsHarness.Points(n, d, rng).Select(x => x * scale).ToArray();
        double[] ys = CloudCostsHarness.Points(m, d, rng, 0.4).Select(x => x * scale).ToArray();
        var price = new double[m];
        for (int j = 0; j < m; j++) price[j] = (rng.NextDouble() - 0.3) * scale * (power == 2.0 ? scale : 1);
        if (duplicates)
            for (int j = 1; j < m; j += 2)
            {
                for (int q = 0; q < d; q++) ys[j * d + q] = ys[(j - 1) * d + q];
                price[j] = price[j - 1];
            }
        var costs = new TreeCosts(xs, ys, d, cost);
        var rows = Enumerable.Range(0, n).ToArray();
        var list = new int[n * k];
        var floor = new double[n];
        new PairScan(costs).Least(rows, n, price, k, list, floor);
        AssertEqualsBrute(costs, n, price, k, list, floor);
    }

    // Targets sorted along the first axis (runs of 512 are slabs) and prices of a shift along it: once a row's list is
    // full, whole runs lie above its cut and are skipped by their boxes; the lists and floors stay the scalar ones.
    [Theory]
    [InlineData(2, 1.0)]
    [InlineData(3, 1.0)]
    [InlineData(2, 2.0)]
    public void RunsSkippedByTheirBoxesChangeNothing(int d, double power)
    {
        var cost = power == 1.0 ? GroundCost.Euclidean : GroundCost.SquaredEuclidean;
        if (!PairScan.Supports(cost)) return;
        var rng = new Random(41 + d);
        const int n = 40, m = 1700, k = 6;
        double[] xs = CloudCostsHarness.Points(n, d, rng);
        double[] ys = Enumerable.Range(0, m).Select(_ => CloudCostsHarness.Points(1, d, rng, 0.3)).OrderBy(y => y[0]).SelectMany(y => y).ToArray();
        var costs = new TreeCosts(xs, ys, d, cost);
        double[] price = Enumerable.Range(0, m).Select(j => 0.5 * costs.Y(j)[0] + 0.01 * rng.NextDouble()).ToArray();
        var list = new int[n * k];
        var floor = new double[n];
        var scan = new PairScan(costs);
        scan.Least(Enumerable.Range(0, n).ToArray(), n, price, k, list, floor);
        Assert.True(scan.SkippedRuns > 0, "no run was skipped: the test does not reach the box bound");
        AssertEqualsBrute(costs, n, price, k, list, floor);
    }

    [Fact]
    public void ScansOnlyTheRowsGiven()
    {
        if (!PairScan.Supports(GroundCost.Euclidean)) return;
        var rng = new Random(5);
        const int n = 20, m = 30, k = 4;
        var costs = new TreeCosts(CloudCostsHarness.Points(n, 2, rng), CloudCostsHarness.Points(m, 2, rng), 2, GroundCost.Euclidean);
        var price = new double[m];
        var list = Enumerable.Repeat(-7, n * k).ToArray();
        var floor = Enumerable.Repeat(-7.0, n).ToArray();
        int[] rows = [3, 11, 19];
        costs.Scan!.Least(rows, rows.Length, price, k, list, floor);
        for (int i = 0; i < n; i++)
        {
            bool scanned = rows.Contains(i);
            Assert.Equal(scanned, floor[i] != -7.0);
            if (scanned) Assert.Equal(Brute(costs, i, price, k).List, list.Skip(i * k).Take(k));
            else Assert.All(list.Skip(i * k).Take(k), j => Assert.Equal(-7, j));
        }
    }

    // Seeds (repeated, out of order, some among the best and some far from it) only tighten the bound early: the lists
    // and floors are those of the plain scan.
    [Fact]
    public void SeedsLeaveListsAndFloorsUnchanged()
    {
        if (!PairScan.Supports(GroundCost.Euclidean)) return;
        var rng = new Random(9);
        const int n = 40, m = 90, k = 6;
        var costs = new TreeCosts(CloudCostsHarness.Points(n, 2, rng), CloudCostsHarness.Points(m, 2, rng, 0.5), 2, GroundCost.Euclidean);
        var price = Enumerable.Range(0, m).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var rows = Enumerable.Range(0, n).ToArray();
        var seedFirst = new int[n + 1];
        var seedTarget = new List<int>();
        for (int i = 0; i < n; i++)
        {
            seedFirst[i] = seedTarget.Count;
            var best = Brute(costs, i, price, k).List;
            seedTarget.AddRange([best[^1], rng.Next(m), best[0], best[0], rng.Next(m), m - 1]);
        }
        seedFirst[n] = seedTarget.Count;
        var list = new int[n * k];
        var floor = new double[n];
        costs.Scan!.Least(rows, n, price, k, list, floor, seedFirst, seedTarget.ToArray());
        AssertEqualsBrute(costs, n, price, k, list, floor);
    }

    // A cap on the values a row takes in: rows that reach it stop with floor −∞ (no bound claimed) and a list of
    // distinct targets whose values are real; rows that do not reach it are exact.
    [Fact]
    public void ACappedRowClaimsNoFloor()
    {
        if (!PairScan.Supports(GroundCost.Euclidean)) return;
        var rng = new Random(13);
        const int n = 30, m = 200, k = 5;
        var costs = new TreeCosts(CloudCostsHarness.Points(n, 2, rng), CloudCostsHarness.Points(m, 2, rng), 2, GroundCost.Euclidean);
        var price = Enumerable.Range(0, m).Select(j => -0.01 * j).ToArray(); // later targets ever cheaper: many inserts
        var rows = Enumerable.Range(0, n).ToArray();
        var list = new int[n * k];
        var floor = new double[n];
        costs.Scan!.Least(rows, n, price, k, list, floor, maxInserts: 8);
        int capped = 0;
        for (int i = 0; i < n; i++)
        {
            var got = list.Skip(i * k).Take(k).ToList();
            Assert.Equal(k, got.Distinct().Count());
            if (double.IsNegativeInfinity(floor[i])) capped++;
            else Assert.Equal(Brute(costs, i, price, k).List, got);
        }
        Assert.True(capped > 0, "the cap was never reached: the test does not exercise it");
    }
}
