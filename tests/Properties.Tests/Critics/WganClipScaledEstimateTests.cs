using Verify.Properties.Critics;
using Xunit;

namespace Verify.Properties.Tests.Critics;

public sealed class WganClipScaledEstimateTests
{
    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(WganClipScaledEstimate.Claim);

    [Fact]
    public void ACriticWithoutClippingIsNotScaled() => ClaimAssert.FalsifyFails(WganClipScaledEstimate.Claim, "clip bound");
}
