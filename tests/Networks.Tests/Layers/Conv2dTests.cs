using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Layers;

/// <summary>Conv2d: PyTorch 1.13 reference values (forward, backward, and the double backward of a gradient penalty), initialisation, names.</summary>
public sealed class Conv2dTests
{
    private static Conv2d<double> ReferenceLayer()
    {
        var conv = new Conv2d<double>(2, 3, 3, new Rng(0), stride: 2, padding: 1);
        TorchGrid.Set(conv.Weight, TorchGrid.Of([3, 2, 3, 3], 41, 3, 16));
        TorchGrid.Set(conv.Bias!, TorchGrid.Of([3], 43, 7, 8));
        return conv;
    }

    [Fact]
    public void ForwardAndBackwardMatchPyTorch()
    {
        var conv = ReferenceLayer();
        var x = TorchGrid.Of([2, 2, 5, 5], 37, 11, 8).RequireGrad();
        var y = conv.Forward(x);
        TorchGrid.Close(TorchReference.ConvY, y, "y");
        var g = TorchGrid.Grads(y, x, conv.Weight, conv.Bias!);
        TorchGrid.Close(TorchReference.ConvDx, g[0], "∂L/∂x");
        TorchGrid.Close(TorchReference.ConvDw, g[1], "∂L/∂W");
        TorchGrid.Close(TorchReference.ConvDb, g[2], "∂L/∂b");
    }

    [Fact]
    public void GradientPenaltyMatchesPyTorchDoubleBackward()
    {
        // P = ‖∇ₓ Σ leaky_relu(conv(x), 0.2)⊙R‖², then ∂P/∂W and ∂P/∂b: the gradient-penalty path through Im2Col/Col2Im.
        var conv = ReferenceLayer();
        var x = TorchGrid.Of([2, 2, 5, 5], 37, 11, 8).RequireGrad();
        var f = TorchGrid.Loss(Tensor.LeakyRelu(conv.Forward(x), 0.2));
        var gx = Autograd.Grad(f, x, createGraph: true);
        var p = Tensor.Sum(Tensor.Square(gx));
        Tolerance.Close(TorchReference.PenaltyValue[0], p.Item(), 1e-13);
        var g = Autograd.Grad(p, [conv.Weight, conv.Bias!]);
        TorchGrid.Close(TorchReference.PenaltyDw, g[0], "∂P/∂W");
        TorchGrid.Close(TorchReference.PenaltyDb, g[1], "∂P/∂b");
    }

    [Fact]
    public void InitialisationIsPyTorchsAndNamesAreTheirs()
    {
        // fan_in = C·k·k = 64·16: U(±1/32) for the weight, then the bias from the same stream.
        var conv = new Conv2d<double>(64, 128, 4, new Rng(1), stride: 2, padding: 1);
        Assert.Equal(new[] { "weight", "bias" }, conv.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { 128, 64, 4, 4 }, conv.Weight.Shape);
        var rng = new Rng(1);
        var w = new double[128 * 64 * 16];
        rng.FillUniform<double>(w, -1.0 / 32, 1.0 / 32);
        var b = new double[128];
        rng.FillUniform<double>(b, -1.0 / 32, 1.0 / 32);
        // PyTorch's bound gain·√(3/fan_in), gain = √(1/3), is 1/32 up to a rounding of the last bit: 2⁻⁵⁶ absolute.
        Tolerance.Close(w, conv.Weight.ToArray(), 0, 1.4e-17);
        Tolerance.Close(b, conv.Bias!.ToArray(), 0, 1.4e-17);
        Assert.Single(new Conv2d<double>(1, 2, 3, new Rng(0), bias: false).Parameters());
        Assert.Contains("kernelSize", Assert.Throws<ArgumentException>(() => new Conv2d<double>(1, 2, 0, new Rng(0))).Message);
    }
}
