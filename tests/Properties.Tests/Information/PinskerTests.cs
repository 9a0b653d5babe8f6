using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Information;
using Verify.Theory;
using Xunit;

namespace Verify.Properties.Tests.Information;

public sealed class PinskerTests
{
    public static Arbitrary<VectorPair> Pairs() => VectorPair.Generator().ToArbitrary();

    [Property(Arbitrary = [typeof(PinskerTests)], MaxTest = 200)]
    public Property HoldsOnRandomPairs(VectorPair c) => Pinsker.Check.Holds(c);

    [Fact]
    public void TheConstantIsSharp()
    {
        // P = (½ + ε, ½ − ε), Q = (½, ½): TV = ε and KL = 2ε² + O(ε⁴), so TV/√(KL/2) → 1; a factor 2 on TV cannot hold.
        double e = 1e-4;
        double tv = Divergences.TV([0.5 + e, 0.5 - e], [0.5, 0.5]);
        double bound = Math.Sqrt(Divergences.KL([0.5 + e, 0.5 - e], [0.5, 0.5]) / 2);
        Assert.InRange(tv / bound, 0.999, 1.0);
    }

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(Pinsker.Claim);

    [Fact]
    public void TheL1DistanceBreaksIt() => ClaimAssert.FalsifyFails(Pinsker.Claim, "TV");
}
