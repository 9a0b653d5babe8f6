using System.Text.Json.Nodes;

namespace Verify.Figures.FigureSet.Core;

/// <summary>
/// A figure made (or re-rendered) into its folder: the facts checked on its data, the exact-vs-estimated rows, and the
/// figure.json written there. <see cref="Error"/> is set instead when its experiments could not run (the folder then holds
/// no figure); such a figure fails.
/// </summary>
public sealed record FigureResult(Figure Figure, string Directory, IReadOnlyList<Fact> Facts, IReadOnlyList<Comparison> Comparisons,
    JsonObject Json, double Seconds, string? Error = null)
{
    public bool Passed => Error is null && Facts.All(f => f.Holds);

    /// <summary>Asserted facts that hold (observations are not counted).</summary>
    public int FactsPassed => Facts.Count(f => f.Asserted && f.Holds);

    /// <summary>Asserted facts that fail.</summary>
    public int FactsFailed => Facts.Count(f => f.Asserted && !f.Holds);

    /// <summary>Asserted facts.</summary>
    public int FactsAsserted => Facts.Count(f => f.Asserted);

    public string PngPath => Path.Combine(Directory, FigureFolder.PngName);

    /// <summary>A figure whose experiments failed with <paramref name="error"/>.</summary>
    public static FigureResult Failed(Figure figure, string directory, FigureRun run, string error, double seconds)
    {
        var json = FigureJson.Header(figure, run);
        json["error"] = error;
        json["passed"] = false;
        return new FigureResult(figure, directory, [], [], json, seconds, error);
    }
}
