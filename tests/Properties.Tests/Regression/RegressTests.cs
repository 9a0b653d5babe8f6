using Verify.Networks.Checkpoints;
using Verify.Networks.Tensors;
using Verify.Properties.Regression;
using Verify.TestSupport;
using Xunit;

namespace Verify.Properties.Tests.Regression;

public sealed class RegressTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "verify-regress-" + Guid.NewGuid().ToString("N"));

    public RegressTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>f(x) = x₁ as a PyTorch-named safetensors MLP (one Linear, weight [1, 0], bias 0).</summary>
    private string LinearCritic()
    {
        string path = Path.Combine(_dir, "linear.safetensors");
        Checkpoint.Save(path, [("0.weight", Tensor.From([1.0, 0.0], 1, 2)), ("0.bias", Tensor.From([0.0], 1))]);
        return path;
    }

    [Fact]
    public void ALinearCriticOnParallelLinesReportsThetaExactly()
    {
        using var critic = UserCritic.Open(LinearCritic());
        var audits = Regress.Audit(critic, 1);
        foreach (string id in new[] { "lines-0.5", "lines-2" })
        {
            PairAudit a = audits.Single(x => x.Pair.Id == id);
            double theta = a.Pair.RealTheta!.Value;
            Assert.Equal(theta, a.Estimate);
            Assert.Equal(theta, a.Exact);
            Tolerance.Close(1.0, a.Audit.Lipschitz, rel: 1e-12, what: "gradient norm of x ↦ x₁");
            Tolerance.Close(1.0, a.Audit.UpperBound!.Value, rel: 1e-12, what: "spectral norm of [1, 0]");
        }
        Assert.Equal(4, audits.Count); // the 2-D pairs
    }

    [Fact]
    public void RerunningAnUpdatedEntryReproducesItAndATamperedOneRegresses()
    {
        var entry = GoldenFile.DefaultSuite()[0] with { Steps = 20 };
        RegressMeasurement first = Regress.Run([entry], null).Single();
        GoldenEntry stored = first.Updated;
        Assert.True(Regress.Run([stored], null).Single().Passed);
        var tampered = stored with { Estimate = stored.Estimate * (1 + 2 * stored.Relative) + stored.Absolute };
        RegressMeasurement again = Regress.Run([tampered], null).Single();
        Assert.False(again.Passed);
        Assert.True(Math.Abs(again.EstimateDifference) > again.EstimateAllowed);
    }

    [Fact]
    public void CriticEntriesNeedACriticOfTheirDimension()
    {
        GoldenEntry e = GoldenFile.CriticSuite(1)[0];
        Assert.Contains("--critic", Assert.Throws<ArgumentException>(() => Regress.Run([e], null)).Message);
        using var critic = UserCritic.Open(LinearCritic());
        Assert.Contains("is 1-D but", Assert.Throws<ArgumentException>(() => Regress.Run([e], critic)).Message);
    }

    [Fact]
    public void GanEntriesCompareWithTheLawsJs()
    {
        var e = GoldenFile.DefaultSuite().Single(x => x.Method == "gan") with { Steps = 5 };
        Assert.Equal(PinnedPair.Get(e.Pair).LawJS(), Regress.Measure(e, null).Exact);
    }
}
