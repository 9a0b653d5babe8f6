using Verify.Networks.Training;
using Xunit;

namespace Verify.Networks.Tests.Training;

public sealed class DivergenceGuardTests
{
    [Fact]
    public void NamesIterationTensorAndIndex()
    {
        var e = Assert.Throws<TrainingDivergedException>(() =>
            DivergenceGuard.CheckValues<float>(17, "critic.2.weight", [1f, 2f, float.NaN, float.PositiveInfinity]));
        Assert.Equal("training diverged at iteration 17: critic.2.weight holds NaN at index 2", e.Message);
        Assert.Equal((17, "critic.2.weight", 2), (e.Iteration, e.Tensor, e.Index));
        var l = Assert.Throws<TrainingDivergedException>(() => DivergenceGuard.CheckLoss(3, "generator loss", double.NegativeInfinity));
        Assert.Equal("training diverged at iteration 3: generator loss holds −∞", l.Message);
    }

    [Fact]
    public void FiniteValuesPass()
    {
        DivergenceGuard.CheckValues<double>(0, "w", [double.MaxValue, -double.Epsilon, 0.0]);
        DivergenceGuard.CheckLoss(0, "loss", -1e300);
    }
}
