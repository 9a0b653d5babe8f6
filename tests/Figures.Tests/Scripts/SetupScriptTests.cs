using Xunit;

namespace Verify.Figures.Tests.Scripts;

public sealed class SetupScriptTests
{
    /// <summary>The system packages scripts/setup promises (README, set-up paragraph).</summary>
    private static readonly string[] Packages = ["libopenblas0-pthread", "python3-numpy"];

    [Fact]
    public void DryRunPlansExactlyTheMissingPackagesEveryTime()
    {
        // The old test `ldconfig -p | grep -q …` under pipefail failed whenever grep exited before ldconfig finished
        // (SIGPIPE), about one run in three, and apt ran again. Twelve runs must agree with dpkg's own record of each
        // package (`dpkg -s`, a second route to the same fact), every time.
        if (!File.Exists("/usr/bin/dpkg")) return; // not a Debian machine: the script's apt path does not apply
        string[] missing = Packages.Where(p => Repo.Exec("/usr/bin/dpkg", ["-s", p]).Out.Contains("Status: install ok installed") is false).ToArray();
        string expected = missing.Length == 0 ? "" : "apt: " + string.Join(' ', missing);
        for (int run = 0; run < 12; run++)
        {
            var (code, output, err) = Repo.Exec("/bin/bash", ["scripts/setup", "--dry-run"]);
            Assert.True(code == 0, $"run {run}: exit {code}: {err}");
            string apt = output.Split('\n').FirstOrDefault(l => l.StartsWith("apt:")) ?? "";
            Assert.Equal(expected, apt);
        }
    }

    [Fact]
    public void GnuplotIsNoLongerInstalled()
    {
        string[] code = File.ReadAllLines(Path.Combine(Repo.Root, "scripts", "setup")).Where(l => !l.TrimStart().StartsWith('#')).ToArray();
        Assert.DoesNotContain(code, l => l.Contains("gnuplot"));
        Assert.DoesNotContain(code, l => l.Contains("| grep")); // a racing pipe under pipefail
    }
}
