using System.Text.Json.Nodes;
using Verify.Figures.FigureSet.Core;
using Verify.Properties.Catalogue;

namespace Verify.Figures.Report;

/// <summary>
/// The claims catalogue (Properties) as jobs of the report's pool: one job per claim, each running the claim's check at
/// the report's scale, from the report's seed when one was given (otherwise the claim's own default seed).
/// </summary>
public sealed class ClaimJobs
{
    private readonly ClaimResult?[] _results;

    public ClaimJobs(IReadOnlyList<Claim> claims, ClaimScale scale, long? seed)
    {
        ArgumentNullException.ThrowIfNull(claims);
        Claims = claims;
        _results = new ClaimResult?[claims.Count];
        Jobs = claims.Select((c, i) => new Job("claim " + c.Id, Cost(c), () => _results[i] = c.Check(scale, seed))).ToArray();
    }

    public IReadOnlyList<Claim> Claims { get; }

    public IReadOnlyList<Job> Jobs { get; }

    /// <summary>The results in catalogue order (after the jobs ran).</summary>
    public IReadOnlyList<ClaimResult> Results =>
        _results.Select((r, i) => r ?? throw new InvalidOperationException($"claim {Claims[i].Id} did not run")).ToArray();

    /// <summary>A rough relative cost (as <see cref="Job.Cost"/>): exact checks are quick, trained networks are not.</summary>
    private static double Cost(Claim c) => c.Kind switch
    {
        ClaimKind.Exact => 200,
        ClaimKind.Statistical => 1000,
        _ => 5000,
    };

    /// <summary>A claim result as the report's JSON: its <see cref="ClaimResult.Fields"/>, ±∞ as "Infinity"/"-Infinity".</summary>
    public static JsonObject ToJson(ClaimResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Object(r.Fields());
    }

    private static JsonObject Object(IEnumerable<(string Key, object? Value)> fields)
    {
        var o = new JsonObject();
        foreach (var (key, value) in fields) o[key] = Value(value);
        return o;
    }

    private static JsonNode? Value(object? v) => v switch
    {
        null => null,
        double d => double.IsNaN(d) ? null : FigureJson.Number(d),
        float f => double.IsNaN(f) ? null : FigureJson.Number(f),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        IEnumerable<IReadOnlyList<(string, object?)>> list => new JsonArray(list.Select(x => (JsonNode)Object(x)).ToArray()),
        _ => JsonValue.Create(v.ToString()),
    };
}
