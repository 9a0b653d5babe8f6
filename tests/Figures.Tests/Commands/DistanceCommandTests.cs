using System.Text.Json;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;
using Ot = Verify.Theory.Transport;

namespace Verify.Figures.Tests.Commands;

public sealed class DistanceCommandTests() : DistanceFiles("verify-distance-")
{
    /// <summary>A file in the repository's examples/ folder.</summary>
    private static string Example(string name) => Verify.TestSupport.RepositoryRoot.Combine("examples", name);

    [Fact]
    public void JsonOnTheExampleFilesMatchesTheoryComputedDirectly()
    {
        var (code, output, err) = Run("distance", Example("p.csv"), Example("q.csv"), "--json");
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        JsonElement j = Json(output);
        // The example files written out by hand (not through the CSV reader), normalised explicitly.
        var p = DiscreteDistribution.FromRows([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [2.0, 2.0]], [1, 1, 2, 1]).Normalized();
        var q = DiscreteDistribution.FromRows([[0.0, 0.0], [1.0, 0.0], [3.0, 1.0], [1.0, 2.0]], [2, 1, 1, 1]).Normalized();
        Tolerance.Close(Ot.W1(p, q), j.GetProperty("w1").GetDouble(), rel: 1e-12);
        Tolerance.Close(Ot.Wp(p, q, 2), j.GetProperty("w2").GetDouble(), rel: 1e-12);
        Tolerance.Close(Theory.Divergences.JS(p, q), j.GetProperty("js").GetDouble(), rel: 1e-15);
        Tolerance.Close(Theory.Divergences.TV(p, q), j.GetProperty("tv").GetDouble(), rel: 1e-15);
        Tolerance.Close(Theory.Divergences.Hellinger(p, q), j.GetProperty("hellinger").GetDouble(), rel: 1e-15);
        // supports {(0,0),(1,0),(0,1),(2,2)} and {(0,0),(1,0),(3,1),(1,2)}: neither inside the other
        Assert.Equal("Infinity", j.GetProperty("kl_pq").GetString());
        Assert.Equal("Infinity", j.GetProperty("kl_qp").GetString());
        Assert.Equal(4, j.GetProperty("n_p").GetInt32());
        Assert.Equal(4, j.GetProperty("n_q").GetInt32());
        Assert.Equal(2, j.GetProperty("dim").GetInt32());
        JsonElement c = j.GetProperty("certificate");
        Tolerance.AtMost(1e-12, Math.Abs(c.GetProperty("duality_gap").GetDouble()), abs: 0);
        Tolerance.AtMost(1e-12, c.GetProperty("max_dual_violation").GetDouble(), abs: 0);
        Tolerance.AtMost(1e-9, c.GetProperty("error_bound").GetDouble(), abs: 0);
        Tolerance.AtMost(c.GetProperty("max_dual_violation").GetDouble(), c.GetProperty("dual_violation").GetDouble(), abs: 0);
        // Relative to max(|W1|, floor), floor = 2⁻⁵²·M·max|c|: here the value itself.
        Tolerance.Close(j.GetProperty("w1").GetDouble(), c.GetProperty("scale").GetDouble(), rel: 0);
        Tolerance.AtMost(c.GetProperty("scale").GetDouble(), c.GetProperty("floor").GetDouble(), abs: 0);
        Assert.Equal(1e-9, c.GetProperty("tolerance").GetDouble());
        Assert.True(c.GetProperty("holds").GetBoolean());
    }

