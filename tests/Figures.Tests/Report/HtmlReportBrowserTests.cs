using System.Diagnostics;
using System.Text.RegularExpressions;
using Verify.Figures.FigureSet;
using Verify.Figures.Report;
using Verify.Figures.Tests.Plotting;
using Xunit;

namespace Verify.Figures.Tests.Report;

/// <summary>
/// Opens report.html in a real browser (Debian's headless Chromium) and reads back what the page's own script recorded:
/// every figure decoded, at its full width. Chromium is installed by scripts/setup (apt package 'chromium'); on a machine
/// without it these tests are skipped and say why.
/// </summary>
[Collection(QuickReportCollection.Name)]
public sealed partial class HtmlReportBrowserTests(QuickReportFixture fixture)
{
    [ChromiumFact]
    public void ChromiumDecodesEveryFigure()
    {
        string dom = Chromium.Run("--virtual-time-budget=10000", "--dump-dom", Url);
        Match body = BodyAttributes().Match(dom);
        Assert.True(body.Success, "the report's self-check did not run in Chromium (no data-images-decoded on <body>)");
        int total = int.Parse(body.Groups[1].Value), decoded = int.Parse(body.Groups[2].Value);
        Assert.Equal(FigureRegistry.All.Count, total);
        Assert.Equal(total, decoded);
        int[] widths = body.Groups[3].Value.Split(' ').Select(int.Parse).ToArray();
        Assert.All(widths, w => Assert.True(w >= 1200, $"a figure decoded {w} px wide"));
        Assert.DoesNotContain("id=\"image-warning\"", dom);
    }

    [ChromiumFact]
    public void TheCheckSeesAFigureThatDoesNotDecode()
    {
        // The same page with the second figure's PNG replaced by bytes from its middle (no PNG signature): the page's check must count it and show its warning.
        string html = File.ReadAllText(Path.Combine(fixture.Dir, ReportBuilder.HtmlName));
        Match second = DataUri().Matches(html)[1];
        string broken = html[..second.Groups[1].Index] + second.Groups[1].Value[4096..4160] + html[(second.Groups[1].Index + second.Groups[1].Length)..];
        string path = Path.Combine(fixture.Dir, "broken-image.html");
        File.WriteAllText(path, broken);
        string dom = Chromium.Run("--virtual-time-budget=10000", "--dump-dom", new Uri(path).AbsoluteUri);
        Match body = BodyAttributes().Match(dom);
        Assert.True(body.Success, "the report's self-check did not run in Chromium");
        Assert.Equal(FigureRegistry.All.Count, int.Parse(body.Groups[1].Value));
        Assert.Equal(FigureRegistry.All.Count - 1, int.Parse(body.Groups[2].Value));
        Assert.Contains("id=\"image-warning\"", dom);
    }

    [ChromiumFact]
    public void ChromiumScreenshotsTheReport()
    {
        string shot = Path.Combine(fixture.Dir, "screenshot.png");
        Chromium.Run("--hide-scrollbars", "--window-size=1200,1600", "--screenshot=" + shot, Url);
        var s = PngCheck.Measure(File.ReadAllBytes(shot));
        Assert.Equal(1200, s.Width);
        Assert.True(s.LuminanceVariance > 100, "the screenshot is blank");
    }

    private string Url => new Uri(Path.Combine(fixture.Dir, ReportBuilder.HtmlName)).AbsoluteUri;

    [GeneratedRegex("<body[^>]*data-images-total=\"(\\d+)\"[^>]*data-images-decoded=\"(\\d+)\"[^>]*data-image-widths=\"([\\d ]+)\"")]
    private static partial Regex BodyAttributes();

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex DataUri();
}

/// <summary>Runs headless Chromium once, with the flags that keep it off the network and out of the user's profile.</summary>
internal static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>The browser's path on PATH, or null.</summary>
    public static string? Find() =>
        Names.SelectMany(n => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, n))).FirstOrDefault(File.Exists);

    public const string Absent = "Chromium is not installed: the report's browser test needs it (Debian package 'chromium'; bash scripts/setup installs it)";

    public static string Executable => Find() ?? throw new Xunit.Sdk.XunitException(Absent);

    public static string Run(params string[] args)
    {
        string profile = Directory.CreateTempSubdirectory("verify-chromium-").FullName;
        try
        {
            var psi = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile })
                psi.ArgumentList.Add(a);
            foreach (string a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(120_000))
            {
                p.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException("Chromium did not finish within 120 s");
            }
            Assert.True(p.ExitCode == 0, $"Chromium exited with {p.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>A fact that opens a page in headless Chromium; skipped, with the reason, when no Chromium is on PATH.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Find() is null) Skip = Chromium.Absent;
    }
}
