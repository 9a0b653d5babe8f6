using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Networks.Critics;
using Verify.Networks.Experiments;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.Theory;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Figures.FigureSet;

/// <summary>
/// F5 (after WGAN-GP Fig. 1): (a) value surfaces of critics trained with weight clipping and with the gradient penalty on
/// 8 Gaussians, 25 Gaussians and the Swiss roll, the generator fixed at real + N(0, I); (b) per-layer gradient norms of a
/// deep ReLU critic on the Swiss roll for c ∈ {0.1, 0.01, 0.001} and for GP; (c) the weights of a clipped (c = 0.01)
/// and of a penalised deep critic.
/// </summary>
public sealed partial class F5CriticSurfaces : Figure
{
    public static readonly string[] Datasets = ["8gaussians", "25gaussians", "swissroll"];
    public static readonly string[] SurfaceMethods = ["wgan-clip", "wgan-gp"];
    public static readonly string[] DeepCritics = ["clip-0.1", "clip-0.01", "clip-0.001", "gp"];
    public const int GridSize = 128;
    public const double GridHalfWidth = 3;

    public override string Id => "f5-critic-surfaces";

    public override string Title => "Critic surfaces, layer gradients and weights: clipping against gradient penalty";

    public override string Caption =>
        "(a) Value of critics trained to near-optimality between a toy set (white dots: real samples) and the same set plus " +
        "N(0, I) (the fixed generator of WGAN-GP Fig. 1a), on a 128 × 128 grid over [−3, 3]²; colour is the critic value, " +
        "each panel on its own scale (only differences matter). The clipped critic (c = 0.01) learns a much simpler " +
        "function than the penalised one. (b) Norms of the gradient of the critic loss with respect to each layer's " +
        "pre-activation, in a deep ReLU critic on the Swiss roll: with clipping they shrink or grow geometrically with depth, " +
        "with the gradient penalty they stay within a narrow band. (c) The deep critics' weights: clipping piles them at ±c.";

    public override IReadOnlyList<string> Claims => ["wgan-clip.scaled-estimate", "wgan-gp.overshoot"];

    public static readonly TableSchema SurfacesSchema = new("surfaces", ["dataset", "method", "x", "y", "value"], ["x", "y", "value"]);
    public static readonly TableSchema SamplesSchema = new("samples", ["dataset", "x", "y"], ["x", "y"]);
    public static readonly TableSchema EstimatesSchema = new("estimates", ["dataset", "method", "estimate", "exact_w1"], ["estimate", "exact_w1"]);
    public static readonly TableSchema LayersSchema = new("layer_gradients", ["critic", "layer", "gradient_norm"], ["layer", "gradient_norm"]);
    public static readonly TableSchema WeightsSchema = new("weights", ["critic", "bin_low", "bin_high", "count"], ["bin_low", "bin_high", "count"]);
    public static readonly TableSchema WeightSummarySchema = new("weight_summary", ["critic", "weights", "at_bound", "max_abs"], ["weights", "at_bound", "max_abs"]);

    public override IReadOnlyList<TableSchema> Schema => [SurfacesSchema, SamplesSchema, EstimatesSchema, LayersSchema, WeightsSchema, WeightSummarySchema];

    private sealed record Budget(int Width, int Steps, int Samples, int DeepWidth, int DeepLayers, int DeepSteps);

    private static Budget For(FigureRun run) => run.Quick ? new Budget(64, 500, 1024, 64, 12, 150) : new Budget(128, 2000, 4096, 128, 12, 600);

    public override IReadOnlyList<long> Seeds(FigureRun run) => [run.Seed];

    /// <summary>The critics' options: batch 256 (gan_toy.py), learning rate 10⁻³ (near-optimal critics), paper λ and c.</summary>
    public static MethodOptions Options(string critic)
    {
        MethodOptions o = critic.StartsWith("clip", StringComparison.Ordinal) || critic == "wgan-clip"
            ? new WganClipOptions { Clip = critic.StartsWith("clip-", StringComparison.Ordinal) ? double.Parse(critic[5..], System.Globalization.CultureInfo.InvariantCulture) : 0.01 }
            : new WganGpOptions();
        return o with { Batch = 256, CriticOptimizer = o.CriticOptimizer with { LearningRate = CriticGrid.LearningRate } };
    }

