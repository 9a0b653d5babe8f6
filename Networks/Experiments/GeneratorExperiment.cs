using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.Toys.Families;

namespace Verify.Networks.Experiments;

/// <summary>
/// Generator training on a toy law, the single code path behind <c>verify train</c>, the claims and the figures: an MLP
/// generator (N(0, I) noise of <see cref="GeneratorExperimentRequest.NoiseDimension"/> → H × L ReLU → d, no output
/// activation, as in the WGAN-GP toy code) against an MLP critic of the same width and depth, trained by
/// <see cref="GanTraining.Run"/>. Randomness: <c>rng = new Rng(seed)</c>; the critic is initialised from <c>rng.Split()</c>,
/// then the generator from <c>rng.Split()</c>; training draws from <c>rng</c>; the final samples use the noise drawn
/// from <c>rng</c> after the last iteration. The same request gives the same records (all but the seconds) and weights.
/// </summary>
public static class GeneratorExperiment
{
    /// <summary>The final samples are generated this many rows at a time (bit-identical to one pass, bounded memory).</summary>
    public const int SampleChunk = 16384;

    /// <summary>
    /// The defaults for training on <paramref name="family"/> with <paramref name="method"/>: for the WGAN-GP toy sets
    /// (<see cref="ToyCodeDefaults"/>) the toy code's settings (width 512, 3 layers, batch 256, λ = 0.1 for wgan-gp);
    /// for every other family the method's paper defaults with width 128 and 3 layers.
    /// </summary>
    public static (MethodOptions Options, int Hidden, int Layers) Defaults(string family, string method)
    {
        ArgumentNullException.ThrowIfNull(family);
        return ToyCodeDefaults.AppliesTo(family)
            ? (ToyCodeDefaults.Options(method), ToyCodeDefaults.Hidden, ToyCodeDefaults.Layers)
            : (MethodOptions.Default(method), 128, 3);
    }

    /// <summary>
    /// Runs the experiment. <paramref name="onRecord"/> sees each iteration's record as soon as it is made (for a streamed
    /// log); <paramref name="cancellation"/> stops the run before its next iteration (the result is then marked
    /// <see cref="GeneratorExperimentResult.Interrupted"/> and holds the iterations done, the networks as they are, and
    /// samples from them).
    /// </summary>
    /// <exception cref="ArgumentException">The request cannot run, including sizes that will not fit in memory.</exception>
    /// <exception cref="TrainingDivergedException">Training produced a NaN or ±∞ loss or weight.</exception>
    public static GeneratorExperimentResult Run(GeneratorExperimentRequest request, Action<IterationRecord>? onRecord = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return request.Precision == Precision.Single ? Run<float>(request, onRecord, cancellation) : Run<double>(request, onRecord, cancellation);
    }

    private static GeneratorExperimentResult Run<T>(GeneratorExperimentRequest r, Action<IterationRecord>? onRecord, CancellationToken cancellation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = r.Law.Dimension;
        var rng = new Rng(unchecked((ulong)r.Seed));
        var objective = CriticObjective<T>.For(r.Options);
        var arch = CriticArchitecture.Mlp(d, r.Hidden, r.Layers);
        ICritic<T> critic = objective.CreateCritic(arch, rng.Split());
        var sizes = new List<int> { r.NoiseDimension };
        for (int i = 0; i < r.Layers; i++) sizes.Add(r.Hidden);
        sizes.Add(d);
        var generator = new MlpGenerator<T>(sizes, Activation.ReLU, rng.Split());

        var run = GanTraining.Run(objective, critic, generator, GanTraining.FromLaw<T>(r.Law), r.Iterations, rng, r.ExactEvery,
            onRecord is null ? null : (rec, _, _) => onRecord(rec), cancellation);

        var samples = new double[(long)r.Samples * d];
        using (Autograd.NoGrad())
        {
            for (int start = 0; start < r.Samples; start += SampleChunk)
            {
                int rows = Math.Min(SampleChunk, r.Samples - start);
                generator.Forward(Tensor.Normal<T>(rng, 0, 1, rows, r.NoiseDimension)).ToDoubleArray().CopyTo(samples, (long)start * d);
            }
        }
        var dtype = typeof(T) == typeof(float) ? SafeTensorsDType.F32 : SafeTensorsDType.F64;
        NamedArray[] generatorTensors = generator.NamedParameters()
            .Select(p => new NamedArray(p.Name, dtype, p.Parameter.Shape.ToArray(), p.Parameter.ToDoubleArray())).ToArray();
        return new GeneratorExperimentResult(r, arch, sizes, run.Records, samples, TrainedCritic.Of(critic, arch), generatorTensors,
            run.Seconds, run.Interrupted);
    }
}
