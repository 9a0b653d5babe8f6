using Verify.Figures.Io;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class StreamedFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-stream-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string ReadShared(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(s).ReadToEnd();
    }

    [Fact]
    public void LinesReachTheFileWithinTheIntervalWithoutAFlushCall()
    {
        string path = Path.Combine(_dir, "run", "log.csv");
        using var log = StreamedFile.Create(path, flushInterval: TimeSpan.FromMilliseconds(100));
        log.WriteLine("iteration,loss");
        log.WriteLine("1,0.5");
        Assert.Equal("", ReadShared(path)); // buffered: a 64 KiB buffer holds two short lines
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ReadShared(path) == "" && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.Equal("iteration,loss\n1,0.5\n", ReadShared(path)); // the timer flushed them
        log.WriteLine("2,0.25");
        log.Dispose();
        Assert.Equal("iteration,loss\n1,0.5\n2,0.25\n", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "run"), "*.tmp-*"));
    }

    [Fact]
    public void StandardOutputAndDevicesAreWrittenThrough()
    {
        var stdout = new StringWriter();
        using (var log = StreamedFile.Create("-", stdout))
        {
            log.WriteLine("a");
            log.Flush();
            Assert.Equal("a\n", stdout.ToString().ReplaceLineEndings("\n"));
        }
        using (var log = StreamedFile.Create("/dev/null")) log.WriteLine("gone");
        Assert.Equal(PathKind.CharDevice, PathKinds.Of("/dev/null", followLinks: false));
        Assert.Throws<UsageException>(() => StreamedFile.Create(_dir));
        Assert.Throws<ArgumentException>(() => StreamedFile.Create(Path.Combine(_dir, "x"), flushInterval: TimeSpan.Zero));
    }
}
