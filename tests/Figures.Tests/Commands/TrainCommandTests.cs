using System.Text.Json;
using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Xunit;

namespace Verify.Figures.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "verify-train-cmd-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    [Fact]
    public void WritesPlainCsvWithSidecarsAndALoadableCheckpoint()
    {
        var (code, output, err) = Run("train", "8gaussians", "--method", "wgan-gp", "--iterations", "6", "--hidden", "16", "--layers", "2",
            "--samples", "100", "--exact-every", "2", "--seed", "5", "--out", _dir, "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(5, doc.RootElement.GetProperty("seed").GetInt64());
        // Plain CSV: one header row, then data, nothing else (np.loadtxt(f, delimiter=",", skiprows=1) reads it).
        string[] log = File.ReadAllLines(Path.Combine(_dir, "log.csv"));
        Assert.Equal("iteration,critic_steps,critic_loss,penalty,generator_loss,critic_estimate,exact_w1_batch,generator_grad_norm,seconds", log[0]);
        Assert.Equal(7, log.Length);
        Assert.Equal(["0", "1", "2", "3", "4", "5"], log[1..].Select(r => r.Split(',')[0]));
        Assert.NotEqual("", log[1].Split(',')[6]); // exact W1 at iterations 0, 2, 4
        Assert.Equal("", log[2].Split(',')[6]);
        string[] samples = File.ReadAllLines(Path.Combine(_dir, "samples.csv"));
        Assert.Equal("x,y", samples[0]);
        Assert.Equal(101, samples.Length);
        Assert.All(samples[1..], l => Assert.Equal(2, l.Split(',').Select(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).Count()));
        // Provenance in the sidecars.
        foreach (var (name, rows) in new[] { ("log.csv", 6), ("samples.csv", 100) })
        {
            using var side = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, name + ".json")));
            Assert.Equal(name, side.RootElement.GetProperty("file").GetString());
            Assert.Equal(rows, side.RootElement.GetProperty("rows").GetInt32());
            Assert.Equal("8gaussians", side.RootElement.GetProperty("family").GetString());
            Assert.Equal(5, side.RootElement.GetProperty("seed").GetInt64());
            Assert.Equal("wgan-gp", side.RootElement.GetProperty("options").GetProperty("method").GetString());
        }
        var file = SafeTensors.Read(Path.Combine(_dir, "checkpoint.safetensors"));
        Assert.Equal("wgan-gp", file.Metadata["method"]);
        Assert.Equal("5", file.Metadata["seed"]);
        Assert.Equal("2,16,16,1", file.Metadata["critic_sizes"]);
        var critic = Checkpoint.LoadCritic<float>(Path.Combine(_dir, "checkpoint.safetensors"), CriticArchitecture.Mlp(2, 16, 2), prefix: "critic.");
        Assert.Equal(2, critic.InputDimension);
        Assert.Contains("generator.4.weight", file.Names);
    }

    [Fact]
    public void SameSeedGivesTheSameLog()
    {
        string[] Args(string dir) => ["train", "swissroll", "--method", "gan", "--iterations", "4", "--hidden", "8", "--layers", "1", "--seed", "2", "--out", dir, "--json"];
        Assert.Equal(0, Run(Args(Path.Combine(_dir, "a"))).Code);
        Assert.Equal(0, Run(Args(Path.Combine(_dir, "b"))).Code);
        static IEnumerable<string> Numbers(string path) => File.ReadAllLines(path).Select(l => string.Join(',', l.Split(',')[..^1]));
        Assert.Equal(Numbers(Path.Combine(_dir, "a", "log.csv")), Numbers(Path.Combine(_dir, "b", "log.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "a", "checkpoint.safetensors")), File.ReadAllBytes(Path.Combine(_dir, "b", "checkpoint.safetensors")));
    }

    [Fact]
    public void AnUnusableOutIsRefusedBeforeTraining()
    {
        Directory.CreateDirectory(_dir);
        string file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "x");
        foreach (string bad in new[] { file, Path.Combine(file, "below") })
        {
            var (code, output, err) = Run("train", "8gaussians", "--method", "gan", "--iterations", "1", "--hidden", "4", "--layers", "1", "--out", bad);
            Assert.Equal(Cli.BadInput, code);
            Assert.StartsWith("verify: error: --out: ", err);
            Assert.Single(err.TrimEnd().Split('\n'));
            Assert.Equal("", output);
        }
        Assert.Equal("x", File.ReadAllText(file));
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["train", "no-such-family", "--method", "gan", "--out", "OUT"], "no-such-family" },
        { ["train", "8gaussians", "--method", "gan"], "--out" },
        { ["train", "8gaussians", "--method", "wgan-xx", "--out", "OUT"], "wgan-xx" },
        { ["train", "8gaussians", "--method", "gan", "--iterations", "-3", "--out", "OUT"], "--iterations" },
        { ["train", "8gaussians", "--method", "gan", "--theta", "1", "--out", "OUT"], "θ" },
        { ["train", "8gaussians", "--method", "gan", "--exact-every", "abc", "--out", "OUT"], "--exact-every" },
        { ["train", "8gaussians", "--method", "gan", "--n-critic", "x", "--out", "OUT"], "--n-critic" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputExitsTwoWithOneLine(string[] args, string mention)
    {
        var (code, output, err) = Run(args.Select(a => a == "OUT" ? _dir : a).ToArray());
        Assert.Equal(Cli.BadInput, code);
        Assert.StartsWith("verify: error: ", err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Equal("", output); // nothing on stdout, not even the options line
        Assert.Contains(mention, err);
    }
}
