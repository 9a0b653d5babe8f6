using ScottPlot;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Plotting;

namespace Verify.Figures.FigureSet;

public sealed partial class F2GradientVsTheta
{
    private static readonly (string Family, string Name)[] Families = [("parallel-lines", "parallel lines"), ("gaussian-location", "N(θ, 1)")];

    private static readonly Dictionary<string, double> Offset = new()
    {
        ["wgan-clip"] = -0.06, ["wgan-gp"] = -0.03, ["wgan-lp"] = 0, ["gan-minimax"] = 0.03, ["gan-nonsaturating"] = 0.06,
    };

    public override FigureLayout Render(TableSet tables)
    {
        TidyTable g = tables[GradientsSchema.Name];
        var figure = new FigureLayout(2, 2, 340, 280);
        for (int r = 0; r < Families.Length; r++)
        {
            var (family, name) = Families[r];
            string a = ((char)('a' + 2 * r)).ToString(), b = ((char)('b' + 2 * r)).ToString();
            Signed(figure[r, 0], g, family, $"({a}) gradient at θ, {name}");
            Magnitude(figure[r, 1], g, family, $"({b}) |gradient|, {name} (log scale)");
        }
        foreach (Plot p in figure.Panels()) Style.Apply(p);
        figure.ShareLegend();
        return figure;
    }

    private static void Signed(Plot plot, TidyTable g, string family, string title)
    {
        plot.Add.HorizontalLine(0, 1, Style.Gray.WithAlpha(0.6));
        ExactW1(plot, g, family, "dW₁/dθ (exact)", log: false);
        var js = Sorted(g, family, "exact-js");
        Draw.Line(plot, js.Select(p => p.X).ToArray(), js.Select(p => 2 * p.Y).ToArray(), Style.JsColor, "2·dJS/dθ (exact)", LinePattern.Dashed);
        foreach (string method in new[] { "wgan-clip", "wgan-gp", "wgan-lp", "gan-minimax" })
        {
            var pts = Groups.Series(g, "theta", "gradient", ("family", family), ("method", method));
            Draw.Estimates(plot, pts.Select(p => p.X + Offset[method]).ToArray(), pts.Select(p => p.Mean).ToArray(), pts.Select(p => p.HalfRange).ToArray(),
                Style.ColorOf(method), Style.MarkerOf(method), Style.LabelOf(method));
        }
        plot.Title(title);
        plot.XLabel("θ");
        plot.YLabel("d/dθ of the generator's loss");
        plot.Axes.SetLimits(-1.1, 1.1, -1.9, 1.9);
    }

    private static void Magnitude(Plot plot, TidyTable g, string family, string title)
    {
        ExactW1(plot, g, family, "dW₁/dθ (exact)", log: true);
        var js = Sorted(g, family, "exact-js");
        if (js.Any(p => p.Y != 0)) // on the parallel lines dJS/dθ = 0 away from θ = 0: nothing to draw on a log axis
            Draw.Line(plot, js.Select(p => p.X).ToArray(), js.Select(p => LogScale.Log10(2 * Math.Abs(p.Y))).ToArray(), Style.JsColor,
                "2·dJS/dθ (exact)", LinePattern.Dashed);
        foreach (string method in TrainedMethods)
        {
            var rows = g.Where(("family", family), ("method", method)).ToArray();
            var xs = new List<double>();
            var mid = new List<double>();
            var lo = new List<double>();
            var hi = new List<double>();
            foreach (var grp in rows.GroupBy(r => g.Number(r, "theta")).OrderBy(x => x.Key))
            {
                double[] m = grp.Select(r => Math.Abs(g.Number(r, "gradient"))).Where(v => v > 0).ToArray();
                if (m.Length == 0) continue;
                xs.Add(grp.Key + Offset[method]);
                mid.Add(Math.Log10(m.Average()));
                lo.Add(Math.Log10(m.Min()));
                hi.Add(Math.Log10(m.Max()));
            }
            Draw.Estimates(plot, xs, mid, lo, hi, Style.ColorOf(method), Style.MarkerOf(method),
                Style.LabelOf(method));
        }
        LogScale.Y(plot);
        plot.Title(title);
        plot.XLabel("θ");
        plot.YLabel("|d/dθ of the generator's loss|");
        plot.Axes.SetLimits(-1.1, 1.1, -6.2, 2.4);
    }

    /// <summary>sign θ, drawn in two pieces (it is not defined at the kink θ = 0).</summary>
    private static void ExactW1(Plot plot, TidyTable g, string family, string? legend, bool log)
    {
        var pts = Sorted(g, family, "exact-w1");
        double Y(double v) => log ? LogScale.Log10(Math.Abs(v)) : v;
        var left = pts.Where(p => p.X < 0).ToArray();
        var right = pts.Where(p => p.X > 0).ToArray();
        Draw.Line(plot, left.Select(p => p.X).ToArray(), left.Select(p => Y(p.Y)).ToArray(), Style.W1Color, legend, width: 2.5f);
        Draw.Line(plot, right.Select(p => p.X).ToArray(), right.Select(p => Y(p.Y)).ToArray(), Style.W1Color, null, width: 2.5f);
    }

    private static (double X, double Y)[] Sorted(TidyTable g, string family, string method) =>
        Rows(g, family, method).Select(r => (g.Number(r, "theta"), g.Number(r, "gradient"))).OrderBy(p => p.Item1).ToArray();
}
