using ScottPlot;

namespace Verify.Figures.Plotting;

/// <summary>
/// The few plotting primitives the figures use, in the house style: lines that break at missing (NaN) values, estimates
/// as markers with ±spread bars, and text notes in data coordinates.
/// </summary>
public static class Draw
{
    /// <summary>
    /// A line through (x, y), broken wherever y is NaN (a value with no place on the axis, e.g. 0 on a log axis).
    /// Only the first drawn piece carries the legend entry.
    /// </summary>
    public static void Line(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, Color color, string? legend,
        LinePattern? pattern = null, float width = Style.LineWidth)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (xs.Count != ys.Count) throw new ArgumentException($"{xs.Count} x values for {ys.Count} y values");
        bool labelled = false;
        int i = 0;
        while (i < xs.Count)
        {
            while (i < xs.Count && !double.IsFinite(ys[i])) i++;
            int start = i;
            while (i < xs.Count && double.IsFinite(ys[i])) i++;
            if (i == start) continue;
            double[] px = Slice(xs, start, i), py = Slice(ys, start, i);
            var s = px.Length == 1 ? plot.Add.ScatterPoints(px, py, color) : plot.Add.ScatterLine(px, py, color);
            s.LineWidth = width;
            s.LinePattern = pattern ?? LinePattern.Solid;
            if (px.Length == 1) s.MarkerSize = Style.MarkerSize * 0.6f;
            if (!labelled && legend is not null) { s.LegendText = legend; labelled = true; }
        }
    }

    /// <summary>Markers at (x, y) with vertical bars y ± spread (spread may be null: no bars).</summary>
    public static void Estimates(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, IReadOnlyList<double>? spread,
        Color color, MarkerShape shape, string? legend)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (xs.Count == 0) return;
        if (spread is not null)
        {
            var bars = plot.Add.ErrorBar(xs, ys, spread);
            bars.Color = color;
            bars.LineWidth = 1.5f;
            bars.CapSize = 4;
        }
        var m = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), color);
        m.MarkerShape = shape;
        m.MarkerSize = Style.MarkerSize;
        if (legend is not null) m.LegendText = legend;
    }

    /// <summary>Markers at (x, y) with asymmetric bars from <paramref name="low"/> to <paramref name="high"/>.</summary>
    public static void Estimates(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, IReadOnlyList<double> low, IReadOnlyList<double> high,
        Color color, MarkerShape shape, string? legend)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (xs.Count == 0) return;
        var bars = plot.Add.ErrorBar(xs, ys, ys.Select((y, i) => y - low[i]).ToArray());
        bars.YErrorPositive = ys.Select((y, i) => high[i] - y).ToArray();
        bars.Color = color;
        bars.LineWidth = 1.5f;
        bars.CapSize = 4;
        Estimates(plot, xs, ys, null, color, shape, legend);
    }

    /// <summary>
    /// An exact curve that may jump: a value that differs from both neighbours by more than a quarter of the curve's range
    /// (e.g. JS at θ = 0 on the parallel lines) is drawn as a dot, the line is broken around it, and an open circle marks
    /// the limit the line approaches there — the textbook picture of a discontinuity.
    /// </summary>
    public static void Curve(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, Color color, string? legend, LinePattern? pattern = null,
        float width = Style.LineWidth)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var finite = ys.Where(double.IsFinite).ToArray();
        double range = finite.Length == 0 ? 0 : finite.Max() - finite.Min();
        var line = ys.ToArray();
        for (int i = 1; i + 1 < ys.Count; i++)
        {
            double y = ys[i], a = ys[i - 1], b = ys[i + 1];
            if (!(double.IsFinite(y) && double.IsFinite(a) && double.IsFinite(b)) || range == 0) continue;
            if (Math.Abs(y - a) <= range / 4 || Math.Abs(y - b) <= range / 4) continue;
            line[i] = double.NaN;
            var dot = plot.Add.Marker(xs[i], y, MarkerShape.FilledCircle, Style.MarkerSize, color);
            var open = plot.Add.Marker(xs[i], (a + b) / 2, MarkerShape.OpenCircle, Style.MarkerSize, color);
            open.MarkerLineWidth = 1.5f;
            dot.LegendText = open.LegendText = "";
        }
        Line(plot, xs, line, color, legend, pattern, width);
    }

    /// <summary>A text note anchored at (x, y) in data coordinates.</summary>
    public static void Note(Plot plot, string text, double x, double y, Alignment alignment, Color? color = null)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var t = plot.Add.Text(text, x, y);
        t.LabelFontName = Style.FontName;
        t.LabelFontSize = Style.LegendFont;
        t.LabelFontColor = color ?? Style.Black;
        t.LabelAlignment = alignment;
    }

    private static double[] Slice(IReadOnlyList<double> v, int start, int end)
    {
        var r = new double[end - start];
        for (int k = start; k < end; k++) r[k - start] = v[k];
        return r;
    }
}
