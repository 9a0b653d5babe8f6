using ScottPlot;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Plotting;

namespace Verify.Figures.FigureSet;

public sealed partial class F3OptimalDiscriminator
{
    public override FigureLayout Render(TableSet tables)
    {
        TidyTable c = tables[CurvesSchema.Name], dens = tables[DensitiesSchema.Name];
        var figure = new FigureLayout(1, 3, 250, 300);
        Plot a = figure[0, 0], b = figure[0, 1], g = figure[0, 2];
        foreach (Plot p in figure.Panels()) Modes(p);

        Densities(a, dens);
        Exact(a, c, "exact-dstar", "value", Style.Gray, "D* = p_r/(p_r + p_g) (exact)", shift: false);
        TrainedCurves(a, c, "gan", "value", shift: false);
        a.Title("(a) discriminators D(x)");
        a.YLabel("D(x) = probability that x is real");
        a.Axes.SetLimits(-2, 6, -0.05, 1.1);

        Exact(b, c, "exact-critic", "value", Style.Black, "f*(x) = −x, a Kantorovich potential (exact)", shift: true);
        // LP first and wide, GP over it and thin: at this budget both settle on the same slope, and both stay visible.
        TrainedCurves(b, c, "wgan-lp", "value", shift: true, width: 3.5f);
        TrainedCurves(b, c, "wgan-gp", "value", shift: true);
        b.Title("(b) critics f(x) − f(0)");
        b.YLabel("f(x) − f(0)");
        b.Axes.SetLimits(-2, 6, -7.5, 3.5);

        Exact(g, c, "exact-dstar", "slope", Style.Gray, null, shift: false, log: true);
        Exact(g, c, "exact-critic", "slope", Style.Black, null, shift: false, log: true);
        TrainedCurves(g, c, "gan", "slope", shift: false, log: true);
        TrainedCurves(g, c, "wgan-lp", "slope", shift: false, log: true, width: 3.5f);
        TrainedCurves(g, c, "wgan-gp", "slope", shift: false, log: true);
        LogScale.Y(g);
        g.Title("(c) |d/dx|, log scale");
        g.YLabel("|dD/dx| or |df/dx|");
        g.Axes.SetLimits(-2, 6, -16.5, 1.5);

        foreach (Plot p in figure.Panels())
        {
            p.XLabel("x");
            Style.Apply(p);
        }
        figure.ShareLegend();
        return figure;
    }

    /// <summary>Light bands at the modes ±2σ, so every panel shows where the data are.</summary>
    private static void Modes(Plot p)
    {
        var real = p.Add.HorizontalSpan(-1, 1, Style.Blue.WithAlpha(0.07));
        var fake = p.Add.HorizontalSpan(FakeMean - 1, FakeMean + 1, Style.Vermillion.WithAlpha(0.07));
        real.LineWidth = fake.LineWidth = 0;
    }

    private static void Densities(Plot p, TidyTable dens)
    {
        foreach (var (law, color, label) in new[] { ("real", Style.Blue, "real density (scaled)"), ("fake", Style.Vermillion, "fake density (scaled)") })
        {
            int[] rows = dens.Where(("law", law)).ToArray();
            double[] x = dens.Numbers(rows, "x"), y = dens.Numbers(rows, "density");
            double peak = y.Max();
            var fill = p.Add.FillY(x, new double[x.Length], y.Select(v => v / peak).ToArray());
            fill.FillColor = color.WithAlpha(0.18);
            fill.LineWidth = 0;
            fill.LegendText = label;
        }
    }

    private static void Exact(Plot p, TidyTable c, string method, string column, Color color, string? legend, bool shift, bool log = false)
    {
        int[] rows = c.Where(("method", method)).ToArray();
        double[] x = c.Numbers(rows, "x"), y = c.Numbers(rows, column);
        Draw.Line(p, x, Transform(x, y, shift, log), color, legend, width: 2.5f);
    }

    private static void TrainedCurves(Plot p, TidyTable c, string method, string column, bool shift, bool log = false, float width = 1.5f)
    {
        bool first = true;
        foreach (string seed in c.Distinct("seed"))
        {
            int[] rows = c.Where(("method", method), ("seed", seed)).ToArray();
            if (rows.Length == 0) continue;
            double[] x = c.Numbers(rows, "x"), y = c.Numbers(rows, column);
            Draw.Line(p, x, Transform(x, y, shift, log), Style.ColorOf(method), first ? Style.LabelOf(method) + " (trained)" : null, width: width);
            first = false;
        }
    }

    private static double[] Transform(double[] x, double[] y, bool shift, bool log)
    {
        double origin = shift ? y[Array.FindIndex(x, v => Math.Abs(v) < 1e-12)] : 0;
        return y.Select(v => log ? LogScale.Log10(Math.Abs(v)) : v - origin).ToArray();
    }
}
