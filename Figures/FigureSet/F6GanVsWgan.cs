using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Networks.Training;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Figures.FigureSet;

/// <summary>
/// F6: "WGAN does worse than GAN with my architecture — why?" On 8 and 25 Gaussians, the exact W₁ between generated and
/// real samples over training for a GAN, WGAN with weight clipping at n_critic ∈ {1, 5, 10} and WGAN-GP with the toy
/// code's λ = 0.1; mode coverage at the end; and whether each method's own critic estimate tracks the exact W₁
/// (Spearman's ρ over the run).
/// </summary>
public sealed partial class F6GanVsWgan : Figure
{
    public static readonly string[] Datasets = ["8gaussians", "25gaussians"];
    public static readonly string[] Methods = ["gan", "wgan-clip-n1", "wgan-clip-n5", "wgan-clip-n10", "wgan-gp"];

    public override string Id => "f6-gan-vs-wgan";

    public override string Title => "GAN against WGAN on toy mixtures: exact W₁, mode coverage, and whether the loss tracks quality";

    public override string Caption =>
        "Generators (3-hidden-layer ReLU MLPs, as in the WGAN-GP toy code, batch 256) trained on 8 and 25 Gaussians with the " +
        "code path of verify train. (a, d) The exact W₁ between the generated and the real batch of logged iterations, by " +
        "certified optimal transport; the dashed line is the W₁ between two real batches, the floor a perfect generator " +
        "reaches. (b, e) Mode coverage after the last iteration: the share of modes hit and the share of samples within 3σ " +
        "of a mode. (c, f) Spearman's ρ between each method's " +
        "own estimate (its critic's, or the GAN discriminator's JS bound) and the exact W₁ over the run: near 1 when the loss " +
        "tracks quality, so that the loss can be read as a measure of progress; near 0 or negative when it cannot.";

    public override IReadOnlyList<string> Claims => ["wgan.loss-tracks-quality", "wgan-clip.scaled-estimate"];

    public static readonly TableSchema TrainingSchema = new("training",
        ["dataset", "method", "seed", "iteration", "exact_w1", "critic_estimate"], ["seed", "iteration", "exact_w1", "critic_estimate"]);

    public static readonly TableSchema CoverageSchema = new("coverage",
        ["dataset", "method", "seed", "modes", "modes_hit", "high_quality"], ["seed", "modes", "modes_hit", "high_quality"]);

    public static readonly TableSchema FloorSchema = new("floor", ["dataset", "batch", "exact_w1"], ["batch", "exact_w1"]);

    public override IReadOnlyList<TableSchema> Schema => [TrainingSchema, CoverageSchema, FloorSchema];

    /// <summary>The batch of every method (gan_toy.py's BATCH_SIZE); the logged exact W₁ is between batches of this size.</summary>
    public const int Batch = 256;

    private sealed record Budget(int Width, int Iterations, int EvalEvery, int Replicates);

    private static Budget For(FigureRun run) => run.Quick ? new Budget(64, 200, 10, 1) : new Budget(64, 1500, 25, 2);

    public override IReadOnlyList<long> Seeds(FigureRun run) => Enumerable.Range(0, For(run).Replicates).Select(r => run.Seed + r).ToArray();

    /// <summary>The methods' options: the toy code's batch 256, the papers' optimisers; WGAN-GP with gan_toy.py's λ = 0.1.</summary>
    public static MethodOptions Options(string method) => method switch
    {
        "gan" => new GanOptions { Batch = Batch },
        "wgan-clip-n1" => new WganClipOptions { Batch = Batch, NCritic = 1 },
        "wgan-clip-n5" => new WganClipOptions { Batch = Batch, NCritic = 5 },
        "wgan-clip-n10" => new WganClipOptions { Batch = Batch, NCritic = 10 },
        "wgan-gp" => new WganGpOptions { Batch = Batch, Lambda = 0.1 },
        _ => throw new ArgumentException($"unknown F6 method '{method}'"),
    };

    public override IReadOnlyList<(string Key, object Value)> Settings(FigureRun run)
    {
        Budget b = For(run);
        return
        [
            ("networks", $"G 2-{b.Width}x3-2 relu, critic 2-{b.Width}x3-1 relu, noise N(0, I₂)"), ("generator_iterations", b.Iterations),
            ("evaluation", $"every {b.EvalEvery} iterations, the exact W₁ between that iteration's generated and real batches ({Batch} each) and the critic's estimate on its last batch (as verify train logs them)"),
            ("replicates", b.Replicates),
            ("mode_coverage", $"{ToyGanRun.FinalSamples} samples after the last iteration; nearest mode; high quality within 3σ; a mode is hit with ≥ 1 high-quality sample"),
            .. Methods.Select(m => ((string, object))($"options_{m}", Options(m).Describe())), ("precision", "float32"),
        ];
    }

    public override FigurePlan Plan(FigureRun run)
    {
        Budget b = For(run);
        long[] seeds = [.. Seeds(run)];
        var runs = new ToyGanRun.Outcome[Datasets.Length, Methods.Length, seeds.Length];
        var floors = new double[Datasets.Length];
        var jobs = new List<Job>();
        for (int d = 0; d < Datasets.Length; d++)
        {
            int di = d;
            jobs.Add(new Job($"{Id} {Datasets[d]} floor", 50, () => floors[di] = ToyGanRun.RealFloor(Mixture(Datasets[di]), Batch, FigureRun.Derive(run.Seed, Datasets[di]))));
            for (int m = 0; m < Methods.Length; m++)
                for (int s = 0; s < seeds.Length; s++)
                {
                    int mi = m, si = s;
                    MethodOptions o = Options(Methods[m]);
                    double cost = b.Iterations * (o.NCritic * (o is WganGpOptions ? 2.5 : 1.4) + 1) * Math.Pow(b.Width / 64.0, 2);
                    jobs.Add(new Job($"{Id} {Datasets[d]} {Methods[m]} seed {seeds[s]}", cost, () => runs[di, mi, si] =
                        ToyGanRun.Run(Mixture(Datasets[di]), Options(Methods[mi]), b.Width, b.Iterations, b.EvalEvery,
                            FigureRun.Derive(seeds[si], $"{Datasets[di]}/{Methods[mi]}"))));
                }
        }
        return new FigurePlan(jobs, () =>
        {
            TidyTable training = TrainingSchema.Create(), coverage = CoverageSchema.Create(), floor = FloorSchema.Create();
            for (int d = 0; d < Datasets.Length; d++)
            {
                floor.Add(Datasets[d], Batch, floors[d]);
                int modes = Mixture(Datasets[d]).Modes.Count;
                for (int m = 0; m < Methods.Length; m++)
                    for (int s = 0; s < seeds.Length; s++)
                    {
                        ToyGanRun.Outcome o = runs[d, m, s];
                        foreach (var e in o.Evaluations) training.Add(Datasets[d], Methods[m], seeds[s], e.Iteration, e.ExactW1, e.Estimate);
                        coverage.Add(Datasets[d], Methods[m], seeds[s], modes, o.ModesHit, o.HighQuality);
                    }
            }
            return new TableSet(training, coverage, floor);
        });
    }

    private static GaussianMixture Mixture(string dataset) => (GaussianMixture)ToyFamilies.Get(dataset).Fixed!;
}
