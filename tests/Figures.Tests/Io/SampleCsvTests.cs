using System.Globalization;
using System.Text;
using Verify.Figures;
using Verify.Figures.Io;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class SampleCsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-csv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ReadsCoordinatesWeightsAndSkipsCommentsBeforeTheHeader()
    {
        string path = WriteFile("p.csv", "# seed=3\nx,weight,y\n1.5,2,-3\n0,1,4e-1\n");
        SampleFile f = SampleCsv.Read(path);
        Assert.Equal(new[] { "x", "y" }, f.Columns);
        Assert.True(f.HasWeights);
        Assert.Equal(2, f.Distribution.Count);
        Tolerance.Close(new[] { 1.5, -3, 0, 0.4 }, f.Distribution.Points.ToArray(), rel: 0);
        Tolerance.Close(new[] { 2.0, 1.0 }, f.Distribution.Weights.ToArray(), rel: 0);
    }

    [Fact]
    public void WithoutWeightColumnWeightsAreUniform()
    {
        SampleFile f = SampleCsv.Read(WriteFile("p.csv", "a\n1\n2\n3\n4\n"));
        Assert.False(f.HasWeights);
        Tolerance.Close(new[] { 0.25, 0.25, 0.25, 0.25 }, f.Distribution.Weights.ToArray(), rel: 0);
    }

    [Fact]
    public void WritesPlainCsvThatReadsBackBitForBit()
    {
        string path = Path.Combine(_dir, "sub", "out.csv");
        double[] pts = [Math.PI, -1e-300, 1.0 / 3.0, 12345.678901234567];
        SampleCsv.Write(path, ["u", "v"], pts, [0.5, 1.5], ["seed=7"]);
        SampleFile f = SampleCsv.Read(path);
        Assert.Equal(pts, f.Distribution.Points.ToArray());
        Assert.Equal(new[] { 0.5, 1.5 }, f.Distribution.Weights.ToArray());
        string[] lines = File.ReadAllLines(path);
        Assert.Equal("u,v,weight", lines[0]); // one header row, no '#' lines: Python reads it as is
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"seed=7\"", File.ReadAllText(path + ".json")); // the notes went to the sidecar
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "sub"), "*.tmp-*"));
    }

    [Theory]
    [InlineData("# x,y\n1,2\n3,4\n")]                               // np.savetxt(f, a, delimiter=",", header="x,y")
    [InlineData("# made by numpy\n# x,y\n1,2\n3,4\n")]              // a multi-line header: the names are the line with 2 cells
    [InlineData("# x,y\n# seed=1\n1,2\n3,4\n")]                     // even when another comment follows them
    [InlineData("\"x\",\"y\"\n\"1\",\"2\"\n3,\"4\"\n")]             // quoted cells (csv.writer with QUOTE_ALL)
    [InlineData("\uFEFFx,y\r\n1,2\r\n3,4\r\n")]                     // a byte-order mark and CRLF (Excel, pandas on Windows)
    [InlineData("# x y\n1.000000000000000000e+00 2.000000000000000000e+00\n3 4\n")] // np.savetxt's default delimiter ' '
    [InlineData("x\ty\n1\t2\n3\t4\n")]                              // tab-separated
    [InlineData(" x , y \n 1 , 2 \n\n3,4\n")]                        // blanks around cells, a blank line
    public void ReadsWhatOtherToolsWrite(string text)
    {
        SampleFile f = SampleCsv.Read(WriteFile("p.csv", text));
        Assert.Equal(new[] { "x", "y" }, f.Columns);
        Assert.Equal(new[] { 1.0, 2, 3, 4 }, f.Distribution.Points.ToArray());
    }

    [Fact]
    public void QuotedColumnNamesMayHoldCommasAndQuotes()
    {
        SampleFile f = SampleCsv.Read(WriteFile("p.csv", "\"a,b\",\"say \"\"hi\"\"\"\n1,2\n"));
        Assert.Equal(new[] { "a,b", "say \"hi\"" }, f.Columns);
        string path = Path.Combine(_dir, "q.csv");
        SampleCsv.Write(path, f.Columns, f.Distribution.Points);
        Assert.Equal(f.Columns, SampleCsv.Read(path).Columns);
    }

    [Theory]
    [InlineData("x,y\n1,2\n3\n", "row 3: 1 cells, the header has 2")]
    [InlineData("x,y\n1,2\n3,abc\n", "row 3, column 2 ('y'): 'abc' is not a number")]
    [InlineData("x,y\n1,2\n3,\"abc\"\n", "row 3, column 2 ('y'): 'abc' is not a number")]
    [InlineData("x,y\n1,2\n3,\"4\n", "row 3: a quote is not closed")]
    [InlineData("x,y\n1,2\n3,1.5f\n", "row 3, column 2 ('y'): '1.5f' is not a number")]
    [InlineData("x,y\n1,2\n3,0x10\n", "row 3, column 2 ('y'): '0x10' is not a number")]
    [InlineData("x,y\n1,2,\n", "row 2: 3 cells, the header has 2")]
    [InlineData("x,weight\n1,-2\n", "row 2, column 2 ('weight'): negative weight -2")]
    [InlineData("x,y\n1,NaN\n", "row 2, column 2 ('y'): 'NaN' is not finite")]
    [InlineData("x,y\n1,inf\n", "row 2, column 2 ('y'): 'inf' is not finite")]
    [InlineData("x,y\n1,1e400\n", "row 2, column 2 ('y'): '1e400' is not finite")]
    [InlineData("x,y\n", "no data rows after the header")]
    [InlineData("", "no header row")]
    [InlineData("1,2\n3,4\n", "row 1: '1,2' holds numbers only, so the file has no header row")]
    [InlineData(",x,y\n0,1,2\n", "row 1, column 1: empty column name (pandas writes its index so: use df.to_csv(f, index=False))")]
    [InlineData("x,x\n1,2\n", "row 1, column 2: duplicate column name 'x'")]
    [InlineData("x,weight,Weight\n1,2,3\n", "row 1: more than one 'weight' column")]
    [InlineData("weight\n1\n", "no coordinate columns")]
    [InlineData("x,weight\n1,0\n2,0\n", "the weights sum to zero")]
    [InlineData("x,weight\n1,1e308\n2,1e308\n", "the weights sum to Infinity")]
    public void BadFilesNameFileRowAndColumn(string text, string expected)
    {
        string path = WriteFile("bad.csv", text);
        var e = Assert.Throws<UsageException>(() => SampleCsv.Read(path));
        Assert.StartsWith($"{path}{(expected.StartsWith("row") ? ", " : ": ")}{expected}", e.Message);
    }

    [Fact]
    public void ALargeFileIsParsedInChunksWithExactRowNumbersForItsErrors()
    {
        // 150,000 rows (about 6 MB, several 1 MiB chunks parsed in parallel): every value exact, in order; a bad cell
        // deep in a later chunk is reported at its own row, and the first bad row in file order wins.
        const int n = 150_000;
        var rng = new Random(5);
        double[] x = Enumerable.Range(0, 2 * n).Select(_ => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-5, 6))).ToArray();
        var sb = new StringBuilder("# written by a test\nx,y\n");
        for (int i = 0; i < n; i++)
            sb.Append(x[2 * i].ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(x[2 * i + 1].ToString("E17", CultureInfo.InvariantCulture)).Append('\n');
        string good = WriteFile("big.csv", sb.ToString());
        SampleFile f = SampleCsv.Read(good);
        Assert.Equal(x, f.Distribution.Points.ToArray());
        string[] lines = sb.ToString().Split('\n');
        // blank lines and CRLF line ends scattered through every chunk: skipped, and the values stay in order
        string gappy = WriteFile("gappy.csv", string.Join("", lines.Select((l, i) => i % 997 == 5 ? l + "\r\n\n  \n" : l + "\n")));
        Assert.Equal(x, SampleCsv.Read(gappy).Distribution.Points.ToArray());
        // a line of 2.5 MB (blanks around a cell) spans several 1 MiB ranges: its chunk grows to hold it
        string[] padded = (string[])lines.Clone();
        padded[50_000] = padded[50_000].Replace(",", new string(' ', 2_500_000) + ",");
        padded[140_000] = "2";      // file row 140,001, after the long line
        string longLine = WriteFile("long.csv", string.Join('\n', padded));
        Assert.Equal($"{longLine}, row 140001: 1 cells, the header has 2", Assert.Throws<UsageException>(() => SampleCsv.Read(longLine)).Message);
        padded[140_000] = lines[140_000];
        File.WriteAllText(longLine, string.Join('\n', padded));
        Assert.Equal(x, SampleCsv.Read(longLine).Distribution.Points.ToArray());
        lines[120_002] = "1,oops";  // file row 120,003
        lines[140_000] = "2";       // file row 140,001: later, so not the one reported
        string bad = WriteFile("bad.csv", string.Join('\n', lines));
        var e = Assert.Throws<UsageException>(() => SampleCsv.Read(bad));
        Assert.Equal($"{bad}, row 120003, column 2 ('y'): 'oops' is not a number", e.Message);
    }

    [NumPyFact]
    public void PythonReadsOurCsvAsIs()
    {
        // The issue's three readers, each failing on the old '#' metadata lines: np.loadtxt(skiprows=1),
        // np.genfromtxt(names=True) and csv.DictReader, reading the very bits we wrote.
        double[] pts = [Math.PI, -1e-300, 1.0 / 3.0, 12345.678901234567, -0.0, 5e-324];
        double[] w = [0.25, 2, 1e10];
        string path = Path.Combine(_dir, "ours.csv");
        SampleCsv.Write(OutputTarget.Resolve(path), TextWriter.Null, ["x", "y"], pts, w);
        string output = Repo.Python("""
            import sys, csv, numpy as np
            f = sys.argv[1]
            a = np.loadtxt(f, delimiter=",", skiprows=1)
            g = np.genfromtxt(f, delimiter=",", names=True)
            with open(f, newline="") as h:
                rows = list(csv.DictReader(h))
            print(" ".join(repr(v) for v in a.ravel().tolist()))
            print(" ".join(g.dtype.names))
            print(" ".join(repr(v) for r in g.tolist() for v in r))
            print(" ".join(r[k] for r in rows for k in ("x", "y", "weight")))
            """, path);
        string[] lines = output.TrimEnd().Split('\n');
        double[] expected = [pts[0], pts[1], w[0], pts[2], pts[3], w[1], pts[4], pts[5], w[2]];
        foreach (int line in new[] { 0, 2, 3 })
            Assert.Equal(expected, lines[line].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        Assert.Equal("x y weight", lines[1]);
    }

    [NumPyFact]
    public void WeReadWhatNumPyWrites()
    {
        // np.savetxt with its header (written as "# x,y"), with comments="", with its default ' ' delimiter and '%.18e',
        // and csv.writer quoting every cell; Python prints the values it wrote (repr: shortest round trip).
        string output = Repo.Python("""
            import sys, csv, numpy as np
            d = sys.argv[1]
            rng = np.random.default_rng(3)
            a = rng.normal(size=(50, 2)) * 10.0 ** rng.integers(-8, 8, size=(50, 2))
            np.savetxt(d + "/hash.csv", a, delimiter=",", header="x,y")
            np.savetxt(d + "/plain.csv", a, delimiter=",", header="x,y", comments="")
            np.savetxt(d + "/space.txt", a, header="x y")
            with open(d + "/quoted.csv", "w", newline="") as h:
                wr = csv.writer(h, quoting=csv.QUOTE_ALL)
                wr.writerow(["x", "y"])
                wr.writerows([[repr(v) for v in r] for r in a.tolist()])
            print(" ".join(repr(v) for v in a.ravel().tolist()))
            """, _dir);
        double[] written = output.Trim().Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        foreach (string name in new[] { "hash.csv", "plain.csv", "space.txt", "quoted.csv" })
        {
            SampleFile f = SampleCsv.Read(Path.Combine(_dir, name));
            Assert.Equal(new[] { "x", "y" }, f.Columns);
            Assert.Equal(written, f.Distribution.Points.ToArray()); // '%.18e' has 19 significant digits: exact
        }
    }

    [Fact]
    public void AlignColumnsMatchesColumnsByName()
    {
        SampleFile p = SampleCsv.Read(WriteFile("p.csv", "x,y\n0,1\n")), q = SampleCsv.Read(WriteFile("q.csv", "y,weight,x\n5,2,7\n6,1,8\n"));
        DiscreteDistribution aligned = SampleCsv.AlignColumns(p, q);
        Assert.Equal([7.0, 5.0, 8.0, 6.0], aligned.Points.ToArray());      // (x, y) per row, in P's order
        Assert.Equal([2.0, 1.0], aligned.Weights.ToArray());
        Assert.Same(q.Distribution, SampleCsv.AlignColumns(q, q));            // same column order: no copy
        SampleFile r = SampleCsv.Read(WriteFile("r.csv", "x,z\n0,1\n"));
        var e = Assert.Throws<UsageException>(() => SampleCsv.AlignColumns(p, r));
        Assert.Contains("columns (x, z) differ from those of", e.Message);
    }

    [Fact]
    public void AnEmptyFileNameIsRefused() =>
        Assert.Equal("a sample file name is empty", Assert.Throws<UsageException>(() => SampleCsv.Read(" ")).Message);

    [Fact]
    public void MissingFileAndDirectoryAreNamed()
    {
        string path = Path.Combine(_dir, "nope.csv");
        Assert.Equal($"{path}: file not found", Assert.Throws<UsageException>(() => SampleCsv.Read(path)).Message);
        Assert.Equal($"{_dir}: is a directory, not a sample file", Assert.Throws<UsageException>(() => SampleCsv.Read(_dir)).Message);
    }
}
