using Verify.Networks.Optim;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Optim;

/// <summary>Adam against PyTorch 1.13 (float64).</summary>
public sealed class AdamTests
{
    [Fact]
    public void MatchesPyTorch()
    {
        var p = OptimReference.NewParameter();
        Tolerance.Close([0.6914937114386529, -1.702728536477757, 2.70176491899653],
            OptimReference.Run(p, new Adam<double>([p], 0.1, 0.5, 0.9)), rel: 1e-12);
    }

    [Fact]
    public void FirstStepMovesEachCoordinateByTheLearningRate()
    {
        // bias correction makes the first step −lr·sign(g)·|g|/(|g| + ε') ≈ −lr·sign(g), independent of β.
        var p = OptimReference.NewParameter();
        var opt = new Adam<double>([p], 0.1, 0.5, 0.9);
        Tensor.Sum(Tensor.Square(p)).Backward(); // g = 2p
        opt.Step();
        Tolerance.Close([0.9, -1.9, 2.9], p.ToArray(), rel: 1e-8);
    }
}
