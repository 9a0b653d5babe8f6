using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Layers;

/// <summary>Activation modules apply their functions and have no parameters.</summary>
public sealed class ActivationsTests
{
    private static readonly Tensor<double> X = Tensor.From(new double[,] { { -2, 0.5 } });

    [Fact]
    public void ModulesApplyTheirFunctions()
    {
        Assert.Equal(new[] { 0.0, 0.5 }, new ReLU<double>().Forward(X).ToArray());
        Assert.Equal(new[] { -0.02, 0.5 }, new LeakyReLU<double>().Forward(X).ToArray());
        Assert.Equal(new[] { -0.4, 0.5 }, new LeakyReLU<double>(0.2).Forward(X).ToArray());
        Tolerance.Close([Math.Tanh(-2), Math.Tanh(0.5)], new Tanh<double>().Forward(X).ToArray(), 1e-15);
        Tolerance.Close([1 / (1 + Math.Exp(2)), 1 / (1 + Math.Exp(-0.5))], new Sigmoid<double>().Forward(X).ToArray(), 1e-15);
    }

    [Fact]
    public void ActivationsHaveNoParameters()
    {
        Assert.Empty(new ReLU<double>().Parameters());
        Assert.Empty(Mlp.Make<double>(Activation.Tanh).Parameters());
        Assert.Throws<ArgumentException>(() => Mlp.Make<double>(Activation.None));
    }
}
