using Verify.Networks.Architectures;
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

    private static (GanRun<float> Run, DcganCritic<float> Critic, DcganGenerator<float> Generator, long Bytes) TrainDcgan(string method, CriticNormalization norm, bool opaque, int iterations)
    {
        // Widths 8 and batch 16: the convolutions' activations and gradients ([16, 8, 14, 14] and up) are pooled; noise of
        // dimension 16 = batch makes the generator's first weight gradient [784, 16] as long as its activations [16, 784],
        // so a recycled gradient would be handed to a later step's activation.
        var rng = new Rng(5);
        MethodOptions options = MethodOptions.Default(method) switch
        {
            WganGpOptions o => o with { Batch = 16, NCritic = 2 },
            GanOptions o => o with { Batch = 16 },
            var o => throw new ArgumentException(o.Method),
        };
        var objective = CriticObjective<float>.For(options);
        var critic = new DcganCritic<float>(rng.Split(), norm, width: 8);
        var generator = new DcganGenerator<float>(rng.Split(), noiseDimension: 16, width: 8);
        var digits = Tensor.Uniform<float>(new Rng(6), -1, 1, 64, 784);
        Func<Rng, int, Tensor<float>> real = (r, n) => Tensor.GatherRows(digits, Enumerable.Range(0, n).Select(_ => (int)(r.NextUInt64() % 64)).ToArray());
        long before = GC.GetAllocatedBytesForCurrentThread();
        var run = GanTraining.Run(objective, opaque ? new Opaque(critic) : critic, opaque ? new OpaqueGenerator(generator) : generator, real, iterations, rng, exactEvery: 0);
        return (run, critic, generator, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// Every parameter, gradient and buffer (BatchNorm's running statistics) of a trained pair, in order, and the critic's
    /// values on a fresh generated batch — read after that batch was made, so that a gradient wrongly handed back to the
    /// pool would by then hold one of the forward's activations.
    /// </summary>
    private static float[] State(DcganCritic<float> critic, DcganGenerator<float> generator)
    {
        float[] values;
        using (Verify.Networks.Autodiff.Autograd.NoGrad()) values = critic.Forward(generator.Forward(generator.Noise(new Rng(7), 16))).ToArray();
        var parameters = critic.Parameters().Concat(generator.Parameters()).ToArray();
        return parameters.SelectMany(p => p.ToArray()).Concat(parameters.SelectMany(p => p.Grad!.ToArray()))
            .Concat(critic.NamedBuffers().Concat(generator.NamedBuffers()).SelectMany(e => e.Buffer.ToArray())).Concat(values).ToArray();
    }

    public static TheoryData<string, CriticNormalization> DcganMethods => new()
    {
        { "wgan-gp", CriticNormalization.None }, { "wgan-gp", CriticNormalization.LayerNorm }, { "gan", CriticNormalization.BatchNorm },
    };

    [Theory]
    [MemberData(nameof(DcganMethods))]
    public void RecycledDcganStepsGiveTheNumbersOfFreshBuffers(string method, CriticNormalization norm)
    {
        // As above for the convolutional pair: conv and transposed-conv activations, their gradients, the penalty's double
        // backward through the convolutions, LayerNorm, and BatchNorm's running statistics (updated in place) all recycle.
        var (fresh, freshCritic, freshGenerator, freshBytes) = TrainDcgan(method, norm, opaque: true, iterations: 3);
        var (recycled, recycledCritic, recycledGenerator, recycledBytes) = TrainDcgan(method, norm, opaque: false, iterations: 3);
        Assert.Equal(fresh.Records.Select(r => r with { Seconds = 0 }), recycled.Records.Select(r => r with { Seconds = 0 }));
        Assert.Equal(State(freshCritic, freshGenerator), State(recycledCritic, recycledGenerator)); // bit for bit
        long freshMore = TrainDcgan(method, norm, opaque: true, iterations: 6).Bytes - freshBytes;
        long recycledMore = TrainDcgan(method, norm, opaque: false, iterations: 6).Bytes - recycledBytes;
        log.WriteLine($"{method}/{norm}: 3 more iterations allocate {freshMore / 1e6:F2} MB fresh, {recycledMore / 1e6:F2} MB with recycling");
        Assert.True(recycledMore < freshMore / 2, $"3 more iterations allocated {recycledMore} bytes recycled, {freshMore} fresh");
    }

    [Fact]
    public void OnlyDcganModelsOfPlainLayersAreRecycled()
    {
        // Spectral normalisation keeps its power-iteration vectors from step to step: a critic with it must not be recycled.
        var rng = new Rng(1);
        var gp = CriticObjective<float>.For(MethodOptions.Default("wgan-gp"));
        Assert.True(StepBuffers<float>.Stateless(gp, new DcganCritic<float>(rng, width: 2)));
        Assert.True(StepBuffers<float>.Stateless(gp, new DcganCritic<float>(rng, CriticNormalization.LayerNorm, width: 2)));
        Assert.False(StepBuffers<float>.Stateless(gp, new DcganCritic<float>(rng, width: 2, spectralNorm: true)));
        Assert.False(StepBuffers<float>.Stateless(gp, new Opaque(new DcganCritic<float>(rng, width: 2))));
        Assert.True(StepBuffers<float>.Stateless(new DcganGenerator<float>(rng, noiseDimension: 4, width: 2)));
        Assert.False(StepBuffers<float>.Stateless(new OpaqueGenerator(new DcganGenerator<float>(rng, noiseDimension: 4, width: 2))));
    }
}
