using System.CommandLine;
using System.Text.Json.Nodes;
using Verify.Figures.Commands;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Plotting;
using Verify.Figures.Report;
using Verify.Properties.Catalogue;
using Verify.Theory;
using Verify.Toys;
using Xunit;

namespace Verify.Figures.Tests.Commands;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-report-cmd-").FullName;

    [Fact]
    public void AnOutThatIsAFileIsOneUsageErrorBeforeAnyWork()
    {
        string file = Path.Combine(_dir, "f");
        File.WriteAllText(file, "");
        var (code, output, err) = CliRun.Invoke("report", "--quick", "--out", file);
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Equal($"verify: error: --out: '{file}' is a file; give a folder", err.TrimEnd());
    }

    [Fact]
    public void HelpNamesTheFilesItWrites()
    {
        var (code, output, _) = CliRun.Invoke("report", "--help");
        Assert.Equal(Cli.Ok, code);
        Assert.Contains("report.html", output);
        Assert.Contains("--quick", output);
        Assert.Contains("--seed", output);
    }

    // The exit code is tested on the command itself, with the figure set and the catalogue replaced through its seam by a
    // one-table figure (W₁ between parallel lines) and one exact claim: a deliberately false fact or a claim run on its
    // falsifying input must make the whole report exit 1, and the same report with both true exits 0.

    [Fact]
    public void ExitsZeroWhenEveryFactAndClaimHoldsAndWritesPlainProgressLines()
    {
        var r = Report([new LinesW1Figure(factor: 1)], [Claims.Get("js.bounds")]);
        Assert.True(r.Code == Cli.Ok, r.Out + r.Err);
        Assert.Contains("claims: 1 of 1 pass", r.Out);
        // stderr is not a terminal: plain lines, the first and last naming the run, one per finished figure, one for the claims.
        string[] lines = r.Err.TrimEnd().Split('\n');
        Assert.Equal("verify report (quick): started", lines[0]);
        Assert.Contains("verify report (quick): t1-lines-w1: 1/1 facts hold", lines);
        Assert.Contains("verify report (quick): claims: 1/1 pass", lines);
        Assert.Matches(@"^verify report \(quick\): done in \d+:\d\d$", lines[^1]);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, ReportBuilder.JsonName)))!;
        Assert.True(json["passed"]!.GetValue<bool>());
    }

    [Fact]
    public void ExitsOneWhenAFiguresFactFails()
    {
        var r = Report([new LinesW1Figure(factor: 1), new LinesW1Figure(factor: 2)], [Claims.Get("js.bounds")]);
        Assert.Equal(Cli.CheckFailed, r.Code);
        Assert.Contains("FAIL w1-equals-abs-theta", r.Out);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, ReportBuilder.JsonName)))!;
        Assert.False(json["passed"]!.GetValue<bool>());
        Assert.Equal(1, json["figures_failed"]!.GetValue<int>());
        Assert.Equal(0, json["claims_failed"]!.GetValue<int>());
        // The report is still written in full, the failing figure included and marked.
        Assert.Contains("t1-lines-w1-wrong", File.ReadAllText(Path.Combine(_dir, ReportBuilder.HtmlName)));
    }

    [Fact]
    public void ExitsOneWhenAClaimFails()
    {
        Claim real = Claims.Get("js.bounds");
        // The claim's check replaced by its own falsification (the catalogue's deliberately wrong input), which must fail.
        var falsified = new Claim(real.Id + ".falsified", real.Statement, real.Source, real.Kind, real.ToleranceReason,
            (scale, seed) => real.Falsify(scale, seed).Finding, real.FalsifyInput, (scale, seed) => real.Falsify(scale, seed).Finding, real.DefaultSeed, real.Bound);
        var r = Report([new LinesW1Figure(factor: 1)], [real, falsified]);
        Assert.Equal(Cli.CheckFailed, r.Code);
        Assert.Contains("claims: 1 of 2 pass", r.Out);
        Assert.Contains("FAIL js.bounds.falsified", r.Out);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, ReportBuilder.JsonName)))!;
        Assert.Equal(0, json["figures_failed"]!.GetValue<int>());
        Assert.Equal(1, json["claims_failed"]!.GetValue<int>());
        Assert.Equal("fail", json["claims"]!.AsArray()[1]!["verdict"]!.GetValue<string>());
    }

    private (int Code, string Out, string Err) Report(IReadOnlyList<Figure> figures, IReadOnlyList<Claim> claims)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var root = new RootCommand { ReportCommand.Create(stdout, stderr, figures, claims) };
        int code = root.Parse(["report", "--quick", "--out", _dir]).Invoke();
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

/// <summary>
/// A one-table figure for the report command's tests: W₁ between parallel-line samples at θ and at 0 with common noise
/// (Theory's exact transport, which is |θ|), with one fact holding W₁ against factor·|θ|. Factor 1 is true; factor 2 is a
/// deliberately false fact.
/// </summary>
internal sealed class LinesW1Figure(double factor) : Figure
{
    private static readonly TableSchema W1Schema = new("w1", ["theta", "w1"], ["theta", "w1"]);

    public override string Id => factor == 1 ? "t1-lines-w1" : "t1-lines-w1-wrong";
    public override string Title => "W₁ between parallel lines";
    public override string Caption => $"Exact W₁ between samples, held against {factor}·|θ|.";
    public override IReadOnlyList<string> Claims => [];
    public override IReadOnlyList<TableSchema> Schema => [W1Schema];
    public override IReadOnlyList<(string Key, object Value)> Settings(FigureRun run) => [("samples", 50), ("factor", factor)];
    public override IReadOnlyList<long> Seeds(FigureRun run) => [run.Seed];

    public override FigurePlan Plan(FigureRun run)
    {
        TidyTable table = W1Schema.Create();
        var job = new Job(Id, 1, () =>
        {
            var lines = ToyFamilies.ParallelLines();
            foreach (double theta in new[] { -1, -0.5, 0, 0.5, 1 })
                table.Add(theta, Transport.W1(lines.At(0).Sample(50, run.Seed), lines.At(theta).Sample(50, run.Seed)));
        });
        return new FigurePlan([job], () => new TableSet(table));
    }

    public override IReadOnlyList<Fact> Facts(TableSet tables)
    {
        TidyTable t = tables[W1Schema.Name];
        double worst = Enumerable.Range(0, t.Count).Max(r => Math.Abs(t.Number(r, "w1") - factor * Math.Abs(t.Number(r, "theta"))));
        return [Fact.AtMost("w1-equals-abs-theta", $"W₁ = {factor}·|θ|", worst, 1e-12)];
    }

    public override FigureLayout Render(TableSet tables)
    {
        TidyTable t = tables[W1Schema.Name];
        var layout = new FigureLayout(1, 1, 400, 300);
        int[] rows = Enumerable.Range(0, t.Count).ToArray();
        Draw.Line(layout[0, 0], t.Numbers(rows, "theta"), t.Numbers(rows, "w1"), Style.Black, "W₁");
        Style.Apply(layout[0, 0]);
        return layout;
    }
}
