using Verify.Figures.FigureSet.Core;

namespace Verify.Figures.FigureSet;

public sealed partial class F2GradientVsTheta
{
    /// <summary>The minimax gradient must be at least this many times smaller than the WGAN-LP critic's (issue 9 §4).</summary>
    public const double VanishingFactor = 100;

    /// <summary>The non-saturating gradient must be at least this many times larger than the minimax one where that vanished.</summary>
    public const double NonSaturatingFactor = 10;

    /// <summary>Allowed |mean WGAN-LP gradient − sign θ| at |θ| ≥ 0.5 (optimum slope 1 + W₁/(2λ) ≤ 1.05, plus training error).</summary>
    public const double EnvelopeTolerance = 0.15;

    /// <summary>Allowed relative error of the mean minimax gradient against 2·dJS/dθ on N(θ, 1) at |θ| ≥ 0.5.</summary>
    public const double MinimaxTolerance = 0.35;

    public override IReadOnlyList<Fact> Facts(TableSet tables)
    {
        TidyTable g = tables[GradientsSchema.Name];
        var facts = new List<Fact>();

        double w1Off = Rows(g, "parallel-lines", "exact-w1").Concat(Rows(g, "gaussian-location", "exact-w1"))
            .Max(r => Math.Abs(g.Number(r, "gradient") - Math.Sign(g.Number(r, "theta"))));
        facts.Add(Fact.AtMost("exact-dw1-sign", "exact dW₁/dθ = sign θ on both families (max deviation)", w1Off, 0, "envelope.gradient"));
        double jsLines = Rows(g, "parallel-lines", "exact-js").Max(r => Math.Abs(g.Number(r, "gradient")));
        facts.Add(Fact.AtMost("exact-djs-zero", "parallel lines: exact dJS/dθ = 0 for θ ≠ 0 (max |dJS/dθ|)", jsLines, 0, "js.discontinuity"));

        var lp = MeanAbs(g, "parallel-lines", "wgan-lp");
        var minimax = MeanAbs(g, "parallel-lines", "gan-minimax");
        var ns = MeanAbs(g, "parallel-lines", "gan-nonsaturating");
        double worstVanish = minimax.Where(kv => Math.Abs(kv.Key) >= 0.5).Max(kv => kv.Value / lp[kv.Key]);
        facts.Add(Fact.AtMost("minimax-vanishes", $"parallel lines, |θ| ≥ 0.5: |minimax gradient| ÷ |WGAN-LP critic's gradient| (largest over θ; seed means)",
            worstVanish, 1 / VanishingFactor, "gan.vanishing-gradient"));
        double worstNs = minimax.Where(kv => Math.Abs(kv.Key) >= 0.5).Min(kv => ns[kv.Key] / kv.Value);
        facts.Add(Fact.AtLeast("nonsaturating-usable", "parallel lines, |θ| ≥ 0.5: |non-saturating gradient| ÷ |minimax gradient| (smallest over θ)",
            worstNs, NonSaturatingFactor, "gan.nonsaturating-gradient"));

        double envelope = new[] { "parallel-lines", "gaussian-location" }
            .SelectMany(f => Groups.Series(g, "theta", "gradient", ("family", f), ("method", "wgan-lp")))
            .Where(p => Math.Abs(p.X) >= 0.5).Max(p => Math.Abs(p.Mean - Math.Sign(p.X)));
        facts.Add(Fact.AtMost("lp-gradient-is-dw1", "WGAN-LP critic's generator gradient −E[∇f·∂G/∂θ] within 0.15 of dW₁/dθ = sign θ at |θ| ≥ 0.5, both families (worst)",
            envelope, EnvelopeTolerance, "envelope.gradient"));

        var gauss = Groups.Series(g, "theta", "gradient", ("family", "gaussian-location"), ("method", "gan-minimax")).Where(p => Math.Abs(p.X) >= 0.5);
        double minimaxErr = gauss.Max(p =>
        {
            double truth = 2 * ExactAt(g, "gaussian-location", "exact-js", p.X);
            return Math.Abs(p.Mean - truth) / Math.Abs(truth);
        });
        facts.Add(Fact.AtMost("minimax-is-2djs", "N(θ, 1), |θ| ≥ 0.5: the minimax gradient (seed mean) against 2·dJS/dθ, its value at the optimal discriminator (worst relative error)",
            minimaxErr, MinimaxTolerance, "optimal-discriminator.value"));

        double clip = MeanAbs(g, "parallel-lines", "wgan-clip").Concat(MeanAbs(g, "gaussian-location", "wgan-clip"))
            .Where(kv => Math.Abs(kv.Key) >= 0.5).Max(kv => kv.Value);
        facts.Add(Fact.AtMost("clip-gradient-scaled", "weight-clipped critic: |generator gradient| at |θ| ≥ 0.5 (largest; dW₁/dθ = ±1), scaled down with its estimate",
            clip, 0.05, "wgan-clip.scaled-estimate"));
        return facts;
    }

    public override IReadOnlyList<Comparison> Comparisons(TableSet tables)
    {
        TidyTable g = tables[GradientsSchema.Name];
        var rows = new List<Comparison>();
        foreach (string family in new[] { "parallel-lines", "gaussian-location" })
            foreach (string method in new[] { "wgan-clip", "wgan-gp", "wgan-lp", "gan-minimax" })
                foreach (Point p in Groups.Series(g, "theta", "gradient", ("family", family), ("method", method)).Where(p => p.X != 0))
                {
                    bool gan = method == "gan-minimax";
                    double exact = gan ? 2 * ExactAt(g, family, "exact-js", p.X) : Math.Sign(p.X);
                    rows.Add(new Comparison($"{family}, θ = {Fact.Show(p.X)}", gan ? "d/dθ minimax loss vs 2·dJS/dθ" : "dW₁/dθ", method, exact, p.Mean, p.HalfRange, p.Count));
                }
        return rows;
    }

    private static IEnumerable<int> Rows(TidyTable g, string family, string method) => g.Where(("family", family), ("method", method));

    /// <summary>θ ↦ mean |gradient| over seeds.</summary>
    private static Dictionary<double, double> MeanAbs(TidyTable g, string family, string method) =>
        Rows(g, family, method).GroupBy(r => g.Number(r, "theta")).ToDictionary(x => x.Key, x => x.Average(r => Math.Abs(g.Number(r, "gradient"))));

    private static double ExactAt(TidyTable g, string family, string method, double theta)
    {
        foreach (int r in Rows(g, family, method))
            if (Math.Abs(g.Number(r, "theta") - theta) < 1e-12) return g.Number(r, "gradient");
        throw new InvalidDataException($"gradients.csv has no {method} row for {family} at θ = {theta}");
    }
}
