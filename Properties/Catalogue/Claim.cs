using System.Diagnostics;

namespace Verify.Properties.Catalogue;

/// <summary>
/// One claim of the theory as an executable check: a stable id, a one-sentence statement, its source, its kind, the
/// check (run at a <see cref="ClaimScale"/> from a seed), the reason for its tolerance, and a <see cref="Falsify"/>
/// counterpart — the same check on a deliberately wrong input, which must fail (this is how each check is shown able
/// to fail).
/// </summary>
public sealed class Claim
{
    private readonly Func<ClaimScale, long, Finding> check;
    private readonly Func<ClaimScale, long, Finding> falsify;

    /// <summary>A claim. <paramref name="check"/> and <paramref name="falsify"/> run the same check on the right and on the wrong input.</summary>
    public Claim(string id, string statement, string source, ClaimKind kind, string toleranceReason,
        Func<ClaimScale, long, Finding> check, string falsifyInput, Func<ClaimScale, long, Finding> falsify,
        long defaultSeed = 1, StatisticalBound? bound = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(toleranceReason);
        ArgumentException.ThrowIfNullOrWhiteSpace(falsifyInput);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(falsify);
        if (kind == ClaimKind.Statistical && bound is null) throw new ArgumentException($"statistical claim {id} must state its (ε, δ)", nameof(bound));
        Id = id;
        Statement = statement;
        Source = source;
        Kind = kind;
        ToleranceReason = toleranceReason;
        FalsifyInput = falsifyInput;
        DefaultSeed = defaultSeed;
        Bound = bound;
        this.check = check;
        this.falsify = falsify;
    }

    /// <summary>Stable id, e.g. "w1.metric".</summary>
    public string Id { get; }

    /// <summary>The claim in one sentence.</summary>
    public string Statement { get; }

    /// <summary>Paper and section, equation or slide.</summary>
    public string Source { get; }

    /// <summary>Exact, statistical or trained-network.</summary>
    public ClaimKind Kind { get; }

    /// <summary>Why the tolerances are what they are.</summary>
    public string ToleranceReason { get; }

    /// <summary>The deliberately wrong input of the falsification, in words.</summary>
    public string FalsifyInput { get; }

    /// <summary>The seed used when none is given.</summary>
    public long DefaultSeed { get; }

    /// <summary>(ε, δ) of a statistical claim; null otherwise.</summary>
    public StatisticalBound? Bound { get; }

    /// <summary>Runs the check (the right input) and times it; an exception becomes a failed result naming it.</summary>
    public ClaimResult Check(ClaimScale scale = ClaimScale.Quick, long? seed = null) => Run(scale, seed ?? DefaultSeed, falsified: false);

    /// <summary>Runs the same check on the deliberately wrong input; the result must be a fail.</summary>
    public ClaimResult Falsify(ClaimScale scale = ClaimScale.Quick, long? seed = null) => Run(scale, seed ?? DefaultSeed, falsified: true);

    private ClaimResult Run(ClaimScale scale, long seed, bool falsified)
    {
        var clock = Stopwatch.StartNew();
        Finding outcome;
        try
        {
            outcome = (falsified ? falsify : check)(scale, seed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            outcome = Finding.Failed($"{e.GetType().Name}: {e.Message}");
        }
        return new ClaimResult(this, outcome, scale, seed, falsified, clock.Elapsed.TotalSeconds);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id}: {Statement}";
}
