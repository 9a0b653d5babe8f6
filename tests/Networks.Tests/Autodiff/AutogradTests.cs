using Verify.Networks.Autodiff;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Autodiff;

/// <summary>The Autograd front door: NoGrad, accumulation into .Grad, fan-out, Grad options and error messages.</summary>
public sealed class AutogradTests
{
    [Fact]
    public void NoGradRecordsNothing()
    {
        var w = Tensor.From(new[] { 1.0, 2.0 }).RequireGrad();
        Tensor<double> y;
        using (Autograd.NoGrad())
        {
            Assert.False(Autograd.IsGradEnabled);
            y = Tensor.Sum(Tensor.Exp(w) * w);
        }
        Assert.True(Autograd.IsGradEnabled);
        Assert.True(y.IsLeaf);
        Assert.False(y.RequiresGrad);
        Assert.Throws<InvalidOperationException>(() => y.Backward());
    }

    [Fact]
    public void NestedScopesRestoreThePreviousState()
    {
        using (Autograd.NoGrad())
        {
            using (Autograd.EnableGrad()) Assert.True(Autograd.IsGradEnabled);
            Assert.False(Autograd.IsGradEnabled);
            using (Autograd.NoGrad()) Assert.False(Autograd.IsGradEnabled);
            Assert.False(Autograd.IsGradEnabled);
        }
        Assert.True(Autograd.IsGradEnabled);
    }

    [Fact]
    public void BackwardTwiceAccumulates()
    {
        var w = Tensor.From(new[] { 1.0, -2.0 }).RequireGrad();
        var loss = Tensor.Sum(Tensor.Square(w)); // ∇ = 2w
        loss.Backward();
        Tolerance.Close([2.0, -4.0], w.Grad!.ToArray(), 0);
        loss.Backward();
        Tolerance.Close([4.0, -8.0], w.Grad!.ToArray(), 0);
    }

    [Fact]
    public void GradOfAnUnusedInputIsZero()
    {
        var a = Tensor.From(new[] { 1.0, 2.0 }).RequireGrad();
        var b = Tensor.From(new[] { 3.0 }).RequireGrad();
        var g = Autograd.Grad(Tensor.Sum(a), [a, b]);
        Assert.Equal(new[] { 0.0 }, g[1].ToArray());
    }

    [Fact]
    public void GradWithRespectToAnIntermediate()
    {
        var a = Tensor.From(new[] { 1.0, 2.0 }).RequireGrad();
        var h = a * 3.0;
        var g = Autograd.Grad(Tensor.Sum(Tensor.Square(h)), h);
        Tolerance.Close([6.0, 12.0], g.ToArray(), 0);
    }

    [Fact]
    public void GradOutputsWeightTheOutputs()
    {
        var a = Tensor.From(new[] { 1.0, 2.0 }).RequireGrad();
        var y = a * a;
        var g = Autograd.Grad([y], [a], [Tensor.From(new[] { 10.0, -1.0 })]);
        Tolerance.Close([20.0, -4.0], g[0].ToArray(), 0);
    }

    [Fact]
    public void CreateGraphGivesDifferentiableGradientsAndPlainGradIsALeaf()
    {
        var x = Tensor.From(new[] { 0.7 }).RequireGrad();
        var y = Tensor.Sum(Tensor.Exp(x) * x);            // y' = eˣ(1 + x), y'' = eˣ(2 + x)
        var plain = Autograd.Grad(y, x);
        Assert.True(plain.IsLeaf);
        var g = Autograd.Grad(y, x, createGraph: true);
        Assert.False(g.IsLeaf);
        Tolerance.Close(Math.Exp(0.7) * 1.7, g[0], 1e-15);
        var gg = Autograd.Grad(Tensor.Sum(g), x, createGraph: true);
        Tolerance.Close(Math.Exp(0.7) * 2.7, gg[0], 1e-15);
        var ggg = Autograd.Grad(Tensor.Sum(gg), x);      // third derivative eˣ(3 + x)
        Tolerance.Close(Math.Exp(0.7) * 3.7, ggg[0], 1e-15);
    }

    [Fact]
    public void BackwardNeedsAScalarOrAGradient()
    {
        var a = Tensor.From(new[] { 1.0, 2.0 }).RequireGrad();
        var e = Assert.Throws<ArgumentException>(() => (a * 2.0).Backward());
        Assert.Contains("one-element", e.Message);
        (a * 2.0).Backward(Tensor.From(new[] { 1.0, 1.0 }));
        Tolerance.Close([2.0, 2.0], a.Grad!.ToArray(), 0);
    }

    [Fact]
    public void GradRejectsInputsThatDoNotRequireGrad()
    {
        var a = Tensor.From(new[] { 1.0 });
        var b = Tensor.From(new[] { 1.0 }).RequireGrad();
        Assert.Throws<ArgumentException>(() => Autograd.Grad(Tensor.Sum(a * b), a));
    }

    [Fact]
    public void RecordedTensorsCannotDropRequiresGrad()
    {
        var b = Tensor.From(new[] { 1.0 }).RequireGrad();
        var y = b * 2.0;
        Assert.Throws<InvalidOperationException>(() => y.RequiresGrad = false);
        Assert.True(y.Detach().IsLeaf);
    }
}
