using ScottPlot;
using Verify.Figures.Plotting;
using Xunit;

namespace Verify.Figures.Tests.Plotting;

public sealed class DrawTests
{
    [Fact]
    public void LineBreaksAtMissingValues()
    {
        var p = new Plot();
        Draw.Line(p, [0.0, 1, 2, 3, 4, 5], [1.0, 2, double.NaN, 3, 4, double.NaN], Style.Black, "x");
        var pieces = p.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToArray();
        Assert.Equal(2, pieces.Length);
        Assert.Single(pieces, s => s.LegendText == "x");
    }

    [Fact]
    public void CurveDrawsAnIsolatedValueAsADotWithTheLimitAsAnOpenCircle()
    {
        // JS on the parallel lines: log 2 everywhere but 0 at θ = 0.
        double[] theta = [-0.02, -0.01, 0, 0.01, 0.02];
        double[] js = [Math.Log(2), Math.Log(2), 0, Math.Log(2), Math.Log(2)];
        var p = new Plot();
        Draw.Curve(p, theta, js, Style.Black, "JS");
        var markers = p.GetPlottables().OfType<ScottPlot.Plottables.Marker>().ToArray();
        Assert.Equal(2, markers.Length);
        Assert.Contains(markers, m => m.Location.Y == 0 && m.MarkerShape == MarkerShape.FilledCircle);
        Assert.Contains(markers, m => Math.Abs(m.Location.Y - Math.Log(2)) < 1e-15 && m.MarkerShape == MarkerShape.OpenCircle);
        Assert.Equal(2, p.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Count());
    }
}
