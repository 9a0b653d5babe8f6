using Verify.Figures.Report;
using Xunit;

namespace Verify.Figures.Tests.Report;

public sealed class RunProgressTests
{
    [Fact]
    public void WithoutATerminalProgressIsPlainLinesOnStderr()
    {
        var err = new StringWriter();
        int result = RunProgress.Run("verify test", 10, err, quiet: false, p =>
        {
            p.Advance(5);
            p.Finished("first part: fine");
            p.Advance(5);
            return 42;
        });
        Assert.Equal(42, result);
        string[] lines = err.ToString().TrimEnd().Split('\n');
        Assert.Equal("verify test: started", lines[0]);
        Assert.Contains("verify test: first part: fine", lines);
        Assert.StartsWith("verify test: done in 0:0", lines[^1]);
    }

    [Fact]
    public void QuietWritesNothing()
    {
        var err = new StringWriter();
        RunProgress.Run("x", 1, err, quiet: true, p => { p.Advance(1); p.Finished("y"); return 0; });
        Assert.Equal("", err.ToString());
    }

    [Fact]
    public void ClockIsMinutesAndSeconds() => Assert.Equal("2:05", RunProgress.Clock(TimeSpan.FromSeconds(125.4)));
}
