using ScottPlot;
using Verify.Figures.Plotting;
using Xunit;

namespace Verify.Figures.Tests.Plotting;

public sealed class FigureRendererTests
{
    private static FigureLayout Example()
    {
        var f = new FigureLayout(1, 2, 300, 220);
        double[] x = Enumerable.Range(0, 50).Select(i => i / 10.0).ToArray();
        Draw.Line(f[0, 0], x, x.Select(Math.Sin).ToArray(), Style.Blue, "sin θ", LinePattern.Dashed);
        Draw.Line(f[0, 1], x, x.Select(v => LogScale.Log10(Math.Exp(-v))).ToArray(), Style.Vermillion, "W₁ ‖∇‖");
        LogScale.Y(f[0, 1]);
        foreach (Plot p in f.Panels()) Style.Apply(p);
        f.ShareLegend();
        return f;
    }

    [Fact]
    public void PngIsTwiceTheLogicalSizeAndNotBlank()
    {
        FigureLayout f = Example();
        var s = PngCheck.Measure(FigureRenderer.Png(f));
        Assert.Equal(2 * f.Width, s.Width);
        Assert.Equal(2 * f.Height, s.Height);
        Assert.True(f.LegendHeight > 0);
        Assert.True(s.LuminanceVariance > 100);
    }

    [Fact]
    public void SvgIsWellFormedHasTheLabelsAndDrawsDashesSolidWithoutChangingTheFigure()
    {
        FigureLayout f = Example();
        string svg = System.Text.Encoding.UTF8.GetString(FigureRenderer.Svg(f));
        var doc = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains("sin θ", svg);
        Assert.DoesNotContain("stroke-dasharray", svg);
        // The dashed line is still dashed in the next (PNG, PDF) rendering.
        Assert.Contains(f.Panels().SelectMany(p => p.GetPlottables()).OfType<IHasLine>(), l => l.LinePattern.Equals(LinePattern.Dashed));
    }

    [Fact]
    public void PdfIsOnePageOfThePhysicalSize()
    {
        FigureLayout f = Example();
        string pdf = System.Text.Encoding.Latin1.GetString(FigureRenderer.Pdf(f));
        Assert.StartsWith("%PDF-", pdf);
        var box = System.Text.RegularExpressions.Regex.Match(pdf, @"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]");
        Assert.True(box.Success, "no /MediaBox");
        // Skia writes the page size in whole points.
        Verify.TestSupport.Tolerance.Close(f.Width * 0.75, double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), abs: 0.5, rel: 0);
        Verify.TestSupport.Tolerance.Close(f.Height * 0.75, double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), abs: 0.5, rel: 0);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(pdf, @"/Type /Page\b"));
    }

    [Fact]
    public void TheFontIsInstalled() => FontCheck.Ensure();
}
