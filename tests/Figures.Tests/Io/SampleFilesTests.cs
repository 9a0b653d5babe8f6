using Verify.Figures.Commands;
using Verify.Figures.Io;
using Verify.TestSupport;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class SampleFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-samplefiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void TheFormatComesFromTheContentWhenReadingAndFromTheNameWhenWriting()
    {
        double[] pts = [0.5, -1, 2, 3.25];
        // written as .npy and .npz, then renamed to .csv: still read as NumPy files, by their first bytes
        SampleFiles.Write(PathOf("a.npy"), TextWriter.Null, ["u", "v"], pts, default, new Provenance("test"));
        SampleFiles.Write(PathOf("b.npz"), TextWriter.Null, ["u", "v"], pts, [1, 3], new Provenance("test"));
        File.Move(PathOf("a.npy"), PathOf("a.csv"));
        File.Move(PathOf("b.npz"), PathOf("b.csv"));
        Assert.Equal(pts, SampleFiles.Read(PathOf("a.csv")).Distribution.Points.ToArray());
        SampleFile b = SampleFiles.Read(PathOf("b.csv"));
        Assert.Equal(new[] { 1.0, 3 }, b.Distribution.Weights.ToArray());
        Assert.Equal(new[] { "u", "v" }, b.Columns);
        Assert.Equal("npy", SampleFiles.FormatFor("x.NPY"));
        Assert.Equal("npz", SampleFiles.FormatFor("dir.npz/x.npz"));
        Assert.Equal("csv", SampleFiles.FormatFor("x.txt"));
        Assert.Equal("csv", SampleFiles.FormatFor("-"));
        var e = Assert.Throws<UsageException>(() => SampleFiles.Write(PathOf("w.npy"), TextWriter.Null, ["u"], [1, 2], [1, 1], new Provenance("t")));
        Assert.Contains("a .npy file holds one array, not the weights too; use .npz", e.Message);
    }

    [Fact]
    public async Task APipeIsReadWhole()
    {
        // a FIFO (as bash's <(…) gives) cannot be read at offsets: it is read whole, then parsed the same way
        string fifo = PathOf("in.csv");
        Posix.MakeFifo(fifo);
        Task writer = Task.Run(() => File.WriteAllText(fifo, "# x\n1\n2.5\n"));
        SampleFile f = SampleFiles.Read(fifo);
        await writer.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(new[] { 1.0, 2.5 }, f.Points.ToArray());
        Assert.Equal(new[] { "x" }, f.Columns);
    }

    [Fact]
    public void ReadPairReportsTheFirstFilesErrorFirst()
    {
        string bad1 = PathOf("bad1.csv"), bad2 = PathOf("bad2.csv");
        File.WriteAllText(bad1, "x\n1\nzz\n");
        File.WriteAllText(bad2, "x\nyy\n");
        Assert.Equal($"{bad1}, row 3, column 1 ('x'): 'zz' is not a number", Assert.Throws<UsageException>(() => SampleFiles.ReadPair(bad1, bad2)).Message);
        Assert.Equal($"{bad2}, row 2, column 1 ('x'): 'yy' is not a number", Assert.Throws<UsageException>(() => SampleFiles.ReadPair(bad2, bad1)).Message);
    }

    [Fact]
    public void TheCriticTakesNumPyFilesThroughTheSharedReader()
    {
        string real = PathOf("real.npy"), fake = PathOf("fake.npz");
        SampleFiles.Write(real, TextWriter.Null, ["x", "y"], [0, 0, 1, 0, 0, 1, 1, 1], default, new Provenance("t"));
        SampleFiles.Write(fake, TextWriter.Null, ["x", "y"], [2, 0, 3, 0, 2, 1, 3, 1], default, new Provenance("t"));
        var (code, stdout, stderr) = CliRun.Invoke("critic", "--real", real, "--fake", fake, "--method", "wgan-gp", "--steps", "1",
            "--hidden", "4", "--layers", "1", "--json");
        Assert.True(code == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("n_p_train").GetInt32() + root.GetProperty("n_p_heldout").GetInt32());
        Assert.Equal(4, root.GetProperty("n_q_train").GetInt32() + root.GetProperty("n_q_heldout").GetInt32());
        // Q is P translated by (2, 0): every coupling that moves each point by (2, 0) is optimal, W1 = 2 exactly.
        Tolerance.Close(2.0, root.GetProperty("exact_all_rows").GetDouble(), rel: 1e-15);
    }
}
