using Verify.Figures.FigureSet.Core;
using Xunit;

namespace Verify.Figures.Tests.FigureSet.Core;

public sealed class TidyTableTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-tidy-").FullName;
    private static readonly TableSchema Schema = new("t", ["name", "x", "y"], ["x", "y"]);

    [Fact]
    public void RoundTripsNumbersExactlyWithInfinitiesAsInf()
    {
        TidyTable t = Schema.Create();
        t.Add("a", 0.1, double.PositiveInfinity);
        t.Add("b", -1e-300, double.NegativeInfinity);
        t.Add("c", 1.0 / 3, 7);
        t.Write(_dir);
        Assert.Equal("name,x,y\na,0.1,inf\nb,-1E-300,-inf\nc,0.3333333333333333,7\n", File.ReadAllText(Path.Combine(_dir, "t.csv")));
        TidyTable back = Schema.Read(_dir);
        Assert.Equal(1.0 / 3, back.Number(2, "x"));
        Assert.Equal(double.PositiveInfinity, back.Number(0, "y"));
        Assert.Equal(double.NegativeInfinity, back.Number(1, "y"));
    }

    [Fact]
    public void RefusesNaNAndTextThatWouldBreakTheCsv()
    {
        TidyTable t = Schema.Create();
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => t.Add("a", double.NaN, 1.0)).Message);
        Assert.Throws<ArgumentException>(() => t.Add("a,b", 1.0, 1.0));
        Assert.Throws<ArgumentException>(() => t.Add("a", 1.0));
        Assert.Equal(0, t.Count);
    }

    [Fact]
    public void ReadingNamesTheFileRowAndColumnOfABadCell()
    {
        File.WriteAllText(Path.Combine(_dir, "t.csv"), "name,x,y\na,1,2\nb,oops,3\n");
        var e = Assert.Throws<UsageException>(() => Schema.Read(_dir));
        Assert.Contains("t.csv, row 3, column 2 ('x'): 'oops' is not a number", e.Message);
    }

    [Fact]
    public void ReadingRefusesAWrongHeaderAShortRowAndAMissingFile()
    {
        File.WriteAllText(Path.Combine(_dir, "t.csv"), "name,x,z\n");
        Assert.Contains("row 1: header", Assert.Throws<UsageException>(() => Schema.Read(_dir)).Message);
        File.WriteAllText(Path.Combine(_dir, "t.csv"), "name,x,y\na,1\n");
        Assert.Contains("row 2: 2 cells", Assert.Throws<UsageException>(() => Schema.Read(_dir)).Message);
        File.Delete(Path.Combine(_dir, "t.csv"));
        Assert.Contains("file not found", Assert.Throws<UsageException>(() => Schema.Read(_dir)).Message);
    }

    [Fact]
    public void WhereAndDistinctSelectByText()
    {
        TidyTable t = Schema.Create();
        t.Add("a", 1, 2);
        t.Add("b", 3, 4);
        t.Add("a", 5, 6);
        Assert.Equal([0, 2], t.Where(("name", "a")));
        Assert.Equal(["a", "b"], t.Distinct("name"));
        Assert.Equal([1.0, 5.0], t.Numbers(t.Where(("name", "a")), "x"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
