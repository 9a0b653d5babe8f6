using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

/// <summary>Broadcast shapes follow numpy's rules (trailing dimensions aligned, 1 stretches).</summary>
public sealed class ShapeOpsTests
{
    [Theory]
    [InlineData(new[] { 3, 4 }, new[] { 4 }, new[] { 3, 4 })]
    [InlineData(new[] { 3, 4 }, new[] { 1, 4 }, new[] { 3, 4 })]
    [InlineData(new[] { 3, 1 }, new[] { 1, 4 }, new[] { 3, 4 })]
    [InlineData(new[] { 3, 4 }, new int[0], new[] { 3, 4 })]
    [InlineData(new[] { 4 }, new[] { 3, 1 }, new[] { 3, 4 })]
    [InlineData(new[] { 1 }, new[] { 5 }, new[] { 5 })]
    public void BroadcastShapes(int[] a, int[] b, int[] expected)
    {
        Assert.Equal(expected, ShapeOps.Broadcast(a, b, "test"));
        Assert.Equal(expected, ShapeOps.Broadcast(b, a, "test"));
        Assert.Equal(expected, (Tensor.Zeros<double>(a) + Tensor.Zeros<double>(b)).Shape);
    }

    [Theory]
    [InlineData(new[] { 3, 4 }, new[] { 3 })]
    [InlineData(new[] { 2, 4 }, new[] { 3, 4 })]
    public void IncompatibleShapesAreRejected(int[] a, int[] b) =>
        Assert.Throws<ArgumentException>(() => ShapeOps.Broadcast(a, b, "test"));

    [Fact]
    public void StridesAreZeroAlongBroadcastDimensions()
    {
        Assert.Equal((0, 1), ShapeOps.Strides([4], 3, 4));
        Assert.Equal((1, 0), ShapeOps.Strides([3, 1], 3, 4));
        Assert.Equal((4, 1), ShapeOps.Strides([3, 4], 3, 4));
        Assert.Equal((0, 0), ShapeOps.Strides([], 3, 4));
    }
}
