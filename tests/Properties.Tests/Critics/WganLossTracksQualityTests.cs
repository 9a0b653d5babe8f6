using Verify.Properties.Critics;
using Xunit;

namespace Verify.Properties.Tests.Critics;

public sealed class WganLossTracksQualityTests
{
    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(WganLossTracksQuality.Claim);

    [Fact]
    public void AShuffledQualitySeriesDoesNotTrack() => ClaimAssert.FalsifyFails(WganLossTracksQuality.Claim, "WGAN-LP");
}
