using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Catalogue;
using Verify.Properties.Metrics;
using Verify.Theory;
using Xunit;

namespace Verify.Properties.Tests.Metrics;

public sealed class W1ContinuityTests
{
    public static Arbitrary<W1Continuity.Case> Cases() => W1Continuity.Generator(ClaimScale.Quick).ToArbitrary();

    [Property(Arbitrary = [typeof(W1ContinuityTests)], MaxTest = 40)]
    public Property HoldsOnReparameterisedFamilies(W1Continuity.Case c) => W1Continuity.Check.Holds(c);

    [Fact]
    public void OnParallelLinesTheCouplingBoundIsAnEquality()
    {
        // With common noise, W1(P_θ, P_θ′) = |θ − θ′| = E‖G_θ(z) − G_θ′(z)‖: the second condition sits at 0.
        var c = new W1Continuity.Case("parallel-lines", 0.5, 1.25, 2.0, 16, 1, 2);
        Assert.Equal(0.0, W1Continuity.Conditions(c, Transport.W1)[1].Measured, 14);
    }

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(W1Continuity.Claim);

    [Fact]
    public void SquaredCostIsNotContinuousThisWay() => ClaimAssert.FalsifyFails(W1Continuity.Claim);
}
