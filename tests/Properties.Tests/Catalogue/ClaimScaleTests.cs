using Verify.Properties.Catalogue;
using Xunit;

namespace Verify.Properties.Tests.Catalogue;

public sealed class ClaimScaleTests
{
    [Fact]
    public void ParseAndNameRoundTrip()
    {
        Assert.Equal(ClaimScale.Quick, ClaimScales.Parse("quick"));
        Assert.Equal("full", ClaimScales.Parse("full").Name());
        Assert.Throws<ArgumentException>(() => ClaimScales.Parse("Quick"));
        Assert.Equal(3, ClaimScale.Full.Pick(1, 3));
    }

    [Fact]
    public void KindNamesAreTheJsonSpelling() =>
        Assert.Equal(["exact", "statistical", "trained-network"], Enum.GetValues<ClaimKind>().Select(k => k.Name()));
}
