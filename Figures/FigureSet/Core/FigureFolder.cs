using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verify.Figures.Io;
using Verify.Figures.Plotting;

namespace Verify.Figures.FigureSet.Core;

/// <summary>
/// A figure's folder: its tidy CSV tables, figure.png (≥ 1200 px wide), figure.svg, figure.pdf and figure.json. Every file
/// is written atomically. <see cref="Rerender"/> redraws a folder from its CSV alone.
/// </summary>
public static class FigureFolder
{
    public const string PngName = "figure.png";
    public const string SvgName = "figure.svg";
    public const string PdfName = "figure.pdf";
    public const string JsonName = "figure.json";

    /// <summary>Writes the tables, renders the figure, checks the facts and writes figure.json (completing <paramref name="header"/>).</summary>
    public static FigureResult Write(Figure figure, string directory, TableSet tables, JsonObject header, double seconds)
    {
        ArgumentNullException.ThrowIfNull(figure);
        Directory.CreateDirectory(directory);
        foreach (TidyTable t in tables.All) t.Write(directory);
        var clock = Stopwatch.StartNew();
        FigureLayout layout = figure.Render(tables);
        byte[] png = FigureRenderer.Png(layout);
        AtomicFile.WriteBytes(Path.Combine(directory, PngName), png);
        AtomicFile.WriteBytes(Path.Combine(directory, SvgName), FigureRenderer.Svg(layout));
        AtomicFile.WriteBytes(Path.Combine(directory, PdfName), FigureRenderer.Pdf(layout));
        IReadOnlyList<Fact> facts = figure.Facts(tables);
        IReadOnlyList<Comparison> comparisons = figure.Comparisons(tables);
        double total = seconds + clock.Elapsed.TotalSeconds;
        int w = (int)Math.Round(layout.Width * Style.PngScale), h = (int)Math.Round(layout.Height * Style.PngScale);
        JsonObject json = FigureJson.Complete(header, figure, facts, comparisons, w, h, total);
        AtomicFile.Write(Path.Combine(directory, JsonName), wr => wr.Write(json.ToJsonString(FigureJson.Indented) + "\n"));
        return new FigureResult(figure, directory, facts, comparisons, json, total);
    }

    /// <summary>
    /// Redraws a figure from the CSV in <paramref name="from"/> into <paramref name="to"/> (the same folder when equal): no
    /// experiment runs. The generation's record (scale, seeds, settings, command) is kept from the folder's figure.json when
    /// there is one; the facts are checked again on the CSV.
    /// </summary>
    public static FigureResult Rerender(Figure figure, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (!Directory.Exists(from)) throw new UsageException($"--from: folder '{from}' not found");
        var clock = Stopwatch.StartNew();
        TableSet tables = figure.ReadTables(from);
        JsonObject header = ReadHeader(figure, from);
        header["rerendered_from"] = Path.GetFullPath(from);
        return Write(figure, to, tables, header, clock.Elapsed.TotalSeconds);
    }

    private static JsonObject ReadHeader(Figure figure, string from)
    {
        string path = Path.Combine(from, JsonName);
        var fresh = new JsonObject
        {
            ["id"] = figure.Id,
            ["title"] = figure.Title,
            ["caption"] = figure.Caption,
            ["claims"] = new JsonArray(figure.Claims.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["generation"] = "unknown: re-rendered from CSV without a figure.json",
            ["rerender_command"] = figure.RerenderCommand,
        };
        if (!File.Exists(path)) return fresh;
        JsonObject old;
        try
        {
            old = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new JsonException("not an object");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new UsageException($"{path}: not a figure.json ({Cli.Describe(e)})");
        }
        if (old["id"]?.GetValue<string>() != figure.Id)
            throw new UsageException($"{path}: holds figure '{old["id"]}', not {figure.Id}");
        foreach (string key in new[] { "scale", "seed", "seeds", "settings", "command" })
            if (old[key] is { } v) fresh[key] = v.DeepClone();
        fresh.Remove("generation");
        return fresh;
    }
}
