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
    public void FilesCarryTheSeedAndAreByteIdenticalForTheSameSeed()
    {
        string a = PathOf("a.csv"), b = PathOf("b.csv"), c = PathOf("c.csv");
        var (code, output, err) = Run("sample", "swissroll", "--n", "50", "--seed", "42", "--out", a);
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        Assert.Contains("seed = 42", output);
        Run("sample", "swissroll", "--n", "50", "--seed", "42", "--out", b);
        Run("sample", "swissroll", "--n", "50", "--seed", "43", "--out", c);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(c));
        string[] lines = File.ReadAllLines(a);
        Assert.Equal("# seed=42", lines[0]);
        Assert.Contains("# theta=none", lines);
        Assert.Contains("x,y", lines);
        SampleFile f = SampleCsv.Read(a);
        Assert.Equal(50, f.Distribution.Count);
        Assert.False(f.HasWeights);
    }

    [Fact]
    public void TheDefaultThetaIsUsedAndRecorded()
    {
        string a = PathOf("pair.csv");
        Assert.Equal(Cli.Ok, Run("sample", "gaussian-pair", "--n", "400", "--out", a).Code);
        Assert.Contains("# theta=4", File.ReadAllLines(a));
        Assert.Contains($"# seed={SampleCommand.DefaultSeed}", File.ReadAllLines(a));
        // N(4, 0.5²), n = 400: the sample mean is N(4, 0.025²), so (ε, δ) = (0.15 = 6 standard errors, P(|Z| > 6) ≈ 2·10⁻⁹).
        double[] x = SampleCsv.Read(a).Distribution.Points.ToArray();
        Tolerance.Close(4.0, x.Average(), 0, 0.15, "sample mean");
    }

    [Fact]
    public void HelpShowsTheUsageOfTheIssue()
    {
        var (code, output, err) = Run("sample", "--help");
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        foreach (string part in new[] { "--theta <T>", "--n <N>", "--seed <S>", "--out <FILE.csv>", "--list", "verify sample --list" })
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
        Assert.StartsWith("verify: error: sample: --out ", err);
        Assert.Contains("cannot write the file", err);
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
