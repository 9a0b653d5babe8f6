using Verify.Figures.FigureSet.Core;

namespace Verify.Figures.FigureSet;

public sealed partial class F6GanVsWgan
{
    public override IReadOnlyList<Fact> Facts(TableSet tables)
    {
        TidyTable t = tables[TrainingSchema.Name];
        var facts = new List<Fact>();
        double worst = Runs(t, "wgan-gp").Max(run =>
        {
            double[] w = Groups.Column(t, "exact_w1", run);
            return w.TakeLast(2).Average() / w[0];
        });
        facts.Add(new Fact("gp-improves", "WGAN-GP (λ = 0.1): exact W₁ at the end (mean of the last two evaluations) ÷ at the start, on both data sets (worst run)",
            worst, "< 1", worst < 1, "wgan.loss-tracks-quality"));
        foreach (string method in Methods)
        {
            double rho = Runs(t, method).Average(run => Rho(t, run));
            facts.Add(Fact.Observed($"rho-{method}", $"{Label(method)}: Spearman's ρ between its own estimate and the exact W₁ over training (mean over runs)",
                rho, "wgan.loss-tracks-quality"));
        }
        return facts;
    }

    public override IReadOnlyList<Comparison> Comparisons(TableSet tables)
    {
        TidyTable t = tables[TrainingSchema.Name];
        var rows = new List<Comparison>();
        foreach (string dataset in t.Distinct("dataset"))
            foreach (string method in Methods)
            {
                var finals = t.Distinct("seed").Select(s => t.Where(("dataset", dataset), ("method", method), ("seed", s)).ToArray())
                    .Where(r => r.Length > 0).Select(r => r[^1]).ToArray();
                if (finals.Length == 0) continue;
                var (exact, _) = Stats.Summary(finals.Select(r => t.Number(r, "exact_w1")).ToArray());
                var (est, half) = Stats.Summary(finals.Select(r => t.Number(r, "critic_estimate")).ToArray());
                rows.Add(new Comparison($"{dataset}, end of training", method == "gan" ? "JS bound vs exact W₁" : "W₁", method, exact, est, half, finals.Length));
            }
        return rows;
    }

    /// <summary>The (dataset, method, seed) filters of a method's runs.</summary>
    public static IEnumerable<(string, string)[]> Runs(TidyTable t, string method) =>
        t.Distinct("dataset").SelectMany(d => t.Distinct("seed").Select(s => new[] { ("dataset", d), ("method", method), ("seed", s) }))
            .Where(f => t.Where(f).Any());

    /// <summary>Spearman's ρ between a run's estimate and its exact W₁, over its evaluations after the start.</summary>
    public static double Rho(TidyTable t, (string, string)[] run)
    {
        int[] rows = t.Where(run).Where(r => t.Number(r, "iteration") > 0).ToArray();
        return Stats.Spearman(t.Numbers(rows, "critic_estimate"), t.Numbers(rows, "exact_w1"));
    }

    public static string Label(string method) => method switch
    {
        "gan" => "GAN (non-saturating loss)",
        "wgan-clip-n1" => "WGAN clip, n_critic = 1",
        "wgan-clip-n5" => "WGAN clip, n_critic = 5",
        "wgan-clip-n10" => "WGAN clip, n_critic = 10",
        "wgan-gp" => "WGAN-GP, λ = 0.1",
        _ => method,
    };

    public static string Short(string method) => method switch
    {
        "gan" => "GAN",
        "wgan-clip-n1" => "clip 1",
        "wgan-clip-n5" => "clip 5",
        "wgan-clip-n10" => "clip 10",
        "wgan-gp" => "GP",
        _ => method,
    };
}
