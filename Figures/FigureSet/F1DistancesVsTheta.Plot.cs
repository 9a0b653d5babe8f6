using ScottPlot;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Figures.Plotting;

namespace Verify.Figures.FigureSet;

public sealed partial class F1DistancesVsTheta
{
    private static readonly (string Family, string Title)[] Panels =
    [
        ("parallel-lines", "(a) parallel lines: Pθ = law of (θ, Z)"),
        ("gaussian-location", "(b) Gaussian location: N(θ, 1)"),
    ];

    // Estimates of the same θ are spread a little along x so that markers and bars do not hide each other.
    private static readonly Dictionary<string, double> Offset = new()
    {
        ["wgan-clip"] = -0.045, ["wgan-gp"] = -0.015, ["wgan-lp"] = 0.015, ["gan"] = 0.045,
    };

    public override FigureLayout Render(TableSet tables)
    {
        TidyTable exact = tables[ExactSchema.Name], est = tables[EstimatesSchema.Name];
        var figure = new FigureLayout(2, 2, 340, 280);
        for (int c = 0; c < Panels.Length; c++)
        {
            var (family, title) = Panels[c];
            DrawExact(figure[0, c], exact, est, family, title);
            DrawRatios(figure[1, c], exact, est, family, c == 0 ? "(c) estimate ÷ exact, parallel lines" : "(d) estimate ÷ exact, N(θ, 1)");
        }
        foreach (Plot p in figure.Panels()) Style.Apply(p);
        figure.ShareLegend();
        return figure;
    }

    private static void DrawExact(Plot plot, TidyTable exact, TidyTable est, string family, string title)
    {
        int[] rows = exact.Where(("family", family)).ToArray();
        double[] theta = exact.Numbers(rows, "theta");
        Draw.Curve(plot, theta, exact.Numbers(rows, "w1"), Style.W1Color, "W₁ (exact)", width: 2.5f);
        Draw.Curve(plot, theta, exact.Numbers(rows, "js"), Style.JsColor, "JS, nats (exact)", LinePattern.Dashed);
        Draw.Curve(plot, theta, exact.Numbers(rows, "tv"), Style.TvColor, "TV (exact)", LinePattern.Dotted);
        double[] kl = exact.Numbers(rows, "kl");
        if (kl.Where(v => v != 0).All(double.IsPositiveInfinity))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "KL(P₀‖Pθ) = +∞ for θ ≠ 0", LineWidth = 0, MarkerShape = MarkerShape.None });
        else
            Draw.Curve(plot, theta, kl, Style.KlColor, "KL(P₀‖Pθ) (exact)", LinePattern.DenselyDashed);

        foreach (string method in new[] { "wgan-gp", "wgan-lp", "gan" })
        {
            var pts = Groups.Series(est, "theta", "estimate", ("family", family), ("method", method));
            Draw.Estimates(plot, pts.Select(p => p.X + Offset[method]).ToArray(), pts.Select(p => p.Mean).ToArray(), pts.Select(p => p.HalfRange).ToArray(),
                Style.ColorOf(method), Style.MarkerOf(method), Style.LabelOf(method) + (method == "gan" ? " (JS)" : " (W₁)"));
        }
        plot.Title(title);
        plot.XLabel("θ");
        plot.YLabel("distance between P₀ and Pθ");
        plot.Axes.SetLimits(-1.1, 1.1, -0.05, 1.15);
    }

    private static void DrawRatios(Plot plot, TidyTable exact, TidyTable est, string family, string title)
    {
        plot.Add.HorizontalLine(0, 1.5f, Style.Black, LinePattern.Dashed);
        foreach (string method in CriticGrid.Methods)
        {
            string column = method == "gan" ? "js" : "w1";
            var xs = new List<double>();
            var mean = new List<double>();
            var lo = new List<double>();
            var hi = new List<double>();
            foreach (double theta in est.Numbers(est.Where(("family", family), ("method", method)), "theta").Distinct().Order())
            {
                double truth = ExactAt(exact, family, theta, column);
                if (truth == 0) continue;
                double[] ratios = est.Numbers(est.Where(("family", family), ("method", method)).Where(r => est.Number(r, "theta") == theta), "estimate")
                    .Select(v => v / truth).ToArray();
                if (ratios.Any(r => r <= 0)) continue; // a negative estimate (e.g. WGAN-GP at its spurious optimum) has no log
                xs.Add(theta + Offset[method]);
                mean.Add(Math.Log10(ratios.Average()));
                lo.Add(Math.Log10(ratios.Min()));
                hi.Add(Math.Log10(ratios.Max()));
            }
            Draw.Estimates(plot, xs, mean, lo, hi, Style.ColorOf(method), Style.MarkerOf(method),
                Style.LabelOf(method) + (method == "gan" ? " (JS)" : " (W₁)"));
        }
        LogScale.Y(plot);
        plot.Title(title);
        plot.XLabel("θ");
        plot.YLabel("estimate ÷ exact value (log scale)");
        plot.Axes.SetLimits(-1.1, 1.1, -3.6, 0.9);
    }
}
