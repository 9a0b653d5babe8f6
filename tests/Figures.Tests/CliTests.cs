using Xunit;

namespace Verify.Figures.Tests;

public sealed class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    [Fact]
    public void UnknownCommandIsOneLineWithExitCode2()
    {
        var (code, _, err) = Run("no-such-command");
        Assert.Equal(Cli.BadInput, code);
        Assert.StartsWith("verify: error: ", err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void HelpListsTheProgramAndExitsZero()
    {
        var (code, output, err) = Run("--help");
        Assert.Equal(Cli.Ok, code);
        Assert.Contains("verify", output);
        Assert.Equal("", err);
    }
}
