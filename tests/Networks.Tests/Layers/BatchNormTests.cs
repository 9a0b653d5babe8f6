using FsCheck;
using FsCheck.Fluent;
using Verify.Networks.Autodiff;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Layers;

/// <summary>BatchNorm1d/2d: PyTorch 1.13 reference values in training and evaluation mode, running statistics, gradients.</summary>
public sealed class BatchNormTests
{
    [Fact]
    public void BatchNorm2dMatchesPyTorchInTrainingAndEvaluation()
    {
        var bn = new BatchNorm2d<double>(3);
        TorchGrid.Set(bn.Weight!, TorchGrid.Of([3], 41, 3, 8));
        TorchGrid.Set(bn.Bias!, TorchGrid.Of([3], 43, 7, 8));
        var x = TorchGrid.Of([2, 3, 2, 2], 37, 11, 8).RequireGrad();
        var y = bn.Forward(x);
        TorchGrid.Close(TorchReference.Bn2Y, y, "y");
        var g = TorchGrid.Grads(y, x, bn.Weight!, bn.Bias!);
        TorchGrid.Close(TorchReference.Bn2Dx, g[0], "∂L/∂x");
        TorchGrid.Close(TorchReference.Bn2Dw, g[1], "∂L/∂γ");
        TorchGrid.Close(TorchReference.Bn2Db, g[2], "∂L/∂β");
        bn.Forward(TorchGrid.Of([2, 3, 2, 2], 31, 2, 4));
        TorchGrid.Close(TorchReference.Bn2RunningMean, bn.RunningMean, "running_mean");
        TorchGrid.Close(TorchReference.Bn2RunningVar, bn.RunningVar, "running_var");
        Assert.Equal(2.0, bn.NumBatchesTracked.Item());
        bn.Eval();
        var xe = TorchGrid.Of([2, 3, 2, 2], 47, 13, 8).RequireGrad();
        var ye = bn.Forward(xe);
        TorchGrid.Close(TorchReference.Bn2EvalY, ye, "evaluation y");
        TorchGrid.Close(TorchReference.Bn2EvalDx, TorchGrid.Grads(ye, xe)[0], "evaluation ∂L/∂x");
        Assert.Equal(2.0, bn.NumBatchesTracked.Item());
        TorchGrid.Close(TorchReference.Bn2RunningMean, bn.RunningMean, "evaluation leaves running_mean alone");
    }

    [Fact]
    public void BatchNorm1dWithCumulativeAverageMatchesPyTorch()
    {
        var bn = new BatchNorm1d<double>(4, momentum: null);
        TorchGrid.Set(bn.Weight!, TorchGrid.Of([4], 41, 3, 8));
        TorchGrid.Set(bn.Bias!, TorchGrid.Of([4], 43, 7, 8));
        var x = TorchGrid.Of([5, 4], 37, 11, 8).RequireGrad();
        var y = bn.Forward(x);
        TorchGrid.Close(TorchReference.Bn1Y, y, "y");
        var g = TorchGrid.Grads(y, x, bn.Weight!, bn.Bias!);
        TorchGrid.Close(TorchReference.Bn1Dx, g[0], "∂L/∂x");
        TorchGrid.Close(TorchReference.Bn1Dw, g[1], "∂L/∂γ");
        TorchGrid.Close(TorchReference.Bn1Db, g[2], "∂L/∂β");
        bn.Forward(TorchGrid.Of([5, 4], 31, 2, 4));
        TorchGrid.Close(TorchReference.Bn1RunningMean, bn.RunningMean, "running_mean");
        TorchGrid.Close(TorchReference.Bn1RunningVar, bn.RunningVar, "running_var");
    }

    [Fact]
    public void TrainingModeGradientsOfFirstAndSecondOrder()
    {
        // The whole batch is the input (its statistics depend on every sample); γ and β enter through the reshape-broadcast.
        var cases = from n in Gen.Choose(2, 3) from c in Gen.Choose(1, 3) from h in Gen.Choose(1, 2)
                    let shape = new[] { n, c, h, 2 }
                    from x in Gens.Flat(shape, Gens.Any) select (shape, x);
        GradCheck.Property(cases, c => [c.x], (c, xs) => new BatchNorm2d<double>(c.shape[1], affine: false).Forward(Tensor.Reshape(xs[0], c.shape)), maxTest: 12);
    }

    [Fact]
    public void NamesBuffersAndRefusals()
    {
        var bn = new BatchNorm2d<float>(8);
        Assert.Equal(new[] { "weight", "bias" }, bn.NamedParameters().Select(p => p.Name));
        Assert.Equal(new[] { "running_mean", "running_var", "num_batches_tracked" }, bn.NamedBuffers().Select(b => b.Name));
        Assert.All(bn.NamedBuffers(), b => Assert.False(b.Buffer.RequiresGrad));
        Assert.Contains("more than one value per channel", Assert.Throws<ArgumentException>(() => bn.Forward(Tensor.Zeros<float>(1, 8, 1, 1))).Message);
        Assert.Contains("8 channels", Assert.Throws<ArgumentException>(() => bn.Forward(Tensor.Zeros<float>(2, 4, 3, 3))).Message);
        bn.Eval();
        Assert.Equal(new[] { 1, 8, 1, 1 }, bn.Forward(Tensor.Zeros<float>(1, 8, 1, 1)).Shape); // evaluation needs no batch
        Assert.Throws<ArgumentException>(() => new BatchNorm1d<double>(3, momentum: 1.5));
    }

    [Fact]
    public void EvaluationModeIsAConstantAffineMap()
    {
        // After training steps, evaluation: y = (x − running_mean)/√(running_var + ε)·γ + β per channel, one sample at a time.
        var bn = new BatchNorm1d<double>(3);
        var rng = new Verify.Networks.Init.Rng(4);
        for (int i = 0; i < 3; i++) bn.Forward(Tensor.Normal<double>(rng, 1, 2, 16, 3));
        bn.Weight!.Span[1] = 2.5;
        bn.Eval();
        var x = Tensor.Normal<double>(rng, 0, 1, 1, 3);
        var y = bn.Forward(x);
        for (int c = 0; c < 3; c++)
            Tolerance.Close((x[c] - bn.RunningMean[c]) / Math.Sqrt(bn.RunningVar[c] + 1e-5) * bn.Weight[c] + bn.Bias![c], y[c], 1e-15);
        using (Autograd.NoGrad()) Assert.Equal(y.ToArray(), bn.Forward(x).ToArray());
    }
}
