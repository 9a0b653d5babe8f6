using FsCheck;
using FsCheck.Fluent;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

/// <summary>Reductions and broadcasting: values against direct loops, gradients (first and second order) against finite differences.</summary>
public sealed class TensorReductionsTests
{
    private static readonly Tensor<double> M = Tensor.From(new double[,] { { 1, -2, 3 }, { 4, 0.5, -6 } });

    [Fact]
    public void SumsAndMeansMatchLoops()
    {
        Tolerance.Close(0.5, Tensor.Sum(M).Item(), 1e-15);
        Tolerance.Close(0.5 / 6, Tensor.Mean(M).Item(), 1e-15);
        Tolerance.Close([5, -1.5, -3], Tensor.Sum(M, 0).ToArray(), 1e-15);
        Tolerance.Close([2, -1.5], Tensor.Sum(M, 1).ToArray(), 1e-15);
        Tolerance.Close([2.0 / 3, -0.5], Tensor.Mean(M, 1).ToArray(), 1e-15);
        Assert.Equal(new[] { 1, 3 }, Tensor.Sum(M, 0, keepDim: true).Shape);
        Assert.Equal(new[] { 2, 1 }, Tensor.Sum(M, 1, keepDim: true).Shape);
        Assert.Equal(new[] { 3 }, Tensor.Sum(M, 0).Shape);
    }

    [Fact]
    public void RowNormMinMaxMatchLoops()
    {
        Tolerance.Close([Math.Sqrt(14), Math.Sqrt(52.25)], Tensor.RowNorm(M).ToArray(), 1e-15);
        Tolerance.Close([-2, -6], Tensor.MinAxis(M, 1).ToArray(), 0);
        Tolerance.Close([1, -2, -6], Tensor.MinAxis(M, 0).ToArray(), 0);
        Tolerance.Close([3, 4], Tensor.MaxAxis(M, 1).ToArray(), 0);
        Assert.Equal(new[] { 1, 2 }, Tensor.ArgMin(M, 1));
        Assert.Equal(new[] { 1, 1, 0 }, Tensor.ArgMax(M, 0));
    }

