using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Report;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify figures [NAME…|--all] [--out DIR] [--quick] [--seed S] [--json]</c> generates figures of the paper set, each
/// into DIR/ID (tidy CSV, figure.png/svg/pdf, figure.json); <c>verify figures NAME --from DIR</c> redraws one from its CSV
/// alone, without running any experiment. Exit 1 when a figure's key fact fails or its experiments cannot run.
/// </summary>
public static class FiguresCommand
{
    public const string DefaultOut = "figures";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var names = new Argument<string[]>("NAME") { Description = "figure ids (e.g. f1-distances-vs-theta, or f1); see --all", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "every figure of the set: " + string.Join(", ", FigureRegistry.All.Select(f => f.Id)) };
        var outDir = new Option<string?>("--out") { Description = $"output folder; each figure goes to OUT/ID (default: {DefaultOut}, or in place with --from)" };
        var quick = new Option<bool>("--quick") { Description = "small budgets (the test suite's scale; the whole set in about a minute)" };
        var seed = new Option<long>("--seed") { Description = "seed every experiment derives from (reported in figure.json)", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "print one JSON object {figures: [figure.json …], passed, failed} (no progress)" };
        var from = new Option<string?>("--from") { Description = "redraw from the CSV in this figure folder (or a folder holding ID subfolders); no experiment runs" };
        var cmd = new Command("figures", "Generate the paper figures (CSV data, PNG, SVG, PDF, figure.json with the facts checked on the data), or redraw them from their CSV with --from.")
        {
            names, all, outDir, quick, seed, json, from,
        };
        cmd.SetAction(parse =>
        {
            string[] given = parse.GetValue(names) ?? [];
            bool everything = parse.GetValue(all);
            if (everything && given.Length > 0) throw new UsageException("give figure names or --all, not both");
            if (!everything && given.Length == 0) throw new UsageException($"name the figures to make, or give --all; figures: {string.Join(", ", FigureRegistry.All.Select(f => f.Id))}");
            Figure[] figures = everything ? [.. FigureRegistry.All] : given.Select(FigureRegistry.Get).Distinct().ToArray();
            string? source = parse.GetValue(from);
            bool asJson = parse.GetValue(json);
            IReadOnlyList<FigureResult> results;
            if (source is not null)
            {
                if (parse.GetResult(quick) is { Implicit: false } || parse.GetResult(seed) is { Implicit: false })
                    throw new UsageException("--quick and --seed do not apply with --from: the figure is redrawn from its CSV as it is");
                results = Rerender(figures, source, parse.GetValue(outDir));
            }
            else
            {
                var run = new FigureRun(parse.GetValue(quick) ? Scale.Quick : Scale.Full, parse.GetValue(seed));
                string dir = parse.GetValue(outDir) ?? DefaultOut;
                CheckOut(dir);
                results = Generate(figures, run, dir, stderr, quiet: asJson);
            }
            stdout.Write(asJson ? ToJson(results) : ToText(results));
            return results.All(r => r.Passed) ? Cli.Ok : Cli.CheckFailed;
        });
        return cmd;
    }

    /// <summary>Generates the figures into OUT/ID with a progress display on stderr.</summary>
    public static IReadOnlyList<FigureResult> Generate(IReadOnlyList<Figure> figures, FigureRun run, string outDir, TextWriter stderr, bool quiet)
    {
        var (plans, cost) = FigureGenerator.Plan(figures, run);
        return RunProgress.Run($"verify figures ({run.ScaleName})", cost, stderr, quiet,
            progress => FigureGenerator.Generate(figures, plans, run, outDir, progress, JobRunner.DefaultWorkers));
    }

    /// <summary>An unusable output folder is one usage error before any work starts.</summary>
    public static void CheckOut(string dir)
    {
        if (File.Exists(dir)) throw new UsageException($"--out: '{dir}' is a file; give a folder");
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--out: cannot create the folder '{dir}': {e.Message}");
        }
    }

    private static IReadOnlyList<FigureResult> Rerender(IReadOnlyList<Figure> figures, string source, string? outDir)
    {
        if (!Directory.Exists(source)) throw new UsageException($"--from: folder '{source}' not found");
        if (outDir is not null) CheckOut(outDir);
        var results = new List<FigureResult>();
        foreach (Figure f in figures)
        {
            string nested = Path.Combine(source, f.Id);
            string from = Directory.Exists(nested) ? nested
                : figures.Count == 1 ? source
                : throw new UsageException($"--from: '{source}' has no folder {f.Id} (with several figures, --from names the folder that holds their ID folders)");
            string to = outDir is null ? from : Path.Combine(outDir, f.Id);
            results.Add(FigureFolder.Rerender(f, from, to));
        }
        return results;
    }

    public static string ToJson(IReadOnlyList<FigureResult> results)
    {
        var o = new JsonObject
        {
            ["figures"] = new JsonArray(results.Select(r => (JsonNode)r.Json.DeepClone()).ToArray()),
            ["passed"] = results.Count(r => r.Passed),
            ["failed"] = results.Count(r => !r.Passed),
        };
        return o.ToJsonString(FigureJson.Indented) + Environment.NewLine;
    }

    public static string ToText(IReadOnlyList<FigureResult> results)
    {
        var sb = new StringBuilder();
        foreach (FigureResult r in results)
        {
            sb.AppendLine($"{r.Figure.Id}: {FigureGenerator.Describe(r)}, {r.Seconds:F1} s → {r.Directory}");
            foreach (Fact f in r.Facts.Where(f => !f.Holds))
                sb.AppendLine($"  FAIL {f.Id}: {f.Statement}: measured {Fact.Show(f.Measured)}, expected {f.Expected}");
        }
        sb.AppendLine($"{results.Count(r => r.Passed)} of {results.Count} figures pass");
        return sb.ToString();
    }
}