    [Fact]
    public void LargeOneDimensionalFilesUseTheSortedCdfRoute()
    {
        // 2001 × 2001 > 4·10⁶ pairs: W1 and W2 by sorted CDFs (exact), no certificate; checked against W1OneD / WpOneD.
        const int n = 2001;
        double[] u = Enumerable.Range(0, n).Select(i => Math.Sin(i * 0.37) * 3).ToArray();
        double[] v = Enumerable.Range(0, n).Select(i => 0.5 + Math.Cos(i * 0.11) * 2).ToArray();
        string Csv(double[] x) => "x\n" + string.Join("\n", x.Select(t => t.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "\n";
        var (code, output, _) = Run("distance", WriteFile("u.csv", Csv(u)), WriteFile("v.csv", Csv(v)), "--json");
        Assert.Equal(Cli.Ok, code);
        JsonElement j = Json(output);
        Tolerance.Close(Ot.W1OneD(u, v), j.GetProperty("w1").GetDouble(), rel: 1e-12);
        Tolerance.Close(Ot.WpOneD(u, v, 2), j.GetProperty("w2").GetDouble(), rel: 1e-12);
        Assert.False(j.TryGetProperty("certificate", out _));
        Assert.Equal("Infinity", j.GetProperty("kl_pq").GetString());
        // with a weight column: the weighted sorted-CDF formula, each side normalised
        double[] wu = Enumerable.Range(0, n).Select(i => 1 + i % 7).Select(x => (double)x).ToArray();
        string weighted = "x,weight\n" + string.Join("\n", u.Select((t, i) => t.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "," + wu[i])) + "\n";
        (code, output, _) = Run("distance", WriteFile("uw.csv", weighted), Path.Combine(Dir, "v.csv"), "--metric", "w1", "--json");
        Assert.Equal(Cli.Ok, code);
        Tolerance.Close(Ot.W1OneD(u, v, wu), Json(output).GetProperty("w1").GetDouble(), rel: 1e-12);
    }

    [Fact]
    public void ParallelLinesExampleGivesTheClosedForms()
    {
        // examples/lines_0.csv and lines_0.5.csv: 20 atoms (θ, (k+½)/20) on the lines x = 0 and x = 0.5
        // (Arjovsky et al. 2017, Example 1): W1 = W2 = |θ|, JS = log 2, KL = +∞ both ways, TV = Hellinger = 1.
        var (code, output, _) = Run("distance", Example("lines_0.csv"), Example("lines_0.5.csv"), "--json");
        Assert.Equal(Cli.Ok, code);
        JsonElement j = Json(output);
        Tolerance.Close(ParallelLines.W1(0.5), j.GetProperty("w1").GetDouble(), rel: 1e-12);
        Tolerance.Close(0.5, j.GetProperty("w2").GetDouble(), rel: 1e-12);
        Tolerance.Close(ParallelLines.JS(0.5), j.GetProperty("js").GetDouble(), rel: 1e-15);
        Assert.Equal(ParallelLines.TV(0.5), j.GetProperty("tv").GetDouble()); // exactly 1: 20 weights 1/20 sum to 1 + 2⁻⁵², TV is capped
        Tolerance.Close(1.0, j.GetProperty("hellinger").GetDouble(), rel: 1e-15);
        Assert.Equal("Infinity", j.GetProperty("kl_pq").GetString());
        Assert.Equal("Infinity", j.GetProperty("kl_qp").GetString());
        Assert.Equal(20, j.GetProperty("n_p").GetInt32());
    }

    [Fact]
    public void HandCheckedOneDimensionalCase()
    {
        // P = ½δ₀ + ½δ₁, Q = δ₀ (weights 3 and 3 normalise to ½, ½):
        // W1 = W2² = ½ (half the mass moves by 1), TV = ½, KL(P‖Q) = ∞, KL(Q‖P) = log 2,
        // JS = ½KL(P‖M) + ½KL(Q‖M) with M = (¾, ¼): ½[½ log(½/¾) + ½ log(½/¼)] + ½ log(1/¾),
        // Hellinger = √(½((√½ − 1)² + ½)) = √(1 − √½).
        string p = WriteFile("p.csv", "x,weight\n0,3\n1,3\n");
        string q = WriteFile("q.csv", "x\n0\n");
        var (code, output, _) = Run("distance", p, q, "--json");
        Assert.Equal(Cli.Ok, code);
        JsonElement j = Json(output);
        Tolerance.Close(0.5, j.GetProperty("w1").GetDouble(), rel: 1e-15);
        Tolerance.Close(Math.Sqrt(0.5), j.GetProperty("w2").GetDouble(), rel: 1e-15);
        Tolerance.Close(0.5, j.GetProperty("tv").GetDouble(), rel: 1e-15);
        Assert.Equal("Infinity", j.GetProperty("kl_pq").GetString());
        Tolerance.Close(Math.Log(2), j.GetProperty("kl_qp").GetDouble(), rel: 1e-15);
        double js = 0.5 * (0.5 * Math.Log(0.5 / 0.75) + Math.Log(1 / 0.75)) + 0.25 * Math.Log(2);
        Tolerance.Close(js, j.GetProperty("js").GetDouble(), rel: 1e-14);
        Tolerance.Close(Math.Sqrt(1 - Math.Sqrt(0.5)), j.GetProperty("hellinger").GetDouble(), rel: 1e-14);
        Assert.Equal(1, j.GetProperty("dim").GetInt32());
    }

    [Fact]
    public void ColumnsAreMatchedByName()
    {
        string a = WriteFile("a.csv", "x,y\n0,0\n1,2\n");
        string b = WriteFile("b.csv", "x,y\n0,1\n3,2\n");
        string bSwapped = WriteFile("b2.csv", "weight,y,x\n1,1,0\n1,2,3\n");
        string one = Run("distance", a, b, "--json").Out, two = Run("distance", a, bSwapped, "--json").Out;
        Assert.Equal(one, two);
    }

    [Theory]
    [InlineData("w1", new[] { "w1", "certificate", "route" })]
    [InlineData("w2", new[] { "w2", "certificate_w2", "route" })]
    [InlineData("js", new[] { "js" })]
    [InlineData("kl", new[] { "kl_pq", "kl_qp" })]
    [InlineData("tv", new[] { "tv" })]
    [InlineData("hellinger", new[] { "hellinger" })]
    [InlineData("all", new[] { "w1", "w2", "js", "kl_pq", "kl_qp", "tv", "hellinger", "certificate", "certificate_w2", "route" })]
    public void MetricSelectsTheKeys(string metric, string[] keys)
    {
        var (code, output, _) = Run("distance", Example("p.csv"), Example("q.csv"), "--metric", metric, "--json");
        Assert.Equal(Cli.Ok, code);
        string[] expected = keys.Concat(["n_p", "n_q", "dim"]).Order().ToArray();
        Assert.Equal(expected, Json(output).EnumerateObject().Select(p => p.Name).Order().ToArray());
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("w3")]
    [InlineData("")]
    public void UnknownMetricIsOneLineNamingTheOptionAndTheAllowedValues(string metric)
    {
        var (code, output, err) = Run("distance", Example("p.csv"), Example("q.csv"), "--metric", metric);
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("verify: error: --metric", err);
        Assert.Contains("w1, w2, js, kl, tv, hellinger, all", err);
    }

    [Fact]
    public void MetricNamesIgnoreCase()
    {
        string lower = Run("distance", Example("p.csv"), Example("q.csv"), "--metric", "w1", "--json").Out;
        var (code, upper, err) = Run("distance", Example("p.csv"), Example("q.csv"), "--metric", "W1", "--json");
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        Assert.Equal(lower, upper);
        Assert.Equal(lower, Run("distance", Example("p.csv"), Example("q.csv"), "--metric", "W1", "--json").Out);
    }

    [Fact]
    public void NumPyFilesGiveTheSameDistancesAsTheirCsv()
    {
        // the same weighted 2-D laws as CSV, as a bare .npy (uniform weights, columns by position) and as .npz with
        // points, weights and column names in another order
        string pCsv = WriteFile("p.csv", "x,y\n0,0\n1,0\n0,1\n2,2\n");
        string qCsv = WriteFile("q.csv", "y,x,weight\n0,0,2\n0,1,1\n1,3,1\n2,1,1\n");
        string pNpy = Path.Combine(Dir, "p.npy"), qNpz = Path.Combine(Dir, "q.npz");
        using (var f = File.Create(pNpy)) Verify.Figures.Io.Npy.Write(f, [0, 0, 1, 0, 0, 1, 2, 2], 4, 2);
        Verify.Figures.Io.SampleFiles.Write(qNpz, TextWriter.Null, ["y", "x"], [0, 0, 0, 1, 1, 3, 2, 1], [2, 1, 1, 1], new("test"));
        string fromCsv = Run("distance", pCsv, qCsv, "--json").Out;
        var (code, fromNumPy, err) = Run("distance", pNpy, qNpz, "--json");
        Assert.Equal("", err);
        Assert.Equal(Cli.Ok, code);
        Assert.Equal(fromCsv, fromNumPy);
        Assert.Equal(fromCsv, Run("distance", pCsv, qNpz, "--json").Out);  // named columns: q's (y, x) realigned to p's (x, y)
    }

    [Fact]
    public void BadNumPyFilesExitTwoWithOneLine()
    {
        string good = WriteFile("good.csv", "x\n0\n1\n");
        string bad = Path.Combine(Dir, "bad.npy");
        File.WriteAllBytes(bad, [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 4, 0, (byte)'{', (byte)'}', (byte)' ', (byte)'\n']);
        var (code, output, err) = Run("distance", good, bad);
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Equal($"verify: error: {bad}: the .npy header has no 'descr'", err.TrimEnd());
        string twoD = Path.Combine(Dir, "two.npy");
        using (var f = File.Create(twoD)) Verify.Figures.Io.Npy.Write(f, [0, 0, 1, 1], 2, 2);
        (code, _, err) = Run("distance", good, twoD);
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal($"verify: error: {twoD}: 2 columns, {good} has 1 (columns are matched by position)", err.TrimEnd());
    }

    [Fact]
    public void TableIsReadable()
    {
        var (code, output, err) = Run("distance", Example("p.csv"), Example("q.csv"));
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        Assert.Contains("P: 4 points, Q: 4 points, dimension 2", output);
        Assert.Matches(@"KL\(P‖Q\)\s+Infinity", output);
        Assert.Matches(@"TV\s+0\.6\r?\n", output);
        Assert.Contains("W1 certificate: relative error ≤ ", output);
    }

    [Fact]
    public void HelpListsTheCommand()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(Cli.Ok, code);
        Assert.Matches(@"distance <P\.csv> <Q\.csv>", output);
        (code, output, _) = Run("distance", "--help");
        Assert.Equal(Cli.Ok, code);
        Assert.Contains("--metric <w1|w2|js|kl|tv|hellinger|all>", output);
        Assert.Contains("[default: all]", output);
        Assert.Contains("--json", output);
    }

    public static TheoryData<string, string, string[]> BadFiles => new()
    {
        { "ragged.csv", "x,y\n1,2\n3\n", ["ragged.csv", "row 3"] },
        { "text.csv", "x,y\n1,2\n3,abc\n", ["text.csv", "row 3", "column 2", "'abc' is not a number"] },
        { "negative.csv", "x,weight\n1,2\n3,-1\n", ["negative.csv", "row 3", "column 2", "negative weight"] },
        { "nan.csv", "x,y\n1,NaN\n", ["nan.csv", "row 2", "column 2", "not finite"] },
        { "empty.csv", "", ["empty.csv", "no header row"] },
        { "header-only.csv", "x,y\n", ["header-only.csv", "no data rows"] },
        { "zero-weight.csv", "x,y,weight\n1,2,0\n", ["zero-weight.csv", "weights sum to zero"] },
        { "other-columns.csv", "u,v\n1,2\n", ["other-columns.csv", "columns (u, v) differ", "(x, y)"] },
        { "three-columns.csv", "x,y,z\n1,2,3\n", ["three-columns.csv", "columns (x, y, z) differ"] },
        // finite weights whose sum overflows (the law normalised them to all zeros and reported 'total mass is zero')
        { "huge-weights.csv", "x,y,weight\n1,2,1e308\n3,4,1e308\n", ["huge-weights.csv", "weights sum to Infinity"] },
        // finite coordinates whose squared distances overflow (was: exit 1, "internal error ... status Infeasible")
        { "far-apart.csv", "x,y\n1e200,0\n-1e200,1\n", ["far-apart.csv", "too far apart", "rescale"] },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFileExitsTwoWithOneLineNamingFileRowAndColumn(string name, string text, string[] mentions)
    {
        string good = WriteFile("good.csv", "x,y\n0,0\n1,1\n");
        string bad = WriteFile(name, text);
        foreach (var args in new[] { new[] { "distance", bad, good }, new[] { "distance", good, bad, "--json" } })
        {
            if (name.Contains("columns") && args[1] == bad) continue; // a column mismatch is reported against the second file
            var (code, output, err) = Run(args);
            Assert.Equal(Cli.BadInput, code);
            Assert.Equal("", output);
            Assert.Single(err.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("verify: error: ", err);
            foreach (string m in mentions) Assert.Contains(m, err);
        }
    }

    [Fact]
    public void MissingFileExitsTwoNamingIt()
    {
        string missing = Path.Combine(Dir, "nope.csv");
        var (code, output, err) = Run("distance", Example("p.csv"), missing);
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Equal($"verify: error: {missing}: file not found", err.TrimEnd('\n'));
    }

    [Fact]
    public void AnEmptyFileNameIsAUsageError()
    {
        var (code, output, err) = Run("distance", "", Example("q.csv"));
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Equal("verify: error: a sample file name is empty", err.TrimEnd('\n'));
    }

    [Fact]
    public void MissingArgumentIsAUsageError()
    {
        var (code, _, err) = Run("distance", Example("p.csv"));
        Assert.Equal(Cli.BadInput, code);
        Assert.StartsWith("verify: error: ", err);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
    }
}
