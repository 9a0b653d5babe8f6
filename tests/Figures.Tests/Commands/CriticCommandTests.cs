using System.Globalization;
using System.Text.Json;
using Verify.Networks.Checkpoints;
using Verify.TestSupport;
using Xunit;

namespace Verify.Figures.Tests.Commands;

public sealed class CriticCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "verify-critic-cmd-" + Guid.NewGuid().ToString("N"));

    public CriticCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    private string Write(string name, IEnumerable<double> xs, string column = "x")
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllLines(path, new[] { column }.Concat(xs.Select(x => x.ToString("R", CultureInfo.InvariantCulture))));
        return path;
    }

    private static double[] Normal(int n, double mean, int seed)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => mean + Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble())).ToArray();
    }

    [Fact]
    public void WganGpJsonReportsEstimateNextToTheExactW1()
    {
        double[] p = Normal(400, 0, 1), q = Normal(400, 2, 2);
        string pf = Write("p.csv", p), qf = Write("q.csv", q);
        var (code, output, err) = Run("critic", "--real", pf, "--fake", qf, "--method", "wgan-gp", "--steps", "2000", "--hidden", "32",
            "--batch", "128", "--lr", "1e-3", "--seed", "4", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        foreach (string key in new[] { "method", "estimate", "exact", "relative_error", "lipschitz", "steps", "seconds", "seed", "split", "options" })
            Assert.True(root.TryGetProperty(key, out _), $"missing key {key}");
        // Independent route for the exact value: W₁ of two equal-size uniform 1-D samples is the mean gap of the order statistics.
        double exact = p.Order().Zip(q.Order(), (a, b) => Math.Abs(a - b)).Average();
        Tolerance.Close(exact, root.GetProperty("exact").GetDouble(), rel: 1e-9);
        double estimate = root.GetProperty("estimate").GetDouble();
        Tolerance.Close(Math.Abs(estimate - exact) / exact, root.GetProperty("relative_error").GetDouble(), rel: 1e-12);
        // λ = 10 biases the estimate up by the factor 1 + W₁/(2λ) (≈ 1.1 here, see CriticTrainingTests); the held-out halves
        // of 200 points add sampling error (sd of an empirical 1-D W₁ at n = 200 is ≈ 0.07, 3.5%): 10% allows about 3 sd.
        Tolerance.Close(exact * (1 + exact / 20), estimate, rel: 0.10, what: "held-out WGAN-GP estimate");
        Assert.Equal(4, root.GetProperty("seed").GetInt64());
        Assert.Equal(2000, root.GetProperty("steps").GetInt32());
        Assert.Equal(10.0, root.GetProperty("options").GetProperty("lambda").GetDouble());
        Tolerance.AtMost(root.GetProperty("lipschitz_upper_bound").GetDouble(), root.GetProperty("lipschitz").GetDouble(), abs: 1e-9);
    }

    [Fact]
    public void SameSeedSameNumbers()
    {
        string pf = Write("p.csv", Normal(60, 0, 4)), qf = Write("q.csv", Normal(60, 1, 5));
        string[] args = ["critic", "--real", pf, "--fake", qf, "--method", "wgan-sn", "--steps", "50", "--hidden", "16", "--seed", "9", "--json"];
        static string WithoutSeconds(string json) => string.Join('\n', json.Split('\n').Where(l => !l.Contains("\"seconds\"")));
        Assert.Equal(WithoutSeconds(Run(args).Out), WithoutSeconds(Run(args).Out));
    }

    [Fact]
    public void GanExactIsTheJsOfTheEmpiricalLaws()
    {
        // Disjoint supports: JS = log 2 exactly.
        string pf = Write("p.csv", Enumerable.Range(0, 20).Select(i => i / 20.0)), qf = Write("q.csv", Enumerable.Range(0, 20).Select(i => 5 + i / 20.0));
        var (code, output, err) = Run("critic", "--real", pf, "--fake", qf, "--method", "gan", "--steps", "300", "--hidden", "16", "--lr", "1e-2", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Tolerance.Close(Math.Log(2), doc.RootElement.GetProperty("exact").GetDouble(), rel: 1e-12);
        Assert.Equal("js", doc.RootElement.GetProperty("exact_metric").GetString());
        Tolerance.AtMost(Math.Log(2), doc.RootElement.GetProperty("estimate").GetDouble(), abs: 1e-12);
    }

    [Fact]
    public void TextOutputPrintsTheOptionsFirst()
    {
        string pf = Write("p.csv", Normal(20, 0, 1)), qf = Write("q.csv", Normal(20, 1, 2));
        var (code, output, _) = Run("critic", "--real", pf, "--fake", qf, "--method", "wgan-clip", "--steps", "10");
        Assert.Equal(0, code);
        Assert.StartsWith("wgan-clip: batch=64 n_critic=5 critic_optimizer=RMSprop(lr=5E-05, alpha=0.99)", output);
        Assert.Contains("relative error", output);
    }

    [Fact]
    public void LoadsAndAuditsABroughtCritic()
    {
        // f(x) = 2x + 1 saved as a PyTorch Linear(1, 1) ("0.weight" [1, 1], "0.bias" [1]): no training; Lipschitz exactly 2.
        string ckpt = Path.Combine(_dir, "linear.safetensors");
        SafeTensors.Write(ckpt, [new NamedArray("0.weight", SafeTensorsDType.F32, [1, 1], [2.0]), new NamedArray("0.bias", SafeTensorsDType.F32, [1], [1.0])]);
        string pf = Write("p.csv", Normal(50, 3, 1)), qf = Write("q.csv", Normal(50, 0, 2));
        var (code, output, err) = Run("critic", "--real", pf, "--fake", qf, "--method", "wgan-gp", "--load", ckpt, "--sizes", "1,1", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Tolerance.Close(2.0, doc.RootElement.GetProperty("lipschitz").GetDouble(), rel: 1e-12);
        Tolerance.Close(2.0, doc.RootElement.GetProperty("lipschitz_upper_bound").GetDouble(), rel: 1e-12);
        Assert.Equal(0, doc.RootElement.GetProperty("steps").GetInt32());
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["critic", "--real", "P", "--fake", "Q"], "--method" },
        { ["critic", "--real", "P", "--fake", "Q", "--method", "wgan"], "wgan" },
        { ["critic", "--real", "nope.csv", "--fake", "nope.csv", "--method", "gan"], "nope.csv" },
        { ["critic", "--real", "P", "--fake", "Q", "--method", "gan", "--steps", "0"], "--steps" },
        { ["critic", "--real", "P", "--fake", "Q", "--method", "gan", "--lr", "-1"], "--lr" },
        { ["critic", "--real", "P", "--fake", "Q", "--method", "gan", "--activation", "elu"], "elu" },
        { ["critic", "--real", "P", "--fake", "Q", "--method", "gan", "--steps", "abc"], "--steps" },
        { ["critic", "--real", "P", "--fake", "Q", "--method", "gan", "--steps", "2147483648"], "--steps" },
        { ["critic", "--real", "P", "--fake", "Q", "--method", "gan", "--batch", "abc"], "--batch" },
        { ["critic", "--real", "P", "--fake", "Q", "--method", "gan", "--lr", "abc"], "--lr" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputExitsTwoWithOneLine(string[] args, string mention)
    {
        string pf = Write("P", [0.0, 1.0, 2.0]), qf = Write("Q", [1.0, 2.0, 3.0]);
        string[] a = args.Select(x => x == "P" ? pf : x == "Q" ? qf : x).ToArray();
        var (code, output, err) = Run(a);
        Assert.Equal(Cli.BadInput, code);
        Assert.StartsWith("verify: error: ", err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Equal("", output); // nothing on stdout, not even the options line
        Assert.Contains(mention, err);
    }

    [Fact]
    public void MismatchedColumnsAndBadCheckpointsExitTwo()
    {
        string pf = Write("p.csv", [0.0, 1.0, 2.0]), qf = Write("q.csv", [1.0, 2.0, 3.0], column: "y");
        var (code, _, err) = Run("critic", "--real", pf, "--fake", qf, "--method", "wgan-gp");
        Assert.Equal(Cli.BadInput, code);
        Assert.Contains("columns", err);
        string ckpt = Path.Combine(_dir, "bad.safetensors");
        SafeTensors.Write(ckpt, [new NamedArray("0.weight", SafeTensorsDType.F32, [1, 2], [2.0, 1.0]), new NamedArray("0.bias", SafeTensorsDType.F32, [1], [1.0])]);
        string q1 = Write("q1.csv", [1.0, 2.0, 3.0]);
        (code, _, err) = Run("critic", "--real", pf, "--fake", q1, "--method", "wgan-gp", "--load", ckpt, "--sizes", "1,1");
        Assert.Equal(Cli.BadInput, code);
        Assert.Contains("tensor '0.weight' has shape [1, 2]", err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }
}
