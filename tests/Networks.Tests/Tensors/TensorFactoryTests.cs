using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

/// <summary>Tensor factories: shapes, values, copies, seeded randomness.</summary>
public sealed class TensorFactoryTests
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
    public void CastConvertsEveryValue()
    {
        var d = Tensor.From(new[] { 0.1, -2.5, 1e10 });
        Assert.Equal(new[] { 0.1f, -2.5f, 1e10f }, Tensor.Cast<double, float>(d).ToArray());
    }
}
