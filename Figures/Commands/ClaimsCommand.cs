using System.CommandLine;
using System.Globalization;
using System.Text;
using Verify.Figures.Io;
using Verify.Properties.Catalogue;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify claims [--filter TEXT] [--scale quick|full] [--seed S] [--json] [--falsify]</c>: runs the catalogue of the
/// theory's claims (<see cref="Claims"/>) and prints a table (id, claim, source, measured, expected, tolerance, verdict,
/// seconds) or one JSON object. Exit 1 when a claim fails; with <c>--falsify</c>, each claim's deliberately broken
/// counterpart runs instead and the exit code is 0 only if every one of them fails.
/// </summary>
public static class ClaimsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var filter = new Option<string?>("--filter") { Description = "run only the claims whose id contains this text (case-insensitive)" };
        var scale = Cli.Choice("--scale",
            "quick (the test suite's scale, well under a minute) or full (more cases, larger samples, longer training)", ["quick", "full"], "quick");
        var seed = new Option<long?>("--seed") { Description = "one seed for every claim (default: each claim's own fixed seed); reported" };
        var json = new Option<bool>("--json") { Description = "print one JSON object (no progress)" };
        var falsify = new Option<bool>("--falsify")
        {
            Description = "run each claim's check on its deliberately wrong input instead; exit 0 only if every one of them fails",
        };
        var cmd = new Command("claims",
            "Run the catalogue of the theory's claims (exact, statistical and trained-network checks) and print the verdicts. " +
            "Exit 1 if a claim fails; with --falsify, exit 0 only if every deliberately broken counterpart fails.")
        {
            filter, scale, seed, json, falsify,
        };
        cmd.SetAction(parse =>
        {
            var run = new ClaimRun(parse.GetValue(filter), ClaimScales.Parse(parse.GetValue(scale) ?? "quick"), parse.GetValue(seed), parse.GetValue(falsify));
            bool asJson = parse.GetValue(json);
            IReadOnlyList<Claim> chosen = Claims.Select(run.Filter); // an unmatched filter fails here (exit 2), before any work
            IReadOnlyList<ClaimResult> results = Progress.Run(run.Falsify ? "claims (falsify)" : "claims", chosen.Count, stderr, asJson,
                tick =>
                {
                    int done = 0;
                    return Claims.Run(run, onResult: _ => tick(++done));
                });
            stdout.Write(asJson ? ClaimJson.Document(results, run) : Table(results, run));
            return ExitCode(results);
        });
        return cmd;
    }

    /// <summary>0 when every result is as required (each check passed; with --falsify each counterpart failed a condition), else 1.</summary>
    public static int ExitCode(IReadOnlyList<ClaimResult> results) => Claims.AllAsRequired(results) ? Cli.Ok : Cli.CheckFailed;

    /// <summary>The text table, then the detail of every result that is not as required, then a summary line.</summary>
    public static string Table(IReadOnlyList<ClaimResult> results, ClaimRun run)
    {
        ArgumentNullException.ThrowIfNull(results);
        string[] header = ["id", "claim", "source", "measured", "expected", "tolerance", "verdict", "seconds"];
        var rows = results.Select(r => new[]
        {
            r.Id, Clip(r.Claim.Statement, 60), Clip(r.Claim.Source, 36), Number(r.Measured),
            r.Binding is { } c ? c.Relation.Symbol() + " " + Number(r.Expected) : "–", Number(r.Tolerance),
            r.Verdict + (run.Falsify ? (r.AsRequired ? " (as required)" : " (NOT FALSIFIED)") : ""),
            r.Seconds.ToString("F2", CultureInfo.InvariantCulture),
        }).ToList();
        int[] width = header.Select((h, k) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(row => row[k].Length))).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells) => sb.AppendLine(string.Join("  ", cells.Select((s, k) => k < 3 || k == 6 ? s.PadRight(width[k]) : s.PadLeft(width[k]))).TrimEnd());
        Line(header);
        Line(width.Select(w => new string('-', w)).ToArray());
        rows.ForEach(Line);
        foreach (ClaimResult r in results.Where(r => !r.AsRequired))
        {
            sb.AppendLine();
            sb.AppendLine($"{r.Id}: {(run.Falsify ? "the wrong input (" + r.Claim.FalsifyInput + ") did not make the check fail" : "FAILED")}");
            foreach (Condition c in r.Finding.Conditions) sb.AppendLine("  " + c);
            if (r.Detail.Length > 0) sb.AppendLine("  " + r.Detail.Replace("\n", "\n  "));
            sb.AppendLine($"  replay: {r.ReplayCommand}");
        }
        sb.AppendLine();
        int required = results.Count(r => r.AsRequired);
        sb.AppendLine(run.Falsify
            ? $"{required} of {results.Count} counterparts failed as required ({run.Scale.Name()} scale)"
            : $"{results.Count(r => r.Passed)} passed, {results.Count(r => !r.Passed)} failed ({run.Scale.Name()} scale)");
        return sb.ToString();
    }

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    private static string Number(double x) =>
        double.IsNaN(x) ? "–" : double.IsPositiveInfinity(x) ? "Infinity" : double.IsNegativeInfinity(x) ? "-Infinity" : x.ToString("G6", CultureInfo.InvariantCulture);
}
