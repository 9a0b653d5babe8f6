using System.Net.Sockets;
using Verify.Figures.Io;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class OutputTargetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-out-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData("-")]
    [InlineData("/dev/stdout")]
    [InlineData("/dev/fd/1")]
    [InlineData("/proc/self/fd/1")]
    public void StandardOutputUnderEveryName(string path) =>
        Assert.Equal(OutputMode.StandardOutput, OutputTarget.Resolve(path).Mode);

    [Fact]
    public void RegularAndNewFilesAreReplaced()
    {
        string existing = PathOf("a.csv");
        File.WriteAllText(existing, "old");
        Assert.Equal(new OutputTarget(existing, OutputMode.Replace, existing), OutputTarget.Resolve(existing));
        string fresh = PathOf("sub/new.csv");
        Assert.Equal(OutputMode.Replace, OutputTarget.Resolve(fresh).Mode);
        Assert.Equal(PathKind.Regular, PathKinds.Of(existing, followLinks: false));
        Assert.Equal(PathKind.Missing, PathKinds.Of(fresh, followLinks: false));
    }

    [Fact]
    public void DevicesAndFifosAreWrittenThrough()
    {
        Assert.Equal(PathKind.CharDevice, PathKinds.Of("/dev/null", followLinks: false));
        Assert.Equal(OutputMode.WriteThrough, OutputTarget.Resolve("/dev/null").Mode);
        string fifo = PathOf("pipe");
        Posix.MakeFifo(fifo);
        Assert.Equal(PathKind.Fifo, PathKinds.Of(fifo, followLinks: false));
        Assert.Equal(new OutputTarget(fifo, OutputMode.WriteThrough, fifo), OutputTarget.Resolve(fifo));
    }

    [Fact]
    public void ASymlinkIsNeverTheThingReplaced()
    {
        // a link to a regular file: that file (in its own folder) is the one replaced, so the link stays a link
        string real = PathOf("data/real.csv");
        Directory.CreateDirectory(PathOf("data"));
        File.WriteAllText(real, "old");
        string link = PathOf("link.csv");
        File.CreateSymbolicLink(link, "data/real.csv");
        Assert.Equal(PathKind.Symlink, PathKinds.Of(link, followLinks: false));
        Assert.Equal(new OutputTarget(link, OutputMode.Replace, real), OutputTarget.Resolve(link));
        // a link into /dev (as /dev/stdout is, as root) or to a device: written through
        string toNull = PathOf("null-link");
        File.CreateSymbolicLink(toNull, "/dev/null");
        Assert.Equal(OutputMode.WriteThrough, OutputTarget.Resolve(toNull).Mode);
        // a chain of links ends at the final regular file
        string chain = PathOf("chain.csv");
        File.CreateSymbolicLink(chain, link);
        Assert.Equal(real, OutputTarget.Resolve(chain).Path);
    }

    [Fact]
    public void DirectoriesAndSocketsAreRefusedInOneLine()
    {
        var e = Assert.Throws<UsageException>(() => OutputTarget.Resolve(_dir));
        Assert.Equal($"--out {_dir}: is a directory; give a file name", e.Message);
        string socketPath = PathOf("s.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        Assert.Equal(PathKind.Socket, PathKinds.Of(socketPath, followLinks: false));
        e = Assert.Throws<UsageException>(() => OutputTarget.Resolve(socketPath));
        Assert.Contains("is a socket", e.Message);
        Assert.Equal("--out: the file name is empty", Assert.Throws<UsageException>(() => OutputTarget.Resolve(" ")).Message);
    }
}
