using System.Runtime.CompilerServices;
using FsCheck;
using Microsoft.FSharp.Core;
using Xunit.Sdk;

namespace Verify.TestSupport;

/// <summary>
/// The suite's FsCheck → xunit runner for properties checked inside a <c>[Fact]</c> or <c>[Theory]</c>. New property
/// tests use FsCheck.Xunit's <c>[Property]</c> (tests/Properties.Tests does, with an assembly-wide
/// <c>[Properties(Replay = …)]</c>); this runner stays for what FsCheck.Xunit 3.6 cannot do:
/// <list type="number">
/// <item>replay or explore from the environment, without editing the test: <c>VERIFY_REPLAY="seed,gamma"</c> replays a
/// printed failure, <c>VERIFY_REPLAY=random</c> explores fresh seeds while CI stays fixed (FsCheck.Xunit reads its seed only
/// from <c>[Property]</c>/<c>[Properties]</c> attributes, and without one draws a fresh random seed every run);</item>
/// <item>a different fixed seed for every test, derived from its name (an assembly- or class-level <c>[Properties(Replay)]</c>
/// starts every property from the same seed);</item>
/// <item>properties built at run time or driven by <c>[InlineData]</c> — a <c>[Property]</c> method's arguments all come from
/// Arbitrary instances looked up by type, so a generator chosen per data row or per call (GradCheck.Property) does not fit;</item>
/// <item>a failure message ending in a command line that replays it (<c>VERIFY_REPLAY=… dotnet test --filter …</c>).</item>
/// </list>
/// Each property runs from a known seed: by default a fixed one derived from the calling test's name, so CI is
/// deterministic. A failure fails the xunit test with FsCheck's counter-example and the seed.
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
