using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Information;
using Verify.Theory;
using Xunit;

namespace Verify.Properties.Tests.Information;

public sealed class JsBoundsTests
{
    public static Arbitrary<VectorPair> Pairs() => VectorPair.Generator().ToArbitrary();

    [Property(Arbitrary = [typeof(JsBoundsTests)], MaxTest = 200)]
    public Property HoldsOnRandomPairs(VectorPair c) => JsBounds.Check.Holds(c);

    [Fact]
    public void TheQuantitativeBoundIsTightOnlyAtTotalVariationOne()
    {
        // P = (1, 0), Q = (½, ½): TV = ½, JS = 0.21576155433883565 (SciPy 1.10) ≤ log 2·(1 + ½)/2 = 0.5199.
        double js = Divergences.JS([1.0, 0.0], [0.5, 0.5]);
        Assert.Equal(0.21576155433883565, js, 15);
        Assert.True(js <= Math.Log(2) * 0.75);
    }

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(JsBounds.Claim);

    [Fact]
    public void JsWithoutItsHalvesBreaksTheUpperBound() => ClaimAssert.FalsifyFails(JsBounds.Claim, "upper");
}
