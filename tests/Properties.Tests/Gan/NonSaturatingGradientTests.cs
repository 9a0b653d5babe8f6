using Verify.Properties.Gan;
using Xunit;

namespace Verify.Properties.Tests.Gan;

public sealed class NonSaturatingGradientTests
{
    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(NonSaturatingGradient.Claim);

    [Fact]
    public void TheMinimaxLossSaturates() => ClaimAssert.FalsifyFails(NonSaturatingGradient.Claim, "non-saturating");
}
