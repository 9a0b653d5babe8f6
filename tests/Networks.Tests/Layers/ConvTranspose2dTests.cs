using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Layers;

/// <summary>ConvTranspose2d: PyTorch 1.13 reference values (stride 2, padding 1, output padding 1), initialisation, names.</summary>
public sealed class ConvTranspose2dTests
{
    [Fact]
    public void ForwardAndBackwardMatchPyTorch()
    {
        var convT = new ConvTranspose2d<double>(3, 2, 3, new Rng(0), stride: 2, padding: 1, outputPadding: 1);
        TorchGrid.Set(convT.Weight, TorchGrid.Of([3, 2, 3, 3], 41, 3, 16));
        TorchGrid.Set(convT.Bias!, TorchGrid.Of([2], 43, 7, 8));
        var x = TorchGrid.Of([2, 3, 3, 3], 37, 11, 8).RequireGrad();
        var y = convT.Forward(x);
        Assert.Equal(new[] { 2, 2, 6, 6 }, y.Shape);
        TorchGrid.Close(TorchReference.ConvTY, y, "y");
        var g = TorchGrid.Grads(y, x, convT.Weight, convT.Bias!);
        TorchGrid.Close(TorchReference.ConvTDx, g[0], "∂L/∂x");
        TorchGrid.Close(TorchReference.ConvTDw, g[1], "∂L/∂W");
        TorchGrid.Close(TorchReference.ConvTDb, g[2], "∂L/∂b");
    }

    [Fact]
    public void DcganShapesAndPyTorchInitialisation()
    {
        // ConvT(128→64, k4 s2 p1): 7×7 → 14×14; the weight is [Cin, Cout, k, k] and PyTorch's fan_in is Cout·k·k = 1024.
        var convT = new ConvTranspose2d<float>(128, 64, 4, new Rng(2), stride: 2, padding: 1);
        Assert.Equal(new[] { 128, 64, 4, 4 }, convT.Weight.Shape);
        Assert.Equal(new[] { 3, 64, 14, 14 }, convT.Forward(Tensor.Zeros<float>(3, 128, 7, 7)).Shape);
        Assert.All(convT.Weight.ToArray(), v => Assert.InRange(v, -1f / 32, 1f / 32));
        Assert.True(convT.Weight.ToArray().Max() > 0.031f, "the weights fill ±1/32");
        Assert.Equal(new[] { "weight", "bias" }, convT.NamedParameters().Select(p => p.Name));
        Assert.Contains("outputPadding", Assert.Throws<ArgumentException>(() => new ConvTranspose2d<double>(1, 1, 3, new Rng(0), stride: 2, outputPadding: 2)).Message);
    }
}
