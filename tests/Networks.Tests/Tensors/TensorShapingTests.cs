using FsCheck;
using FsCheck.Fluent;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

/// <summary>Reshape, Concat, Slice, Pad, GatherRows, ScatterAddRows: values and gradients.</summary>
public sealed class TensorShapingTests
{
    private static readonly Tensor<double> A = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });

    [Fact]
    public void ValuesMatchTheDefinitions()
    {
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6 }, Tensor.Concat(A, A, 0).ToArray());
        Assert.Equal(new[] { 1.0, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6 }, Tensor.Concat(A, A, 1).ToArray());
        Assert.Equal(new[] { 2.0, 3, 5, 6 }, Tensor.Slice(A, 1, 1, 2).ToArray());
        Assert.Equal(new[] { 4.0, 5, 6 }, Tensor.Slice(A, 0, 1, 1).ToArray());
        Assert.Equal(new[] { 0.0, 1, 2, 3, 0, 0, 4, 5, 6, 0 }, Tensor.Pad(A, 1, 1, 5).ToArray());
        Assert.Equal(new[] { 4.0, 5, 6, 1, 2, 3, 4, 5, 6 }, Tensor.GatherRows(A, [1, 0, 1]).ToArray());
        Assert.Equal(new[] { 4.0, 5, 6, 0, 0, 0, 1, 2, 3 }, Tensor.ScatterAddRows(A, [2, 0], 3).ToArray());
        Assert.Equal(new[] { 5.0, 7, 9 }, Tensor.ScatterAddRows(A, [0, 0], 1).ToArray());
        Assert.Equal(new[] { 1.0, 4, 2, 5, 3, 6 }, Tensor.Transpose(A).ToArray());
        Assert.Equal(new[] { 3, 2 }, Tensor.Reshape(A, 3, 2).Shape);
    }

    [Fact]
    public void PermuteMatchesAnIndexLoop()
    {
        // y[i₀, …] = x[j] with j_{perm[k]} = i_k, for every permutation of ranks 2–4 (including the NCHW ↔ NHWC pair).
        var cases = from shape in Gens.Shape(2, 4, 5) from x in Gens.Flat(shape, Gens.Any)
                    from perm in Gen.Shuffle(Enumerable.Range(0, shape.Length).ToArray()) select (shape, x, perm);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var y = Tensor.Permute(Tensor.Reshape(c.x.Tensor(), c.shape), c.perm);
            var yShape = c.perm.Select(p => c.shape[p]).ToArray();
            Assert.Equal(yShape, y.Shape);
            for (int f = 0; f < y.Length; f++)
            {
                var i = Nd.Index(yShape, f);
                var j = new int[c.shape.Length];
                for (int k = 0; k < j.Length; k++) j[c.perm[k]] = i[k];
                Assert.Equal(c.x.V[Nd.Flat(c.shape, j)], y[f]);
            }
            return true;
        }));
        GradCheck.Property(cases, c => [c.x], (c, xs) => Tensor.Exp(Tensor.Permute(Tensor.Reshape(xs[0], c.shape), c.perm)), maxTest: 10);
    }

    [Fact]
    public void PermuteTransposesLargeBlocksTileByTile()
    {
        // The tiled path (a batched transpose wider than one 32×32 tile) against the index definition.
        var x = Tensor.From(Enumerable.Range(0, 2 * 70 * 45).Select(i => (double)i).ToArray(), 2, 70, 45);
        var y = Tensor.Permute(x, 0, 2, 1);
        for (int b = 0; b < 2; b++)
            for (int i = 0; i < 45; i++)
                for (int j = 0; j < 70; j++) Assert.Equal((b * 70 + j) * 45 + i, y[(b * 45 + i) * 70 + j]);
        Assert.Throws<ArgumentException>(() => Tensor.Permute(x, 0, 1));
        Assert.Throws<ArgumentException>(() => Tensor.Permute(x, 0, 1, 1));
        Assert.Equal(x.ToArray(), Tensor.Permute(x, 0, -1, 1).Permute(0, 2, 1).ToArray());
    }

    [Fact]
    public void ReshapeGradients() => GradCheck.Unary(Gens.Matrix(Gens.Any), x => Tensor.Exp(Tensor.Reshape(x, x.Cols, x.Rows)));

    [Fact]
    public void ConcatGradients()
    {
        var cases = from axis in Gen.Choose(0, 1) from a in Gens.Matrix(Gens.Any)
                    from other in Gen.Choose(1, 3)
                    from b in Gens.Matrix(axis == 0 ? other : a.M, axis == 0 ? a.N : other, Gens.Any)
                    select (a, b, axis);
        GradCheck.Property(cases, c => [c.a, c.b], (c, xs) => Tensor.Tanh(Tensor.Concat(xs[0], xs[1], c.axis)));
    }

    [Fact]
    public void SliceAndPadGradients()
    {
        var cases = from x in Gens.Matrix(Gens.Any) from axis in Gen.Choose(0, 1)
                    from start in Gen.Choose(0, (axis == 0 ? x.M : x.N) - 1)
                    from count in Gen.Choose(1, (axis == 0 ? x.M : x.N) - start)
                    select (x, axis, start, count);
        GradCheck.Property(cases, c => [c.x], (c, xs) => Tensor.Pad(Tensor.Square(Tensor.Slice(xs[0], c.axis, c.start, c.count)), c.axis, c.start, c.axis == 0 ? c.x.M : c.x.N) * xs[0]);
    }

    [Fact]
    public void GatherAndScatterGradients()
    {
        var cases = from x in Gens.Matrix(Gens.Any) from idx in Gen.ArrayOf(Gen.Choose(0, x.M - 1), x.M + 1) select (x, idx);
        GradCheck.Property(cases, c => [c.x], (c, xs) => Tensor.ScatterAddRows(Tensor.Square(Tensor.GatherRows(xs[0], c.idx)), c.idx, c.x.M) * xs[0]);
    }

    [Fact]
    public void BadRangesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Slice(A, 0, 1, 2));
        Assert.Throws<ArgumentException>(() => Tensor.GatherRows(A, [2]));
        Assert.Throws<ArgumentException>(() => Tensor.Concat(A, Tensor.Zeros<double>(2, 2), 0));
        Assert.Throws<ArgumentException>(() => Tensor.Reshape(A, 4, 2));
    }
}
