using FsCheck;
using FsCheck.Fluent;
using Verify.Properties.Information;
using Xunit;

namespace Verify.Properties.Tests.Information;

public sealed class VectorPairTests
{
    [Fact]
    public void SupportRelationsOnHandExamples()
    {
        var disjoint = new VectorPair([0.5, 0.5, 0], [0, 0, 1]);
        Assert.True(disjoint.Disjoint);
        Assert.True(disjoint.POutsideQ);
        var inside = new VectorPair([0.5, 0, 0.5], [0.2, 0.3, 0.5]);
        Assert.False(inside.Disjoint);
        Assert.False(inside.POutsideQ);
    }

    [Fact]
    public void TheGeneratorDrawsDisjointOverlappingAndNearPairs()
    {
        VectorPair[] pairs = VectorPair.Generator().Sample(20, new Rnd(3UL, 5UL), 300);
        Assert.Contains(pairs, p => p.Disjoint);
        Assert.Contains(pairs, p => !p.Disjoint && p.POutsideQ);
        Assert.Contains(pairs, p => p.P.Zip(p.Q).All(t => t.First > 0 && t.Second > 0) && p.P.Zip(p.Q).Max(t => Math.Abs(t.First - t.Second)) < 0.05);
        Assert.All(pairs, p => Assert.Equal(p.P.Length, p.Q.Length));
    }
}
