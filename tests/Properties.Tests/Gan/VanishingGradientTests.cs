using Verify.Properties.Gan;
using Xunit;

namespace Verify.Properties.Tests.Gan;

public sealed class VanishingGradientTests
{
    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(VanishingGradient.Claim);

    [Fact]
    public void OverlappingLawsKeepTheGradient() => ClaimAssert.FalsifyFails(VanishingGradient.Claim, "minimax");
}
