using Verify.Properties.Critics;
using Xunit;

namespace Verify.Properties.Tests.Critics;

public sealed class WganGpOvershootTests
{
    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(WganGpOvershoot.Claim);

    [Fact]
    public void TheOtherLambdaMisses() => ClaimAssert.FalsifyFails(WganGpOvershoot.Claim, "λ");
}
