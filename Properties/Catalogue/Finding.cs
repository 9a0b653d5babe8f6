namespace Verify.Properties.Catalogue;

/// <summary>
/// What one run of a check found: its conditions (for a property over many cases, each condition's worst case), the
/// number of cases, and a detail text — the counter-example and how to replay it when a condition failed, the error when
/// the check could not run. A check that threw is never a pass, and never counts as a successful falsification.
/// </summary>
public sealed record Finding
{
    /// <summary>An outcome from the conditions found.</summary>
    public Finding(IReadOnlyList<Condition> conditions, int cases = 1, string detail = "", string? error = null)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Count == 0 && error is null) throw new ArgumentException("an outcome needs at least one condition or an error", nameof(conditions));
        Conditions = conditions;
        Cases = cases;
        Detail = detail;
        Error = error;
    }

    /// <summary>An outcome for a check that could not run.</summary>
    public static Finding Failed(string error) => new([], 0, "", error);

    /// <summary>The conditions, in the claim's order.</summary>
    public IReadOnlyList<Condition> Conditions { get; }

    /// <summary>Cases examined (1 for a single computation).</summary>
    public int Cases { get; }

    /// <summary>Counter-example and replay instructions when a condition failed; "" otherwise.</summary>
    public string Detail { get; }

    /// <summary>The error that stopped the check, or null.</summary>
    public string? Error { get; }

    /// <summary>The half-width ε of a statistical check computed from the run (null when stated in advance or not statistical).</summary>
    public double? Epsilon { get; init; }

    /// <summary>True when every condition holds and nothing went wrong.</summary>
    public bool Passed => Error is null && Conditions.All(c => c.Passed);

    /// <summary>True when the check ran and some condition failed (what a falsification needs).</summary>
    public bool FailedACondition => Error is null && Conditions.Any(c => !c.Passed);

    /// <summary>The condition to report: the first failing one, otherwise the one that uses most of its tolerance.</summary>
    public Condition? Binding =>
        Conditions.FirstOrDefault(c => !c.Passed) ?? Conditions.Aggregate((Condition?)null, (w, c) => w is null ? c : Condition.Worse(w, c));
}
