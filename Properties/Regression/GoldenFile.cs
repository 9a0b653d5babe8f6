using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Verify.Networks.Training;

namespace Verify.Properties.Regression;

/// <summary>
/// A golden file of critic estimates (JSON): <c>{"format": "verify-regress/1", "entries": [{"id", "pair", "method", "steps",
/// "seed", "hidden", "layers", "batch", "lr", "lambda", "clip", "estimate", "exact", "tolerance": {"relative", "absolute"},
/// "reason"}, …]}</c>. Only id, pair, method, estimate, exact and tolerance are required. Reading is strict: a malformed
/// file, a missing or mistyped field, an unknown pair or method, a duplicate id or a non-finite number is an
/// <see cref="InvalidDataException"/> naming the file and the entry.
/// </summary>
public static class GoldenFile
{
    /// <summary>The format tag written and accepted.</summary>
    public const string Format = "verify-regress/1";

    /// <summary>The default tolerance's reason, for Verify-trained entries.</summary>
    public const string TrainedReason =
        "the same seed gives bit-identical numbers on one machine; another GEMM kernel sums in another order (measured after 300 " +
        "steps: at most 1.2e-10 relative between OpenBLAS and Verify's kernel), so 1e-6 relative";

    /// <summary>The default tolerance's reason, for the user's critic.</summary>
    public const string CriticReason =
        "a fixed critic evaluated on fixed points: float32 kernels of another machine or ONNX Runtime build may round differently, 1e-6 relative";

