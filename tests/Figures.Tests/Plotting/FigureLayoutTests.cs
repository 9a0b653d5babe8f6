using ScottPlot;
using Verify.Figures.Plotting;
using Xunit;

namespace Verify.Figures.Tests.Plotting;

public sealed class FigureLayoutTests
{
    [Fact]
    public void SharedLegendCollectsEachLabelOnceLinesFirstAndHidesThePanelsLegends()
    {
        var f = new FigureLayout(1, 2, 200, 200);
        Draw.Estimates(f[0, 0], [1.0], [1.0], null, Style.Blue, MarkerShape.FilledCircle, "estimate");
        Draw.Line(f[0, 0], [0.0, 1.0], [0.0, 1.0], Style.Black, "exact");
        Draw.Line(f[0, 1], [0.0, 1.0], [1.0, 0.0], Style.Black, "exact");
        f.ShareLegend();
        Assert.All(f.Panels(), p => Assert.False(p.Legend.IsVisible));
        Assert.Equal(f.Rows * f.PanelHeight + f.LegendHeight, f.Height);
        Assert.InRange(f.LegendHeight, 15, 80);
    }

    [Fact]
    public void RefusesUnreadablySmallPanelsAndCellsOutsideTheGrid()
    {
        Assert.Throws<ArgumentException>(() => new FigureLayout(1, 1, 50, 200));
        var f = new FigureLayout(1, 2, 200, 200);
        Assert.Throws<ArgumentOutOfRangeException>(() => f[1, 0]);
        Assert.Empty(f.Panels());
        Assert.Same(f[0, 1], f[0, 1]);
    }
}
