using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Optim;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Layers;

/// <summary>The MLP builder: layout, names, activations, determinism, float/double agreement.</summary>
public sealed class MlpTests
{
    [Fact]
    public void LayoutAndNamesMatchTheEquivalentSequential()
    {
        var net = Mlp.Build<double>([4, 8, 8, 1], Activation.ReLU, new Rng(0), Activation.Sigmoid);
        Assert.Equal(6, net.Count); // Linear ReLU Linear ReLU Linear Sigmoid
        Assert.IsType<ReLU<double>>(net[1]);
        Assert.IsType<Sigmoid<double>>(net[5]);
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias" }, net.NamedParameters().Select(p => p.Name));
        var leaky = Mlp.Build<double>([2, 3, 1], Activation.LeakyReLU, new Rng(0), negativeSlope: 0.2);
        Assert.Equal(0.2, Assert.IsType<LeakyReLU<double>>(leaky[1]).NegativeSlope);
        Assert.Equal(3, leaky.Count); // no output activation
    }

    [Fact]
    public void SameSeedSameNetwork()
    {
        var a = Mlp.Build<float>([3, 16, 2], Activation.Tanh, new Rng(11));
        var b = Mlp.Build<float>([3, 16, 2], Activation.Tanh, new Rng(11));
        Assert.Equal(a.Parameters().SelectMany(p => p.ToArray()), b.Parameters().SelectMany(p => p.ToArray()));
    }

    [Fact]
    public void FloatAndDoubleAgree()
    {
        var d = Mlp.Build<double>([3, 32, 32, 1], Activation.Tanh, new Rng(5));
        var f = Mlp.Build<float>([3, 32, 32, 1], Activation.Tanh, new Rng(5));
        var xd = Tensor.Normal<double>(new Rng(6), 0, 1, 16, 3);
        var xf = Tensor.Cast<double, float>(xd);
        var yd = d.Forward(xd); var yf = f.Forward(xf);
        Tolerance.Close(yd.ToArray(), yf.ToDoubleArray(), 1e-4, 1e-5, "outputs");
        Tensor.Mean(yd).Backward(); Tensor.Mean(yf).Backward();
        var gd = d.Parameters().SelectMany(p => p.Grad!.ToArray()).ToArray();
        var gf = f.Parameters().SelectMany(p => p.Grad!.ToDoubleArray()).ToArray();
        Tolerance.Close(gd, gf, 1e-3, 1e-5, "gradients");
    }

    [Fact]
    public void TooFewSizesAreRejected() => Assert.Throws<ArgumentException>(() => Mlp.Build<double>([3], Activation.ReLU, new Rng(1)));

    [Fact]
    public void InputGradientOfAnMlpMatchesFiniteDifferences()
    {
        var net = Mlp.Build<double>([3, 5, 1], Activation.Tanh, new Rng(2));
        var x = Tensor.From(new double[,] { { 0.1, -0.4, 0.9 } }).RequireGrad();
        var g = Autograd.Grad(Tensor.Sum(net.Forward(x)), x);
        for (int k = 0; k < 3; k++)
        {
            var plus = x.Detach(); plus.Span[k] += 1e-6;
            var minus = x.Detach(); minus.Span[k] -= 1e-6;
            double fd = (Tensor.Sum(net.Forward(plus)).Item() - Tensor.Sum(net.Forward(minus)).Item()) / 2e-6;
            Tolerance.Close(fd, g[k], 1e-6, 1e-9);
        }
    }

    [Fact]
    public void TrainingTwiceFromTheSameSeedIsBitIdentical()
    {
        static float[] Train()
        {
            var rng = new Rng(21);
            var net = Mlp.Build<float>([2, 64, 64, 1], Activation.ReLU, rng);
            var opt = new Adam<float>(net.Parameters(), 1e-3);
            for (int step = 0; step < 20; step++)
            {
                var x = Tensor.Normal<float>(rng, 0, 1, 128, 2).RequireGrad();
                var g = Autograd.Grad(Tensor.Sum(net.Forward(x)), x, createGraph: true);
                var loss = Tensor.Mean(net.Forward(x)) + Tensor.Mean(Tensor.Square(Tensor.RowNorm(g) - 1f));
                opt.ZeroGrad();
                loss.Backward();
                opt.Step();
            }
            return net.Parameters().SelectMany(p => p.ToArray()).ToArray();
        }
        Assert.Equal(Train(), Train());
    }
}