    [Fact]
    public void RowNormGradientIsZeroAtTheOrigin()
    {
        var x = Tensor.Zeros<double>(2, 3).RequireGrad();
        var g = Verify.Networks.Autodiff.Autograd.Grad(Tensor.Sum(Tensor.RowNorm(x)), x);
        Assert.All(g.ToArray(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void MinAxisRoutesGradientToTheArgMin()
    {
        var x = Tensor.From(new double[,] { { 3, 1, 2 }, { 0, 5, -1 } }).RequireGrad();
        var g = Verify.Networks.Autodiff.Autograd.Grad(Tensor.Sum(Tensor.MinAxis(x, 1) * Tensor.From(new[] { 2.0, 3.0 })), x);
        Assert.Equal(new[] { 0.0, 2, 0, 0, 0, 3 }, g.ToArray());
    }

    [Fact] public void SumGradients() => GradCheck.Unary(Gens.Matrix(Gens.Any), x => Tensor.Sum(x) * x);
    [Fact] public void MeanGradients() => GradCheck.Unary(Gens.Matrix(Gens.Any), x => Tensor.Square(Tensor.Mean(x)));

    [Fact]
    public void SumAxisGradients()
    {
        var cases = from m in Gens.Matrix(Gens.Any) from axis in Gen.Choose(0, 1) from keep in Gen.Elements(false, true) select (m, axis, keep);
        GradCheck.Property(cases, c => [c.m], (c, xs) => Tensor.Exp(Tensor.Sum(xs[0], c.axis, c.keep)));
    }

    [Fact]
    public void MeanAxisGradients()
    {
        var cases = from m in Gens.Matrix(Gens.Any) from axis in Gen.Choose(0, 1) select (m, axis);
        GradCheck.Property(cases, c => [c.m], (c, xs) => Tensor.Square(Tensor.Mean(xs[0], c.axis)));
    }

    [Fact]
    public void RowNormGradients()
    {
        var cases = from m in Gens.Matrix(Gens.AwayFrom(0, 0.1, 2)) from keep in Gen.Elements(false, true) select (m, keep);
        GradCheck.Property(cases, c => [c.m], (c, xs) => Tensor.RowNorm(xs[0], c.keep));
    }

    [Fact]
    public void MinAxisGradients()
    {
        var cases = from axis in Gen.Choose(0, 1) from m in Gens.DistinctAlong(axis) from keep in Gen.Elements(false, true) select (m, axis, keep);
        GradCheck.Property(cases, c => [c.m], (c, xs) => Tensor.Tanh(Tensor.MinAxis(xs[0], c.axis, c.keep)));
    }

    [Fact]
    public void MaxAxisGradients()
    {
        var cases = from axis in Gen.Choose(0, 1) from m in Gens.DistinctAlong(axis) select (m, axis);
        GradCheck.Property(cases, c => [c.m], (c, xs) => Tensor.Square(Tensor.MaxAxis(xs[0], c.axis)));
    }

    [Fact]
    public void SumToAndBroadcastToAreAdjoint()
    {
        // ⟨BroadcastTo(s), y⟩ = ⟨s, SumTo(y)⟩ for every shape s that broadcasts to y's shape.
        var cases = from y in Gens.Matrix(Gens.Any) from kind in Gen.Choose(0, 3) from s in Gens.Matrix(kind is 0 or 2 ? 1 : y.M, kind is 0 or 1 ? 1 : y.N, Gens.Any) select (y, s);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var y = c.y.Tensor(); var s = c.s.Tensor();
            double lhs = Tensor.Sum(Tensor.BroadcastTo(s, [c.y.M, c.y.N]) * y).Item();
            double rhs = Tensor.Sum(s * Tensor.SumTo(y, [c.s.M, c.s.N])).Item();
            return Tolerance.IsClose(lhs, rhs, 1e-12, 1e-12);
        }));
    }

    [Fact]
    public void SumToAndBroadcastToGradients()
    {
        var cases = from y in Gens.Matrix(Gens.Any) from kind in Gen.Choose(0, 2) select (y, shape: kind == 0 ? new[] { y.N } : kind == 1 ? new[] { y.M, 1 } : Array.Empty<int>());
        GradCheck.Property(cases, c => [c.y], (c, xs) => Tensor.Square(Tensor.BroadcastTo(Tensor.SumTo(xs[0], c.shape), [c.y.M, c.y.N])) * xs[0]);
    }

    /// <summary>Σ over the listed axes by a direct loop over every element (the independent route for any rank).</summary>
    private static double[] LoopSum(int[] shape, double[] v, int[] axes)
    {
        var kept = (int[])shape.Clone();
        foreach (int a in axes) kept[a] = 1;
        var r = new double[Nd.Count(kept)];
        for (int f = 0; f < v.Length; f++)
        {
            var idx = Nd.Index(shape, f);
            foreach (int a in axes) idx[a] = 0;
            r[Nd.Flat(kept, idx)] += v[f];
        }
        return r;
    }

    private static Gen<(int[] Shape, Mat X, int Axis)> RankThreeOrFour(Gen<double> values) =>
        from shape in Gens.Shape(3, 4, 4)
        from x in Gens.Flat(shape, values)
        from axis in Gen.Choose(-shape.Length, shape.Length - 1)
        select (shape, x, axis);

