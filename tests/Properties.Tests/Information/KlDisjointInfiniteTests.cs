using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Information;
using Xunit;

namespace Verify.Properties.Tests.Information;

public sealed class KlDisjointInfiniteTests
{
    public static Arbitrary<VectorPair> Pairs() => VectorPair.Generator().ToArbitrary();

    [Property(Arbitrary = [typeof(KlDisjointInfiniteTests)], MaxTest = 200)]
    public Property HoldsOnRandomPairs(VectorPair c) => KlDisjointInfinite.Check.Holds(c);

    [Fact]
    public void SmoothingKeepsMassOneAndEveryAtomPositive()
    {
        double[] q = KlDisjointInfinite.Smoothed([0.5, 0.5, 0.0], 1e-10);
        Assert.Equal(1.0, q.Sum(), 15);
        Assert.All(q, x => Assert.True(x > 0));
    }

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(KlDisjointInfinite.Claim);

    [Fact]
    public void SmoothedKlHidesTheInfinity() => ClaimAssert.FalsifyFails(KlDisjointInfinite.Claim, "outside supp Q");
}
