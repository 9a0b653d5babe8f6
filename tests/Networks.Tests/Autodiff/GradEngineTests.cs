using Verify.Networks.Autodiff;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Autodiff;

/// <summary>The backward pass: topological order, fan-out accumulation, pruning to requested inputs, gradient ownership.</summary>
public sealed class GradEngineTests
{
    [Fact]
    public void FanOutAccumulatesAllPaths()
    {
        // y = a·a + exp(a) + a used four times through a diamond: dy/da = 2a + eᵃ + 1.
        var a = Tensor.From(new[] { 0.5 }).RequireGrad();
        var b = a * a;
        var c = Tensor.Exp(a);
        var y = Tensor.Sum(b + c + a);
        var g = Autograd.Grad(y, a);
        Tolerance.Close(2 * 0.5 + Math.Exp(0.5) + 1, g[0], 1e-15);
    }

    [Fact]
    public void SharedIntermediateIsVisitedOnceAfterAllItsUses()
    {
        // h = a²; y = h·h + 3h: dy/da = (2h + 3)·2a. Wrong order would propagate h's gradient before it is complete.
        var a = Tensor.From(new[] { 1.5 }).RequireGrad();
        var h = Tensor.Square(a);
        var y = Tensor.Sum(h * h + h * 3.0);
        double hv = 2.25;
        Tolerance.Close((2 * hv + 3) * 2 * 1.5, Autograd.Grad(y, a)[0], 1e-15);
    }

    [Fact]
    public void LeavesNeverShareAGradientObject()
    {
        var a = Tensor.From(new[] { 1.0, 2.0 }).RequireGrad();
        var b = Tensor.From(new[] { 3.0, 4.0 }).RequireGrad();
        var seed = Tensor.From(new[] { 1.0, 1.0 });
        (a + b).Backward(seed); // add hands the same gradient to both inputs
        Assert.NotSame(a.Grad, b.Grad);
        Assert.NotSame(seed, a.Grad);
        Assert.NotSame(seed, b.Grad);
        a.Grad!.Span[0] = 100;
        Assert.Equal(new[] { 1.0, 1.0 }, b.Grad!.ToArray());
        Assert.Equal(new[] { 1.0, 1.0 }, seed.ToArray());
    }

    [Fact]
    public void GradWithRespectToInputsOnlyMatchesFullBackward()
    {
        // Pruned pass (only ∂/∂x requested) and full pass (weights too) must agree on ∂/∂x.
        var w = Tensor.From(new double[,] { { 0.3, -0.2 }, { 0.5, 0.1 } }).RequireGrad();
        var x = Tensor.From(new double[,] { { 1.0, 2.0 } }).RequireGrad();
        var y = Tensor.Sum(Tensor.Tanh(Tensor.MatMul(x, w)));
        var pruned = Autograd.Grad(y, x);
        var full = Autograd.Grad(y, [x, w]);
        Assert.Equal(full[0].ToArray(), pruned.ToArray());
    }

    [Fact]
    public void LongChainsDoNotOverflowTheStack()
    {
        var x = Tensor.From(new[] { 0.5 }).RequireGrad();
        var y = x;
        for (int i = 0; i < 20_000; i++) y = y * 1.0;
        Tolerance.Close(1.0, Autograd.Grad(Tensor.Sum(y), x)[0], 0);
    }
}
