using Ot = Verify.Theory.Transport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

public class OneDimensionalTests
{
    // Peer values from SciPy's test suite for scipy.stats.wasserstein_distance (SciPy 1.10).
    [Fact]
    public void SciPyPointMasses() => Tolerance.Close(0.25, Ot.W1OneD([0, 1], [0], [3, 1], [1]));

    [Fact]
    public void SciPyWeightedExample() =>
        Tolerance.Close(4.0781331438047861,
            Ot.W1OneD([3.4, 3.9, 7.5, 7.8], [4.5, 1.4], [1.4, 0.9, 3.1, 7.2], [3.2, 3.5]), rel: 1e-15);

    [Fact]
    public void SciPyUnequalSizesWithTies() =>
        Tolerance.Close(13.0 / 7.0, Ot.W1OneD([0, 0, 1, 1, 1, 1, 5], [0, 3, 3, 3, 3, 4, 4]), rel: 1e-15);

    [Fact]
    public void ZeroWeightsAreIgnored()
    {
        // The zero-weight atom at 100 must not move the value.
        double with = Ot.W1OneD([0, 100, 1], [2, 3], [1, 0, 1], [1, 1]);
        double without = Ot.W1OneD([0, 1], [2, 3]);
        Tolerance.Close(2.0, without);
        Tolerance.Close(without, with);
    }

    [Fact]
    public void ShiftByCGivesAbsC()
    {
        var rng = new Random(7);
        var x = Enumerable.Range(0, 500).Select(_ => TransportData.Gaussian(rng)).ToArray();
        foreach (double c in new[] { -2.5, 0.0, 0.3, 11.0 })
        {
            var y = x.Select(t => t + c).ToArray();
            Tolerance.Close(Math.Abs(c), Ot.W1OneD(x, y), rel: 1e-12, abs: 1e-14);
            Tolerance.Close(Math.Abs(c), Ot.WpOneD(x, y, 2), rel: 1e-12, abs: 1e-14);
            Tolerance.Close(Math.Abs(c), Ot.WpOneD(x, y, 3.5), rel: 1e-12, abs: 1e-14);
        }
    }

    [Fact]
    public void W1EqualsIntegralOfCdfDifference()
    {
        // ∫|F − G| dx evaluated on the merged grid of atoms, an independent formula for p = 1.
        var rng = new Random(3);
        var u = Enumerable.Range(0, 37).Select(_ => Math.Round(rng.NextDouble() * 10, 1)).ToArray();
        var v = Enumerable.Range(0, 23).Select(_ => Math.Round(rng.NextDouble() * 10, 1)).ToArray();
        var uw = u.Select(_ => rng.NextDouble()).ToArray();
        var vw = v.Select(_ => rng.NextDouble()).ToArray();
        double su = uw.Sum(), sv = vw.Sum();
        var grid = u.Concat(v).Distinct().OrderBy(t => t).ToArray();
        double integral = 0;
        for (int k = 0; k + 1 < grid.Length; k++)
        {
            double f = 0, g = 0;
            for (int i = 0; i < u.Length; i++) if (u[i] <= grid[k]) f += uw[i] / su;
            for (int j = 0; j < v.Length; j++) if (v[j] <= grid[k]) g += vw[j] / sv;
            integral += Math.Abs(f - g) * (grid[k + 1] - grid[k]);
        }
        Tolerance.Close(integral, Ot.W1OneD(u, v, uw, vw), rel: 1e-12);
    }

    [Fact]
    public void UniformAndExplicitEqualWeightsAgree()
    {
        var rng = new Random(11);
        var u = Enumerable.Range(0, 41).Select(_ => rng.NextDouble()).ToArray();
        var v = Enumerable.Range(0, 17).Select(_ => rng.NextDouble()).ToArray();
        Tolerance.Close(Ot.WpOneD(u, v, 2, Enumerable.Repeat(3.0, 41).ToArray(), Enumerable.Repeat(0.5, 17).ToArray()),
            Ot.WpOneD(u, v, 2), rel: 1e-13);
    }

    [Fact]
    public void LargeInputsTakeTheParallelSortAndAgreeWithTheSerialFormula()
    {
        var rng = new Random(5);
        var u = Enumerable.Range(0, 60_000).Select(_ => TransportData.Gaussian(rng)).ToArray();
        var v = Enumerable.Range(0, 60_000).Select(_ => TransportData.Gaussian(rng) * 2 + 1).ToArray();
        var su = u.OrderBy(t => t).ToArray();
        var sv = v.OrderBy(t => t).ToArray();
        double expected = 0;
        for (int i = 0; i < su.Length; i++) expected += Math.Abs(su[i] - sv[i]);
        Tolerance.Close(expected / su.Length, Ot.W1OneD(u, v), rel: 1e-12);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        Assert.Throws<ArgumentException>(() => Ot.W1OneD([], [1.0]));
        Assert.Throws<ArgumentException>(() => Ot.W1OneD([double.NaN], [1.0]));
        Assert.Throws<ArgumentException>(() => Ot.W1OneD([1.0], [double.PositiveInfinity]));
        Assert.Throws<ArgumentException>(() => Ot.W1OneD([1.0, 2.0], [1.0], [1.0], [1.0]));
        Assert.Throws<ArgumentException>(() => Ot.W1OneD([1.0, 2.0], [1.0], [1.0, -1.0], [1.0]));
        Assert.Throws<ArgumentException>(() => Ot.W1OneD([1.0, 2.0], [1.0], [0.0, 0.0], [1.0]));
        Assert.Throws<ArgumentException>(() => Ot.WpOneD([1.0], [1.0], 0.5));
    }

    private static Gen<double[]> Sample =>
        Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(Gen.Choose(-50, 50).Select(k => k / 4.0), n));

    [Property]
    public Property W1IsAMetricOnTheLine() =>
        Prop.ForAll(Arb.From(Sample), Arb.From(Sample), Arb.From(Sample), (x, y, z) =>
        {
            double xy = Ot.W1OneD(x, y), yx = Ot.W1OneD(y, x);
            double xz = Ot.W1OneD(x, z), zy = Ot.W1OneD(z, y);
            return Ot.W1OneD(x, x) == 0 && Tolerance.IsClose(xy, yx, 1e-12, 1e-12) && xy <= xz + zy + 1e-12;
        });

    [Property]
    public Property WpIsMonotoneInP() =>
        Prop.ForAll(Arb.From(Sample), Arb.From(Sample), (x, y) =>
        {
            double w1 = Ot.WpOneD(x, y, 1), w2 = Ot.WpOneD(x, y, 2), w3 = Ot.WpOneD(x, y, 3);
            return w1 <= w2 * (1 + 1e-12) + 1e-12 && w2 <= w3 * (1 + 1e-12) + 1e-12;
        });
}
