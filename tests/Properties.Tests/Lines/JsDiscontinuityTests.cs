using Verify.Properties.Catalogue;
using Verify.Properties.Lines;
using Xunit;

namespace Verify.Properties.Tests.Lines;

public sealed class JsDiscontinuityTests
{
    [Fact]
    public void OnTheLinesW1ShrinksWithThetaAndJsDoesNot()
    {
        var (w1, js) = JsDiscontinuity.OnParallelLines(Math.ScaleB(1.0, -20), ClaimScale.Quick, 3);
        Assert.Equal(Math.ScaleB(1.0, -20), w1, 1e-18);
        Assert.Equal(Math.Log(2), js, 15);
    }

    [Fact]
    public void ClaimHoldsAtQuickScale() => ClaimAssert.Holds(JsDiscontinuity.Claim);

    [Fact]
    public void OverlappingGaussiansLoseTheirJs() => ClaimAssert.FalsifyFails(JsDiscontinuity.Claim, "JS");
}
