using Verify.Properties.Gan;
using Xunit;

namespace Verify.Properties.Tests.Gan;

public sealed class OptimalDiscriminatorValueTests
{
    [Fact]
    public void ClaimHoldsAtQuickScaleOnEveryPair()
    {
        var r = ClaimAssert.Holds(OptimalDiscriminatorValue.Claim);
        Assert.Equal(2 * DensityPair.All.Count, r.Finding.Conditions.Count);
    }

    [Fact]
    public void AnOverconfidentDiscriminatorScoresOffTheValue() => ClaimAssert.FalsifyFails(OptimalDiscriminatorValue.Claim, "L(G, D)");
}
