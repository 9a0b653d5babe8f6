using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Verify.Networks.Training;
using Verify.Theory;

namespace Verify.Networks.Experiments;

/// <summary>
/// What a critic experiment is asked (see <see cref="CriticExperiment.Run"/>): two sample sets, a method with its options,
/// and how to get the critic (train one of <see cref="Architecture"/> for <see cref="Steps"/> steps, or evaluate
/// <see cref="Load"/>).
/// </summary>
/// <param name="Real">Samples of P, the real law (weights used when they are not all equal).</param>
/// <param name="Fake">Samples of Q, the generated law (same dimension).</param>
/// <param name="Options">The method and its settings (<see cref="MethodOptions.Default"/> gives the papers' defaults).</param>
public sealed record CriticExperimentRequest(DiscreteDistribution Real, DiscreteDistribution Fake, MethodOptions Options)
{
    /// <summary>Default hidden width of the trained critic.</summary>
    public const int DefaultHidden = 64;

    /// <summary>Default number of hidden layers of the trained critic.</summary>
    public const int DefaultLayers = 2;

    /// <summary>Default training steps.</summary>
    public const int DefaultSteps = 2000;

    /// <summary>A request on two row-major point arrays of <paramref name="dimension"/> columns (uniform weights).</summary>
    public static CriticExperimentRequest FromArrays(double[] real, double[] fake, int dimension, MethodOptions options) =>
        new(new DiscreteDistribution(real, dimension), new DiscreteDistribution(fake, dimension), options);

    /// <summary>The critic to train; null: d → 64 → 64 → 1 ReLU (<see cref="DefaultHidden"/>, <see cref="DefaultLayers"/>).</summary>
    public CriticArchitecture? Architecture { get; init; }

    /// <summary>Critic training steps (ignored when <see cref="Load"/> is set).</summary>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>Seed of the split, the critic's initialisation, the minibatches, the penalty's interpolates and the audit.</summary>
    public long Seed { get; init; }

    /// <summary>The network's floating-point type (exact values are double regardless).</summary>
    public Precision Precision { get; init; } = Precision.Single;

    /// <summary>A critic to evaluate instead of training one (bring your own critic).</summary>
    public LoadedCritic? Load { get; init; }

    /// <summary>
    /// The distance between the laws the samples were drawn from, when known (a toy family's closed form). For gan it
    /// is the value the JS estimate is compared with; for the Wasserstein methods it is reported beside the exact W₁
    /// between the held-out halves, which stays the comparison.
    /// </summary>
    public ExactReference? Reference { get; init; }

    /// <summary>Also compute the exact value between all rows (not only the held-out halves). On by default.</summary>
    public bool ExactAllRows { get; init; } = true;

    /// <summary>The architecture used: <see cref="Load"/>'s, <see cref="Architecture"/>, or the default for the dimension.</summary>
    public CriticArchitecture ResolvedArchitecture =>
        Load?.Architecture ?? Architecture ?? CriticArchitecture.Mlp(Real.Dimension, DefaultHidden, DefaultLayers);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first thing that cannot run.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Real);
        ArgumentNullException.ThrowIfNull(Fake);
        ArgumentNullException.ThrowIfNull(Options);
        Options.Validate();
        if (Real.Dimension != Fake.Dimension)
            throw new ArgumentException($"the real samples have dimension {Real.Dimension}, the fake samples {Fake.Dimension}");
        if (Real.Count < 2 || Fake.Count < 2)
            throw new ArgumentException($"the {(Real.Count < 2 ? "real" : "fake")} samples need at least 2 rows to split into training and held-out halves");
        if (Steps < 0) throw new ArgumentException($"steps must be non-negative, got {Steps}");
        if (!Enum.IsDefined(Precision)) throw new ArgumentException($"unknown precision {(int)Precision}");
        Reference?.Validate();
        if (Reference is { } r && r.Metric != CriticExperiment.MetricOf(Options))
            throw new ArgumentException($"the reference is a {r.Metric} value but {Options.Method} estimates {CriticExperiment.MetricOf(Options)}");
        var arch = ResolvedArchitecture;
        if (arch.Sizes[0] != Real.Dimension || arch.Sizes[^1] != 1)
            throw new ArgumentException($"a critic of these samples takes {Real.Dimension} inputs and gives 1 output; the architecture is {arch}");
        MemoryEstimate m = Memory;
        if (!m.Fits)
            throw new ArgumentException($"this experiment needs about {MemoryEstimate.Show(m.TotalBytes)} (networks {MemoryEstimate.Show(m.NetworkBytes)}" +
                                        (m.ExactBytes > 0 ? $", exact W1 between {Real.Count} and {Fake.Count} points in {Real.Dimension}-D {MemoryEstimate.Show(m.ExactBytes)}" : "") +
                                        $"), more than the {MemoryEstimate.Show(MemoryEstimate.AvailableBytes)} available; use fewer samples or a smaller batch");
    }

    /// <summary>The memory training and the exact values will take (refused up front by <see cref="Validate"/> when it does not fit).</summary>
    public MemoryEstimate Memory
    {
        get
        {
            var arch = ResolvedArchitecture;
            int width = arch.Sizes.Skip(1).SkipLast(1).DefaultIfEmpty(1).Max();
            long exact = CriticExperiment.MetricOf(Options) != "w1" ? 0
                : ExactAllRows ? MemoryEstimate.Exact(Real.Count, Fake.Count, Real.Dimension)
                : MemoryEstimate.Exact(Real.Count / 2, Fake.Count / 2, Real.Dimension);
            return new MemoryEstimate(MemoryEstimate.Network(Options.Batch, width, arch.LinearLayers - 1, Precision), exact);
        }
    }
}