    public override IReadOnlyList<(string Key, object Value)> Settings(FigureRun run)
    {
        Budget b = For(run);
        return
        [
            ("fixed_generator", "real + N(0, I) (gan_toy.py FIXED_GENERATOR)"), ("grid", "128 × 128 over [−3, 3]²"),
            ("surface_critic", $"MLP 2-{b.Width}x3-1 relu"), ("surface_steps", b.Steps), ("samples_per_law", b.Samples),
            ("deep_critic", $"MLP 2-{b.DeepWidth}x{b.DeepLayers}-1 relu on swissroll"), ("deep_steps", b.DeepSteps),
            ("deep_samples_per_law", DeepSamples),
            ("layer_gradient", "‖∂(E_Q f − E_P f)/∂z_k‖ over 256 fresh real and 256 fresh fake points, z_k the k-th Linear layer's output"),
            ("exact_w1", "exact optimal transport between the held-out halves (the estimate's own samples)"),
            ("options_wgan_clip", Options("wgan-clip").Describe()), ("options_wgan_gp", Options("wgan-gp").Describe()), ("precision", "float32"),
        ];
    }

    private sealed record Surface(double[] Values, double Estimate, double ExactW1, double[] Real);
    private sealed record Deep(double[] Norms, double[] Weights);

    public override FigurePlan Plan(FigureRun run)
    {
        Budget b = For(run);
        var surfaces = new Surface[Datasets.Length, SurfaceMethods.Length];
        var deep = new Deep[DeepCritics.Length];
        var jobs = new List<Job>();
        for (int d = 0; d < Datasets.Length; d++)
            for (int m = 0; m < SurfaceMethods.Length; m++)
            {
                int di = d, mi = m;
                jobs.Add(new Job($"{Id} {Datasets[d]} {SurfaceMethods[m]}", b.Steps * b.Width / 64.0 * (m == 1 ? 4.0 : 2.0),
                    () => surfaces[di, mi] = TrainSurface(Datasets[di], SurfaceMethods[mi], run.Seed, b)));
            }
        for (int k = 0; k < DeepCritics.Length; k++)
        {
            int ki = k;
            jobs.Add(new Job($"{Id} deep {DeepCritics[k]}", b.DeepSteps * Math.Pow(b.DeepWidth / 64.0, 2) * 6, () => deep[ki] = TrainDeep(DeepCritics[ki], run.Seed, b)));
        }
        return new FigurePlan(jobs, () => Assemble(surfaces, deep));
    }

    /// <summary>Samples per law for the deep critics (their held-out exact W₁ is not shown, and costs an n²-arc problem).</summary>
    public const int DeepSamples = 1024;

    private static IToyDistribution Real(string dataset) => ToyFamilies.Get(dataset).Fixed!;

    private static Surface TrainSurface(string dataset, string method, long seed, Budget b)
    {
        IToyDistribution real = Real(dataset);
        IToyDistribution fake = ToyFamilies.FixedGenerator(real).At(1.0);
        double[] p = real.SamplePoints(b.Samples, FigureRun.Derive(seed, dataset + "/real"));
        double[] q = fake.SamplePoints(b.Samples, FigureRun.Derive(seed, dataset + "/fake"));
        var net = CriticFit.Run(Options(method), CriticArchitecture.Mlp(2, b.Width, 3), p, q, 2, b.Steps, FigureRun.Derive(seed, dataset + "/" + method), Precision.Single);
        double[] values = net.Critic.Evaluate(GridPoints());
        return new Surface(values, net.Estimate, net.Exact!.Value, p[..(2 * 256)]);
    }

