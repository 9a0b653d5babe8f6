using System.Collections.Concurrent;
using System.Globalization;
using Verify.Figures.FigureSet.Core;
using Verify.Networks.Critics;
using Verify.Networks.Experiments;
using Verify.Networks.Training;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// The critics behind F1 and F2: for each family (real P₀, fake P_θ), grid θ, method and replicate seed, one critic or
/// discriminator trained by <see cref="CriticExperiment"/>, its held-out estimate (W₁, or JS for the GAN) and the gradient
/// it hands a generator at θ (<see cref="GeneratorGradient"/>; for the GAN with the minimax and the non-saturating loss).
/// Cells are computed once per process and shared, so F1 and F2 show the same trained networks.
/// </summary>
public static class CriticGrid
{
    public static readonly string[] Families = ["parallel-lines", "gaussian-location"];
    public static readonly string[] Methods = ["wgan-clip", "wgan-gp", "wgan-lp", "gan"];

    /// <summary>The grid and the training budget at a scale.</summary>
    public sealed record Settings(double[] Thetas, int Replicates, int Steps, int Samples, int GradientSamples, int Hidden, int Layers);

    /// <summary>One trained network: its estimate and the generator gradient(s) it gives.</summary>
    public sealed record Cell(string Family, double Theta, string Method, long Seed, double Estimate, double Gradient, double? NonSaturatingGradient);

    private static readonly ConcurrentDictionary<string, Lazy<Cell>> Cache = new();

    public static Settings For(FigureRun run) => run.Quick
        ? new Settings([-1, -0.5, 0.5, 1], 2, 1000, 4096, 1024, 64, 2)
        : new Settings([-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1], 3, 2000, 8192, 4096, 64, 2);

    /// <summary>
    /// The methods' options: the papers' defaults (batch 64; clipping c = 0.01 with RMSprop; λ = 10 with Adam β = (0.5, 0.9);
    /// the GAN with Adam β = (0.5, 0.999)) except the learning rate, 10⁻³ for all, so that every critic is near its optimum
    /// within the step budget (at the papers' 5·10⁻⁵ to 2·10⁻⁴ they are still moving after thousands of steps).
    /// </summary>
    public static MethodOptions Options(string method)
    {
        MethodOptions o = MethodOptions.Default(method);
        return o with { CriticOptimizer = o.CriticOptimizer with { LearningRate = LearningRate } };
    }

    public const double LearningRate = 1e-3;

    /// <summary>The replicate seeds of a run: S, S + 1, ….</summary>
    public static long[] Seeds(FigureRun run) => Enumerable.Range(0, For(run).Replicates).Select(r => run.Seed + r).ToArray();

    /// <summary>The settings as figure.json stores them.</summary>
    public static IReadOnlyList<(string Key, object Value)> Describe(FigureRun run)
    {
        Settings s = For(run);
        return
        [
            ("grid_thetas", string.Join(' ', s.Thetas.Select(t => t.ToString("R", CultureInfo.InvariantCulture)))),
            ("replicates", s.Replicates), ("critic_steps", s.Steps),
            ("samples_per_law", $"{SamplesFor("parallel-lines", s)} on the parallel lines, {s.Samples} on N(θ, 1)"),
            ("split", "each sample shuffled with the seed; first half trains, second half is held out for the estimate"),
            ("gradient_samples", s.GradientSamples), ("critic_architecture", $"MLP d-{s.Hidden}x{s.Layers}-1 relu"),
            ("learning_rate", LearningRate), ("precision", "float32"),
            .. Methods.Select(m => ((string, object))($"options_{m}", Options(m).Describe())),
        ];
    }

    /// <summary>One job per cell not yet computed, for a figure's plan.</summary>
    public static IEnumerable<Job> Jobs(FigureRun run)
    {
        Settings s = For(run);
        foreach (string family in Families)
            foreach (double theta in s.Thetas)
                foreach (string method in Methods)
                    foreach (long seed in Seeds(run))
                    {
                        string key = Key(run, family, theta, method, seed);
                        if (Cache.TryGetValue(key, out var done) && done.IsValueCreated) continue;
                        double cost = s.Steps * (method is "wgan-clip" or "gan" ? 0.16 : 0.23);
                        yield return new Job($"{family} θ={theta} {method} seed {seed}", cost, () => Get(run, family, theta, method, seed));
                    }
    }

    /// <summary>The cell, computed on first request (thread-safe; concurrent requests wait for one computation).</summary>
    public static Cell Get(FigureRun run, string family, double theta, string method, long seed) =>
        Cache.GetOrAdd(Key(run, family, theta, method, seed), _ => new Lazy<Cell>(() => Compute(run, family, theta, method, seed))).Value;

    /// <summary>
    /// Samples per law: on the parallel lines the held-out estimate of a critic that depends on x₁ only has no sampling
    /// error, and the exact W₁ between the 2-D held-out halves costs an n²-arc transport problem, so 1024 points; on N(θ, 1)
    /// the estimate's standard error is about √(2/(n/2)) and the 1-D exact W₁ is a sort, so the full budget.
    /// </summary>
    public static int SamplesFor(string family, Settings s) => family == "parallel-lines" ? Math.Min(1024, s.Samples) : s.Samples;

    private static string Key(FigureRun run, string family, double theta, string method, long seed) =>
        $"{run.ScaleName}/{family}/{theta.ToString("R", CultureInfo.InvariantCulture)}/{method}/{seed}";

    private static Cell Compute(FigureRun run, string familyName, double theta, string method, long seed)
    {
        Settings s = For(run);
        IToyFamily family = ToyFamilies.Get(familyName).Family!;
        string at = $"{familyName}/{theta.ToString("R", CultureInfo.InvariantCulture)}";
        int n = SamplesFor(familyName, s);
        double[] real = family.At(0).SamplePoints(n, FigureRun.Derive(seed, familyName + "/real"));
        double[] fake = family.At(theta).SamplePoints(n, FigureRun.Derive(seed, at + "/fake"));
        var arch = CriticArchitecture.Mlp(family.Dimension, s.Hidden, s.Layers);
        var trained = CriticFit.Run(Options(method), arch, real, fake, family.Dimension, s.Steps, FigureRun.Derive(seed, at + "/" + method), Precision.Single);
        ICritic<float> critic = trained.Critic.As<float>();
        TangentSample tangents = family.SampleWithTangent(s.GradientSamples, theta, FigureRun.Derive(seed, at + "/tangent"));
        if (method != "gan")
            return new Cell(familyName, theta, method, seed, trained.Estimate, GeneratorGradient.Of(CriticObjective<float>.For(Options(method)), critic, tangents), null);
        var minimax = new GanObjective<float>(new GanOptions { GeneratorLoss = GeneratorLoss.Minimax });
        var nonSaturating = new GanObjective<float>(new GanOptions { GeneratorLoss = GeneratorLoss.NonSaturating });
        return new Cell(familyName, theta, method, seed, trained.Estimate,
            GeneratorGradient.Of(minimax, critic, tangents), GeneratorGradient.Of(nonSaturating, critic, tangents));
    }
}
