using System.Runtime.CompilerServices;
using System.Text.Json;
using Verify.Networks.Checkpoints;
using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Figures.Tests.Commands;

public sealed class RegressCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "verify-regress-cmd-" + Guid.NewGuid().ToString("N"));

    public RegressCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Repo() => Verify.TestSupport.RepositoryRoot.Path;

    private static string LinearOnnx => Path.Combine(Repo(), "tests", "Networks.Tests", "Interop", "Fixtures", "critic_linear.onnx");

    private string File1(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string OneEntry = """
        {"format": "verify-regress/1", "entries": [
          {"id": "wgan-lp/gauss-0-2", "pair": "gauss-0-2", "method": "wgan-lp", "steps": 30, "batch": 64, "lr": 0.001,
           "estimate": 0, "exact": 0, "tolerance": {"relative": 1e-6, "absolute": 1e-9}}
        ]}
        """;

    [Fact]
    public void TheRepositorysGoldenFileHolds()
    {
        // CI's check: Verify's pinned critic experiments still give the stored estimates.
        var (code, output, err) = CliRun.Invoke("regress", "--golden", Path.Combine(Repo(), "tests", "golden", "critic-estimates.json"), "--json");
        Assert.True(code == 0, err + output);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(0, doc.RootElement.GetProperty("failed").GetInt32());
        Assert.True(doc.RootElement.GetProperty("passed").GetInt32() >= 7);
    }

    [Fact]
    public void UpdateRewritesAtomicallyAndThenTheRunPasses()
    {
        string golden = File1("g.json", OneEntry);
        var (code, output, _) = CliRun.Invoke("regress", "--golden", golden);
        Assert.Equal(1, code); // stored 0 is far from any estimate
        Assert.Contains("REGRESSED", output);
        Assert.Contains("0 ok, 1 regressed", output);
        (code, _, _) = CliRun.Invoke("regress", "--golden", golden, "--update");
        Assert.Equal(0, code);
        Assert.Equal(["g.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));
        (code, output, _) = CliRun.Invoke("regress", "--golden", golden, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        JsonElement e = doc.RootElement.GetProperty("entries")[0];
        Assert.Equal("ok", e.GetProperty("verdict").GetString());
        Assert.Equal(e.GetProperty("stored_estimate").GetDouble(), e.GetProperty("estimate").GetDouble());
        Assert.True(e.GetProperty("exact").GetDouble() > 1.5); // W1 between the held-out halves of N(0,1) and N(2,1)
    }

    [Fact]
    public void UpdateCreatesAMissingFileForAUsersCriticAndItThenHolds()
    {
        string golden = Path.Combine(_dir, "team.json");
        var (code, _, err) = CliRun.Invoke("regress", "--golden", golden, "--critic", LinearOnnx, "--update");
        Assert.True(code == 0, err);
        using (var doc = JsonDocument.Parse(File.ReadAllText(golden)))
            Assert.Equal(["critic/lines-0.5", "critic/lines-2", "critic/square-1-0", "critic/8gaussians-noise"],
                doc.RootElement.GetProperty("entries").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        (code, _, _) = CliRun.Invoke("regress", "--golden", golden, "--critic", LinearOnnx);
        Assert.Equal(0, code);
    }

    [Fact]
    public void AnOnnxLinearCriticReportsThetaExactlyOnTheLines()
    {
        var (code, output, err) = CliRun.Invoke("regress", "--critic", LinearOnnx, "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var pairs = doc.RootElement.GetProperty("pairs").EnumerateArray().ToDictionary(p => p.GetProperty("pair").GetString()!);
        Assert.Equal(0.5, pairs["lines-0.5"].GetProperty("estimate").GetDouble());
        Assert.Equal(0.5, pairs["lines-0.5"].GetProperty("exact").GetDouble());
        Assert.Equal(2.0, pairs["lines-2"].GetProperty("estimate").GetDouble());
        Assert.Equal(2.0, pairs["lines-2"].GetProperty("exact").GetDouble());
        Assert.Equal(1.0, pairs["lines-2"].GetProperty("lipschitz").GetDouble());
        Assert.False(pairs["lines-2"].TryGetProperty("lipschitz_upper_bound", out _));
    }

    [Fact]
    public void ASafetensorsCriticIsAuditedWithItsSpectralBound()
    {
        string path = Path.Combine(_dir, "linear.safetensors");
        Checkpoint.Save(path, [("0.weight", Tensor.From([1.0, 0.0], 1, 2)), ("0.bias", Tensor.From([0.0], 1))]);
        var (code, output, err) = CliRun.Invoke("regress", "--critic", path, "--sizes", "2,1", "--activation", "relu");
        Assert.True(code == 0, err);
        Assert.Contains("mlp 2-1 relu", output);
        Assert.Matches(@"lines-0\.5\s+parallel-lines.*\s0\.5\s+0\.5\s+1\s+1\s+1\s*\n", output);
    }

    [Theory]
    [InlineData("{", "not valid JSON (line 1")]
    [InlineData("{\"entries\": [{\"id\": \"x\", \"pair\": \"gauss-0-2\", \"method\": \"wgan-gp\", \"exact\": 1, \"tolerance\": {\"relative\": 0, \"absolute\": 0}}]}", "entry 1 ('x'): missing \"estimate\"")]
    public void AMalformedGoldenFileIsExitTwoNamingTheEntry(string text, string message)
    {
        string golden = File1("bad.json", text);
        var (code, output, err) = CliRun.Invoke("regress", "--golden", golden);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"verify: error: {golden}: ", err);
        Assert.Contains(message, err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("--golden", "{missing}")]
    [InlineData("--update")]
    [InlineData("--critic", "{missing}")]
    [InlineData("--critic", "{garbage}")]
    [InlineData("--critic", "{onnx}", "--sizes", "2,1")]
    [InlineData("--golden", "/dev/stdout", "--update")]
    [InlineData("--golden", "{criticEntries}")]
    public void BadUsageIsOneLineAndExitTwo(params string[] args)
    {
        string garbage = File1("garbage.onnx", "not a model");
        string criticEntries = File1("c.json", """{"entries": [{"id": "c", "pair": "lines-2", "method": "critic", "estimate": 2, "exact": 2, "tolerance": {"relative": 0, "absolute": 0}}]}""");
        string[] resolved = args.Select(a => a.Replace("{missing}", Path.Combine(_dir, "none.json")).Replace("{garbage}", garbage)
            .Replace("{onnx}", LinearOnnx).Replace("{criticEntries}", criticEntries)).ToArray();
        var (code, output, err) = CliRun.Invoke(["regress", .. resolved]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("verify: error: ", err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void NeitherGoldenNorCriticIsAUsageError()
    {
        var (code, _, err) = CliRun.Invoke("regress");
        Assert.Equal(2, code);
        Assert.Contains("give --golden FILE.json, --critic FILE, or both", err);
    }
}
