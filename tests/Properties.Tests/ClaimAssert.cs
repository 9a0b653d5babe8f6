using Verify.Properties.Catalogue;
using Xunit.Sdk;

namespace Verify.Properties.Tests;

/// <summary>Asserts on whole claims at quick scale with their fixed default seeds; a failure prints the claim's detail.</summary>
internal static class ClaimAssert
{
    /// <summary>The claim's check passes; otherwise fails with every condition, the counter-example and the replay command.</summary>
    public static ClaimResult Holds(Claim claim, long? seed = null)
    {
        ClaimResult r = claim.Check(ClaimScale.Quick, seed);
        if (!r.Passed) throw new XunitException($"{claim.Id} failed at quick scale:\n{Report(r)}");
        return r;
    }

    /// <summary>
    /// The falsification ran and some condition failed (an error does not count); when <paramref name="condition"/> is given,
    /// a failing condition's name must contain it.
    /// </summary>
    public static ClaimResult FalsifyFails(Claim claim, string? condition = null, long? seed = null)
    {
        ClaimResult r = claim.Falsify(ClaimScale.Quick, seed);
        if (!r.Finding.FailedACondition)
            throw new XunitException($"{claim.Id}: the falsification ({claim.FalsifyInput}) did not fail a condition:\n{Report(r)}");
        if (condition is not null && !r.Finding.Conditions.Any(c => !c.Passed && c.Name.Contains(condition, StringComparison.Ordinal)))
            throw new XunitException($"{claim.Id}: the falsification failed, but no failing condition mentions '{condition}':\n{Report(r)}");
        return r;
    }

    private static string Report(ClaimResult r) =>
        string.Join("\n", r.Finding.Conditions.Select(c => "  " + c)) + (r.Detail.Length > 0 ? "\n" + r.Detail : "") +
        $"\n  replay: {r.ReplayCommand}";
}
