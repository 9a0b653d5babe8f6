namespace Verify.Properties.Catalogue;

/// <summary>What to run: the claims whose id contains <see cref="Filter"/> (all when null), at a scale, from a seed
/// (each claim's own default seed when null), the checks or their falsifications.</summary>
public sealed record ClaimRun(string? Filter = null, ClaimScale Scale = ClaimScale.Quick, long? Seed = null, bool Falsify = false);

/// <summary>
/// The catalogue of the theory's claims — the front door. <see cref="All"/> lists every claim in a stable order;
/// <see cref="Run"/> runs a filtered part at a scale and a seed (what <c>verify claims</c> and <c>verify report</c> call).
/// </summary>
public static class Claims
{
    private static readonly Lazy<IReadOnlyList<Claim>> all = new(() => ClaimList.Build());

    /// <summary>Every claim, in catalogue order.</summary>
    public static IReadOnlyList<Claim> All => all.Value;

    /// <summary>The claim with this id; an unknown id throws <see cref="ArgumentException"/> listing the known ones.</summary>
    public static Claim Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return All.FirstOrDefault(c => c.Id == id)
            ?? throw new ArgumentException($"unknown claim '{id}'; known: {string.Join(", ", All.Select(c => c.Id))}", nameof(id));
    }

    /// <summary>
    /// The claims whose id contains <paramref name="filter"/> (ordinal, case-insensitive); all when it is null or empty.
    /// A filter that matches nothing throws <see cref="ArgumentException"/> listing the ids.
    /// </summary>
    public static IReadOnlyList<Claim> Select(string? filter)
    {
        if (string.IsNullOrEmpty(filter)) return All;
        var chosen = All.Where(c => c.Id.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
        if (chosen.Count == 0)
            throw new ArgumentException($"--filter '{filter}' matches no claim; ids: {string.Join(", ", All.Select(c => c.Id))}", nameof(filter));
        return chosen;
    }

    /// <summary>
    /// Runs the chosen claims one after another and returns their results in catalogue order; <paramref name="onStart"/>
    /// sees each claim before it runs and <paramref name="onResult"/> each result as it is made (for progress).
    /// </summary>
    public static IReadOnlyList<ClaimResult> Run(ClaimRun run, Action<Claim>? onStart = null, Action<ClaimResult>? onResult = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!Enum.IsDefined(run.Scale)) throw new ArgumentException($"unknown scale {(int)run.Scale}", nameof(run));
        var results = new List<ClaimResult>();
        foreach (Claim claim in Select(run.Filter))
        {
            onStart?.Invoke(claim);
            ClaimResult r = run.Falsify ? claim.Falsify(run.Scale, run.Seed) : claim.Check(run.Scale, run.Seed);
            results.Add(r);
            onResult?.Invoke(r);
        }
        return results;
    }

    /// <summary>True when every result is as required: each check passed, or (with --falsify) each counterpart failed.</summary>
    public static bool AllAsRequired(IEnumerable<ClaimResult> results) => results.All(r => r.AsRequired);
}
