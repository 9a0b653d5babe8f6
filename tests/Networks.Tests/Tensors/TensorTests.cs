using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

/// <summary>Tensor storage, factories, shapes and bad input.</summary>
public sealed class TensorTests
{
    [Fact]
    public void BadShapesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Zeros<double>(1, 1, 1, 1, 1, 1, 1, 1, 1)); // rank 9 > 8
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
