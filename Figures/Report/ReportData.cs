using System.Text.Json.Nodes;
using Verify.Figures.FigureSet.Core;
using Verify.Properties.Catalogue;

namespace Verify.Figures.Report;

/// <summary>Everything one <c>verify report</c> produced: the figures (made into OUT/figures/ID), the claims' results, and how.</summary>
/// <param name="Run">Scale and seed of the figures.</param>
/// <param name="ClaimSeed">The seed the claims ran from (null: each claim's own default).</param>
/// <param name="Figures">The figures, in set order.</param>
/// <param name="Claims">The claims' results, in catalogue order.</param>
/// <param name="Seconds">Wall time of the whole report.</param>
/// <param name="Command">The command that regenerates this report.</param>
public sealed record ReportData(FigureRun Run, long? ClaimSeed, IReadOnlyList<FigureResult> Figures, IReadOnlyList<ClaimResult> Claims,
    double Seconds, string Command)
{
    public const string FiguresFolder = "figures";

    public int FiguresPassed => Figures.Count(f => f.Passed);

    public int ClaimsPassed => Claims.Count(c => c.Passed);

    /// <summary>True when every claim passed and every figure's asserted facts hold.</summary>
    public bool Passed => Figures.All(f => f.Passed) && Claims.All(c => c.Passed);

    /// <summary>report.json: the figures' figure.json and the claims' JSON under the keys <c>figures</c> and <c>claims</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["figures"] = new JsonArray(Figures.Select(f => (JsonNode)f.Json.DeepClone()).ToArray()),
        ["claims"] = new JsonArray(Claims.Select(c => (JsonNode)ClaimJobs.ToJson(c)).ToArray()),
        ["passed"] = Passed,
        ["figures_passed"] = FiguresPassed,
        ["figures_failed"] = Figures.Count - FiguresPassed,
        ["claims_passed"] = ClaimsPassed,
        ["claims_failed"] = Claims.Count - ClaimsPassed,
        ["scale"] = Run.ScaleName,
        ["seed"] = Run.Seed,
        ["claims_seed"] = ClaimSeed is { } s ? JsonValue.Create(s) : "each claim's default",
        ["seconds"] = Math.Round(Seconds, 1),
        ["command"] = Command,
    };
}
