using Verify.Toys.Families;
using Xunit;

namespace Verify.Toys.Tests.Families;

/// <summary>The shared front end of every toy law: argument checks and the refusal of non-finite samples.</summary>
public sealed class ToyDistributionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NMustBePositive(int n)
    {
        Assert.Equal("n", Assert.Throws<ArgumentException>(() => new GaussianLocation().At(0).SamplePoints(n, 1)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentException>(() => new GaussianLocation().SampleWithTangent(n, 0, 1)).ParamName);
    }

    [Fact]
    public void ASampleThatOverflowsIsRefusedNotReturnedAsInfinity()
    {
        // N(0, θ²) at θ = 10³⁰⁸: any |z| > 1.8 gives θz beyond double.MaxValue ≈ 1.8·10³⁰⁸; among 1000 normals one is
        // certain for this seed (P(all |z| ≤ 1.8) = 0.93¹⁰⁰⁰ < 10⁻³⁰). The sampler returned +∞/−∞ points before.
        var family = new GaussianScale();
        var e = Assert.Throws<ArgumentException>(() => family.At(1e308).SamplePoints(1000, 1));
        Assert.Contains("overflowed to", e.Message);
        Assert.Contains("overflowed to", Assert.Throws<ArgumentException>(() => family.SampleWithTangent(1000, 1e308, 1)).Message);
        // Within range the same call is fine and finite.
        Assert.All(family.At(1e300).SamplePoints(1000, 1), x => Assert.True(double.IsFinite(x)));
    }

    [Fact]
    public void DensityChecksThePoint()
    {
        IToyDistribution p = new GaussianLocation().At(0);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => p.Density([double.NaN])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => p.Density([0.0, 1.0])).ParamName);
        Assert.Throws<InvalidOperationException>(() => new Toys.Families.ParallelLines().At(0.5).Density([0.5, 0.5]));
    }
}
