using System.Diagnostics;
using System.Text.RegularExpressions;
using Verify.Figures.FigureSet;
using Verify.Figures.Report;
using Verify.Figures.Tests.Plotting;
using Xunit;

namespace Verify.Figures.Tests.Report;

/// <summary>
/// Opens report.html in a real browser (Debian's headless Chromium) and reads back what the page's own script recorded:
/// every figure decoded, at its full width. Chromium is installed by scripts/setup; without it this test fails and says so.
/// </summary>
[Collection(QuickReportCollection.Name)]
public sealed partial class HtmlReportBrowserTests(QuickReportFixture fixture)
{
    [Fact]
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

    [Fact]
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
}

/// <summary>Runs headless Chromium once, with the flags that keep it off the network and out of the user's profile.</summary>
internal static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    public static string Executable =>
        Names.SelectMany(n => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, n))).FirstOrDefault(File.Exists)
        ?? throw new Xunit.Sdk.XunitException("Chromium is not installed: the report's browser test needs it (Debian package 'chromium'; bash scripts/setup installs it)");

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
