using System.Globalization;
using System.Text.Json;
using Verify.TestSupport;
using Xunit;
using Ot = Verify.Theory.Transport;

namespace Verify.Figures.Tests.Commands;

/// <summary>
/// <c>verify distance --route auto|dense|sparse</c> and the <c>route</c> key: both solver routes give the same certified
/// value; auto reports what it took (dense for small files, sorted-cdf for large 1-D, sparse beyond the dense limit).
/// </summary>
public sealed class DistanceCommandRouteTests() : DistanceFiles("verify-distance-route-")
{
    private string Write(string name, IEnumerable<double[]> rows, string header) => WriteFile(name, Csv(rows, header));

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private (string P, string Q) Clouds(int n, int m, int seed)
    {
        var rng = new Random(seed);
        return (Write("p.csv", Enumerable.Range(0, n).Select(_ => new[] { Gaussian(rng), Gaussian(rng) }), "x,y"),
            Write("q.csv", Enumerable.Range(0, m).Select(_ => new[] { Gaussian(rng) + 1, Gaussian(rng) + 0.5 }), "x,y"));
    }

    [Fact]
    public void DenseAndSparseRoutesGiveTheSameCertifiedValues()
    {
        var (p, q) = Clouds(300, 250, 1);
        var auto = CliRun.Invoke("distance", p, q, "--metric", "all", "--json");
        var dense = CliRun.Invoke("distance", p, q, "--metric", "all", "--route", "dense", "--json");
        var sparse = CliRun.Invoke("distance", p, q, "--metric", "all", "--route", "Sparse", "--json"); // names ignore case
        foreach (var r in new[] { auto, dense, sparse })
        {
            Assert.Equal(Cli.Ok, r.Code);
            Assert.Equal("", r.Err);
        }
        JsonElement a = Json(auto.Out), d = Json(dense.Out), s = Json(sparse.Out);
        Assert.Equal("dense", a.GetProperty("route").GetString());
        Assert.Equal("dense", d.GetProperty("route").GetString());
        Assert.Equal("sparse", s.GetProperty("route").GetString());
        foreach (string key in new[] { "w1", "w2" })
            Tolerance.Close(d.GetProperty(key).GetDouble(), s.GetProperty(key).GetDouble(), rel: 1e-12, what: key);
        Assert.True(s.GetProperty("certificate").GetProperty("holds").GetBoolean());
        Assert.True(s.GetProperty("certificate_w2").GetProperty("holds").GetBoolean());
        Assert.Contains("route      sparse", CliRun.Invoke("distance", p, q, "--metric", "w1", "--route", "sparse").Out);
    }

    // Beyond the dense limit (1100 × 1000 > 10⁶ pairs), auto takes the matrix-free route and says so.
    [Fact]
    public void AutoTakesTheSparseRouteBeyondTheDenseLimit()
    {
        var (p, q) = Clouds(1100, 1000, 2);
        var (code, output, err) = CliRun.Invoke("distance", p, q, "--metric", "w2", "--json");
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        JsonElement j = Json(output);
        Assert.Equal("sparse", j.GetProperty("route").GetString());
        Assert.True(j.GetProperty("certificate_w2").GetProperty("holds").GetBoolean());
        var dense = Json(CliRun.Invoke("distance", p, q, "--metric", "w2", "--route", "dense", "--json").Out);
        Tolerance.Close(dense.GetProperty("w2").GetDouble(), j.GetProperty("w2").GetDouble(), rel: 1e-12);
    }

    // Large 1-D files: auto keeps the sorted-CDF fast path (route sorted-cdf, no certificate); --route sparse solves the
    // same problem certified, matrix-free, to the same value.
    [Fact]
    public void LargeOneDimensionalFilesTakeTheSortedCdfUnlessARouteIsNamed()
    {
        var rng = new Random(3);
        double[] u = Enumerable.Range(0, 2100).Select(_ => Gaussian(rng)).ToArray(), v = Enumerable.Range(0, 2000).Select(_ => 0.5 + Gaussian(rng)).ToArray();
        string p = Write("u.csv", u.Select(x => new[] { x }), "x"), q = Write("v.csv", v.Select(x => new[] { x }), "x");
        JsonElement fast = Json(CliRun.Invoke("distance", p, q, "--metric", "w2", "--json").Out);
        Assert.Equal("sorted-cdf", fast.GetProperty("route").GetString());
        Assert.False(fast.TryGetProperty("certificate_w2", out _));
        var (code, output, err) = CliRun.Invoke("distance", p, q, "--metric", "w2", "--route", "sparse", "--json");
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        JsonElement sparse = Json(output);
        Assert.Equal("sparse", sparse.GetProperty("route").GetString());
        Assert.True(sparse.GetProperty("certificate_w2").GetProperty("holds").GetBoolean());
        Tolerance.Close(Ot.WpOneD(u, v, 2), sparse.GetProperty("w2").GetDouble(), rel: 1e-12);
        Tolerance.Close(fast.GetProperty("w2").GetDouble(), sparse.GetProperty("w2").GetDouble(), rel: 1e-12);
    }

    [Fact]
    public void AnUnknownRouteIsOneLineNamingTheOption()
    {
        var (p, q) = Clouds(5, 5, 4);
        var (code, output, err) = CliRun.Invoke("distance", p, q, "--route", "spars");
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.Contains("--route", err);
        Assert.Contains("sparse", err);
    }

    // --log: the sparse route's stages go to standard error, one line each, ending with the certificate; standard output
    // (the JSON) is the same as without it.
    [Fact]
    public void LogWritesTheSparseRoutesStagesToStandardError()
    {
        var (p, q) = Clouds(300, 250, 3);
        var plain = CliRun.Invoke("distance", p, q, "--metric", "w1", "--route", "sparse", "--json");
        var logged = CliRun.Invoke("distance", p, q, "--metric", "w1", "--route", "sparse", "--json", "--log");
        Assert.Equal(Cli.Ok, logged.Code);
        Assert.Equal(plain.Out, logged.Out);
        Assert.Equal("", plain.Err);
        string[] lines = logged.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("n = 300, m = 250:", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("round 1:"));
        Assert.StartsWith("certified (True)", lines[^1]);
    }
}
