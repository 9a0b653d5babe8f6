using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Layers;

/// <summary>Sequential: applies layers in order and names children "0", "1", ….</summary>
public sealed class SequentialTests
{
    [Fact]
    public void AppliesLayersInOrder()
    {
        var l1 = new Linear<double>(2, 3, new Rng(1));
        var l2 = new Linear<double>(3, 1, new Rng(2));
        var net = new Sequential<double>(l1, new Tanh<double>(), l2);
        var x = Tensor.From(new double[,] { { 0.3, -0.7 } });
        var expected = l2.Forward(Tensor.Tanh(l1.Forward(x)));
        Tolerance.Close(expected.ToArray(), net.Forward(x).ToArray(), 0);
        Assert.Equal(3, net.Count);
    }

    [Fact]
    public void NamesFollowPositions()
    {
        var net = new Sequential<double>(new Linear<double>(2, 3, new Rng(1)), new ReLU<double>(), new Linear<double>(3, 1, new Rng(2)));
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, net.NamedParameters().Select(p => p.Name));
        var nested = new Sequential<double>(net, new Linear<double>(1, 1, new Rng(3)));
        Assert.Equal(new[] { "0.0.weight", "0.0.bias", "0.2.weight", "0.2.bias", "1.weight", "1.bias" }, nested.NamedParameters().Select(p => p.Name));
    }
}
