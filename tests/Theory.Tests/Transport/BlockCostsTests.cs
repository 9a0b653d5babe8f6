using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>
/// <see cref="BlockCosts"/> (blocked dot-product screen (any d)) against every pair evaluated one by one: exact range, the k nearest by Euclidean distance (candidates only),
/// pricing that misses no row with a violating pair, and the certificate's sweep equal to the stored matrix's to the bit.
/// </summary>
public class BlockCostsTests
{
    private static BlockCosts Make(int n, int m, int d, int seed, GroundCost cost, double shift = 0.4)
    {
        var rng = new Random(seed);
        return new BlockCosts(CloudCostsHarness.Points(n, d, rng), CloudCostsHarness.Points(m, d, rng, shift), d, cost);
    }

    public static IEnumerable<object[]> Costs() =>
        [[GroundCost.Euclidean], [GroundCost.SquaredEuclidean], [GroundCost.Manhattan], [GroundCost.EuclideanPower(1.5)]];

    [Theory]
    [InlineData(2, 1)]
    [InlineData(12, 2)]
    [InlineData(40, 3)]
    public void RangeAndNearestAreExact(int d, int seed)
    {
        foreach (object[] c in Costs())
        {
            var costs = Make(130, 97, d, seed, (GroundCost)c[0]);
            CloudCostsHarness.RangeIsExact(costs);
            CloudCostsHarness.NearestIsExact(costs, 5, euclidean: true);
        }
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(12, 2)]
    [InlineData(40, 3)]
    public void PricingFindsEveryViolatingRowAndColumn(int d, int seed)
    {
        foreach (object[] c in Costs())
        {
            var costs = Make(120, 110, d, seed, (GroundCost)c[0]);
            var rng = new Random(seed + 10);
            var (pi, _, _) = CloudCostsHarness.Potentials(costs, rng, lift: 0.5);
            CloudCostsHarness.PricingIsExact(costs, pi, 3, 2, strict: false);
            // The exact c-transform: no pair prices negative, so nothing comes back.
            var (tight, _, _) = CloudCostsHarness.Potentials(costs, rng, lift: 0);
            CloudCostsHarness.PricingIsExact(costs, tight, 3, 2, strict: false);
        }
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(12, 2)]
    [InlineData(40, 3)]
    public void SweepEqualsTheStoredMatrixSweep(int d, int seed)
    {
        foreach (object[] c in Costs())
        {
            var costs = Make(90, 140, d, seed, (GroundCost)c[0]);
            var rng = new Random(seed + 20);
            var (_, u, v) = CloudCostsHarness.Potentials(costs, rng, lift: 0.3);
            var (a, b) = TransportData.Masses(costs.N, costs.M, seed);
            CloudCostsHarness.SweepIsExact(costs, u, a, v, b);
        }
    }

    // Duplicated points and far outliers: the bounds stay exact where many pairs tie and where costs span 16 decades.
    [Fact]
    public void DuplicatesAndOutliersKeepEveryQueryExact()
    {
        int d = BlockDimensionForHostile;
        var rng = new Random(5);
        double[] xs = CloudCostsHarness.Points(80, d, rng), ys = CloudCostsHarness.Points(70, d, rng);
        for (int k = 0; k < 20 * d; k++) xs[k] = xs[k % d];       // 20 copies of the first source
        for (int k = 0; k < d; k++) { ys[k] = 1e8; xs[79 * d + k] = -1e8; }
        foreach (object[] c in Costs())
        {
            var costs = new BlockCosts(xs, ys, d, (GroundCost)c[0]);
            CloudCostsHarness.RangeIsExact(costs);
            CloudCostsHarness.NearestIsExact(costs, 4, euclidean: true);
            var (pi, u, v) = CloudCostsHarness.Potentials(costs, rng, lift: 1e-3);
            CloudCostsHarness.PricingIsExact(costs, pi, 2, 2, strict: false);
            var (a, b) = TransportData.Masses(costs.N, costs.M, 9);
            CloudCostsHarness.SweepIsExact(costs, u, a, v, b);
        }
    }

    private const int BlockDimensionForHostile = 16;
}
