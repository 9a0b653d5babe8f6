using Verify.Properties.Critics;
using Xunit;

namespace Verify.Properties.Tests.Critics;

public sealed class CriticTracksExactTests
{
    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(CriticTracksExact.Claim);

    [Fact]
    public void CriticsTrainedOnTheWrongPairMiss() => ClaimAssert.FalsifyFails(CriticTracksExact.Claim, "exact");
}