    private static Deep TrainDeep(string critic, long seed, Budget b)
    {
        IToyDistribution real = Real("swissroll");
        IToyDistribution fake = ToyFamilies.FixedGenerator(real).At(1.0);
        double[] p = real.SamplePoints(DeepSamples, FigureRun.Derive(seed, "swissroll/real"));
        double[] q = fake.SamplePoints(DeepSamples, FigureRun.Derive(seed, "swissroll/fake"));
        var net = CriticFit.Run(Options(critic), CriticArchitecture.Mlp(2, b.DeepWidth, b.DeepLayers), p, q, 2, b.DeepSteps,
            FigureRun.Derive(seed, "swissroll/deep/" + critic), Precision.Single);
        var mlp = (MlpCritic<float>)net.Critic.As<float>();
        // The probe batch: 256 fresh real and 256 fresh fake points, not seen in training.
        var probeReal = Tensor.FromDouble<float>(real.SamplePoints(256, FigureRun.Derive(seed, "swissroll/deep/probe-real")), 256, 2);
        var probeFake = Tensor.FromDouble<float>(fake.SamplePoints(256, FigureRun.Derive(seed, "swissroll/deep/probe-fake")), 256, 2);
        double[] norms = LayerGradients.Of(mlp, probeReal, probeFake);
        double[] weights = mlp.Linears.SelectMany(l => l.Weight.ToDoubleArray()).ToArray();
        return new Deep(norms, weights);
    }

    /// <summary>The grid's points, row-major: y outer (from −3 up), x inner (from −3 right).</summary>
    public static double[] GridPoints()
    {
        var pts = new double[GridSize * GridSize * 2];
        for (int j = 0; j < GridSize; j++)
            for (int i = 0; i < GridSize; i++)
            {
                pts[2 * (j * GridSize + i)] = GridCoordinate(i);
                pts[2 * (j * GridSize + i) + 1] = GridCoordinate(j);
            }
        return pts;
    }

    /// <summary>−3 + 6k/127, k = 0 … 127.</summary>
    public static double GridCoordinate(int k) => -GridHalfWidth + 2 * GridHalfWidth * k / (GridSize - 1);

    private TableSet Assemble(Surface[,] surfaces, Deep[] deep)
    {
        TidyTable surf = SurfacesSchema.Create(), samples = SamplesSchema.Create(), est = EstimatesSchema.Create();
        TidyTable layers = LayersSchema.Create(), weights = WeightsSchema.Create(), summary = WeightSummarySchema.Create();
        double[] grid = GridPoints();
        for (int d = 0; d < Datasets.Length; d++)
        {
            for (int m = 0; m < SurfaceMethods.Length; m++)
            {
                Surface s = surfaces[d, m];
                for (int k = 0; k < s.Values.Length; k++) surf.Add(Datasets[d], SurfaceMethods[m], grid[2 * k], grid[2 * k + 1], s.Values[k]);
                est.Add(Datasets[d], SurfaceMethods[m], s.Estimate, s.ExactW1);
            }
            double[] real = surfaces[d, 0].Real;
            for (int k = 0; k < real.Length / 2; k++) samples.Add(Datasets[d], real[2 * k], real[2 * k + 1]);
        }
        for (int c = 0; c < DeepCritics.Length; c++)
        {
            for (int k = 0; k < deep[c].Norms.Length; k++) layers.Add(DeepCritics[c], k + 1, deep[c].Norms[k]);
            double[] w = deep[c].Weights;
            double max = w.Max(Math.Abs);
            bool clipped = DeepCritics[c].StartsWith("clip-", StringComparison.Ordinal);
            double bound = clipped ? ClipOf(DeepCritics[c]) : 0;
            int atBound = clipped ? w.Count(v => Math.Abs(Math.Abs(v) - bound) <= 1e-6 * bound) : 0;
            summary.Add(DeepCritics[c], w.Length, atBound / (double)w.Length, max);
            if (DeepCritics[c] is "clip-0.01" or "gp") Histogram(weights, DeepCritics[c], w, max * 1.05);
        }
        return new TableSet(surf, samples, est, layers, weights, summary);
    }

    private static double ClipOf(string critic) => ((WganClipOptions)Options(critic)).Clip;

    private static void Histogram(TidyTable t, string critic, double[] w, double half)
    {
        const int bins = 61;
        var counts = new int[bins];
        foreach (double v in w) counts[Math.Clamp((int)Math.Floor((v + half) / (2 * half) * bins), 0, bins - 1)]++;
        for (int k = 0; k < bins; k++) t.Add(critic, -half + 2 * half * k / bins, -half + 2 * half * (k + 1) / bins, counts[k]);
    }
}
