using Verify.Figures.Io;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class ProgressTests
{
    [Fact]
    public void NoBarUnlessStderrIsTheTerminalAndJsonIsOff()
    {
        var err = new StringWriter();
        Assert.False(Progress.Enabled(err, json: false)); // not the process's stderr
        Assert.False(Progress.Enabled(Console.Error, json: true));
        int seen = 0;
        int result = Progress.Run("work", 3, err, json: false, tick => { for (int i = 1; i <= 3; i++) { tick(i); seen = i; } return 42; });
        Assert.Equal(42, result);
        Assert.Equal(3, seen);
        Assert.Equal("", err.ToString()); // nothing drawn on a redirected writer
    }
}
