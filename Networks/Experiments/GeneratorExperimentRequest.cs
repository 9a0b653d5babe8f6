using Verify.Networks.Training;
using Verify.Toys.Families;

namespace Verify.Networks.Experiments;

/// <summary>
/// What a generator-training experiment is asked (see <see cref="GeneratorExperiment.Run"/>): a toy law to learn, the
/// method with its options, and the shape of both networks. <see cref="GeneratorExperiment.Defaults"/> gives the
/// defaults for a family (the WGAN-GP toy code's for its toy sets).
/// </summary>
/// <param name="Law">The real law (fresh seeded batches are drawn from it every critic step).</param>
/// <param name="Options">The method and its settings.</param>
public sealed record GeneratorExperimentRequest(IToyDistribution Law, MethodOptions Options)
{
    /// <summary>Generator iterations.</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>Hidden width of generator and critic.</summary>
    public int Hidden { get; init; } = ToyCodeDefaults.Hidden;

    /// <summary>Hidden layers of generator and critic.</summary>
    public int Layers { get; init; } = ToyCodeDefaults.Layers;

    /// <summary>Dimension of the generator's N(0, I) noise (2, as in the WGAN-GP toy code).</summary>
    public int NoiseDimension { get; init; } = 2;

    /// <summary>Exact W₁ between the generated and the real batch every this many iterations (0: never).</summary>
    public int ExactEvery { get; init; } = 1;

    /// <summary>Generated samples drawn at the end (<see cref="GeneratorExperimentResult.Samples"/>).</summary>
    public int Samples { get; init; } = 1000;

    /// <summary>Seed of the initialisations, batches, noise and interpolates.</summary>
    public long Seed { get; init; }

    /// <summary>The networks' floating-point type (exact values are double regardless).</summary>
    public Precision Precision { get; init; } = Precision.Single;

    /// <summary>The memory one step and the exact W₁ will take (refused up front by <see cref="Validate"/> when it does not fit).</summary>
    public MemoryEstimate Memory => new(
        MemoryEstimate.Network(Math.Max(Options.Batch, Math.Min(Samples, GeneratorExperiment.SampleChunk)), Hidden, Layers, Precision),
        ExactEvery > 0 ? MemoryEstimate.Exact(Options.Batch, Options.Batch, Law.Dimension) : 0,
        8L * Samples * Law.Dimension);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot run.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Law);
        ArgumentNullException.ThrowIfNull(Options);
        Options.Validate();
        if (Iterations < 0) throw new ArgumentException($"iterations must be non-negative, got {Iterations}");
        if (Hidden < 1) throw new ArgumentException($"hidden width must be at least 1, got {Hidden}");
        if (Layers < 1) throw new ArgumentException($"layers must be at least 1, got {Layers}");
        if (NoiseDimension < 1) throw new ArgumentException($"noise dimension must be at least 1, got {NoiseDimension}");
        if (ExactEvery < 0) throw new ArgumentException($"exact-every must be 0 or positive, got {ExactEvery}");
        if (Samples < 1) throw new ArgumentException($"samples must be at least 1, got {Samples}");
        if (!Enum.IsDefined(Precision)) throw new ArgumentException($"unknown precision {(int)Precision}");
        MemoryEstimate m = Memory;
        if (!m.Fits)
            throw new ArgumentException($"batch {Options.Batch} needs about {MemoryEstimate.Show(m.TotalBytes)} " +
                                        $"(networks {MemoryEstimate.Show(m.NetworkBytes)}" +
                                        (m.ExactBytes > 0 ? $", exact W1 between two batches {MemoryEstimate.Show(m.ExactBytes)}" : "") +
                                        $", {Samples} samples {MemoryEstimate.Show(m.OutputBytes)}" +
                                        $"), more than the {MemoryEstimate.Show(MemoryEstimate.AvailableBytes)} available; use a smaller batch" +
                                        (m.ExactBytes > 0 ? " or turn the exact W1 off (exact-every 0)" : "") + " or fewer samples");
    }
}
