using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Critics;

public sealed class WassersteinObjectiveTests
{
    [Fact]
    public void LossIsMeanFakeMinusMeanRealAndTheEstimateItsNegative()
    {
        var critic = CriticTestKit.ReferenceCritic();
        double[] real = [0.2, -0.4, 1.0, 0.5], fake = [2.0, 1.0, -1.0, 0.0];
        double fr = (CriticTestKit.ReferenceValue(0.2, -0.4) + CriticTestKit.ReferenceValue(1.0, 0.5)) / 2;
        double ff = (CriticTestKit.ReferenceValue(2.0, 1.0) + CriticTestKit.ReferenceValue(-1.0, 0.0)) / 2;
        var objective = new WassersteinObjective<double>(new WganClipOptions());
        var step = objective.CriticLoss(critic, Tensor.From(real, 2, 2), Tensor.From(fake, 2, 2), new Rng(1));
        Tolerance.Close(ff - fr, step.Loss.Item(), rel: 1e-14);
        Tolerance.Close(fr - ff, step.Estimate, rel: 1e-14);
        Assert.Equal(0.0, step.Penalty);
    }

    [Fact]
    public void ClippingClampsEveryParameter()
    {
        var critic = CriticTestKit.ReferenceCritic();
        new WassersteinObjective<double>(new WganClipOptions { Clip = 0.3 }).AfterCriticStep(critic);
        Assert.Equal([0.3, -0.3, 0.3, 0.25, -0.3, 0.3], critic.Linears[0].Weight.ToArray());
        Assert.Equal([0.1, -0.2, 0.05], critic.Linears[0].Bias!.ToArray());
        Assert.Equal([0.3, -0.3, 0.3], critic.Linears[1].Weight.ToArray());
    }

    [Fact]
    public void PenaltyIsLambdaTimesTheReferencePenalty()
    {
        // With real = fake = the reference points every interpolate equals them, so the penalty is λ·GP(reference).
        var critic = CriticTestKit.ReferenceCritic();
        var x = Tensor.From(CriticTestKit.X, 2, 2);
        var step = new WassersteinObjective<double>(new WganGpOptions()).CriticLoss(critic, x, x, new Rng(1));
        Tolerance.Close(10 * 0.0006275667999867852, step.Penalty, rel: 1e-12);
        Assert.Throws<ArgumentException>(() => new WassersteinObjective<double>(new GanOptions()));
    }
}
