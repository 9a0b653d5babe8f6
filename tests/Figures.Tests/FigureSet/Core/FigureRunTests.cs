using Verify.Figures.FigureSet.Core;
using Xunit;

namespace Verify.Figures.Tests.FigureSet.Core;

public sealed class FigureRunTests
{
    [Fact]
    public void DeriveIsFnv1aOfSeedAndKeyShiftedToPositive()
    {
        // Values from an independent Python implementation of 64-bit FNV-1a over the UTF-8 bytes of "seed/key", >> 1.
        Assert.Equal(1289647664319050427L, FigureRun.Derive(0, "parallel-lines/real"));
        Assert.Equal(5673976364166317898L, FigureRun.Derive(7, "θ"));
    }

    [Fact]
    public void DerivedSeedsDifferByKeyAndSeedAndAreNonNegative()
    {
        var seeds = new[] { FigureRun.Derive(0, "a"), FigureRun.Derive(0, "b"), FigureRun.Derive(1, "a"), FigureRun.Derive(-5, "a") };
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.True(s >= 0));
    }
}
