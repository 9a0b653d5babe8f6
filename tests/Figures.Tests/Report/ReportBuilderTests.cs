using System.Text.Json.Nodes;
using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Report;
using Verify.Figures.Tests.Plotting;
using Xunit;
using Xunit.Abstractions;

namespace Verify.Figures.Tests.Report;

[Collection(QuickReportCollection.Name)]
public sealed class ReportBuilderTests(QuickReportFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void TheQuickReportHasEveryFigureAndPasses()
    {
        output.WriteLine($"quick report (every figure, {fixture.Data.Claims.Count} exact claims): {fixture.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(FigureRegistry.All.Select(f => f.Id), fixture.Data.Figures.Select(f => f.Figure.Id));
        foreach (FigureResult f in fixture.Data.Figures) FigureAssert.FactsHold(f);
        Assert.All(fixture.Data.Claims, c => Assert.True(c.Passed, c.ToString()));
        Assert.True(fixture.Data.Passed);
    }

    [Fact]
    public void EveryFigureFolderHoldsItsFilesAndEveryPngIsAPicture()
    {
        foreach (Figure f in FigureRegistry.All)
        {
            string dir = fixture.FigureDir(f.Id);
            foreach (TableSchema s in f.Schema) Assert.True(File.Exists(Path.Combine(dir, s.Name + ".csv")), $"{f.Id}: {s.Name}.csv missing");
            var png = PngCheck.AssertFigure(Path.Combine(dir, FigureFolder.PngName));
            output.WriteLine($"{f.Id}: {png.Width}×{png.Height}, luminance variance {png.LuminanceVariance:F0}, {png.NonWhite:P0} non-white");
            string svg = File.ReadAllText(Path.Combine(dir, FigureFolder.SvgName));
            Assert.StartsWith("<?xml", svg);
            Assert.Contains("<svg", svg);
            _ = System.Xml.Linq.XDocument.Parse(svg); // well-formed
            byte[] pdf = File.ReadAllBytes(Path.Combine(dir, FigureFolder.PdfName));
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
            Assert.Contains("%%EOF", System.Text.Encoding.ASCII.GetString(pdf, pdf.Length - 32, 32));
        }
    }

    [Fact]
    public void ReportJsonHoldsFiguresAndClaimsAndEachFiguresJson()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Dir, ReportBuilder.JsonName)))!.AsObject();
        var figures = json["figures"]!.AsArray();
        Assert.Equal(FigureRegistry.All.Count, figures.Count);
        foreach (JsonNode? f in figures)
        {
            string id = f!["id"]!.GetValue<string>();
            var own = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.FigureDir(id), FigureFolder.JsonName)))!;
            Assert.True(JsonNode.DeepEquals(own, f), $"report.json's entry for {id} differs from its figure.json");
            foreach (string key in new[] { "title", "claims", "seeds", "settings", "command", "rerender_command", "facts", "exact_vs_estimated", "files" })
                Assert.True(f[key] is not null, $"{id}: figure.json lacks '{key}'");
            Assert.Contains("--quick", f["command"]!.GetValue<string>());
        }
        var claims = json["claims"]!.AsArray();
        Assert.Equal(fixture.Data.Claims.Count, claims.Count);
        Assert.All(claims, c => Assert.Equal("pass", c!["verdict"]!.GetValue<string>()));
        Assert.True(json["passed"]!.GetValue<bool>());
    }

    [Fact]
    public void TheMarkdownLinksEveryFigureThatExists()
    {
        string md = File.ReadAllText(Path.Combine(fixture.Dir, ReportBuilder.MarkdownName));
        foreach (Figure f in FigureRegistry.All)
        {
            string link = $"{ReportData.FiguresFolder}/{f.Id}/{FigureFolder.PngName}";
            Assert.Contains($"]({link})", md);
            Assert.True(File.Exists(Path.Combine(fixture.Dir, link)));
        }
        Assert.Contains("| pass | `w1.metric` |", md);
    }

    [Fact]
    public void CommandRegeneratesWithTheSameScaleAndSeed()
    {
        Assert.Equal("verify report --quick --out X", ReportBuilder.Command(new ReportBuilder.Request(new FigureRun(Scale.Quick, 0), null, "X")));
        Assert.Equal("verify report --seed 7 --out X", ReportBuilder.Command(new ReportBuilder.Request(new FigureRun(Scale.Full, 7), 7, "X")));
    }
}
