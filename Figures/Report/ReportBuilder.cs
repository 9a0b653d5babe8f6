using System.Diagnostics;
using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Io;
using Verify.Properties.Catalogue;

namespace Verify.Figures.Report;

/// <summary>
/// The main job: runs the claims catalogue and the whole figure set in one pool of jobs (one worker per core, longest
/// first), makes every figure into OUT/figures/ID, and writes OUT/report.html, OUT/report.md and OUT/report.json.
/// </summary>
public static class ReportBuilder
{
    public const string HtmlName = "report.html";
    public const string MarkdownName = "report.md";
    public const string JsonName = "report.json";

    /// <summary>What to run.</summary>
    /// <param name="Run">Scale and seed of the figures.</param>
    /// <param name="ClaimSeed">The claims' seed (null: each claim's default).</param>
    /// <param name="Out">The report's folder.</param>
    /// <param name="Figures">The figures to make (default: the whole set).</param>
    /// <param name="Claims">The claims to run (default: the whole catalogue).</param>
    public sealed record Request(FigureRun Run, long? ClaimSeed, string Out, IReadOnlyList<Figure>? Figures = null, IReadOnlyList<Claim>? Claims = null);

    public static ReportData Build(Request request, TextWriter stderr, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<Figure> figures = request.Figures ?? FigureRegistry.All;
        IReadOnlyList<Claim> claims = request.Claims ?? Properties.Catalogue.Claims.All;
        var claimJobs = new ClaimJobs(claims, request.Run.Quick ? ClaimScale.Quick : ClaimScale.Full, request.ClaimSeed);
        var (plans, cost) = FigureGenerator.Plan(figures, request.Run);
        cost += claimJobs.Jobs.Sum(j => j.Cost);
        string figureDir = Path.Combine(request.Out, ReportData.FiguresFolder);
        IReadOnlyList<FigureResult> results = RunProgress.Run($"verify report ({request.Run.ScaleName})", cost, stderr, quiet, progress =>
        {
            var r = FigureGenerator.Generate(figures, plans, request.Run, figureDir, progress, JobRunner.DefaultWorkers, claimJobs.Jobs);
            var done = claimJobs.Results;
            progress.Finished($"claims: {done.Count(c => c.Passed)}/{done.Count} pass");
            return r;
        });
        var data = new ReportData(request.Run, request.ClaimSeed, results, claimJobs.Results, clock.Elapsed.TotalSeconds, Command(request));
        Write(data, request.Out);
        return data;
    }

    /// <summary>Writes report.html, report.md and report.json into <paramref name="dir"/> (atomically, each).</summary>
    public static void Write(ReportData data, string dir)
    {
        ArgumentNullException.ThrowIfNull(data);
        AtomicFile.Write(Path.Combine(dir, HtmlName), w => w.Write(HtmlReport.Render(data)));
        AtomicFile.Write(Path.Combine(dir, MarkdownName), w => w.Write(MarkdownReport.Render(data)));
        AtomicFile.Write(Path.Combine(dir, JsonName), w => w.Write(data.ToJson().ToJsonString(FigureJson.Indented) + "\n"));
    }

    /// <summary>The command line that regenerates a report.</summary>
    public static string Command(Request r) =>
        $"verify report{(r.Run.Quick ? " --quick" : "")}{(r.ClaimSeed is { } s ? $" --seed {s}" : "")} --out {r.Out}";
}
