using System.Diagnostics;
using System.Runtime.InteropServices;
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
            Assert.StartsWith("verify train 8gaussians --method wgan-gp --iterations 6", side.RootElement.GetProperty("command").GetString());
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
        foreach (string bad in new[] { file, Path.Combine(file, "below"), "-" })
        {
            var (code, output, err) = Run("train", "8gaussians", "--method", "gan", "--iterations", "1", "--hidden", "4", "--layers", "1", "--out", bad);
            Assert.Equal(Cli.BadInput, code);
            Assert.StartsWith("verify: error: --out: ", err);
            Assert.Single(err.TrimEnd().Split('\n'));
            Assert.Equal("", output);
        }
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void TheToySetsTrainWithTheToyCodesSettingsAndPrintThem()
    {
        // gan_toy.py: DIM = 512, BATCH_SIZE = 256, CRITIC_ITERS = 5, LAMBDA = .1, Adam(1e-4, .5, .9).
        var (code, output, err) = Run("train", "8gaussians", "--method", "wgan-gp", "--iterations", "1", "--exact-every", "0", "--samples", "1", "--out", _dir);
        Assert.True(code == 0, err);
        string first = output.Split('\n')[0];
        foreach (string part in new[] { "batch=256", "n_critic=5", "Adam(lr=0.0001, betas=(0.5, 0.9))", "lambda=0.1", "hidden=512", "layers=3", "precision=single", "gan_toy.py" })
            Assert.Contains(part, first);
        Assert.Equal("2,512,512,512,1", SafeTensors.Read(Path.Combine(_dir, "checkpoint.safetensors")).Metadata["critic_sizes"]);
        // Elsewhere the papers' defaults.
        var other = Run("train", "gaussian-location", "--method", "wgan-gp", "--iterations", "1", "--exact-every", "0", "--samples", "1", "--out", Path.Combine(_dir, "g"));
        Assert.True(other.Code == 0, other.Err);
        Assert.Contains("batch=64", other.Out.Split('\n')[0]);
        Assert.Contains("lambda=10", other.Out.Split('\n')[0]);
        Assert.Contains("hidden=128", other.Out.Split('\n')[0]);
    }

    [Fact]
    public void ABatchThatCannotFitIsRefusedUpFront()
    {
        // Before: 32 s, 11.5 GB, then an internal error with exit 1. Exact W1 between two batches of 100000 points needs a
        // 100000 × 100000 cost matrix (12 bytes a pair: 112 GB).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, output, err) = Run("train", "8gaussians", "--method", "wgan-gp", "--batch", "100000", "--out", _dir);
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.StartsWith("verify: error: --batch 100000: the run needs about ", err);
        Assert.Contains("--exact-every 0", err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(_dir), "nothing may be written");
        Assert.True(clock.Elapsed.TotalSeconds < 5, $"refusal took {clock.Elapsed.TotalSeconds} s");
        // Two billion final samples (32 GB as doubles) are refused the same way, naming --samples.
        (code, output, err) = Run("train", "8gaussians", "--method", "gan", "--samples", "2000000000", "--out", _dir);
        Assert.Equal(Cli.BadInput, code);
        Assert.StartsWith("verify: error: --samples 2000000000: the run needs about ", err);
        Assert.EndsWith("give fewer --samples", err.TrimEnd());
        Assert.False(Directory.Exists(_dir));
    }

    [Fact]
    public void GeneratorLossAndWarmupReachTheRun()
    {
        var (code, output, err) = Run("train", "gaussian-location", "--method", "gan", "--generator-loss", "minimax", "--iterations", "1", "--hidden", "4",
            "--layers", "1", "--samples", "1", "--out", _dir, "--json");
        Assert.True(code == 0, err);
        using (var doc = JsonDocument.Parse(output)) Assert.Equal("minimax", doc.RootElement.GetProperty("options").GetProperty("generator_loss").GetString());
        (code, _, err) = Run("train", "gaussian-location", "--method", "wgan-clip", "--warmup", "--iterations", "2", "--hidden", "4", "--layers", "1",
            "--samples", "1", "--exact-every", "0", "--out", Path.Combine(_dir, "w"));
        Assert.True(code == 0, err);
        Assert.Equal(["100", "100"], File.ReadAllLines(Path.Combine(_dir, "w", "log.csv"))[1..].Select(l => l.Split(',')[1]));
        (code, _, err) = Run("train", "gaussian-location", "--method", "wgan-gp", "--generator-loss", "minimax", "--out", Path.Combine(_dir, "x"));
        Assert.Equal(Cli.BadInput, code);
        Assert.StartsWith("verify: error: --generator-loss applies to gan", err);
    }

    [Fact]
    public void HelpShowsTheNumberOfEveryDefault()
    {
        var (_, output, _) = Run("train", "--help");
        foreach (string expected in new[] { "256 on the toy sets", "512 on the WGAN-GP toy sets", "0.1 for wgan-gp on the toy sets", "c = 0.01", "100 critic steps" })
            Assert.Contains(expected, output);
        foreach (string line in output.Split('\n').Where(l => l.Contains("paper default")))
            Assert.True(line.Any(char.IsDigit), $"a paper default without its number: {line.Trim()}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [Theory]
    [InlineData(2, 130)]   // SIGINT
    [InlineData(15, 143)]  // SIGTERM
    public async Task AnInterruptedRunStreamsItsLogThenWritesACheckpointAndExitsWithTheSignalsCode(int signal, int exitCode)
    {
        // The real executable, as a user runs it: the log must grow while the run goes (flushed every 2 s at most), and a
        // signal must leave the log, the samples and a loadable checkpoint of the iterations done.
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "verify"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (string a in new[] { "train", "8gaussians", "--method", "wgan-gp", "--iterations", "1000000", "--hidden", "8", "--layers", "1",
                     "--exact-every", "0", "--samples", "10", "--out", _dir })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        string log = Path.Combine(_dir, "log.csv");
        var clock = Stopwatch.StartNew();
        int rows = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            rows = File.Exists(log) ? ReadShared(log).Length - 1 : 0;
            if (rows >= 3) break;
            await Task.Delay(100);
        }
        Assert.False(process.HasExited, $"the run ended early: {(process.HasExited ? await stderr : "")}");
        Assert.True(rows >= 3, $"log.csv had {rows} rows after {clock.Elapsed.TotalSeconds:F0} s while the run was going");
        Assert.Equal(0, kill(process.Id, signal));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);
        Assert.Equal(exitCode, process.ExitCode);
        Assert.Contains("interrupted by SIG", await stderr);
        string[] lines = File.ReadAllLines(log);
        var file = SafeTensors.Read(Path.Combine(_dir, "checkpoint.safetensors"));
        Assert.Equal("true", file.Metadata["interrupted"]);
        Assert.Equal((lines.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), file.Metadata["iterations"]);
        Assert.True(lines.Length - 1 >= rows, "the final log holds every row seen during the run");
        Assert.Equal(11, File.ReadAllLines(Path.Combine(_dir, "samples.csv")).Length);
        Checkpoint.LoadCritic<float>(Path.Combine(_dir, "checkpoint.safetensors"), CriticArchitecture.Mlp(2, 8, 1), prefix: "critic.");
        Assert.Contains("interrupted", await stdout);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp-*"));
    }

    private static string[] ReadShared(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var r = new StreamReader(s);
        return r.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
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
