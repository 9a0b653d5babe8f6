using Verify.Figures.FigureSet.Experiments;
using Xunit;

namespace Verify.Figures.Tests.FigureSet.Experiments;

public sealed class ImageGanRunTests
{
    [Fact]
    public void AFewWganGpIterationsOnRealDigitsLowerTheCriticLossAndLogCertifiedW1()
    {
        var o = ImageGanRun.Run("mlp", "wgan-gp", iterations: 4, batch: 32, evalEvery: 2, gridAt: [0, 4], seed: 3);
        Assert.Equal(4, o.Rows.Count);
        Assert.True(o.Rows[^1].CriticLoss < o.Rows[0].CriticLoss, $"critic loss {o.Rows[0].CriticLoss} → {o.Rows[^1].CriticLoss}");
        // Evaluations at iterations 0 and 2 and at the last: exact W₁ (certified, else Transport.W1 throws) and the held-out estimate.
        Assert.Equal([0, 2, 3], o.Rows.Where(r => r.ExactW1 is not null).Select(r => r.Iteration));
        Assert.All(o.Rows.Where(r => r.ExactW1 is not null), r => Assert.True(r.ExactW1 > 0 && r.HeldOutEstimate is not null));
        Assert.Equal([0, 4], o.Grids.Select(g => g.Iteration));
        Assert.Equal(ImageGanRun.FinalSamples * 784, o.Samples.Length);
        Assert.All(o.Samples, v => Assert.InRange(v, -1, 1));
    }

    [Fact]
    public void TheSameSeedGivesTheSameLog()
    {
        var a = ImageGanRun.Run("mlp", "gan", 2, 16, 1, [], seed: 8);
        var b = ImageGanRun.Run("mlp", "gan", 2, 16, 1, [], seed: 8);
        Assert.Equal(a.Rows.Select(r => (r.CriticLoss, r.ExactW1, r.HeldOutEstimate)), b.Rows.Select(r => (r.CriticLoss, r.ExactW1, r.HeldOutEstimate)));
    }

    [Fact]
    public void UnknownNamesAreRefused()
    {
        Assert.Contains("unknown method", Assert.Throws<ArgumentException>(() => ImageGanRun.Options("wgan")).Message);
        Assert.Contains("unknown architecture", Assert.Throws<ArgumentException>(() => ImageGanRun.Networks("resnet", "gan", new Networks.Init.Rng(1))).Message);
    }
}
