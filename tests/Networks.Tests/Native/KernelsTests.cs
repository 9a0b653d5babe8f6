using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Networks.Native;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Native;

/// <summary>Raw kernels: the vectorised paths (lengths past the vector width, with tails) against scalar definitions.</summary>
public sealed class KernelsTests
{
    [Property]
    public Property MaskedScaleMatchesItsDefinition() => Prop.ForAll(
        (from n in Gen.Choose(0, 70) from g in Gen.ArrayOf(Gens.Any, n) from x in Gen.ArrayOf(Gens.Any, n) from slope in Gen.Elements(0.0, 0.2) select (g, x, slope)).ToArbitrary(),
        c =>
        {
            var o = new double[c.g.Length];
            Kernels.MaskedScale<double>(c.g, c.x, c.slope, o);
            for (int i = 0; i < o.Length; i++)
                if (o[i] != (c.x[i] > 0 ? c.g[i] : c.g[i] * c.slope)) return false;
            var of = new float[c.g.Length];
            Kernels.MaskedScale<float>(c.g.Select(v => (float)v).ToArray(), c.x.Select(v => (float)v).ToArray(), (float)c.slope, of);
            for (int i = 0; i < of.Length; i++)
                if (of[i] != (c.x[i] > 0 ? (float)c.g[i] : (float)c.g[i] * (float)c.slope)) return false;
            return true;
        });

    [Fact]
    public void ReluMaskIsZeroEvenForInfiniteGradients()
    {
        var o = new double[9];
        Kernels.MaskedScale<double>(Enumerable.Repeat(double.PositiveInfinity, 9).ToArray(), Enumerable.Repeat(-1.0, 9).ToArray(), 0.0, o);
        Assert.All(o, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void RowAndColumnSums()
    {
        double[] x = [1, 2, 3, 4, 5, 6];
        var rows = new double[2]; var cols = new double[3];
        Kernels.SumRows<double>(x, 2, 3, rows);
        Kernels.SumCols<double>(x, 2, 3, cols);
        Assert.Equal(new[] { 6.0, 15.0 }, rows);
        Assert.Equal(new[] { 5.0, 7.0, 9.0 }, cols);
    }
}