    /// <summary>Reads and checks a golden file. Missing: <see cref="FileNotFoundException"/>; malformed: <see cref="InvalidDataException"/>.</summary>
    public static IReadOnlyList<GoldenEntry> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such golden file (write one with --update)", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses golden-file text; <paramref name="source"/> names it in messages.</summary>
    public static IReadOnlyList<GoldenEntry> Parse(string text, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{source}: the golden file must be a JSON object with an \"entries\" array");
            if (root.TryGetProperty("format", out JsonElement f) && (f.ValueKind != JsonValueKind.String || f.GetString() != Format))
                throw new InvalidDataException($"{source}: \"format\" must be \"{Format}\", got {f.GetRawText()}");
            if (!root.TryGetProperty("entries", out JsonElement entries) || entries.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{source}: missing the \"entries\" array");
            var list = new List<GoldenEntry>();
            int index = 0;
            foreach (JsonElement e in entries.EnumerateArray())
            {
                index++;
                GoldenEntry entry = Entry(e, source, index);
                if (list.Any(x => x.Id == entry.Id)) throw new InvalidDataException($"{source}: entry {index}: the id '{entry.Id}' is used twice");
                list.Add(entry);
            }
            if (list.Count == 0) throw new InvalidDataException($"{source}: the \"entries\" array is empty");
            return list;
        }
    }

    private static GoldenEntry Entry(JsonElement e, string source, int index)
    {
        string where = $"{source}: entry {index}";
        if (e.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{where}: must be a JSON object");
        string id = String(e, "id", where) ?? throw Missing(where, "id");
        where += $" ('{id}')";
        string pair = String(e, "pair", where) ?? throw Missing(where, "pair");
        string method = String(e, "method", where) ?? throw Missing(where, "method");
        PinnedPair p;
        try { p = PinnedPair.Get(pair); }
        catch (ArgumentException x) { throw new InvalidDataException($"{where}: {x.Message.Split(" (Parameter")[0]}"); }
        if (method != GoldenEntry.UserCritic && !MethodOptions.Names.Contains(method))
            throw new InvalidDataException($"{where}: unknown method '{method}'; allowed: {string.Join(", ", MethodOptions.Names)}, {GoldenEntry.UserCritic}");
        if (method == "gan" && p.LawJS() is null)
            throw new InvalidDataException($"{where}: gan estimates JS, and the pair '{pair}' has no exact JS between its laws");
        if (!e.TryGetProperty("tolerance", out JsonElement tol) || tol.ValueKind != JsonValueKind.Object) throw Missing(where, "tolerance");
        var entry = new GoldenEntry
        {
            Id = id,
            Pair = pair,
            Method = method,
            Steps = Int(e, "steps", where, 0) ?? 300,
            Seed = Long(e, "seed", where) ?? 1,
            Hidden = Int(e, "hidden", where, 1) ?? 32,
            Layers = Int(e, "layers", where, 1) ?? 2,
            Batch = Int(e, "batch", where, 1),
            LearningRate = Positive(e, "lr", where),
            Lambda = Number(e, "lambda", where, nonNegative: true),
            Clip = Positive(e, "clip", where),
            Estimate = Number(e, "estimate", where) ?? throw Missing(where, "estimate"),
            Exact = Number(e, "exact", where) ?? throw Missing(where, "exact"),
            Relative = Number(tol, "relative", where + " tolerance", nonNegative: true) ?? throw Missing(where, "tolerance.relative"),
            Absolute = Number(tol, "absolute", where + " tolerance", nonNegative: true) ?? throw Missing(where, "tolerance.absolute"),
            Reason = String(e, "reason", where) ?? "",
        };
        if (!entry.IsUserCritic)
        {
            try { entry.Options(); }
            catch (ArgumentException x) { throw new InvalidDataException($"{where}: {x.Message}"); }
        }
        return entry;
    }

    /// <summary>The JSON text of a golden file holding <paramref name="entries"/>.</summary>
    public static string Write(IReadOnlyList<GoldenEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("note", "critic-estimate regression for `verify regress --golden FILE`; rewrite with --update");
            w.WriteStartArray("entries");
            foreach (GoldenEntry e in entries)
            {
                w.WriteStartObject();
                w.WriteString("id", e.Id);
                w.WriteString("pair", e.Pair);
                w.WriteString("method", e.Method);
                if (!e.IsUserCritic)
                {
                    w.WriteNumber("steps", e.Steps);
                    w.WriteNumber("seed", e.Seed);
                    w.WriteNumber("hidden", e.Hidden);
                    w.WriteNumber("layers", e.Layers);
                    if (e.Batch is { } b) w.WriteNumber("batch", b);
                    if (e.LearningRate is { } lr) w.WriteNumber("lr", lr);
                    if (e.Lambda is { } l) w.WriteNumber("lambda", l);
                    if (e.Clip is { } c) w.WriteNumber("clip", c);
                }
                w.WriteNumber("estimate", e.Estimate);
                w.WriteNumber("exact", e.Exact);
                w.WriteStartObject("tolerance");
                w.WriteNumber("relative", e.Relative);
                w.WriteNumber("absolute", e.Absolute);
                w.WriteEndObject();
                if (e.Reason.Length > 0) w.WriteString("reason", e.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    /// <summary>
    /// Verify's own pinned suite (values still to be measured: run them and store <see cref="RegressMeasurement.Updated"/>): one critic per
    /// method on the Gaussian pairs and WGAN-LP on the parallel lines, 300 steps of a d-32-32-1 critic in double precision.
    /// </summary>
    public static IReadOnlyList<GoldenEntry> DefaultSuite() =>
    [
        Trained("wgan-gp/gauss-0-2", "gauss-0-2", "wgan-gp", batch: 128, lr: 1e-3),
        Trained("wgan-lp/gauss-0-2", "gauss-0-2", "wgan-lp", batch: 128, lr: 1e-3),
        Trained("wgan-lp/lines-2", "lines-2", "wgan-lp", batch: 128, lr: 1e-3),
        Trained("wgan-clip/gauss-0-2", "gauss-0-2", "wgan-clip", batch: 64, lr: 5e-3),
        Trained("wgan-sn/gauss-0-2", "gauss-0-2", "wgan-sn", batch: 128, lr: 1e-3),
        Trained("wgan-ct/gauss-0-0.5", "gauss-0-0.5", "wgan-ct", batch: 128, lr: 1e-3),
        Trained("gan/gauss-0-0.5", "gauss-0-0.5", "gan", batch: 128, lr: 1e-3),
    ];

    /// <summary>Entries for the user's critic: one per pinned pair of its input dimension.</summary>
    public static IReadOnlyList<GoldenEntry> CriticSuite(int dimension) =>
        PinnedPair.All.Where(p => p.Dimension == dimension).Select(p => new GoldenEntry
        {
            Id = "critic/" + p.Id, Pair = p.Id, Method = GoldenEntry.UserCritic, Reason = CriticReason,
        }).ToList();

    private static GoldenEntry Trained(string id, string pair, string method, int batch, double lr) => new()
    {
        Id = id, Pair = pair, Method = method, Batch = batch, LearningRate = lr, Reason = TrainedReason,
    };

    private static InvalidDataException Missing(string where, string field) => new($"{where}: missing \"{field}\"");

    private static string? String(JsonElement e, string name, string where)
    {
        if (!e.TryGetProperty(name, out JsonElement v)) return null;
        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
            throw new InvalidDataException($"{where}: \"{name}\" must be a non-empty string, got {v.GetRawText()}");
        return v.GetString();
    }

    private static double? Number(JsonElement e, string name, string where, bool nonNegative = false)
    {
        if (!e.TryGetProperty(name, out JsonElement v)) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double x) || !double.IsFinite(x))
            throw new InvalidDataException($"{where}: \"{name}\" must be a finite number, got {v.GetRawText()}");
        if (nonNegative && x < 0) throw new InvalidDataException($"{where}: \"{name}\" must be non-negative, got {x.ToString("R", CultureInfo.InvariantCulture)}");
        return x;
    }

    private static double? Positive(JsonElement e, string name, string where)
    {
        double? x = Number(e, name, where);
        if (x is <= 0) throw new InvalidDataException($"{where}: \"{name}\" must be positive, got {x.Value.ToString("R", CultureInfo.InvariantCulture)}");
        return x;
    }

    private static int? Int(JsonElement e, string name, string where, int min)
    {
        if (!e.TryGetProperty(name, out JsonElement v)) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int x) || x < min)
            throw new InvalidDataException($"{where}: \"{name}\" must be an integer ≥ {min}, got {v.GetRawText()}");
        return x;
    }

    private static long? Long(JsonElement e, string name, string where)
    {
        if (!e.TryGetProperty(name, out JsonElement v)) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long x))
            throw new InvalidDataException($"{where}: \"{name}\" must be an integer, got {v.GetRawText()}");
        return x;
    }
}
