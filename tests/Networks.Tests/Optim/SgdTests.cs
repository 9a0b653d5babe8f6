using Verify.Networks.Optim;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Optim;

/// <summary>SGD with momentum against PyTorch 1.13 (float64) and against the update rule by hand.</summary>
public sealed class SgdTests
{
    [Fact]
    public void MomentumMatchesPyTorch()
    {
        var p = OptimReference.NewParameter();
        Tolerance.Close([-0.777, -0.124, 0.186], OptimReference.Run(p, new Sgd<double>([p], 0.1, momentum: 0.9)), rel: 1e-12, abs: 1e-15);
    }

    [Fact]
    public void PlainStepIsLearningRateTimesGradient()
    {
        // one step from p = [1, −2, 3] with gradient 2p + e₀ = [3, −4, 6]: p − 0.1·g
        var p = OptimReference.NewParameter();
        var opt = new Sgd<double>([p], 0.1);
        var loss = Tensor.Sum(Tensor.Square(p)) + Tensor.Sum(Tensor.Slice(Tensor.Reshape(p, 1, 3), 1, 0, 1));
        loss.Backward();
        opt.Step();
        Tolerance.Close([1 - 0.3, -2 + 0.4, 3 - 0.6], p.ToArray(), rel: 1e-15);
    }

    [Fact]
    public void NegativeMomentumIsRejected()
    {
        var p = OptimReference.NewParameter();
        Assert.Throws<ArgumentException>(() => new Sgd<double>([p], 0.1, momentum: -1));
    }
}
