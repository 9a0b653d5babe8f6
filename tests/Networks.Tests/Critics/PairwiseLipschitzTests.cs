using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Networks.Critics;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Critics;

public sealed class PairwiseLipschitzTests
{
    [Property]
    public Property OneDimensionalRatioIsTheSteepestAdjacentChord()
    {
        // Independent route in 1-D: a chord's slope is an average of the adjacent slopes it spans, so the maximum
        // over all pairs is the maximum over neighbours after sorting.
        Gen<(double[], double[])> sets =
            from n in Gen.Choose(2, 30)
            from gaps in Gen.ArrayOf(Gen.Choose(1, 1000), n)
            from xs in Gen.Shuffle(gaps.Select((_, i) => gaps.Take(i + 1).Sum() / 100.0 - 5.0).ToArray()) // distinct points
            from fs in Gen.ArrayOf(Gen.Choose(-10_000, 10_000).Select(v => v / 1000.0), n)
            select (xs, fs);
        return Prop.ForAll(sets.ToArbitrary(), s =>
        {
            var (xs, fs) = s;
            int[] order = Enumerable.Range(0, xs.Length).OrderBy(i => xs[i]).ToArray();
            double expected = 0;
            for (int k = 1; k < order.Length; k++)
            {
                double dx = xs[order[k]] - xs[order[k - 1]];
                if (dx > 0) expected = Math.Max(expected, Math.Abs(fs[order[k]] - fs[order[k - 1]]) / dx);
            }
            return Tolerance.IsClose(expected, PairwiseLipschitz.Ratio(xs, 1, fs), rel: 1e-12);
        });
    }

    [Fact]
    public void LinearFunctionRatioIsItsGradientNormAlongAnAlignedPair()
    {
        // f(x) = 3x₁ − 4x₂ has Lipschitz constant 5; the pair (0,0), (0.6, −0.8) lies along the gradient.
        double[] pts = [0, 0, 0.6, -0.8, 1, 1];
        double[] f = pts.Chunk(2).Select(p => 3 * p[0] - 4 * p[1]).ToArray();
        Tolerance.Close(5.0, PairwiseLipschitz.Ratio(pts, 2, f), rel: 1e-12);
    }

    [Fact]
    public void DegenerateAndBadInputs()
    {
        Assert.Equal(0.0, PairwiseLipschitz.Ratio([1.0, 2.0], 2, [7.0]));                       // one point: no pair
        Assert.Equal(0.0, PairwiseLipschitz.Ratio([1.0, 1.0], 1, [3.0, 3.0]));                  // one point twice, one value
        Assert.Equal(double.PositiveInfinity, PairwiseLipschitz.Ratio([1.0, 1.0], 1, [3.0, 4.0])); // two values at one point
        Assert.Throws<ArgumentException>(() => PairwiseLipschitz.Ratio([0.0, 1.0], 1, [0.0, double.NaN]));
        Assert.Throws<ArgumentException>(() => PairwiseLipschitz.Ratio([0.0, 1.0, 2.0], 2, [0.0, 1.0]));
    }
}
