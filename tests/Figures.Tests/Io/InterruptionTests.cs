using System.Runtime.InteropServices;
using Verify.Figures.Io;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class InterruptionTests
{
    [Fact]
    public void TheFirstSignalCancelsTheTokenAndSetsTheExitCode()
    {
        using var i = Interruption.Manual();
        Assert.False(i.Requested);
        Assert.Equal(0, i.ExitCode);
        i.Request(PosixSignal.SIGTERM);
        Assert.True(i.Token.IsCancellationRequested);
        Assert.Equal(Interruption.SigTermExitCode, i.ExitCode);
        Assert.Equal(143, i.ExitCode);
        Assert.Equal("SIGTERM", i.SignalName);
        i.Request(PosixSignal.SIGINT); // a second signal does not change what stopped the run
        Assert.Equal(143, i.ExitCode);
        using var j = Interruption.Manual();
        j.Request(PosixSignal.SIGINT);
        Assert.Equal(130, j.ExitCode);
    }

    [Fact]
    public async Task CurrentFlowsIntoTasksAndEndsWithItsScope()
    {
        using var i = Interruption.Manual();
        Assert.False(Interruption.IsRequested);
        using (i.Enter())
        {
            Assert.Same(i, Interruption.Current);
            i.Request(PosixSignal.SIGINT);
            Assert.True(await Task.Run(() => Interruption.IsRequested));
            var e = Assert.Throws<OperationCanceledException>(Interruption.ThrowIfRequested);
            Assert.Equal("interrupted by SIGINT", e.Message);
        }
        Assert.Null(Interruption.Current);
        Interruption.ThrowIfRequested(); // outside any run: nothing to stop
    }

    [Fact]
    public void CliRunReportsTheInterruptionWithItsExitCode()
    {
        // A run interrupted before it writes: one line on stderr, exit 143, no file.
        string dir = Directory.CreateTempSubdirectory("verify-int-").FullName;
        try
        {
            string path = Path.Combine(dir, "x.csv");
            using var i = Interruption.Manual();
            i.Request(PosixSignal.SIGTERM);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Cli.Run(["sample", "gaussian-location", "--n", "1000", "--out", path], stdout, stderr, i);
            Assert.Equal(143, code);
            Assert.Equal("verify: interrupted by SIGTERM; no file was left half-written", stderr.ToString().TrimEnd());
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally { Directory.Delete(dir, true); }
    }
}
