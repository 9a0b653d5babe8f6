using Verify.Figures.FigureSet.Experiments;
using Xunit;

namespace Verify.Figures.Tests.FigureSet.Experiments;

public sealed class FrozenGeneratorTests
{
    [Fact]
    public void CheckpointsAreLogSpacedAndIncludeBothEnds()
    {
        Assert.Equal([0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150], FrozenGenerator.LogCheckpoints(150));
        Assert.Equal([0, 1], FrozenGenerator.LogCheckpoints(1));
        Assert.Equal(2000, FrozenGenerator.LogCheckpoints(2000)[^1]);
    }
}
