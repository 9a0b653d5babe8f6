using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

/// <summary>MatMul (all four transpose flags), Linear and Transpose: values against loops, gradients against finite differences.</summary>
public sealed class TensorMatrixTests
{
    private static Gen<(Mat A, Mat B, bool TA, bool TB)> Products =>
        from m in Gen.Choose(1, 4) from k in Gen.Choose(1, 4) from n in Gen.Choose(1, 4)
        from ta in Gen.Elements(false, true) from tb in Gen.Elements(false, true)
        from a in Gens.Matrix(ta ? k : m, ta ? m : k, Gens.Any)
        from b in Gens.Matrix(tb ? n : k, tb ? k : n, Gens.Any)
        select (a, b, ta, tb);

    [Property]
    public Property MatMulMatchesTripleLoop() => Prop.ForAll(Products.ToArbitrary(), c =>
    {
        var y = Tensor.MatMul(c.A.Tensor(), c.B.Tensor(), c.TA, c.TB);
        int m = y.Rows, n = y.Cols, k = c.TA ? c.A.M : c.A.N;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                    s += (c.TA ? c.A.V[p * c.A.N + i] : c.A.V[i * c.A.N + p]) * (c.TB ? c.B.V[j * c.B.N + p] : c.B.V[p * c.B.N + j]);
                Tolerance.Close(s, y[i, j], 1e-13, 1e-14);
            }
        return true;
    });

    [Property(MaxTest = 25)]
    public Property MatMulGradients() => GradCheck.Property(Products, c => [c.A, c.B], (c, xs) => Tensor.MatMul(xs[0], xs[1], c.TA, c.TB));

    private static Gen<(Mat X, Mat W, Mat B)> Affine =>
        from batch in Gen.Choose(1, 4) from input in Gen.Choose(1, 4) from output in Gen.Choose(1, 4)
        from x in Gens.Matrix(batch, input, Gens.Any) from w in Gens.Matrix(output, input, Gens.Any) from b in Gens.Matrix(1, output, Gens.Any)
        select (x, w, b);

    [Property]
    public Property LinearIsXWTransposedPlusB() => Prop.ForAll(Affine.ToArbitrary(), c =>
    {
        var y = Tensor.Linear(c.X.Tensor(), c.W.Tensor(), Tensor.From(c.B.V));
        var expected = Tensor.MatMul(c.X.Tensor(), c.W.Tensor(), transB: true) + Tensor.From(c.B.V);
        Tolerance.Close(expected.ToArray(), y.ToArray(), 1e-14, 1e-14);
        return true;
    });

    [Property(MaxTest = 25)]
    public Property LinearGradients() =>
        GradCheck.Property(Affine, c => [c.X, c.W, c.B], xs => Tensor.Tanh(Tensor.Linear(xs[0], xs[1], Tensor.Reshape(xs[2], xs[2].Cols))));

    [Property(MaxTest = 25)]
    public Property LinearWithoutBiasGradients() => GradCheck.Property(Affine, c => [c.X, c.W], xs => Tensor.Tanh(Tensor.Linear(xs[0], xs[1])));

    [Property(MaxTest = 25)]
    public Property TransposeGradients() => GradCheck.Unary(Gens.Matrix(Gens.Any), x => Tensor.Transpose(x) * Tensor.Transpose(Tensor.Exp(x)));

    [Fact]
    public void ShapeMismatchesAreRejected()
    {
        var a = Tensor.Zeros<double>(2, 3);
        var e = Assert.Throws<ArgumentException>(() => Tensor.MatMul(a, a));
        Assert.Contains("inner dimensions", e.Message);
        Assert.Throws<ArgumentException>(() => Tensor.Linear(a, Tensor.Zeros<double>(4, 2)));
        Assert.Throws<ArgumentException>(() => Tensor.Linear(a, Tensor.Zeros<double>(4, 3), Tensor.Zeros<double>(3)));
    }
}
