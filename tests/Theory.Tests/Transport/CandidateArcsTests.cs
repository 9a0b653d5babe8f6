using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary><see cref="CandidateArcs"/>: each arc once with its computed cost, numbers that follow a cut-down, re-adding.</summary>
public class CandidateArcsTests
{
    private static CloudCosts Costs() =>
        new BlockCosts([0, 0, 1, 0, 0, 2], [3, 4, 0, 1], 2, GroundCost.Euclidean); // sources (0,0), (1,0), (0,2); targets (3,4), (0,1)

    [Fact]
    public void AddsEachArcOnceWithItsCost()
    {
        var arcs = new CandidateArcs(Costs());
        Assert.Equal(1, arcs.Add(0, 0));
        Assert.Equal(0, arcs.Add(0, 0));
        Assert.Equal(2, arcs.AddAll([(2, 1), (1, 0), (2, 1)]));
        Assert.Equal(3, arcs.Arcs.Count);
        Assert.Equal(5.0, arcs.Arcs.Cost(0));         // |(3,4) − (0,0)|
        Assert.Equal(1.0, arcs.Arcs.Cost(1));         // |(0,1) − (0,2)|
        Assert.Equal(2, arcs.Number(1, 0));
        Assert.Throws<KeyNotFoundException>(() => arcs.Number(1, 1));
    }

    [Fact]
    public void KeepRenumbersAndLetsDroppedArcsReturn()
    {
        var arcs = new CandidateArcs(Costs());
        arcs.AddAll([(0, 0), (0, 1), (1, 0), (2, 1)]);
        int[] map = arcs.Keep([true, false, false, true]);
        Assert.Equal([0, -1, -1, 1], map);
        Assert.Equal(2, arcs.Arcs.Count);
        Assert.Equal((2, 1), (arcs.Arcs.Source(1), arcs.Arcs.Target(1)));
        Assert.Equal(1, arcs.Number(2, 1));
        Assert.Equal(0, arcs.Add(0, 0));
        Assert.Equal(1, arcs.Add(1, 0)); // dropped, so it may come back
        Assert.Equal(2, arcs.Number(1, 0));
    }
}
