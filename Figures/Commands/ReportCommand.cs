using System.CommandLine;
using System.Text.Json.Nodes;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Report;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify report [--out DIR] [--quick] [--seed S] [--json]</c>, the main job: runs the claims catalogue and every figure
/// (in parallel, one job per core) and writes DIR/report.html (self-contained), DIR/report.md, DIR/report.json and the
/// figure folders DIR/figures/ID. Exit 1 when a claim or a figure's key fact fails.
/// </summary>
public static class ReportCommand
{
    public const string DefaultOut = "report";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var outDir = new Option<string>("--out") { Description = "report folder (report.html, report.md, report.json, figures/ID)", DefaultValueFactory = _ => DefaultOut };
        var quick = new Option<bool>("--quick") { Description = "quick scale for claims and figures (the test suite's; well under two minutes)" };
        var seed = new Option<long?>("--seed") { Description = "seed of every figure and claim (default: figures 0, each claim its own default seed)" };
        var json = new Option<bool>("--json") { Description = "print one JSON summary {passed, figures: [{id, passed}], claims: [{id, verdict}], out} (no progress)" };
        var cmd = new Command("report", "The main job: run the claims and make every figure, then write report.html (one self-contained file), report.md and report.json.")
        {
            outDir, quick, seed, json,
        };
        cmd.SetAction(parse =>
        {
            string dir = parse.GetValue(outDir) ?? DefaultOut;
            FiguresCommand.CheckOut(dir);
            long? s = parse.GetValue(seed);
            var request = new ReportBuilder.Request(new FigureRun(parse.GetValue(quick) ? Scale.Quick : Scale.Full, s ?? 0), s, dir);
            bool asJson = parse.GetValue(json);
            ReportData data = ReportBuilder.Build(request, stderr, quiet: asJson);
            stdout.Write(asJson ? Summary(data, dir) : Text(data, dir));
            return data.Passed ? Cli.Ok : Cli.CheckFailed;
        });
        return cmd;
    }

    private static string Text(ReportData d, string dir)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"claims: {d.ClaimsPassed} of {d.Claims.Count} pass");
        foreach (var c in d.Claims.Where(c => !c.Passed)) sb.AppendLine($"  FAIL {c}");
        sb.Append(FiguresCommand.ToText(d.Figures));
        sb.AppendLine($"report: {Path.Combine(dir, ReportBuilder.HtmlName)} (also {ReportBuilder.MarkdownName}, {ReportBuilder.JsonName}) in {RunProgress.Clock(TimeSpan.FromSeconds(d.Seconds))}");
        return sb.ToString();
    }

    private static string Summary(ReportData d, string dir) => new JsonObject
    {
        ["passed"] = d.Passed,
        ["figures"] = new JsonArray(d.Figures.Select(f => (JsonNode)new JsonObject { ["id"] = f.Figure.Id, ["passed"] = f.Passed, ["error"] = f.Error }).ToArray()),
        ["claims"] = new JsonArray(d.Claims.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["verdict"] = c.Verdict }).ToArray()),
        ["out"] = Path.GetFullPath(dir),
        ["seconds"] = Math.Round(d.Seconds, 1),
    }.ToJsonString(FigureJson.Indented) + Environment.NewLine;
}
