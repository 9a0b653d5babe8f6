using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.Toys;
using Xunit;
using Xunit.Abstractions;

namespace Verify.Networks.Tests.Training;

public sealed class StepBuffersTests(ITestOutputHelper log)
{
    /// <summary>The same critic seen through the ICritic seam only: not known to be stateless, so its steps are not recycled.</summary>
    private sealed class Opaque(ICritic<float> inner) : ICritic<float>
    {
        public int InputDimension => inner.InputDimension;
        public double ActivationLipschitz => inner.ActivationLipschitz;
        public Tensor<float> Forward(Tensor<float> input) => inner.Forward(input);
        public IEnumerable<Tensor<float>> Parameters() => inner.Parameters();
        public IEnumerable<(string Name, Tensor<float> Parameter)> NamedParameters() => inner.NamedParameters();
        public void ZeroGrad() => inner.ZeroGrad();
        public bool Training => inner.Training;
        public void Train(bool mode = true) => inner.Train(mode);
        public IReadOnlyList<Tensor<float>> EffectiveWeights() => inner.EffectiveWeights();
        public IReadOnlyList<(string Name, Tensor<float> Value)> ExportParameters() => inner.ExportParameters();
    }

    /// <summary>The same generator seen through the IGenerator seam only.</summary>
    private sealed class OpaqueGenerator(IGenerator<float> inner) : IGenerator<float>
    {
        public int NoiseDimension => inner.NoiseDimension;
        public int OutputDimension => inner.OutputDimension;
        public Tensor<float> Forward(Tensor<float> input) => inner.Forward(input);
        public IEnumerable<Tensor<float>> Parameters() => inner.Parameters();
        public IEnumerable<(string Name, Tensor<float> Parameter)> NamedParameters() => inner.NamedParameters();
        public void ZeroGrad() => inner.ZeroGrad();
        public bool Training => inner.Training;
        public void Train(bool mode = true) => inner.Train(mode);
    }

    private static (GanRun<float> Run, long Bytes) Train(MethodOptions options, bool opaque, int iterations = 8)
    {
        // Widths 64 and batch 64: the step's [64, 64] buffers are 4096 elements, the smallest the pool recycles.
        var rng = new Rng(11);
        var objective = CriticObjective<float>.For(options);
        var critic = objective.CreateCritic(CriticArchitecture.Mlp(2, 64, 2), rng.Split());
        var generator = new MlpGenerator<float>([2, 64, 64, 2], Activation.ReLU, rng.Split());
        var law = ToyFamilies.EightGaussians();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var run = GanTraining.Run(objective, opaque ? new Opaque(critic) : critic, opaque ? new OpaqueGenerator(generator) : generator, GanTraining.FromLaw<float>(law), iterations, rng, exactEvery: 0);
        return (run, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    public static TheoryData<string> Methods => new(["wgan-gp", "wgan-clip", "gan"]);

    [Theory]
    [MemberData(nameof(Methods))]
    public void RecycledStepsGiveTheNumbersOfFreshBuffers(string method)
    {
        // Independent route: the same seeded run with every buffer fresh from the allocator (critic and generator behind
        // the ICritic and IGenerator seams, which the recycling does not trust). Recycled buffers hold the previous step's
        // values, so an op that read its output buffer before writing it, or a buffer recycled while still in use, would
        // change the numbers.
        var options = MethodOptions.Default(method) with { Batch = 64 };
        var (fresh, freshBytes) = Train(options, opaque: true);
        var (recycled, recycledBytes) = Train(options, opaque: false);
        log.WriteLine($"{method}: allocated {freshBytes / 1e6:F1} MB fresh, {recycledBytes / 1e6:F1} MB with recycling");
        Assert.Equal(fresh.Records.Count, recycled.Records.Count);
        for (int i = 0; i < fresh.Records.Count; i++)
            Assert.Equal(fresh.Records[i] with { Seconds = 0 }, recycled.Records[i] with { Seconds = 0 });
        var a = fresh.Critic.Parameters().Concat(fresh.Generator.Parameters()).SelectMany(p => p.ToArray()).ToArray();
        var b = recycled.Critic.Parameters().Concat(recycled.Generator.Parameters()).SelectMany(p => p.ToArray()).ToArray();
        Assert.Equal(a, b); // bit for bit
        // The gradients the steps hand out outlive them (a leaf's .Grad): they must not have been recycled.
        var ga = fresh.Critic.Parameters().Concat(fresh.Generator.Parameters()).SelectMany(p => p.Grad!.ToArray()).ToArray();
        var gb = recycled.Critic.Parameters().Concat(recycled.Generator.Parameters()).SelectMany(p => p.Grad!.ToArray()).ToArray();
        Assert.Equal(ga, gb);
        // And the recycling does take place: what 8 more iterations allocate (the steps' graphs, once the first step has
        // filled the pool) falls to less than half; the rest is the generator's forward and the batches, made outside the steps.
        long freshMore = Train(options, opaque: true, iterations: 16).Bytes - freshBytes;
        long recycledMore = Train(options, opaque: false, iterations: 16).Bytes - recycledBytes;
        log.WriteLine($"{method}: 8 more iterations allocate {freshMore / 1e6:F2} MB fresh, {recycledMore / 1e6:F2} MB with recycling");
        Assert.True(recycledMore < freshMore / 2, $"8 more iterations allocated {recycledMore} bytes recycled, {freshMore} fresh");
    }
}
