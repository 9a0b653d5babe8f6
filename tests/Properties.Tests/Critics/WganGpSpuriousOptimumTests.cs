using Verify.Properties.Critics;
using Xunit;

namespace Verify.Properties.Tests.Critics;

public sealed class WganGpSpuriousOptimumTests
{
    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(WganGpSpuriousOptimum.Claim);

    [Fact]
    public void ARightSlopeStartEscapesTheTrap() => ClaimAssert.FalsifyFails(WganGpSpuriousOptimum.Claim, "two-sided");
}
