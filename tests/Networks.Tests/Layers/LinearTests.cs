using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Layers;

/// <summary>Linear: PyTorch's initialisation law, determinism, names, forward = x·Wᵀ + b.</summary>
public sealed class LinearTests
{
    [Fact]
    public void InitialisationIsUniformOnPlusMinusOneOverSqrtFanIn()
    {
        var layer = new Linear<double>(100, 400, new Rng(1));
        double bound = 0.1; // 1/√100
        var w = layer.Weight.ToArray();
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.All(layer.Bias!.ToArray(), v => Assert.InRange(v, -bound, bound));
        // U(±b): mean 0 (sd of the mean b/√(3·40000) ≈ 2.9e-4) and E x² = b²/3 (sd of the estimate ≈ 1.5e-5).
        // Bounds at 5 sd: a correct sampler fails with probability < 1e-6 (ε = 5 sd, δ < 1e-6); the seed is fixed.
        Tolerance.Close(0, w.Average(), 0, 1.5e-3, "mean of weights");
        Tolerance.Close(bound * bound / 3, w.Select(v => v * v).Average(), 0, 7.5e-5, "second moment of weights");
        Assert.True(w.Max() > 0.099 && w.Min() < -0.099, "weights should fill the interval");
    }

    [Fact]
    public void SameSeedGivesIdenticalWeights()
    {
        var a = new Linear<double>(7, 5, new Rng(42));
        var b = new Linear<double>(7, 5, new Rng(42));
        var c = new Linear<double>(7, 5, new Rng(43));
        Assert.Equal(a.Weight.ToArray(), b.Weight.ToArray());
        Assert.Equal(a.Bias!.ToArray(), b.Bias!.ToArray());
        Assert.NotEqual(a.Weight.ToArray(), c.Weight.ToArray());
    }

    [Fact]
    public void ParametersAreNamedLikePyTorch()
    {
        var layer = new Linear<float>(3, 2, new Rng(0));
        Assert.Equal(new[] { "weight", "bias" }, layer.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { 2, 3 }, layer.Weight.Shape);
        Assert.Equal(new[] { 2 }, layer.Bias!.Shape);
        Assert.All(layer.Parameters(), p => Assert.True(p.RequiresGrad));
        Assert.Single(new Linear<float>(3, 2, new Rng(0), bias: false).Parameters());
    }

    [Fact]
    public void ForwardIsXWTransposedPlusB()
    {
        var layer = new Linear<double>(2, 3, new Rng(9));
        var x = Tensor.From(new double[,] { { 1, 2 }, { -1, 0.5 } });
        var y = layer.Forward(x);
        for (int i = 0; i < 2; i++)
            for (int o = 0; o < 3; o++)
                Tolerance.Close(x[i, 0] * layer.Weight[o, 0] + x[i, 1] * layer.Weight[o, 1] + layer.Bias![o], y[i, o], 1e-15);
    }

    [Fact]
    public void ZeroGradClearsGradients()
    {
        var layer = new Linear<double>(2, 1, new Rng(3));
        Tensor.Sum(layer.Forward(Tensor.Ones<double>(4, 2))).Backward();
        Assert.NotNull(layer.Weight.Grad);
        layer.ZeroGrad();
        Assert.Null(layer.Weight.Grad);
        Assert.Null(layer.Bias!.Grad);
    }

    [Fact]
    public void BadSizesAreRejected() => Assert.Throws<ArgumentException>(() => new Linear<double>(0, 3, new Rng(1)));
}
