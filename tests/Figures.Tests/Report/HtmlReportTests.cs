using System.Text.RegularExpressions;
using Verify.Figures.FigureSet;
using Verify.Figures.Report;
using Verify.Figures.Tests.Plotting;
using Xunit;

namespace Verify.Figures.Tests.Report;

[Collection(QuickReportCollection.Name)]
public sealed partial class HtmlReportTests(QuickReportFixture fixture)
{
    private string Html => File.ReadAllText(Path.Combine(fixture.Dir, ReportBuilder.HtmlName));

    [Fact]
    public void IsSelfContained()
    {
        string html = Html;
        // No external resource: every src is a data URI, no stylesheet link, no remote URL at all.
        foreach (Match m in SrcAttribute().Matches(html)) Assert.StartsWith("data:", m.Groups[1].Value);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public void InlinesEveryFigureAsADecodablePng()
    {
        var images = DataUri().Matches(Html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToArray();
        Assert.Equal(FigureRegistry.All.Count, images.Length);
        foreach (byte[] png in images)
        {
            var s = PngCheck.Measure(png);
            Assert.True(s.Width >= 1200 && s.LuminanceVariance > 100);
        }
    }

    [Fact]
    public void HasTheClaimsTableAndEachFiguresFactsTablesAndCommands()
    {
        string html = Html;
        Assert.Contains("<section id=\"claims\">", html);
        foreach (var c in fixture.Data.Claims) Assert.Contains($"<code>{c.Id}</code>", html);
        foreach (var f in fixture.Data.Figures)
        {
            Assert.Contains($"<section class=\"figure\" id=\"{f.Figure.Id}\">", html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(f.Figure.RerenderCommand), html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(f.Json["command"]!.GetValue<string>()), html);
            foreach (var fact in f.Facts) Assert.Contains(System.Net.WebUtility.HtmlEncode(fact.Statement), html);
        }
        Assert.Contains("Exact against estimated", html);
    }

    [GeneratedRegex("src=\"([^\"]*)\"")]
    private static partial Regex SrcAttribute();

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex DataUri();
}
