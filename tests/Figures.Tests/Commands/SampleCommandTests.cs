using Verify.Figures.Commands;
using Verify.Figures.Io;
using Verify.TestSupport;
using Xunit;

namespace Verify.Figures.Tests.Commands;

public sealed class SampleCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-sample-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    [Fact]
    public void ParallelLinesComposeWithDistanceToTheClosedForm()
    {
        // WGAN Example 1: P₀ and P_θ from the same seed are the same z's on two segments; W₁ = |θ| exactly, and the
        // atoms are disjoint so JS = ln 2, TV = 1, KL = +∞ both ways.
        string p0 = PathOf("p0.csv"), p3 = PathOf("p3.csv");
        Assert.Equal(Cli.Ok, Run("sample", "parallel-lines", "--theta", "0", "--n", "300", "--seed", "5", "--out", p0).Code);
        Assert.Equal(Cli.Ok, Run("sample", "parallel-lines", "--theta", "0.3", "--n", "300", "--seed", "5", "--out", p3).Code);
        DistanceResult r = DistanceCommand.Compute(SampleCsv.Read(p0), SampleCsv.Read(p3), "all");
        Tolerance.Close(0.3, r.W1!.Value, 1e-12, 0, "W1");
        // JS sums 600 atom terms: rounding up to 600·ε ≈ 1.3e-13 relative.
        Tolerance.Close(Math.Log(2), r.JS!.Value, 1.4e-13, 0, "JS");
        Tolerance.Close(1.0, r.TV!.Value, 1.4e-13, 0, "TV");   // also a 600-term sum
        Assert.Equal(double.PositiveInfinity, r.KLPQ);
        Assert.Equal(double.PositiveInfinity, r.KLQP);
        Assert.Equal(300, r.NP);
        Assert.Equal(2, r.Dim);
    }

    [Fact]
    public void GaussianLocationFilesAreTranslatesInOneDimension()
    {
        string a = PathOf("a.csv"), b = PathOf("b.csv");
        Assert.Equal(Cli.Ok, Run("sample", "gaussian-location", "--theta", "-1", "--n", "2000", "--seed", "9", "--out", a).Code);
        Assert.Equal(Cli.Ok, Run("sample", "gaussian-location", "--theta", "0.5", "--n", "2000", "--seed", "9", "--out", b).Code);
        DistanceResult r = DistanceCommand.Compute(SampleCsv.Read(a), SampleCsv.Read(b), "w1");
        Tolerance.Close(1.5, r.W1!.Value, 1e-10, 0, "W1 of translates");
        Assert.Equal(1, r.Dim);
    }

    [Fact]
    public void FilesArePlainCsvByteIdenticalForTheSameSeedWithTheProvenanceInTheSidecar()
    {
        string a = PathOf("a.csv"), b = PathOf("b.csv"), c = PathOf("c.csv");
        var (code, output, err) = Run("sample", "swissroll", "--n", "50", "--seed", "42", "--out", a);
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        Assert.Contains("seed = 42", output);
        Assert.Contains("(provenance: a.csv.json)", output);
        Run("sample", "swissroll", "--n", "50", "--seed", "42", "--out", b);
        Run("sample", "swissroll", "--n", "50", "--seed", "43", "--out", c);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(c));
        string[] lines = File.ReadAllLines(a);
        Assert.Equal("x,y", lines[0]);            // one header row, then data: no '#' lines
        Assert.Equal(51, lines.Length);
        Assert.DoesNotContain(lines, l => l.StartsWith('#'));
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(a + ".json"));
        var j = doc.RootElement;
        Assert.Equal("a.csv", j.GetProperty("file").GetString());
        Assert.Equal("swissroll", j.GetProperty("family").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, j.GetProperty("theta").ValueKind);
        Assert.Equal(42, j.GetProperty("seed").GetInt64());
        Assert.Equal(50, j.GetProperty("n").GetInt32());
        Assert.Equal($"verify sample swissroll --n 50 --seed 42 --out {a}", j.GetProperty("command").GetString());
        Assert.Equal(Sidecar.Version, j.GetProperty("version").GetString());
        SampleFile f = SampleCsv.Read(a);
        Assert.Equal(50, f.Distribution.Count);
        Assert.False(f.HasWeights);
    }

    [Fact]
    public void JsonReportsWhatWasWritten()
    {
        string a = PathOf("pair.csv");
        var (code, output, err) = Run("sample", "Gaussian-Pair", "--n", "7", "--out", a, "--json");
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        using var doc = System.Text.Json.JsonDocument.Parse(output); // exactly one JSON value on stdout
        var j = doc.RootElement;
        Assert.Equal(["file", "format", "sidecar", "n", "family", "theta", "seed", "columns"], j.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(a, j.GetProperty("file").GetString());
        Assert.Equal("csv", j.GetProperty("format").GetString());
        Assert.Equal(a + ".json", j.GetProperty("sidecar").GetString());
        Assert.Equal(7, j.GetProperty("n").GetInt32());
        Assert.Equal("gaussian-pair", j.GetProperty("family").GetString()); // names are case-insensitive, reported canonical
        Assert.Equal(4, j.GetProperty("theta").GetDouble());
        Assert.Equal(Cli.DefaultSeed, j.GetProperty("seed").GetInt64());
        Assert.Equal(7, SampleCsv.Read(a).Distribution.Count);
    }

    [Fact]
    public void DashAndDevStdoutWriteTheCsvToStandardOutputAndReplaceNothing()
    {
        // As root, `--out /dev/stdout` replaced the system's /dev/stdout symlink with a regular file.
        bool wasLink = new FileInfo("/dev/stdout").LinkTarget is not null;
        foreach (string target in new[] { "-", "/dev/stdout" })
        {
            var (code, output, err) = Run("sample", "parallel-lines", "--n", "3", "--seed", "1", "--out", target);
            Assert.Equal(Cli.Ok, code);
            Assert.Equal("", err);
            string[] lines = output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
            Assert.Equal("x,y", lines[0]);
            Assert.Equal(4, lines.Length);
        }
        Assert.Equal(wasLink, new FileInfo("/dev/stdout").LinkTarget is not null);
        Assert.False(File.Exists("/dev/stdout.json"));
        Assert.False(File.Exists("-"));
        var (bad, _, msg) = Run("sample", "parallel-lines", "--out", "-", "--json");
        Assert.Equal(Cli.BadInput, bad);
        Assert.Equal("verify: error: sample: --json and --out - both write to standard output; give --out a file", msg.TrimEnd());
    }

    [Fact]
    public async Task NonRegularTargetsAreWrittenThroughNeverReplaced()
    {
        // /dev/null stays a device; a FIFO delivers the CSV to its reader and stays a FIFO; a symlink stays a link and its
        // target gets the file; no sidecar appears beside a device or a FIFO.
        Assert.Equal(Cli.Ok, Run("sample", "parallel-lines", "--n", "3", "--out", "/dev/null").Code);
        Assert.Equal(PathKind.CharDevice, PathKinds.Of("/dev/null", followLinks: false));
        Assert.False(File.Exists("/dev/null.json"));

        string fifo = PathOf("pipe.csv");
        Posix.MakeFifo(fifo);
        Task<string> reader = Task.Run(() => File.ReadAllText(fifo));
        Assert.Equal(Cli.Ok, Run("sample", "parallel-lines", "--n", "3", "--out", fifo).Code);
        Assert.StartsWith("x,y\n", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(PathKind.Fifo, PathKinds.Of(fifo, followLinks: false));
        Assert.False(File.Exists(fifo + ".json"));

        string real = PathOf("real.csv"), link = PathOf("link.csv");
        File.WriteAllText(real, "old");
        File.CreateSymbolicLink(link, real);
        Assert.Equal(Cli.Ok, Run("sample", "parallel-lines", "--n", "3", "--out", link).Code);
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.StartsWith("x,y\n", File.ReadAllText(real));
        Assert.True(File.Exists(link + ".json"));
    }

    [Fact]
    public void NumPyFilesByExtensionReadBackExactly()
    {
        string csv = PathOf("s.csv"), npy = PathOf("s.npy"), npz = PathOf("s.NPZ");
        foreach (string f in new[] { csv, npy, npz })
            Assert.Equal(Cli.Ok, Run("sample", "8gaussians", "--n", "100", "--seed", "3", "--out", f).Code);
        SampleFile fromCsv = SampleCsv.Read(csv), fromNpy = SampleFiles.Read(npy), fromNpz = SampleFiles.Read(npz);
        Assert.Equal(fromCsv.Distribution.Points.ToArray(), fromNpy.Distribution.Points.ToArray());
        Assert.Equal(fromCsv.Distribution.Points.ToArray(), fromNpz.Distribution.Points.ToArray());
        Assert.Equal(new[] { "x", "y" }, fromNpz.Columns); // the npz carries the names
        Assert.False(fromNpy.NamedColumns);
        Assert.Contains("\"format\": \"npy\"", File.ReadAllText(npy + ".json"));
    }

    [NumPyFact]
    public void PythonReadsSampleOutputsAsIs()
    {
        string csv = PathOf("g.csv"), npy = PathOf("g.npy"), npz = PathOf("g.npz");
        foreach (string f in new[] { csv, npy, npz })
            Assert.Equal(Cli.Ok, Run("sample", "gaussian-location", "--theta", "2", "--n", "500", "--seed", "4", "--out", f).Code);
        string output = Repo.Python("""
            import sys, numpy as np
            a = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
            b = np.load(sys.argv[2])
            c = np.load(sys.argv[3])["points"]
            print(a.shape, b.shape, c.shape, bool((a == b).all() and (a == c).all()), repr(a.sum()))
            """, csv, npy, npz);
        double sum = SampleCsv.Read(csv).Distribution.Points.ToArray().Sum();
        Assert.StartsWith("(500,) (500,) (500,) True ", output);
        Tolerance.Close(sum, double.Parse(output.Trim().Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture), rel: 1e-12);
    }

    [Fact]
    public void AStoppedOrKilledRunOfTenMillionPointsLeavesNothingBehind()
    {
        // A killed `sample --n 10000000` left a 120 MB *.tmp-PID behind. SIGTERM and SIGINT: the run stops, deletes its
        // temporary file, and exits 143 / 130 with one line. SIGKILL cannot be caught: the next write to the same target
        // sweeps what the dead process left.
        string verify = Path.Combine(AppContext.BaseDirectory, "verify");
        string target = PathOf("big.csv");
        foreach (var (signal, exit) in new[] { (Posix.SigTerm, 143), (Posix.SigInt, 130), (Posix.SigKill, -1) })
        {
            var info = new System.Diagnostics.ProcessStartInfo(verify) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string a in new[] { "sample", "gaussian-location", "--n", "10000000", "--out", target }) info.ArgumentList.Add(a);
            using var p = System.Diagnostics.Process.Start(info)!;
            string tmp = target + ".tmp-" + p.Id;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!(File.Exists(tmp) && new FileInfo(tmp).Length > 0) && !p.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(5);
            Assert.True(File.Exists(tmp), $"signal {signal}: the temporary file never appeared (exited: {p.HasExited})");
            Posix.Signal(p.Id, signal);
            Assert.True(p.WaitForExit(60_000));
            string err = p.StandardError.ReadToEnd();
            if (signal == Posix.SigKill)
            {
                Assert.True(File.Exists(tmp)); // what a SIGKILL leaves…
                Assert.Equal(Cli.Ok, Run("sample", "gaussian-location", "--n", "10", "--out", target).Code);
                Assert.False(File.Exists(tmp)); // …is swept by the next write to the same target
                Assert.Equal(10, SampleCsv.Read(target).Distribution.Count);
            }
            else
            {
                Assert.Equal(exit, p.ExitCode);
                Assert.StartsWith($"verify: interrupted by {(signal == Posix.SigTerm ? "SIGTERM" : "SIGINT")}", err);
                Assert.Single(err.TrimEnd().Split('\n'));
                Assert.Empty(Directory.GetFiles(_dir)); // no data file, no sidecar, no temporary file
            }
        }
    }

    [Fact]
    public void HelpShowsTheUsageOfTheIssue()
    {
        var (code, output, err) = Run("sample", "--help");
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        foreach (string part in new[] { "--theta <T>", "--n <N>", "--seed <S>", "--out <FILE.csv>", "--list", "--json", "verify sample --list" })
            Assert.Contains(part, output);
    }

    [Fact]
    public void ListShowsEveryFamilyWithItsRange()
    {
        var (code, output, err) = Run("sample", "--list");
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        foreach (var e in Toys.ToyFamilies.All) Assert.Contains(e.Name + "  d=", output);
        Assert.Contains("θ ∈ (0, ∞) (default 1)", output);
        Assert.Contains("no θ", output);
    }

    [Fact]
    public void AnUnwritableOutputIsBadInputNotACrash()
    {
        string folder = PathOf("a-folder");
        Directory.CreateDirectory(folder);
        var (code, output, err) = Run("sample", "parallel-lines", "--n", "3", "--out", folder);
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Equal($"verify: error: sample: --out {folder}: is a directory; give a file name", err.TrimEnd());
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("unknown family 'nope'", "sample", "nope", "--out", "OUT")]
    [InlineData("--n must be between 1 and", "sample", "parallel-lines", "--n", "0", "--out", "OUT")]
    [InlineData("--n must be between 1 and", "sample", "parallel-lines", "--n", "-5", "--out", "OUT")]
    [InlineData("outside the allowed range θ ∈ (0, ∞)", "sample", "gaussian-scale", "--theta", "-1", "--out", "OUT")]
    [InlineData("outside the allowed range θ ∈ [0, ∞)", "sample", "8gaussians-fixed-generator", "--theta", "-0.5", "--out", "OUT")]
    [InlineData("has no parameter θ", "sample", "8gaussians", "--theta", "1", "--out", "OUT")]
    [InlineData("--theta: 'abc' is not a number", "sample", "parallel-lines", "--theta", "abc", "--out", "OUT")]
    [InlineData("--out FILE.csv is required", "sample", "parallel-lines")]
    [InlineData("a FAMILY is required", "sample", "--out", "OUT")]
    [InlineData("--out: the file name is empty", "sample", "parallel-lines", "--out", "")]
    [InlineData("overflowed to", "sample", "gaussian-scale", "--theta", "1e308", "--out", "OUT")]
    public void BadParametersExitTwoWithOneLineAndWriteNothing(string expected, params string[] args)
    {
        string target = PathOf("never.csv");
        string[] a = args.Select(x => x == "OUT" ? target : x).ToArray();
        var (code, output, err) = Run(a);
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.StartsWith("verify: error: ", err);
        Assert.Contains(expected, err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.False(File.Exists(target));
    }
}
