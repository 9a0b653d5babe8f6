using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Verify.Figures.Io;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private string[] Leftovers() => Directory.GetFiles(_dir, "*.tmp-*", SearchOption.AllDirectories);

    [Fact]
    public void AFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile()
    {
        string path = PathOf("a.csv");
        File.WriteAllText(path, "old\n");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, w => { w.WriteLine("half"); throw new InvalidOperationException("boom"); }));
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void ACancelledWriteKeepsTheOldFileAndLeavesNoTemporaryFile()
    {
        // SIGINT arriving while the file is written: Interruption.Request is what the signal handler calls.
        string path = PathOf("a.csv");
        File.WriteAllText(path, "old\n");
        using var interruption = Interruption.Manual();
        using (interruption.Enter())
        {
            Assert.Throws<OperationCanceledException>(() => AtomicFile.Write(path, w =>
            {
                w.WriteLine("new, half written");
                Assert.Single(Leftovers()); // the temporary file exists while writing…
                interruption.Request(PosixSignal.SIGINT);
                Interruption.ThrowIfRequested();
            }));
        }
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Empty(Leftovers()); // …and not after
        Assert.DoesNotContain(TempFiles.Live, f => f.StartsWith(_dir, StringComparison.Ordinal));
        Assert.Equal(Interruption.SigIntExitCode, interruption.ExitCode);
    }

    [Fact]
    public void StaleTemporaryFilesOfDeadProcessesAreSweptLiveOnesKept()
    {
        string path = PathOf("big.csv");
        // a PID that is surely dead: a process we started and waited for
        using var p = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        p.WaitForExit();
        string stale = path + ".tmp-" + p.Id;
        string live = path + ".tmp-1"; // PID 1 is alive
        string other = PathOf("other.csv.tmp-" + p.Id); // another target's: not ours to sweep
        foreach (string f in new[] { stale, live, other }) File.WriteAllText(f, "leftover");
        AtomicFile.Write(path, w => w.WriteLine("x"));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
        Assert.Equal("x\n", File.ReadAllText(path));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void TheReplacedFileKeepsItsPermissions()
    {
        string path = PathOf("a.csv");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        AtomicFile.Write(path, w => w.Write("new"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    [Fact]
    public void ASymlinkStaysALinkAndItsTargetGetsTheData()
    {
        string real = PathOf("real.csv");
        File.WriteAllText(real, "old");
        string link = PathOf("link.csv");
        File.CreateSymbolicLink(link, real);
        AtomicFile.Write(link, w => w.Write("new"));
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(real));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void DevNullIsWrittenThroughAndStaysADevice()
    {
        AtomicFile.Write("/dev/null", w => w.Write("discarded"));
        AtomicFile.WriteBytes("/dev/null", [1, 2, 3]);
        Assert.Equal(PathKind.CharDevice, PathKinds.Of("/dev/null", followLinks: false));
    }

    [Fact]
    public async Task AFifoIsWrittenThroughToItsReader()
    {
        string fifo = PathOf("pipe");
        Posix.MakeFifo(fifo);
        Task<string> reader = Task.Run(() => File.ReadAllText(fifo));
        AtomicFile.Write(fifo, w => w.Write("through the pipe\n"));
        Assert.Equal("through the pipe\n", await reader.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(PathKind.Fifo, PathKinds.Of(fifo, followLinks: false));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void StandardOutputGoesToTheGivenWriter()
    {
        var stdout = new StringWriter();
        AtomicFile.Write(OutputTarget.Resolve("-"), stdout, w => w.Write("to stdout"));
        Assert.Equal("to stdout", stdout.ToString());
        AtomicFile.WriteStream(OutputTarget.Resolve(PathOf("b.bin")), s => s.Write(Encoding.ASCII.GetBytes("bin")));
        Assert.Equal("bin", File.ReadAllText(PathOf("b.bin")));
    }
}
