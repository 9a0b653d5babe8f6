using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Verify.Networks.Experiments;
using Verify.Networks.Training;
using Verify.TestSupport;
using Verify.Toys;
using Xunit;
using Xunit.Abstractions;

namespace Verify.Networks.Tests.Experiments;

public sealed class GeneratorExperimentTests(ITestOutputHelper log)
{
    private static GeneratorExperimentRequest Small(string method, Precision precision = Precision.Single) =>
        new(ToyFamilies.EightGaussians(), GeneratorExperiment.Defaults("8gaussians", method).Options with { Batch = 32 })
        {
            Iterations = 5, Hidden = 8, Layers = 2, Samples = 7, Seed = 9, Precision = precision,
        };

    [Fact]
    public void ReturnsOneRecordPerIterationTheSamplesAndACheckpointThatLoads()
    {
        var seen = new List<IterationRecord>();
        var r = GeneratorExperiment.Run(Small("wgan-gp"), seen.Add);
        Assert.Equal(5, r.Records.Count);
        Assert.Equal(r.Records, seen);
        Assert.False(r.Interrupted);
        Assert.Equal(7 * 2, r.Samples.Length);
        Assert.Equal([2, 8, 8, 2], r.GeneratorSizes);
        Assert.All(r.Records, x => Assert.NotNull(x.ExactW1));
        var file = new SafeTensorsFile(r.CheckpointTensors(), r.CheckpointMetadata());
        Assert.Equal(["critic.0.weight", "critic.0.bias", "critic.2.weight", "critic.2.bias", "critic.4.weight", "critic.4.bias",
            "generator.0.weight", "generator.0.bias", "generator.2.weight", "generator.2.bias", "generator.4.weight", "generator.4.bias"], file.Names);
        Assert.All(file.Tensors, t => Assert.Equal(SafeTensorsDType.F32, t.DType));
        var critic = CriticCheckpoint.Find(file, "run").Create<float>();
        Tolerance.Close(r.Critic.Evaluate([0.3, -0.7])[0], critic.Forward(Verify.Networks.Tensors.Tensor.From(new[] { 0.3f, -0.7f }, 1, 2)).Item(), rel: 1e-6);
        Assert.Equal("wgan-gp", file.Metadata["method"]);
        Assert.Equal("0.1", file.Metadata["lambda"]);
        Assert.Equal("5", file.Metadata["iterations"]);
        Assert.Equal("single", file.Metadata["precision"]);
        Assert.Equal("2,8,8,2", file.Metadata["generator_sizes"]);
    }

    [Fact]
    public void SameSeedGivesTheSameRunForEveryMethod()
    {
        foreach (string method in MethodOptions.Names)
        {
            var a = GeneratorExperiment.Run(Small(method));
            var b = GeneratorExperiment.Run(Small(method));
            Assert.Equal(a.Records.Select(x => x with { Seconds = 0 }), b.Records.Select(x => x with { Seconds = 0 }));
            Assert.Equal(a.Samples, b.Samples);
        }
    }

    [Fact]
    public void CancellationStopsBeforeTheNextIterationAndKeepsWhatWasDone()
    {
        // Without exact W₁ a record is handed over as soon as its iteration has trained: cancelling in the callback of
        // iteration 2 stops before iteration 3.
        using var cts = new CancellationTokenSource();
        var r = GeneratorExperiment.Run(Small("wgan-sn") with { Iterations = 1000, ExactEvery = 0 }, rec => { if (rec.Iteration == 2) cts.Cancel(); }, cts.Token);
        Assert.True(r.Interrupted);
        Assert.Equal(3, r.Records.Count);
        Assert.Equal("true", r.CheckpointMetadata()["interrupted"]);
        Assert.Equal("3", r.CheckpointMetadata()["iterations"]);
        Assert.Equal(14, r.Samples.Length);
        // With exact W₁ (solved while the next iteration trains) a record may come one iteration late; nothing is lost:
        // every iteration that trained has its record, with its exact value.
        using var cts2 = new CancellationTokenSource();
        var e = GeneratorExperiment.Run(Small("wgan-sn") with { Iterations = 1000 }, rec => { if (rec.Iteration == 2) cts2.Cancel(); }, cts2.Token);
        Assert.True(e.Interrupted);
        Assert.InRange(e.Records.Count, 3, 4);
        Assert.Equal(Enumerable.Range(0, e.Records.Count), e.Records.Select(x => x.Iteration));
        Assert.All(e.Records, x => Assert.NotNull(x.ExactW1));
    }

