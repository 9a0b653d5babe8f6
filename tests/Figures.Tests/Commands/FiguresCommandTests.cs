using System.Text.Json.Nodes;
using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Xunit;

namespace Verify.Figures.Tests.Commands;

[Collection(QuickReportCollection.Name)]
public sealed class FiguresCommandTests(QuickReportFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-figures-cmd-").FullName;

    private static void AssertUsageError((int Code, string Out, string Err) r, string expected)
    {
        Assert.Equal(Cli.BadInput, r.Code);
        Assert.Equal("", r.Out);
        Assert.StartsWith("verify: error: ", r.Err);
        Assert.Contains(expected, r.Err);
        Assert.Single(r.Err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void BadUsageIsOneLineWithExitCode2()
    {
        AssertUsageError(CliRun.Invoke("figures", "no-such-figure", "--quick", "--out", _dir), "unknown figure 'no-such-figure'; known: f1-distances-vs-theta");
        AssertUsageError(CliRun.Invoke("figures", "--out", _dir), "name the figures to make, or give --all");
        AssertUsageError(CliRun.Invoke("figures", "f1", "--all"), "not both");
        AssertUsageError(CliRun.Invoke("figures", "f1", "--from", Path.Combine(_dir, "missing")), "--from: folder");
        AssertUsageError(CliRun.Invoke("figures", "f1", "--from", fixture.FigureDir("f1-distances-vs-theta"), "--quick"), "do not apply with --from");
        File.WriteAllText(Path.Combine(_dir, "a-file"), "");
        AssertUsageError(CliRun.Invoke("figures", "f3", "--quick", "--out", Path.Combine(_dir, "a-file")), "is a file");
    }

    [Fact]
    public void FromRedrawsFromTheCsvAndPrintsFigureJson()
    {
        string id = "f2-gradient-vs-theta";
        var r = CliRun.Invoke("figures", "f2", "--from", fixture.FigureDir(id), "--out", _dir, "--json");
        Assert.Equal(Cli.Ok, r.Code);
        var json = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal(1, json["passed"]!.GetValue<int>());
        var figure = json["figures"]!.AsArray().Single()!;
        Assert.Equal(id, figure["id"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(_dir, id, FigureFolder.PdfName)));
        Assert.Equal(fixture.Result(id).Json["command"]!.GetValue<string>(), figure["command"]!.GetValue<string>());
    }

    [Fact]
    public void FromWithSeveralFiguresReadsTheirFoldersAndABrokenCsvIsNamed()
    {
        string parent = Path.Combine(fixture.Dir, ReportDataFolder);
        var ok = CliRun.Invoke("figures", "f1", "f3", "--from", parent, "--out", Path.Combine(_dir, "both"));
        Assert.Equal(Cli.Ok, ok.Code);
        Assert.Contains("2 of 2 figures pass", ok.Out);

        string broken = Path.Combine(_dir, "broken");
        Directory.CreateDirectory(broken);
        foreach (string f in Directory.GetFiles(fixture.FigureDir("f3-optimal-discriminator"), "*.csv")) File.Copy(f, Path.Combine(broken, Path.GetFileName(f)));
        string[] lines = File.ReadAllLines(Path.Combine(broken, "estimates.csv"));
        string[] cells = lines[2].Split(',');
        cells[3] = "x" + cells[3];
        lines[2] = string.Join(',', cells);
        File.WriteAllLines(Path.Combine(broken, "estimates.csv"), lines);
        AssertUsageError(CliRun.Invoke("figures", "f3", "--from", broken), "estimates.csv, row 3, column 4 ('estimate')");
    }

    [Fact]
    public void AFailingFactExitsWith1AndIsListed()
    {
        string copy = Path.Combine(_dir, "wrong");
        Directory.CreateDirectory(copy);
        foreach (string f in Directory.GetFiles(fixture.FigureDir("f4-vanishing-gradients"), "*.csv")) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        string path = Path.Combine(copy, "accuracy.csv");
        File.WriteAllLines(path, File.ReadAllLines(path).Select((l, i) => i == 0 ? l : string.Join(',', l.Split(',')[..^1].Append("0.5"))));
        var r = CliRun.Invoke("figures", "f4", "--from", copy);
        Assert.Equal(Cli.CheckFailed, r.Code);
        Assert.Contains("FAIL discriminator-perfect", r.Out);
    }

    [Fact]
    public void HelpListsEveryFigure()
    {
        var r = CliRun.Invoke("figures", "--help");
        Assert.Equal(Cli.Ok, r.Code);
        foreach (Figure f in FigureRegistry.All) Assert.Contains(f.Id, r.Out);
    }

    private const string ReportDataFolder = Verify.Figures.Report.ReportData.FiguresFolder;

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
