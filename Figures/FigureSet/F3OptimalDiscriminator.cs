using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Networks.Critics;
using Verify.Networks.Experiments;
using Verify.Toys.Families;

namespace Verify.Figures.FigureSet;

/// <summary>
/// F3 (after WGAN Fig. 2): two 1-D Gaussians 8σ apart (Toys' gaussian-pair: real N(0, 0.5²), fake N(4, 0.5²)). The optimal
/// discriminator D* and a trained GAN discriminator saturate; a Kantorovich potential f* = −x and trained WGAN critics are
/// close to linear, so their x-gradients stay usable where the discriminator's vanish.
/// </summary>
public sealed partial class F3OptimalDiscriminator : Figure
{
    public const double FakeMean = GaussianPair.DefaultFakeMean;
    public static readonly string[] Methods = ["gan", "wgan-gp", "wgan-lp"];

    public override string Id => "f3-optimal-discriminator";

    public override string Title => "Optimal discriminator against WGAN critic on two Gaussians";

    public override string Caption =>
        "Real N(0, 0.5²) against fake N(4, 0.5²) (densities shaded). (a) The optimal discriminator D* = p_r/(p_r + p_g) and " +
        "trained GAN discriminators σ(ℓ(x)): both saturate, D ≈ 1 on the real mode and ≈ 0 on the fake one. (b) The " +
        "Kantorovich potential f*(x) = −x and trained WGAN critics, shifted to 0 at x = 0: nearly linear, with slope " +
        "1 + W₁/(2λ) = 1.2 for the penalised critics (their optimum overshoots). (c) |d/dx| on a log scale: the " +
        "discriminators' slope at the fake mode is many orders of magnitude below the critics', which stay near 1.";

    public override IReadOnlyList<string> Claims => ["optimal-discriminator.maximises", "gan.vanishing-gradient", "wgan-gp.overshoot"];

    public static readonly TableSchema CurvesSchema = new("curves", ["x", "method", "seed", "value", "slope"], ["x", "seed", "value", "slope"]);
    public static readonly TableSchema DensitiesSchema = new("densities", ["x", "law", "density"], ["x", "density"]);
    public static readonly TableSchema EstimatesSchema = new("estimates", ["method", "seed", "quantity", "estimate", "exact"], ["seed", "estimate", "exact"]);

    public override IReadOnlyList<TableSchema> Schema => [CurvesSchema, DensitiesSchema, EstimatesSchema];

    private sealed record Budget(int Replicates, int Steps, int Samples);

    private static Budget For(FigureRun run) => run.Quick ? new Budget(2, 2000, 4096) : new Budget(3, 6000, 8192);

    /// <summary>x_k = −2 + k/50, k = 0…400: the grid over [−2, 6] (x = 0 and x = 4 exactly).</summary>
    public static double[] Grid() => Enumerable.Range(0, 401).Select(k => -2 + k / 50.0).ToArray();

    public override IReadOnlyList<long> Seeds(FigureRun run) => Enumerable.Range(0, For(run).Replicates).Select(r => run.Seed + r).ToArray();

    public override IReadOnlyList<(string Key, object Value)> Settings(FigureRun run)
    {
        Budget b = For(run);
        return
        [
            ("real", "N(0, 0.5²)"), ("fake", "N(4, 0.5²)"), ("grid", "x = −2 … 6 in steps of 0.02"),
            ("replicates", b.Replicates), ("critic_steps", b.Steps), ("samples_per_law", b.Samples),
            ("critic_architecture", "MLP 1-64x2-1 relu"), ("learning_rate", CriticGrid.LearningRate), ("precision", "float64"),
            .. Methods.Select(m => ((string, object))($"options_{m}", CriticGrid.Options(m).Describe())),
        ];
    }

    public override FigurePlan Plan(FigureRun run)
    {
        Budget b = For(run);
        long[] seeds = [.. Seeds(run)];
        var trained = new Trained[Methods.Length, seeds.Length];
        var jobs = new List<Job>();
        for (int m = 0; m < Methods.Length; m++)
            for (int s = 0; s < seeds.Length; s++)
            {
                int mi = m, si = s;
                jobs.Add(new Job($"{Id} {Methods[m]} seed {seeds[s]}", b.Steps * 0.25, () => trained[mi, si] = Train(Methods[mi], seeds[si], b)));
            }
        return new FigurePlan(jobs, () => Assemble(run, seeds, trained));
    }

    private sealed record Trained(double[] Values, double[] Slopes, double Estimate);

    private static Trained Train(string method, long seed, Budget b)
    {
        var pair = new GaussianPair();
        double[] real = pair.Real.SamplePoints(b.Samples, FigureRun.Derive(seed, "gaussian-pair/real"));
        double[] fake = pair.At(FakeMean).SamplePoints(b.Samples, FigureRun.Derive(seed, "gaussian-pair/fake"));
        var net = CriticFit.Run(CriticGrid.Options(method), CriticArchitecture.Mlp(1, 64, 2), real, fake, 1, b.Steps,
            FigureRun.Derive(seed, "gaussian-pair/" + method), Precision.Double);
        ICritic<double> critic = net.Critic.As<double>();
        var (values, slopes) = method == "gan" ? CriticProbe.Discriminator(critic, Grid()) : CriticProbe.Evaluate(critic, Grid(), 1);
        return new Trained(values, slopes, net.Estimate);
    }

    /// <summary>
    /// dD*/dx = −D*(1 − D*)·θ/σ², with 1 − D*(x) taken as D*(θ − x) (the pair is symmetric about θ/2), which keeps full
    /// relative precision where D* rounds to 1 (Toys' OptimalDiscriminatorSlope forms 1 − D* and returns 0 there, x &lt; −0.3).
    /// </summary>
    public static double DStarSlope(GaussianPair pair, double x) =>
        -pair.OptimalDiscriminator(x, FakeMean) * pair.OptimalDiscriminator(FakeMean - x, FakeMean) * FakeMean / (GaussianPair.PairSigma * GaussianPair.PairSigma);

    private TableSet Assemble(FigureRun run, long[] seeds, Trained[,] trained)
    {
        var pair = new GaussianPair();
        TidyTable curves = CurvesSchema.Create(), densities = DensitiesSchema.Create(), estimates = EstimatesSchema.Create();
        double[] grid = Grid();
        IToyDistribution real = pair.Real, fake = pair.At(FakeMean);
        foreach (double x in grid)
        {
            curves.Add(x, "exact-dstar", run.Seed, pair.OptimalDiscriminator(x, FakeMean), DStarSlope(pair, x));
            curves.Add(x, "exact-critic", run.Seed, pair.OptimalCritic(x, FakeMean), pair.OptimalCriticSlope(FakeMean));
            densities.Add(x, "real", real.Density([x]));
            densities.Add(x, "fake", fake.Density([x]));
        }
        ExactValues exact = pair.ExactFromReal(FakeMean);
        for (int m = 0; m < Methods.Length; m++)
            for (int s = 0; s < seeds.Length; s++)
            {
                Trained t = trained[m, s];
                for (int i = 0; i < grid.Length; i++) curves.Add(grid[i], Methods[m], seeds[s], t.Values[i], t.Slopes[i]);
                bool gan = Methods[m] == "gan";
                estimates.Add(Methods[m], seeds[s], gan ? "js" : "w1", t.Estimate, gan ? exact.JS!.Value : exact.W1!.Value);
            }
        return new TableSet(curves, densities, estimates);
    }
}
