using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Verify.Figures.Tests.Commands;

public sealed class ImagesCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "verify-images-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void OneLineUsageError((int Code, string Out, string Err) r, string mentions)
    {
        Assert.Equal(2, r.Code);
        string[] lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("verify: error: ", lines[0]);
        Assert.Contains(mentions, lines[0]);
    }

    [Fact]
    public void BadInputExitsTwoWithOneLine()
    {
        OneLineUsageError(CliRun.Invoke("images", "sample-grids", "--out", _dir), "sample-grids");
        OneLineUsageError(CliRun.Invoke("images", "train", "--method", "wgan-gp", "--batch", "0", "--out", _dir), "--batch");
        OneLineUsageError(CliRun.Invoke("images", "train", "--method", "wgan-gp", "--batch", "5000", "--out", _dir), "--batch");
        OneLineUsageError(CliRun.Invoke("images", "train", "--method", "wgan-lp", "--out", _dir), "wgan-lp");
        OneLineUsageError(CliRun.Invoke("images", "train", "--arch", "resnet", "--method", "gan", "--out", _dir), "--arch");
        Assert.False(File.Exists(Path.Combine(_dir, "log.csv")));
    }

    [Fact]
    public void MissingDataExitsTwoWithOneLineNamingTheInstallCommand()
    {
        // The real executable with VERIFY_DATA pointing nowhere (the variable is process-wide, so not changed in here).
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "verify")) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in new[] { "images", "batch-w1", "--quick", "--out", _dir }) psi.ArgumentList.Add(a);
        psi.Environment["VERIFY_DATA"] = Path.Combine(_dir, "no-data-here");
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        OneLineUsageError((p.ExitCode, "", err), "MNIST data not found");
        Assert.Contains("bash scripts/setup", err);
    }

    [Fact]
    public void TrainStreamsALogWithExactW1AndWritesSampleGrids()
    {
        var r = CliRun.Invoke("images", "train", "--arch", "mlp", "--method", "gan", "--iterations", "4", "--batch", "16", "--eval-every", "2",
            "--seed", "5", "--out", _dir, "--json");
        Assert.True(r.Code == 0, r.Err);
        using var json = JsonDocument.Parse(r.Out);
        Assert.Equal(4, json.RootElement.GetProperty("iterations_done").GetInt32());
        Assert.True(json.RootElement.GetProperty("final_exact_w1_batch").GetDouble() > 0);
        string[] log = File.ReadAllLines(Path.Combine(_dir, "log.csv"));
        Assert.Equal(5, log.Length);
        Assert.StartsWith("iteration,critic_steps,critic_loss", log[0]);
        int exact = Array.IndexOf(log[0].Split(','), "exact_w1_batch");
        Assert.Equal(["0", "", "2", "3"], log.Skip(1).Select(l => l.Split(',')[exact] == "" ? "" : l.Split(',')[0]));
        Assert.True(File.Exists(Path.Combine(_dir, "log.csv.json")));
        foreach (int i in new[] { 0, 1, 2, 4 })
        {
            byte[] png = File.ReadAllBytes(Path.Combine(_dir, $"samples-{i:D5}.png"));
            Assert.Equal(0x89, png[0]);
        }
    }

    [Fact]
    public void BatchW1JsonHasTheRowsTheIssueNames()
    {
        var r = CliRun.Invoke("images", "batch-w1", "--quick", "--out", _dir, "--json");
        Assert.True(r.Code == 0, r.Err);
        using var json = JsonDocument.Parse(r.Out);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal([64, 128, 256], rows.Select(x => x.GetProperty("batch").GetInt32()));
        foreach (var row in rows)
            foreach (string key in new[] { "real_vs_real", "real_vs_mean", "real_vs_kmeans" })
                Assert.True(row.GetProperty(key).GetDouble() > 0);
        // The ordering the figure reports at batch 64: its k-means centres are nearer than another real batch.
        Assert.True(rows[0].GetProperty("real_vs_kmeans").GetDouble() < rows[0].GetProperty("real_vs_real").GetDouble());
    }
}
