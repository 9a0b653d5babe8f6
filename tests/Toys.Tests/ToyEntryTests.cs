using Xunit;

namespace Verify.Toys.Tests;

public sealed class ToyEntryTests
{
    [Fact]
    public void FamiliesTakeThetaInRangeFixedLawsTakeNone()
    {
        ToyEntry lines = ToyFamilies.Get("parallel-lines");
        Assert.Equal(0.3, lines.Resolve(0.3).SamplePoints(1, 1)[0]);
        Assert.Equal(0.0, lines.Resolve(null).SamplePoints(1, 1)[0]);
        var scale = ToyFamilies.Get("gaussian-scale");
        var e = Assert.Throws<ArgumentException>(() => scale.Resolve(-1));
        Assert.Contains("outside the allowed range", e.Message);
        ToyEntry eight = ToyFamilies.Get("8gaussians");
        Assert.Null(eight.Theta);
        Assert.Throws<ArgumentException>(() => eight.Resolve(1.0));
        Assert.Same(eight.Fixed, eight.Resolve(null));
    }

    [Fact]
    public void DescriptionsShowTheRangeAndDefault()
    {
        Assert.Contains("θ ∈ (0, ∞) (default 1)", ToyFamilies.Get("gaussian-scale").Describe());
        Assert.Contains("no θ", ToyFamilies.Get("swissroll").Describe());
        Assert.Equal(["x", "y"], ToyFamilies.Get("swissroll").Columns);
        Assert.Equal(["x"], ToyFamilies.Get("gaussian-pair").Columns);
    }
}
