using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Properties.Catalogue;
using Verify.Properties.Duality;
using Verify.Toys;
using Xunit;

namespace Verify.Properties.Tests.Duality;

public sealed class EnvelopeGradientTests
{
    public static Arbitrary<EnvelopeGradient.Case> Cases() => EnvelopeGradient.Generator(ClaimScale.Quick).ToArbitrary();

    [Property(Arbitrary = [typeof(EnvelopeGradientTests)], MaxTest = 60)]
    public Property MatchesTheFiniteDifference(EnvelopeGradient.Case c) => EnvelopeGradient.Check.Holds(c);

    [Fact]
    public void OnParallelLinesWithCommonNoiseTheSlopeIsSignTheta()
    {
        // Every generated point is transported straight back by |θ|: ∂W1/∂θ = sign θ (WGAN Example 1).
        var family = ToyFamilies.ParallelLines();
        var real = family.At(0).Sample(12, 5);
        Assert.Equal(1.0, EnvelopeGradient.Envelope(real, family.SampleWithTangent(12, 0.7, 5)), 14);
        Assert.Equal(-1.0, EnvelopeGradient.Envelope(real, family.SampleWithTangent(12, -0.7, 5)), 14);
    }

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(EnvelopeGradient.Claim);

    [Fact]
    public void ATangentOffByTenPercentIsCaught() => ClaimAssert.FalsifyFails(EnvelopeGradient.Claim, "envelope");
}
