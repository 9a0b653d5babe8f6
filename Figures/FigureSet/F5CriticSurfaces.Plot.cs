using ScottPlot;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Plotting;

namespace Verify.Figures.FigureSet;

public sealed partial class F5CriticSurfaces
{
    private static readonly Dictionary<string, string> DatasetNames = new()
    {
        ["8gaussians"] = "8 Gaussians", ["25gaussians"] = "25 Gaussians", ["swissroll"] = "Swiss roll",
    };

    private static readonly Dictionary<string, (Color Color, string Label)> DeepStyle = new()
    {
        ["clip-0.1"] = (Style.Orange.Darken(0.35), "weight clipping, c = 0.1"),
        ["clip-0.01"] = (Style.Orange, "weight clipping, c = 0.01"),
        ["clip-0.001"] = (Style.Yellow.Darken(0.1), "weight clipping, c = 0.001"),
        ["gp"] = (Style.Blue, "gradient penalty (λ = 10)"),
    };

    public override FigureLayout Render(TableSet tables)
    {
        TidyTable surf = tables[SurfacesSchema.Name], samples = tables[SamplesSchema.Name];
        var figure = new FigureLayout(3, 3, 245, 235);
        char panel = 'a';
        for (int m = 0; m < SurfaceMethods.Length; m++)
            for (int d = 0; d < Datasets.Length; d++)
            {
                Plot p = figure[m, d];
                SurfacePanel(p, surf, samples, Datasets[d], SurfaceMethods[m]);
                p.Title($"({panel++}) {(m == 0 ? "clipping" : "penalty")}, {DatasetNames[Datasets[d]]}");
            }
        LayerPanel(figure[2, 0], tables[LayersSchema.Name], $"({panel++}) layer gradients, Swiss roll");
        WeightPanel(figure[2, 1], tables[WeightsSchema.Name], "clip-0.01", $"({panel++}) weights, clipping c = 0.01");
        WeightPanel(figure[2, 2], tables[WeightsSchema.Name], "gp", $"({panel}) weights, gradient penalty");
        foreach (Plot p in figure.Panels()) Style.Apply(p);
        figure.ShareLegend();
        return figure;
    }

    private static void SurfacePanel(Plot p, TidyTable surf, TidyTable samples, string dataset, string method)
    {
        int[] rows = surf.Where(("dataset", dataset), ("method", method)).ToArray();
        if (rows.Length != GridSize * GridSize)
            throw new InvalidDataException($"surfaces.csv: {rows.Length} rows for {dataset} {method}, expected {GridSize * GridSize}");
        var z = new double[GridSize, GridSize];
        var points = new Coordinates3d[GridSize, GridSize];
        foreach (int r in rows)
        {
            double x = surf.Number(r, "x"), y = surf.Number(r, "y"), v = surf.Number(r, "value");
            int i = Index(x), j = Index(y);
            z[GridSize - 1 - j, i] = v; // heatmap rows run from the top
            points[j, i] = new Coordinates3d(x, y, v);
        }
        var heat = p.Add.Heatmap(z);
        heat.Extent = new CoordinateRect(-GridHalfWidth, GridHalfWidth, -GridHalfWidth, GridHalfWidth);
        heat.Colormap = new ScottPlot.Colormaps.Viridis();
        var contours = p.Add.ContourLines(points, 10);
        contours.LineColor = Colors.White.WithAlpha(0.55);
        contours.LineWidth = 1;
        contours.LabelStyle.IsVisible = false;
        int[] s = samples.Where(("dataset", dataset)).ToArray();
        var dots = p.Add.Markers(samples.Numbers(s, "x"), samples.Numbers(s, "y"), MarkerShape.FilledCircle, 3f, Colors.White);
        dots.MarkerLineColor = Colors.Black.WithAlpha(0.6);
        dots.MarkerLineWidth = 1f;
        dots.LegendText = "real samples (the fake ones are these + N(0, I))";
        p.Axes.SetLimits(-GridHalfWidth, GridHalfWidth, -GridHalfWidth, GridHalfWidth);
        p.Axes.SquareUnits();
        p.XLabel("x₁");
        p.YLabel("x₂");
    }

    private static int Index(double coordinate) => (int)Math.Round((coordinate + GridHalfWidth) / (2 * GridHalfWidth) * (GridSize - 1));

    private static void LayerPanel(Plot p, TidyTable layers, string title)
    {
        foreach (string critic in DeepCritics)
        {
            int[] rows = layers.Where(("critic", critic)).ToArray();
            var line = p.Add.ScatterLine(layers.Numbers(rows, "layer"), layers.Numbers(rows, "gradient_norm").Select(LogScale.Log10).ToArray(), DeepStyle[critic].Color);
            line.LineWidth = Style.LineWidth;
            line.MarkerSize = 5;
            line.MarkerShape = critic == "gp" ? MarkerShape.FilledCircle : MarkerShape.FilledTriangleUp;
            line.LegendText = DeepStyle[critic].Label;
        }
        LogScale.Y(p);
        p.Title(title);
        p.XLabel("layer (1 = input side)");
        p.YLabel("‖∂ℓ/∂z‖, log scale");
    }

    private static void WeightPanel(Plot p, TidyTable weights, string critic, string title)
    {
        int[] rows = weights.Where(("critic", critic)).ToArray();
        double[] lo = weights.Numbers(rows, "bin_low"), hi = weights.Numbers(rows, "bin_high"), n = weights.Numbers(rows, "count");
        double total = n.Sum();
        var bars = p.Add.Bars(lo.Select((l, i) => (l + hi[i]) / 2).ToArray(), n.Select(c => c / total).ToArray());
        foreach (Bar b in bars.Bars)
        {
            b.Size = (hi[0] - lo[0]) * 0.95;
            b.FillColor = DeepStyle[critic].Color;
            b.LineWidth = 0;
        }
        p.Title(title);
        p.XLabel("weight value");
        p.YLabel("share of weights");
        p.Axes.Margins(bottom: 0);
    }
}
