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
    public void ReadsCoordinatesWeightsAndSkipsComments()
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
    public void WriteThenReadRoundTripsBitForBit()
    {
        string path = Path.Combine(_dir, "sub", "out.csv");
        double[] pts = [Math.PI, -1e-300, 1.0 / 3.0, 12345.678901234567];
        SampleCsv.Write(path, ["u", "v"], pts, [0.5, 1.5], ["seed=7"]);
        SampleFile f = SampleCsv.Read(path);
        Assert.Equal(pts, f.Distribution.Points.ToArray());
        Assert.Equal(new[] { 0.5, 1.5 }, f.Distribution.Weights.ToArray());
        Assert.StartsWith("# seed=7", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "sub"), "*.tmp-*"));
    }

    [Theory]
    [InlineData("x,y\n1,2\n3\n", "row 3: 1 cells, the header has 2")]
    [InlineData("x,y\n1,2\n3,abc\n", "row 3, column 2 ('y'): 'abc' is not a number")]
    [InlineData("x,weight\n1,-2\n", "row 2, column 2 ('weight'): negative weight -2")]
    [InlineData("x,y\n1,NaN\n", "row 2, column 2 ('y'): 'NaN' is not finite")]
    [InlineData("x,y\n", "no data rows after the header")]
    [InlineData("", "no header row")]
    [InlineData("x,x\n1,2\n", "row 1, column 2: duplicate column name 'x'")]
    [InlineData("x,weight\n1,0\n2,0\n", "the weights sum to zero")]
    [InlineData("x,weight\n1,1e308\n2,1e308\n", "the weights sum to Infinity")]
    public void BadFilesNameFileRowAndColumn(string text, string expected)
    {
        string path = WriteFile("bad.csv", text);
        var e = Assert.Throws<UsageException>(() => SampleCsv.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
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
    public void MissingFileIsNamed()
    {
        string path = Path.Combine(_dir, "nope.csv");
        var e = Assert.Throws<UsageException>(() => SampleCsv.Read(path));
        Assert.Equal($"{path}: file not found", e.Message);
    }
}
