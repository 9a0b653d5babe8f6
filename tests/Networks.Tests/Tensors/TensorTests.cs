using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

/// <summary>Tensor storage, factories, shapes and bad input.</summary>
public sealed class TensorTests
{
    [Fact]
    public void FactoriesHaveTheirShapesAndValues()
    {
        Assert.Equal(new[] { 2, 3 }, Tensor.Zeros<double>(2, 3).Shape);
        Assert.All(Tensor.Ones<float>(4).ToArray(), v => Assert.Equal(1f, v));
        Assert.Equal(2.5, Tensor.Scalar(2.5).Item());
        Assert.Equal(0, Tensor.Scalar(2.5).Rank);
        var m = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal((2, 3), (m.Rows, m.Cols));
        Assert.Equal(6.0, m[1, 2]);
        Assert.Equal(new[] { 3 }, Tensor.From(new[] { 1.0, 2, 3 }).Shape);
        Assert.Equal(new[] { 1f, 2f }, Tensor.FromDouble<float>([1.0, 2.0]).ToArray());
    }

    [Fact]
    public void FromCopiesItsInput()
    {
        var data = new[] { 1.0, 2.0 };
        var t = Tensor.From(data);
        data[0] = 9;
        Assert.Equal(1.0, t[0]);
    }

    [Fact]
    public void RandomFactoriesAreSeeded()
    {
        Assert.Equal(Tensor.Normal<double>(new Rng(1), 0, 1, 3, 3).ToArray(), Tensor.Normal<double>(new Rng(1), 0, 1, 3, 3).ToArray());
        Assert.All(Tensor.Uniform<float>(new Rng(1), -1, 1, 100).ToArray(), v => Assert.InRange(v, -1f, 1f));
    }

    [Fact]
    public void BadShapesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Zeros<double>(2, 2, 2));
        Assert.Throws<ArgumentException>(() => Tensor.Zeros<double>(-1));
        Assert.Throws<ArgumentException>(() => Tensor.From(new[] { 1.0, 2, 3 }, 2, 2));
        Assert.Throws<InvalidOperationException>(() => Tensor.Zeros<double>(2).Item());
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros<double>(2, 3) + Tensor.Zeros<double>(3, 2));
        Assert.Contains("do not broadcast", e.Message);
    }

    [Fact]
    public void OperatorsAgreeWithTheNamedOps()
    {
        var a = Tensor.From(new[] { 1.0, -2.0 });
        var b = Tensor.From(new[] { 4.0, 0.5 });
        Assert.Equal(new[] { 5.0, -1.5 }, (a + b).ToArray());
        Assert.Equal(new[] { -3.0, -2.5 }, (a - b).ToArray());
        Assert.Equal(new[] { 4.0, -1.0 }, (a * b).ToArray());
        Assert.Equal(new[] { 0.25, -4.0 }, (a / b).ToArray());
        Assert.Equal(new[] { -1.0, 2.0 }, (-a).ToArray());
        Assert.Equal(new[] { 2.0, -4.0 }, (2.0 * a).ToArray());
        Assert.Equal(new[] { 0.5, -1.0 }, (a / 2.0).ToArray());
        Assert.Equal(new[] { 2.0, -1.0 }, (2.0 / a).ToArray());
        Assert.Equal(new[] { 0.0, 3.0 }, (1.0 - a).ToArray());
    }
}
