using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Catalogue;
using Verify.Properties.Metrics;
using Verify.Theory;
using Xunit;

namespace Verify.Properties.Tests.Metrics;

public sealed class W1TvDiameterTests
{
    public static Arbitrary<W1TvDiameter.Case> Cases() => W1TvDiameter.Generator(ClaimScale.Quick).ToArbitrary();

    [Property(Arbitrary = [typeof(W1TvDiameterTests)], MaxTest = 200)]
    public Property HoldsOnRandomLaws(W1TvDiameter.Case c) => W1TvDiameter.Check.Holds(c);

    [Fact]
    public void TwoDiracsMeetTheBoundWithEquality()
    {
        var c = new W1TvDiameter.Case(DiscreteDistribution.OneD([0.0]), DiscreteDistribution.OneD([3.0]));
        Assert.Equal(0.0, W1TvDiameter.Conditions(c, 3.0).Single().Measured, 15);
    }

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(W1TvDiameter.Claim);

    [Fact]
    public void TheDiameterOfOneSupportIsNotEnough() => ClaimAssert.FalsifyFails(W1TvDiameter.Claim, "diam");
}
