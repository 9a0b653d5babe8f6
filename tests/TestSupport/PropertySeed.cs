namespace Verify.TestSupport;

/// <summary>
/// The one fixed FsCheck seed (seed, γ) every test assembly starts its <c>[Property]</c> tests from, through
/// <c>[assembly: Properties(Replay = PropertySeed.Replay)]</c> in its AssemblyInfo.cs, so CI sees the same cases on every
/// run. A failure prints FsCheck's "Falsifiable, after N tests … Replay directly at failing step with (seed,γ,size)";
/// put that triple on the test, <c>[Property(Replay = "seed,γ,size")]</c>, to replay the failing case alone.
/// </summary>
public static class PropertySeed
{
    /// <summary>FsCheck's replay string "seed,γ" (γ of a SplitMix stream, odd).</summary>
    public const string Replay = "20260101,40503";
}
