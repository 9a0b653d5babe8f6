namespace Verify.Properties.Catalogue;

/// <summary>
/// How much work a claim's check does: <see cref="Quick"/> is what the test suite runs (the whole catalogue well under a
/// minute on 2 cores); <see cref="Full"/> uses more cases, larger samples and longer training.
/// </summary>
public enum ClaimScale
{
    /// <summary>Few cases, small samples, short training: the test suite's scale.</summary>
    Quick,

    /// <summary>More cases, larger samples, longer training.</summary>
    Full,
}

/// <summary>Parsing and choosing by <see cref="ClaimScale"/>.</summary>
public static class ClaimScales
{
    /// <summary>"quick" or "full".</summary>
    public static string Name(this ClaimScale scale) => scale == ClaimScale.Full ? "full" : "quick";

    /// <summary>The scale named <paramref name="text"/> ("quick" or "full"); anything else throws <see cref="ArgumentException"/>.</summary>
    public static ClaimScale Parse(string text) => text switch
    {
        "quick" => ClaimScale.Quick,
        "full" => ClaimScale.Full,
        _ => throw new ArgumentException($"scale must be quick or full, got '{text}'", nameof(text)),
    };

    /// <summary><paramref name="quick"/> at quick scale, <paramref name="full"/> at full scale.</summary>
    public static T Pick<T>(this ClaimScale scale, T quick, T full) => scale == ClaimScale.Full ? full : quick;
}
