using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Catalogue;
using Verify.Properties.Duality;
using Xunit;

namespace Verify.Properties.Tests.Duality;

public sealed class KrDualityAttainedTests
{
    public static Arbitrary<LawPair> Pairs() => LawPair.Generator(ClaimScale.Quick).ToArbitrary();

    [Property(Arbitrary = [typeof(KrDualityAttainedTests)], MaxTest = 100)]
    public Property HoldsOnRandomLaws(LawPair c) => KrDualityAttained.Check.Holds(c);

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(KrDualityAttained.Claim);

    [Fact]
    public void AStoppedSolvesPotentialDoesNotAttain() => ClaimAssert.FalsifyFails(KrDualityAttained.Claim, "attains");
}
