using Verify.Networks.Optim;
using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Optim;

/// <summary>Common optimizer behaviour: parameters without gradients are skipped, ZeroGrad clears, bad input refused.</summary>
public sealed class OptimizerTests
{
    [Fact]
    public void ParametersWithoutGradientAreLeftAlone()
    {
        var a = Tensor.From(new[] { 1.0 }).RequireGrad();
        var b = Tensor.From(new[] { 2.0 }).RequireGrad();
        var opt = new Adam<double>([a, b], 0.1);
        Tensor.Sum(a * 3.0).Backward();
        opt.Step();
        Assert.Equal(2.0, b[0]);
        Assert.NotEqual(1.0, a[0]);
        Assert.Equal(1, opt.Steps);
    }

    [Fact]
    public void ZeroGradClearsEveryGradient()
    {
        var a = Tensor.From(new[] { 1.0 }).RequireGrad();
        var opt = new Sgd<double>([a], 0.1);
        Tensor.Sum(a).Backward();
        opt.ZeroGrad();
        Assert.Null(a.Grad);
    }

    [Fact]
    public void BadInputIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new Sgd<double>([], 0.1));
        Assert.Throws<ArgumentException>(() => new Sgd<double>([Tensor.From(new[] { 1.0 })], 0.1)); // not requiring grad
        Assert.Throws<ArgumentException>(() => new Sgd<double>([Tensor.From(new[] { 1.0 }).RequireGrad()], double.NaN));
        Assert.Throws<ArgumentException>(() => new Adam<double>([Tensor.From(new[] { 1.0 }).RequireGrad()], 0.1, beta1: 1.0));
    }
}
