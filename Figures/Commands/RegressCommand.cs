using System.CommandLine;
using System.Globalization;
using System.Text;
using Verify.Figures.Io;
using Verify.Networks.Critics;
using Verify.Networks.Layers;
using Verify.Properties.Regression;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify regress --golden FILE.json [--update]</c>: runs a golden file's pinned critic-estimate experiments again and
/// compares each estimate (and exact value) with the stored one within the stored tolerance; exit 1 on a regression, 2 on
/// a malformed or missing golden file (naming the entry). <c>--update</c> rewrites the file atomically with the values now
/// (creating it when missing: Verify's own suite, or with <c>--critic</c> one entry per pinned pair of the critic's dimension).
/// <c>verify regress --critic FILE.onnx|FILE.safetensors [--sizes … --activation …]</c> audits a user's critic on the pinned
/// pairs: its estimate, the exact W1 and its Lipschitz constant. Both together regress the user's critic against a golden file.
/// </summary>
public static class RegressCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var golden = new Option<string?>("--golden") { Description = "golden file (JSON) of pinned critic-estimate experiments to run and compare" };
        var update = new Option<bool>("--update") { Description = "rewrite the golden file (atomically) with the values measured now; creates it when missing" };
        var critic = new Option<string?>("--critic")
        {
            Description = "a critic to audit on the pinned pairs (or to regress with --golden): FILE.onnx (any architecture, ONNX Runtime) " +
                          "or FILE.safetensors (an MLP: PyTorch nn.Sequential state dict or verify train's checkpoint)",
        };
        var sizes = new Option<string?>("--sizes") { Description = "widths of a safetensors MLP critic, input first, e.g. 2,64,64,1 (default: read from the weights)" };
        Option<string?> activation = Cli.Choice("--activation",
            "hidden activation of a safetensors MLP: relu, leaky-relu, tanh or sigmoid (default: the file's metadata, else relu)",
            [.. CriticArchitecture.ActivationNames])!;
        var slope = new Option<double?>("--negative-slope") { Description = "LeakyReLU slope of a leaky-relu safetensors critic (PyTorch's default is 0.01)" };
        var seed = Cli.SeedOption("seed of the audit's random interpolates (reported)");
        var json = new Option<bool>("--json") { Description = "print one JSON object (no progress)" };
        var cmd = new Command("regress",
            "Regression of critic estimates against a golden file (--golden FILE [--update]; exit 1 on a regression, 2 on a bad file), " +
            "and the audit of your own critic on the pinned pairs (--critic FILE.onnx|FILE.safetensors): estimate, exact W1, Lipschitz constant.")
        {
            golden, update, critic, sizes, activation, slope, seed, json,
        };
        cmd.SetAction(parse =>
        {
            string? goldenPath = parse.GetValue(golden), criticPath = parse.GetValue(critic);
            bool asJson = parse.GetValue(json), rewrite = parse.GetValue(update);
            if (goldenPath is null && criticPath is null) throw new UsageException("give --golden FILE.json, --critic FILE, or both");
            if (rewrite && goldenPath is null) throw new UsageException("--update rewrites a golden file: give --golden FILE.json");
            using UserCritic? user = criticPath is null ? null : OpenCritic(criticPath, parse.GetValue(sizes), parse.GetValue(activation), parse.GetValue(slope));
            if (goldenPath is null)
            {
                var audits = Progress.Run("regress (audit)", PairsOf(user!), stderr, asJson, tick => Regress.Audit(user!, parse.GetValue(seed), tick));
                stdout.Write(asJson ? AuditJson(user!, audits, parse.GetValue(seed)) : AuditTable(user!, audits, parse.GetValue(seed)));
                return Cli.Ok;
            }
            IReadOnlyList<GoldenEntry> entries = Entries(goldenPath, rewrite, user);
            var results = Progress.Run("regress", entries.Count, stderr, asJson, tick => Regress.Run(entries, user, tick));
            if (rewrite) Rewrite(goldenPath, results);
            stdout.Write(asJson ? Json(goldenPath, results, rewrite) : Table(goldenPath, results, rewrite));
            return rewrite || results.All(r => r.Passed) ? Cli.Ok : Cli.CheckFailed;
        });
        return cmd;
    }

    private static int PairsOf(UserCritic critic) => PinnedPair.All.Count(p => p.Dimension == critic.Dimension);

    private static UserCritic OpenCritic(string path, string? sizesText, string? activationName, double? slope)
    {
        int[]? sizes = sizesText is null ? null : CriticTrainShared.ParseSizes(sizesText);
        Activation? act = activationName is null ? null : CriticTrainShared.ParseActivation(activationName);
        if (slope is { } s && !(s >= 0 && s <= 1)) throw new UsageException($"--negative-slope: must lie in [0, 1], got {s.ToString("R", CultureInfo.InvariantCulture)}");
        return UserCritic.Open(path, sizes, act, slope);
    }

    /// <summary>The golden file's entries; when it is missing and --update is given, the suite to create.</summary>
    private static IReadOnlyList<GoldenEntry> Entries(string path, bool rewrite, UserCritic? critic)
    {
        RegularTarget(path);
        if (File.Exists(path)) return GoldenFile.Read(path);
        if (Directory.Exists(path)) throw new UsageException($"{path}: is a directory, not a golden file");
        if (!rewrite) throw new UsageException($"{path}: no such golden file (write one with --update)");
        return critic is null ? GoldenFile.DefaultSuite() : GoldenFile.CriticSuite(critic.Dimension);
    }

    /// <summary>
    /// Writes the measured values atomically (a temporary file renamed over the target; through a symlink, its final
    /// target). A device or anything under /dev or /proc is refused rather than replaced.
    /// </summary>
    private static void Rewrite(string path, IReadOnlyList<RegressMeasurement> results)
    {
        string text = GoldenFile.Write(results.Select(r => r.Updated).ToList());
        AtomicFile.Write(RegularTarget(path), w => w.Write(text));
    }

    /// <summary>The file a golden path names (a symlink's final target); a device or anything under /dev or /proc is refused.</summary>
    private static string RegularTarget(string path)
    {
        var info = new FileInfo(path);
        string target = info.Exists && info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)!.FullName : Path.GetFullPath(path);
        if (target.StartsWith("/dev/", StringComparison.Ordinal) || target.StartsWith("/proc/", StringComparison.Ordinal))
            throw new UsageException($"{path}: not a regular file; a golden file is read and rewritten in place");
        return target;
    }

    /// <summary>The diff table of a golden run.</summary>
    public static string Table(string path, IReadOnlyList<RegressMeasurement> results, bool updated)
    {
        string[] header = ["id", "pair", "method", "stored estimate", "estimate now", "difference", "allowed", "exact difference", "verdict"];
        var rows = results.Select(r => new[]
        {
            r.Entry.Id, r.Entry.Pair, r.Entry.Method, N(r.Entry.Estimate), N(r.Estimate), N(r.EstimateDifference), N(r.EstimateAllowed),
            N(r.ExactDifference), updated ? "updated" : r.Passed ? "ok" : "REGRESSED",
        }).ToList();
        var sb = new StringBuilder();
        sb.AppendLine($"golden file {path}: {results.Count} entries{(updated ? ", rewritten with the values now" : "")}");
        Grid(sb, header, rows, leftColumns: 3);
        sb.AppendLine();
        int failed = results.Count(r => !r.Passed);
        sb.AppendLine(updated ? $"{results.Count} entries written" : $"{results.Count - failed} ok, {failed} regressed");
        return sb.ToString();
    }

    /// <summary>The audit table of a user's critic.</summary>
    public static string AuditTable(UserCritic critic, IReadOnlyList<PairAudit> audits, long seed)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"critic {critic.Source}: {critic.Kind}, {critic.Dimension} inputs; audit seed {seed}");
        string[] header = ["pair", "laws", "estimate", "exact W1", "estimate/W1", "Lipschitz ≥", "Lipschitz ≤"];
        var rows = audits.Select(a => new[]
        {
            a.Pair.Id, a.Pair.Describe(), N(a.Estimate), N(a.Exact), N(a.Estimate / a.Exact), N(a.Audit.Lipschitz),
            a.Audit.UpperBound is { } u ? N(u) : "–",
        }).ToList();
        Grid(sb, header, rows, leftColumns: 2);
        sb.AppendLine();
        sb.AppendLine("estimate = E_P f − E_Q f over all rows; exact W1 between all rows (exact transport); a 1-Lipschitz critic gives estimate ≤ W1.");
        sb.AppendLine(critic.Kind.StartsWith("onnx", StringComparison.Ordinal)
            ? "Lipschitz ≥: the largest of the finite-difference slope along the gradient and the pairwise ratios on data and interpolates (values only)."
            : "Lipschitz ≥: the largest gradient norm and pairwise ratio; ≤: the product of the layers' spectral norms.");
        return sb.ToString();
    }

    private static string Json(string path, IReadOnlyList<RegressMeasurement> results, bool updated)
    {
        using var j = new JsonOut();
        j.Begin().String("golden", path).Bool("updated", updated).BeginArray("entries");
        foreach (RegressMeasurement r in results)
            j.Begin().String("id", r.Entry.Id).String("pair", r.Entry.Pair).String("method", r.Entry.Method)
                .Number("estimate", r.Estimate).Number("stored_estimate", r.Entry.Estimate).Number("estimate_difference", r.EstimateDifference)
                .Number("estimate_allowed", r.EstimateAllowed).Number("exact", r.Exact).Number("stored_exact", r.Entry.Exact)
                .Number("exact_difference", r.ExactDifference).Number("exact_allowed", r.ExactAllowed)
                .String("verdict", updated ? "updated" : r.Passed ? "ok" : "regressed").End();
        j.EndArray().Number("passed", (long)results.Count(r => r.Passed)).Number("failed", (long)results.Count(r => !r.Passed)).End();
        return j + Environment.NewLine;
    }

    private static string AuditJson(UserCritic critic, IReadOnlyList<PairAudit> audits, long seed)
    {
        using var j = new JsonOut();
        j.Begin().String("critic", critic.Source).String("kind", critic.Kind).Number("dimension", (long)critic.Dimension).Number("seed", seed).BeginArray("pairs");
        foreach (PairAudit a in audits)
        {
            j.Begin().String("pair", a.Pair.Id).String("laws", a.Pair.Describe()).Number("estimate", a.Estimate).Number("exact", a.Exact)
                .Number("lipschitz", a.Audit.Lipschitz);
            if (a.Audit.UpperBound is { } u) j.Number("lipschitz_upper_bound", u);
            foreach (var (name, value) in a.Audit.Parts) j.Number("lipschitz_" + name, value);
            j.End();
        }
        j.EndArray().End();
        return j + Environment.NewLine;
    }

    private static void Grid(StringBuilder sb, string[] header, List<string[]> rows, int leftColumns)
    {
        int[] width = header.Select((h, k) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[k].Length))).ToArray();
        void Line(string[] cells) =>
            sb.AppendLine(string.Join("  ", cells.Select((s, k) => k < leftColumns || k == cells.Length - 1 ? s.PadRight(width[k]) : s.PadLeft(width[k]))).TrimEnd());
        Line(header);
        Line(width.Select(w => new string('-', w)).ToArray());
        rows.ForEach(Line);
    }

    private static string N(double x) =>
        double.IsNaN(x) ? "–" : double.IsInfinity(x) ? (x > 0 ? "Infinity" : "-Infinity") : x.ToString("G8", CultureInfo.InvariantCulture);
}