    /// <summary>
    /// float32 against float64: the same draws, rounding apart. After 20 generator iterations of 8gaussians (32-wide nets,
    /// batch 64) the exact W₁ between the last generated and real batch agreed within 2e-6 relative for every method
    /// (wgan-ct the largest); the tolerance, 1e-4, is far below the batch W₁'s own sampling error (≈ 5%).
    /// </summary>
    [Fact]
    public void Float32TrainingTracksFloat64()
    {
        foreach (string method in MethodOptions.Names)
        {
            double W1(Precision precision) => GeneratorExperiment.Run(Small(method, precision) with { Iterations = 20, Hidden = 32 }).Records[^1].ExactW1!.Value;
            double single = W1(Precision.Single), dbl = W1(Precision.Double);
            log.WriteLine($"{method}: float32 {single}, float64 {dbl}");
            Tolerance.Close(dbl, single, rel: 1e-4, what: $"{method}: exact W1 of the last batch, float32 vs float64");
        }
    }

    [Fact]
    public void ToySetsGetTheToyCodesDefaults()
    {
        var (o, hidden, layers) = GeneratorExperiment.Defaults("25gaussians", "wgan-gp");
        Assert.Equal((256, 5, 0.1, 512, 3), (o.Batch, o.NCritic, ((WganGpOptions)o).Lambda, hidden, layers));
        Assert.Equal(OptimizerSettings.Adam(1e-4, 0.5, 0.9), o.CriticOptimizer);
        var (clip, _, _) = GeneratorExperiment.Defaults("swissroll", "wgan-clip");
        Assert.Equal((256, 0.01), (clip.Batch, ((WganClipOptions)clip).Clip));
        Assert.Equal(OptimizerSettings.RmsProp(5e-5), clip.CriticOptimizer);
        var (lp, _, _) = GeneratorExperiment.Defaults("8gaussians", "wgan-lp");
        Assert.Equal(10.0, ((WganLpOptions)lp).Lambda);
        var (gan, _, _) = GeneratorExperiment.Defaults("8gaussians", "gan");
        Assert.Equal((256, 1), (gan.Batch, gan.NCritic));
        var (other, h2, l2) = GeneratorExperiment.Defaults("gaussian-location", "wgan-gp");
        Assert.Equal((64, 10.0, 128, 3), (other.Batch, ((WganGpOptions)other).Lambda, h2, l2));
        Assert.True(ToyCodeDefaults.AppliesTo("8Gaussians-fixed-generator"));
        Assert.False(ToyCodeDefaults.AppliesTo("parallel-lines"));
    }

    [Fact]
    public void SizesThatCannotFitAreRefusedBeforeTraining()
    {
        var request = Small("wgan-gp") with { Options = new WganGpOptions { Batch = 100_000 }, Hidden = 512, Layers = 3 };
        var e = Assert.Throws<ArgumentException>(() => GeneratorExperiment.Run(request));
        Assert.StartsWith("batch 100000 needs about ", e.Message);
        Assert.Contains("exact-every 0", e.Message);
        // 12 bytes per pair of the 100000² cost matrix.
        Assert.Equal(12L * 100_000 * 100_000, request.Memory.ExactBytes);
        Assert.Equal(0, (request with { ExactEvery = 0 }).Memory.ExactBytes);
        Assert.Equal(0, MemoryEstimate.Exact(100_000, 100_000, 1)); // 1-D: the sorted route, no matrix
    }

    [Fact]
    public void FinalSamplesAreDrawnInChunksExactlyAsInOnePass()
    {
        // The noise is drawn row after row from one generator and each row's output depends on that row alone, so
        // generating in chunks of SampleChunk rows gives the rows a single pass would: a longer request extends a shorter one.
        var shorter = GeneratorExperiment.Run(Small("gan") with { Iterations = 1, Samples = GeneratorExperiment.SampleChunk - 3 });
        var longer = GeneratorExperiment.Run(Small("gan") with { Iterations = 1, Samples = GeneratorExperiment.SampleChunk + 5 });
        Assert.Equal(shorter.Samples, longer.Samples[..shorter.Samples.Length]);
        Assert.Equal(2L * (GeneratorExperiment.SampleChunk + 5), longer.Samples.Length);
    }
}
