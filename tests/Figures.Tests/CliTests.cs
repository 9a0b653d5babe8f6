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

    [Fact]
    public void LibraryArgumentErrorsAreOneLineWithoutTheParameterSuffix()
    {
        // Toys throws ArgumentException(…, paramName: "name") for an unknown family; the CLI line keeps the message only.
        var (code, _, err) = Run("train", "no-such-family", "--method", "gan", "--out", Path.Combine(Path.GetTempPath(), "verify-unused"));
        Assert.Equal(Cli.BadInput, code);
        Assert.StartsWith("verify: error: ", err);
        Assert.Contains("no-such-family", err);
        Assert.DoesNotContain("(Parameter", err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void DescribeStripsOnlyTheParameterSuffixAndExtraLines()
    {
        Assert.Equal("n must be positive", Cli.Describe(new ArgumentException("n must be positive", "n")));
        Assert.Equal("first line", Cli.Describe(new InvalidOperationException("first line\nsecond line")));
    }
}
