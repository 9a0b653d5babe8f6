using Xunit;

namespace Verify.Figures.Tests.Commands;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-report-cmd-").FullName;

    [Fact]
    public void AnOutThatIsAFileIsOneUsageErrorBeforeAnyWork()
    {
        string file = Path.Combine(_dir, "f");
        File.WriteAllText(file, "");
        var (code, output, err) = CliRun.Invoke("report", "--quick", "--out", file);
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Equal($"verify: error: --out: '{file}' is a file; give a folder", err.TrimEnd());
    }

    [Fact]
    public void HelpNamesTheFilesItWrites()
    {
        var (code, output, _) = CliRun.Invoke("report", "--help");
        Assert.Equal(Cli.Ok, code);
        Assert.Contains("report.html", output);
        Assert.Contains("--quick", output);
        Assert.Contains("--seed", output);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