    [Fact]
    public void AxisSumsOfAnyRankMatchLoops()
    {
        PropertyCheck.Run(Prop.ForAll(RankThreeOrFour(Gens.Any).ToArbitrary(), c =>
        {
            var x = Tensor.Reshape(c.X.Tensor(), c.Shape);
            int ax = c.Axis < 0 ? c.Axis + c.Shape.Length : c.Axis;
            var expected = LoopSum(c.Shape, c.X.V, [ax]);
            var kept = Tensor.Sum(x, c.Axis, keepDim: true);
            var dropped = Tensor.Mean(x, c.Axis);
            Tolerance.Close(expected, kept.ToArray(), 1e-14, 1e-14, "sum");
            Tolerance.Close(expected.Select(e => e / c.Shape[ax]).ToArray(), dropped.ToArray(), 1e-14, 1e-14, "mean");
            Assert.Equal(c.Shape.Select((d, k) => k == ax ? 1 : d), kept.Shape);
            Assert.Equal(c.Shape.Where((_, k) => k != ax), dropped.Shape);
            return true;
        }));
    }

    [Fact]
    public void MultiAxisSumsMatchLoops()
    {
        // Per-channel sums of NCHW tensors (axes 0, 2, 3) and any other subset of axes.
        var cases = from shape in Gens.Shape(4, 4, 4) from x in Gens.Flat(shape, Gens.Any)
                    from mask in Gen.Choose(1, 15) select (shape, x, axes: Enumerable.Range(0, 4).Where(k => (mask >> k & 1) == 1).ToArray());
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var x = Tensor.Reshape(c.x.Tensor(), c.shape);
            var expected = LoopSum(c.shape, c.x.V, c.axes);
            Tolerance.Close(expected, Tensor.Sum(x, c.axes, keepDim: true).ToArray(), 1e-14, 1e-14, "sum");
            int count = c.axes.Aggregate(1, (a, k) => a * c.shape[k]);
            var mean = Tensor.Mean(x, c.axes);
            Tolerance.Close(expected.Select(e => e / count).ToArray(), mean.ToArray(), 1e-14, 1e-14, "mean");
            Assert.Equal(c.shape.Where((_, k) => !c.axes.Contains(k)), mean.Shape);
            return true;
        }));
        var image = Tensor.Reshape(Tensor.From(Enumerable.Range(0, 24).Select(i => (double)i).ToArray()), 2, 3, 2, 2);
        Assert.Equal(new[] { 0.0 + 1 + 2 + 3 + 12 + 13 + 14 + 15, 4 + 5 + 6 + 7 + 16 + 17 + 18 + 19, 8 + 9 + 10 + 11 + 20 + 21 + 22 + 23 },
            Tensor.Sum(image, [0, 2, 3]).ToArray());
    }

    [Fact]
    public void AxisSumGradientsOfAnyRank()
    {
        var cases = from c in RankThreeOrFour(Gens.Any) from keep in Gen.Elements(false, true) select (c, keep);
        // tanh keeps the loss O(1), so central differences stay accurate to ~1e-9 (exp of a 4-term sum would reach e⁸).
        GradCheck.Property(cases, c => [c.c.X], (c, xs) => Tensor.Tanh(Tensor.Sum(Tensor.Reshape(xs[0], c.c.Shape), c.c.Axis, c.keep)) * Tensor.Reshape(xs[0], c.c.Shape).Sum(), maxTest: 15);
    }

    [Fact]
    public void MultiAxisMeanGradients()
    {
        var cases = from shape in Gens.Shape(4, 4, 3) from x in Gens.Flat(shape, Gens.Any) from keep in Gen.Elements(false, true) select (shape, x, keep);
        GradCheck.Property(cases, c => [c.x], (c, xs) =>
        {
            var x = Tensor.Reshape(xs[0], c.shape);
            return Tensor.Square(Tensor.Sub(x, Tensor.Mean(x, [0, 2, 3], keepDim: true))) * Tensor.Mean(x, [1, 3], c.keep).Sum();
        }, maxTest: 15);
    }

    [Fact]
    public void MinMaxAlongAnyAxisOfRankFour()
    {
        var cases = from shape in Gens.Shape(3, 4, 3) from v in Gens.Distinct(Nd.Count(shape)) from axis in Gen.Choose(0, shape.Length - 1)
                    select (shape, x: new Mat(1, v.Length, v), axis);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var x = Tensor.Reshape(c.x.Tensor(), c.shape);
            var kept = (int[])c.shape.Clone();
            kept[c.axis] = 1;
            var lo = Enumerable.Repeat(double.PositiveInfinity, Nd.Count(kept)).ToArray();
            var hi = Enumerable.Repeat(double.NegativeInfinity, lo.Length).ToArray();
            for (int f = 0; f < c.x.V.Length; f++)
            {
                var idx = Nd.Index(c.shape, f);
                idx[c.axis] = 0;
                int r = Nd.Flat(kept, idx);
                lo[r] = Math.Min(lo[r], c.x.V[f]);
                hi[r] = Math.Max(hi[r], c.x.V[f]);
            }
            Assert.Equal(lo, Tensor.MinAxis(x, c.axis).ToArray());
            Assert.Equal(hi, Tensor.MaxAxis(x, c.axis, keepDim: true).ToArray());
            return true;
        }));
        GradCheck.Property(cases, c => [c.x], (c, xs) => Tensor.Square(Tensor.MaxAxis(Tensor.Reshape(xs[0], c.shape), c.axis)), maxTest: 10);
    }

    [Fact]
    public void RowNormOfImagesIsThePerSampleNorm()
    {
        var cases = from shape in Gens.Shape(4, 4, 3) from x in Gens.Flat(shape, Gens.AwayFrom(0, 0.1, 2)) select (shape, x);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var y = Tensor.RowNorm(Tensor.Reshape(c.x.Tensor(), c.shape), keepDim: true);
            Assert.Equal(new[] { c.shape[0], 1, 1, 1 }, y.Shape);
            int per = c.x.V.Length / c.shape[0];
            for (int i = 0; i < c.shape[0]; i++)
                Tolerance.Close(Math.Sqrt(c.x.V.Skip(i * per).Take(per).Sum(v => v * v)), y[i], 1e-14);
            return true;
        }));
        GradCheck.Property(cases, c => [c.x], (c, xs) => Tensor.RowNorm(Tensor.Reshape(xs[0], c.shape), keepDim: true) * Tensor.Reshape(xs[0], c.shape), maxTest: 10);
    }

    [Fact]
    public void SumToAndBroadcastToAreAdjointInAnyRank()
    {
        // A per-channel shape [1, C, 1, 1], a trailing [H, W] and a scalar, against [N, C, H, W].
        var cases = from shape in Gens.Shape(4, 4, 3) from y in Gens.Flat(shape, Gens.Any) from kind in Gen.Choose(0, 2)
                    let small = kind == 0 ? new[] { 1, shape[1], 1, 1 } : kind == 1 ? new[] { shape[2], shape[3] } : new[] { 1 }
                    from s in Gens.Flat(small, Gens.Any) select (shape, y, small, s);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var y = Tensor.Reshape(c.y.Tensor(), c.shape);
            var s = Tensor.Reshape(c.s.Tensor(), c.small);
            double lhs = Tensor.Sum(Tensor.BroadcastTo(s, c.shape) * y).Item();
            double rhs = Tensor.Sum(s * Tensor.SumTo(y, c.small)).Item();
            return Tolerance.IsClose(lhs, rhs, 1e-12, 1e-12);
        }));
        GradCheck.Property(cases, c => [c.y, c.s], (c, xs) =>
        {
            var y = Tensor.Reshape(xs[0], c.shape);
            return Tensor.Tanh(Tensor.BroadcastTo(Tensor.SumTo(y, c.small) * Tensor.Reshape(xs[1], c.small), c.shape)) * y;
        }, maxTest: 10);
    }

    [Fact]
    public void ReductionsRejectBadAxes()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Sum(M, 2));
        Assert.Throws<ArgumentException>(() => Tensor.Sum(M, -3));
        Assert.Throws<ArgumentException>(() => Tensor.Sum(Tensor.Scalar(1.0), 0));
        Assert.Throws<ArgumentException>(() => Tensor.Sum(M, [1, -1]));
        Assert.Throws<ArgumentException>(() => Tensor.SumTo(M, [3, 3]));
    }
}
