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

    [Fact]
    public void ReductionsRejectBadAxes()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Sum(M, 2));
        Assert.Throws<ArgumentException>(() => Tensor.Sum(Tensor.From(new[] { 1.0, 2.0 }), 0));
        Assert.Throws<ArgumentException>(() => Tensor.SumTo(M, [3, 3]));
    }
}
