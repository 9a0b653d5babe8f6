using ScottPlot;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Plotting;

namespace Verify.Figures.FigureSet;

public sealed partial class F6GanVsWgan
{
    private static readonly Dictionary<string, string> DatasetNames = new() { ["8gaussians"] = "8 Gaussians", ["25gaussians"] = "25 Gaussians" };

    public override FigureLayout Render(TableSet tables)
    {
        TidyTable t = tables[TrainingSchema.Name], coverage = tables[CoverageSchema.Name], floor = tables[FloorSchema.Name];
        var figure = new FigureLayout(2, 3, 250, 250);
        char panel = 'a';
        string[] datasets = t.Distinct("dataset");
        for (int d = 0; d < datasets.Length; d++)
        {
            string name = DatasetNames.GetValueOrDefault(datasets[d], datasets[d]);
            Curves(figure[d, 0], t, floor, datasets[d], $"({panel++}) exact W₁, {name}");
            Coverage(figure[d, 1], coverage, datasets[d], $"({panel++}) modes, {name}");
            Tracking(figure[d, 2], t, datasets[d], $"({panel++}) ρ(loss, W₁), {name}");
        }
        foreach (Plot p in figure.Panels()) Style.Apply(p);
        figure.ShareLegend();
        return figure;
    }

    private static void Curves(Plot p, TidyTable t, TidyTable floor, string dataset, string title)
    {
        foreach (string method in Methods)
        {
            var pts = Groups.Series(t, "iteration", "exact_w1", ("dataset", dataset), ("method", method));
            Draw.Line(p, pts.Select(x => x.X).ToArray(), pts.Select(x => x.Mean).ToArray(), Style.ColorOf(method), Label(method));
        }
        double f = floor.Number(floor.Where(("dataset", dataset)).Single(), "exact_w1");
        var line = p.Add.HorizontalLine(f, 1.5f, Style.Gray, LinePattern.Dashed);
        line.LegendText = $"W₁ between two real batches of {Batch} (floor)";
        p.Title(title);
        p.XLabel("generator iterations");
        p.YLabel("exact W₁(generated, real)");
        p.Axes.Margins(bottom: 0.02);
        var limits = p.Axes.GetLimits();
        p.Axes.SetLimitsY(0, limits.Top);
    }

    private static void Coverage(Plot p, TidyTable c, string dataset, string title)
    {
        var modes = new List<Bar>();
        var quality = new List<Bar>();
        string modeCount = "";
        for (int m = 0; m < Methods.Length; m++)
        {
            int[] rows = c.Where(("dataset", dataset), ("method", Methods[m])).ToArray();
            if (rows.Length == 0) continue;
            modeCount = c.Text(rows[0], "modes");
            double hit = rows.Average(r => c.Number(r, "modes_hit") / c.Number(r, "modes"));
            double hq = rows.Average(r => c.Number(r, "high_quality"));
            modes.Add(new Bar { Position = 3 * m, Value = hit, FillColor = Style.ColorOf(Methods[m]), Size = 0.9, LineWidth = 0 });
            quality.Add(new Bar { Position = 3 * m + 1, Value = hq, FillColor = Style.ColorOf(Methods[m]).WithAlpha(0.4), Size = 0.9, LineWidth = 0 });
        }
        var a = p.Add.Bars(modes);
        a.LegendText = "share of modes hit (left bar)";
        var b = p.Add.Bars(quality);
        b.LegendText = "share of samples within 3σ of a mode (right bar)";
        MethodTicks(p, 0.5);
        p.Title(title);
        p.YLabel($"share (of {modeCount} modes / of samples)");
        p.Axes.SetLimitsY(0, 1.05);
    }

    private static void Tracking(Plot p, TidyTable t, string dataset, string title)
    {
        var bars = new List<Bar>();
        for (int m = 0; m < Methods.Length; m++)
        {
            var runs = Runs(t, Methods[m]).Where(r => r[0].Item2 == dataset).ToArray();
            if (runs.Length == 0) continue;
            bars.Add(new Bar { Position = 3 * m + 0.5, Value = runs.Average(r => Rho(t, r)), FillColor = Style.ColorOf(Methods[m]), Size = 1.8, LineWidth = 0 });
        }
        p.Add.Bars(bars);
        p.Add.HorizontalLine(0, 1, Style.Black);
        MethodTicks(p, 0.5);
        p.Title(title);
        p.YLabel("Spearman ρ(estimate, exact W₁)");
        p.Axes.SetLimitsY(-1.05, 1.05);
    }

    private static void MethodTicks(Plot p, double offset)
    {
        double[] positions = Methods.Select((_, m) => 3 * m + offset).ToArray();
        p.Axes.Bottom.SetTicks(positions, Methods.Select(Short).ToArray());
        p.Axes.Bottom.MajorTickStyle.Length = 0;
        p.XLabel("method (clip n = n_critic)");
    }
}
