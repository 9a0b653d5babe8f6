using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>
/// <see cref="CTransform"/>: f(y) = min_c (c(x_c, y) − U_c) against the minimum over every centre taken by the scalar
/// code, to the bit (the vector screen only skips centres that cannot win), under W₁, W₂² and Manhattan costs (the
/// pair-by-pair fallback), with potentials of both signs and large spread, and centre counts that are not multiples of 8.
/// </summary>
public class CTransformTests
{
    [Theory]
    [InlineData(1, 1.0, 13)]
    [InlineData(2, 1.0, 50)]
    [InlineData(3, 1.0, 9)]
    [InlineData(2, 2.0, 41)]
    [InlineData(2, 0.0, 17)]
    public void EqualsTheMinimumOverEveryCentre(int d, double power, int centres)
    {
        GroundCost cost = power switch { 1.0 => GroundCost.Euclidean, 2.0 => GroundCost.SquaredEuclidean, _ => GroundCost.Manhattan };
        var rng = new Random(centres * 10 + d);
        double[] xs = CloudCostsHarness.Points(centres, d, rng);
        double[] ys = CloudCostsHarness.Points(300, d, rng, 0.7);
        var u = new double[centres];
        for (int c = 0; c < centres; c++) u[c] = (rng.NextDouble() - 0.5) * (c % 5 == 0 ? 40 : 2);
        var result = new double[300];
        new CTransform(xs, u, d, cost).Apply(ys, result);
        for (int j = 0; j < 300; j++)
        {
            double best = double.PositiveInfinity;
            for (int c = 0; c < centres; c++) best = Math.Min(best, cost.EvaluateUnchecked(xs.AsSpan(c * d, d), ys.AsSpan(j * d, d)) - u[c]);
            Assert.Equal(best, result[j]);
        }
    }
}
