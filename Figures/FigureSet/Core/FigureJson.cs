using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verify.Figures.FigureSet.Core;

/// <summary>
/// figure.json: the figure's id, title, caption, the claim ids it illustrates, the scale, seeds and settings of its
/// generation, the command that regenerates it and the one that redraws it from its CSV, its files, the key facts with
/// their verdicts, and the exact-vs-estimated rows. Numbers follow the CLI contract: ±∞ as the strings "Infinity" and
/// "-Infinity", never NaN.
/// </summary>
public static class FigureJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Everything known before the experiments run.</summary>
    public static JsonObject Header(Figure figure, FigureRun run)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var settings = new JsonObject();
        foreach (var (key, value) in figure.Settings(run)) settings[key] = Value(value);
        return new JsonObject
        {
            ["id"] = figure.Id,
            ["title"] = figure.Title,
            ["caption"] = figure.Caption,
            ["claims"] = new JsonArray(figure.Claims.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["scale"] = run.ScaleName,
            ["seed"] = run.Seed,
            ["seeds"] = new JsonArray(figure.Seeds(run).Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
            ["settings"] = settings,
            ["command"] = figure.Command(run),
            ["rerender_command"] = figure.RerenderCommand,
        };
    }

    /// <summary>Adds the files, facts, comparisons, verdict and time to a header.</summary>
    public static JsonObject Complete(JsonObject json, Figure figure, IReadOnlyList<Fact> facts, IReadOnlyList<Comparison> comparisons,
        int pngWidth, int pngHeight, double seconds)
    {
        json["files"] = new JsonObject
        {
            ["data"] = new JsonArray(figure.Schema.Select(s => (JsonNode)JsonValue.Create(s.Name + ".csv")!).ToArray()),
            ["png"] = FigureFolder.PngName,
            ["png_size"] = new JsonArray(pngWidth, pngHeight),
            ["svg"] = FigureFolder.SvgName,
            ["pdf"] = FigureFolder.PdfName,
        };
        json["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject
        {
            ["id"] = f.Id,
            ["statement"] = f.Statement,
            ["measured"] = Number(f.Measured),
            ["expected"] = f.Expected,
            ["verdict"] = f.Verdict,
            ["claim"] = f.Claim,
        }).ToArray());
        json["passed"] = facts.All(f => f.Holds);
        json["exact_vs_estimated"] = new JsonArray(comparisons.Select(c => (JsonNode)new JsonObject
        {
            ["setting"] = c.Setting,
            ["quantity"] = c.Quantity,
            ["method"] = c.Method,
            ["exact"] = Number(c.Exact),
            ["estimate"] = Number(c.Estimate),
            ["spread"] = Number(c.Spread),
            ["seeds"] = c.Seeds,
        }).ToArray());
        json["seconds"] = Math.Round(seconds, 3);
        return json;
    }

    /// <summary>A number under the CLI contract: ±∞ as strings; NaN is a defect.</summary>
    public static JsonNode Number(double v)
    {
        if (double.IsNaN(v)) throw new InvalidOperationException("a NaN reached figure.json");
        if (double.IsPositiveInfinity(v)) return JsonValue.Create("Infinity");
        if (double.IsNegativeInfinity(v)) return JsonValue.Create("-Infinity");
        return JsonValue.Create(v);
    }

    private static JsonNode? Value(object value) => value switch
    {
        double d => Number(d),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        IFormattable f => JsonValue.Create(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };
}
