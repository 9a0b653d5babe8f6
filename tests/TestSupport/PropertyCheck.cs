using System.Runtime.CompilerServices;
using FsCheck;
using Microsoft.FSharp.Core;
using Xunit.Sdk;

namespace Verify.TestSupport;

/// <summary>
/// The suite's small FsCheck → xunit runner (FsCheck.Xunit is not served here).
/// Each property runs from a known seed: by default a fixed one derived from the calling test's name,
/// so CI is deterministic. A failure fails the xunit test with FsCheck's counter-example and the seed.
/// Replay a failure by setting <c>VERIFY_REPLAY="seed,gamma"</c> (printed in the failure message) and
/// re-running that test; set <c>VERIFY_REPLAY=random</c> to explore fresh seeds.
/// </summary>
public static class PropertyCheck
{
    /// <summary>Environment variable that overrides the seed: "seed,gamma" or "random".</summary>
    public const string ReplayVariable = "VERIFY_REPLAY";

    /// <summary>Checks <paramref name="property"/> on <paramref name="maxTest"/> generated cases.</summary>
    public static void Run(Property property, int maxTest = 100, string? replay = null, [CallerMemberName] string caller = "")
    {
        (ulong seed, ulong gamma) = ChooseSeed(replay ?? Environment.GetEnvironmentVariable(ReplayVariable), caller);
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, gamma), FSharpOption<int>.None)));
        try
        {
            Check.One(config, property);
        }
        catch (Exception e)
        {
            throw new XunitException(
                $"Property '{caller}' failed from seed ({seed},{gamma}).\n{e.Message}\n" +
                $"Replay with: {ReplayVariable}=\"{seed},{gamma}\" dotnet test --filter \"FullyQualifiedName~{caller}\"");
        }
    }

    /// <summary>Parses a replay string "seed,gamma"; the gamma of a SplitMix stream must be odd.</summary>
    public static (ulong Seed, ulong Gamma) ParseReplay(string text)
    {
        string[] parts = text.Trim().Trim('(', ')').Split(',');
        if (parts.Length != 2 || !ulong.TryParse(parts[0].Trim(), out ulong seed) || !ulong.TryParse(parts[1].Trim(), out ulong gamma))
            throw new ArgumentException($"{ReplayVariable} must be \"seed,gamma\" (two unsigned integers) or \"random\", got \"{text}\"");
        return (seed, gamma | 1UL);
    }

    private static (ulong, ulong) ChooseSeed(string? replay, string caller)
    {
        if (string.IsNullOrWhiteSpace(replay))
        {
            ulong h = 14695981039346656037UL; // FNV-1a of the test name: stable across runs and machines
            foreach (char c in caller) { h ^= c; h *= 1099511628211UL; }
            return (h, 0x9E3779B97F4A7C15UL);
        }
        if (replay.Trim().Equals("random", StringComparison.OrdinalIgnoreCase))
            return ((ulong)Random.Shared.NextInt64(), (ulong)Random.Shared.NextInt64() | 1UL);
        return ParseReplay(replay);
    }
}
