using Xunit;

namespace Verify.Figures.Tests.Scripts;

public sealed class SetupScriptTests
{
    /// <summary>The system packages scripts/setup promises (README, set-up paragraph).</summary>
    private static readonly string[] Packages = ["libopenblas0-pthread", "python3-numpy"];

    /// <summary>The figures' and report's packages, planned on a line of their own: the font, how SkiaSharp finds it, and
    /// the browser the report's test opens report.html in.</summary>
    private static readonly string[] FigurePackages = ["fonts-dejavu-core", "libfontconfig1", "chromium"];

    [Fact]
    public void DryRunPlansExactlyTheMissingPackagesEveryTime()
    {
        // The old test `ldconfig -p | grep -q …` under pipefail failed whenever grep exited before ldconfig finished
        // (SIGPIPE), about one run in three, and apt ran again. Twelve runs must agree with dpkg's own record of each
        // package (`dpkg -s`, a second route to the same fact), every time.
        if (!File.Exists("/usr/bin/dpkg")) return; // not a Debian machine: the script's apt path does not apply
        string[] Missing(string[] packages) =>
            packages.Where(p => Repo.Exec("/usr/bin/dpkg", ["-s", p]).Out.Contains("Status: install ok installed") is false).ToArray();
        string[] missing = Missing(Packages), figureMissing = Missing(FigurePackages);
        string expected = missing.Length == 0 ? "" : "apt: " + string.Join(' ', missing);
        string expectedFigures = figureMissing.Length == 0 ? "" : "apt (figures): " + string.Join(' ', figureMissing);
        for (int run = 0; run < 12; run++)
        {
            var (code, output, err) = Repo.Exec("/bin/bash", ["scripts/setup", "--dry-run"]);
            Assert.True(code == 0, $"run {run}: exit {code}: {err}");
            string apt = output.Split('\n').FirstOrDefault(l => l.StartsWith("apt:")) ?? "";
            Assert.Equal(expected, apt);
            Assert.Equal(expectedFigures, output.Split('\n').FirstOrDefault(l => l.StartsWith("apt (figures):")) ?? "");
        }
    }

    [Fact]
    public void TheFiguresPackagesAndTheReportsBrowserAreInstalled()
    {
        // On a fresh machine the dry-run test above sees them missing; here, that set-up names each of them at all.
        string line = File.ReadAllLines(Path.Combine(Repo.Root, "scripts", "setup")).Single(l => l.StartsWith("figure_packages=("));
        Assert.Equal(FigurePackages, line["figure_packages=(".Length..line.IndexOf(')')].Split(' '));
    }

    [Fact]
    public void GnuplotIsNoLongerInstalled()
    {
        string[] code = File.ReadAllLines(Path.Combine(Repo.Root, "scripts", "setup")).Where(l => !l.TrimStart().StartsWith('#')).ToArray();
        Assert.DoesNotContain(code, l => l.Contains("gnuplot"));
        Assert.DoesNotContain(code, l => l.Contains("| grep")); // a racing pipe under pipefail
    }
}
