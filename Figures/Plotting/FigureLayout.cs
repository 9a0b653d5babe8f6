using ScottPlot;
using SkiaSharp;

namespace Verify.Figures.Plotting;

/// <summary>
/// A figure: a grid of panels (one ScottPlot <see cref="Plot"/> each), laid out in logical pixels (96 dpi; see
/// <see cref="Style"/>). Cells may be left empty. <see cref="Draw"/> paints every panel onto one canvas at a scale, so the
/// PNG, the SVG and the PDF of a figure come from the same drawing code (<see cref="FigureRenderer"/>).
/// </summary>
public sealed class FigureLayout
{
    private readonly Plot?[,] _panels;

    private Plot? _legend;

    /// <summary>
    /// A grid of <paramref name="rows"/> × <paramref name="columns"/> cells, each <paramref name="panelWidth"/> ×
    /// <paramref name="panelHeight"/> logical px (and, after <see cref="ShareLegend"/>, a legend strip below them).
    /// </summary>
    public FigureLayout(int rows, int columns, int panelWidth, int panelHeight)
    {
        if (rows < 1 || columns < 1) throw new ArgumentException($"a figure needs at least one row and one column, got {rows}×{columns}");
        if (panelWidth < 100 || panelHeight < 100) throw new ArgumentException($"panels of {panelWidth}×{panelHeight} px are too small to read");
        Rows = rows;
        Columns = columns;
        PanelWidth = panelWidth;
        PanelHeight = panelHeight;
        _panels = new Plot?[rows, columns];
    }

    public int Rows { get; }
    public int Columns { get; }
    public int PanelWidth { get; }
    public int PanelHeight { get; }

    /// <summary>Logical width (px at 96 dpi).</summary>
    public int Width => Columns * PanelWidth;

    /// <summary>Height of the shared legend strip (0 until <see cref="ShareLegend"/>).</summary>
    public int LegendHeight { get; private set; }

    /// <summary>Logical height (px at 96 dpi).</summary>
    public int Height => Rows * PanelHeight + LegendHeight;

    /// <summary>
    /// Moves the legend entries of every panel (in reading order, one entry per label) into the strip below the panels and
    /// hides the panels' own legends: one legend for the figure, covering no data, as high as its rows of entries need.
    /// Call after drawing and styling.
    /// </summary>
    public void ShareLegend()
    {
        var items = new List<LegendItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Plot p in Panels())
        {
            foreach (LegendItem item in p.Legend.GetItems())
                if (!string.IsNullOrEmpty(item.LabelText) && seen.Add(item.LabelText)) items.Add(item);
            p.Legend.IsVisible = false;
        }
        var strip = new Plot();
        strip.HideAxesAndGrid();
        strip.Layout.Frameless();
        // Exact curves (lines without markers) first, then the methods' markers, each group in reading order.
        strip.Legend.ManualItems.AddRange(items.OrderBy(i => i.MarkerShape is MarkerShape.None || i.MarkerSize <= 0 ? 0 : 1));
        strip.Legend.DisplayPlottableLegendItems = false;
        strip.Legend.IsVisible = true;
        strip.Legend.Orientation = Orientation.Horizontal;
        strip.Legend.Alignment = Alignment.MiddleCenter;
        Style.Apply(strip);
        strip.Legend.OutlineColor = Colors.Transparent;
        using (ScottPlot.Paint paint = ScottPlot.Paint.NewDisposablePaint())
        {
            // Laid out in the width the legend really gets (the strip less the legend's margins, less a little for
            // rounding): measured in the full width, a row that fits only there wraps when drawn and is cut off.
            float room = Width - strip.Legend.Margin.Horizontal - 8;
            LegendHeight = (int)Math.Ceiling(strip.Legend.GetLayout(new PixelSize(room, 4000), paint).LegendRect.Height) + 10;
        }
        _legend = strip;
    }

    /// <summary>The panel in a cell, created on first use.</summary>
    public Plot this[int row, int column]
    {
        get
        {
            if ((uint)row >= Rows || (uint)column >= Columns) throw new ArgumentOutOfRangeException(nameof(row), $"cell ({row}, {column}) is outside the {Rows}×{Columns} grid");
            return _panels[row, column] ??= new Plot();
        }
    }

    /// <summary>The panels in reading order (row by row), skipping empty cells.</summary>
    public IEnumerable<Plot> Panels()
    {
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
                if (_panels[r, c] is { } p) yield return p;
    }

    /// <summary>
    /// Paints the figure on <paramref name="canvas"/> at <paramref name="scale"/> device pixels per logical pixel. With
    /// <paramref name="solidLines"/> every dashed or dotted line is drawn solid: Skia's SVG back end has no path effects
    /// (it would print a warning and drop them anyway), so the figures never tell lines apart by dash alone.
    /// </summary>
    public void Draw(SKCanvas canvas, double scale, bool solidLines = false)
    {
        if (!solidLines)
        {
            Paint(canvas, scale);
            return;
        }
        var patterns = Panels().Concat(_legend is null ? [] : [_legend]).SelectMany(p => p.GetPlottables()).OfType<IHasLine>().Select(l => (Line: l, l.LinePattern)).ToArray();
        try
        {
            foreach (var (line, _) in patterns) line.LinePattern = LinePattern.Solid;
            Paint(canvas, scale);
        }
        finally
        {
            foreach (var (line, pattern) in patterns) line.LinePattern = pattern;
        }
    }

    private void Paint(SKCanvas canvas, double scale)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        canvas.Clear(SKColors.White);
        int w = (int)Math.Round(PanelWidth * scale), h = (int)Math.Round(PanelHeight * scale);
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
            {
                if (_panels[r, c] is not { } plot) continue;
                plot.ScaleFactor = scale;
                canvas.Save();
                canvas.Translate(c * w, r * h);
                // Plot.Render clears its canvas; the clip keeps it to its own cell.
                canvas.ClipRect(new SKRect(0, 0, w, h));
                plot.Render(canvas, w, h);
                canvas.Restore();
            }
        if (_legend is { } legend && LegendHeight > 0)
        {
            int lw = (int)Math.Round(Width * scale), lh = (int)Math.Round(LegendHeight * scale);
            legend.ScaleFactor = scale;
            canvas.Save();
            canvas.Translate(0, Rows * h);
            canvas.ClipRect(new SKRect(0, 0, lw, lh));
            legend.Render(canvas, lw, lh);
            canvas.Restore();
        }
    }
}
