using Verify.Properties.Regression;
using Verify.Theory;
using Xunit;

namespace Verify.Properties.Tests.Regression;

public sealed class PinnedPairTests
{
    [Fact]
    public void TheParallelLinesPairsHaveExactlyTheirShiftAsW1()
    {
        // Common noise and n = 1024: every point moves |θ| horizontally, and the sums of |θ|/1024 are exact.
        foreach (string id in new[] { "lines-0.5", "lines-2" })
        {
            PinnedPair pair = PinnedPair.Get(id);
            var (real, fake) = pair.Samples();
            Assert.Equal(Math.Abs(pair.RealTheta!.Value - pair.FakeTheta!.Value), Transport.W1(real, fake));
        }
    }

    [Fact]
    public void ThePairsAreReproducibleAndOfTheirDeclaredSize()
    {
        Assert.All(PinnedPair.All, p =>
        {
            var (a, b) = p.Samples();
            Assert.Equal(p.N, a.Count);
            Assert.Equal(p.N, b.Count);
            Assert.Equal(a.Points.ToArray(), p.Samples().Real.Points.ToArray());
            Assert.Equal(p.Dimension, a.Dimension);
        });
        Assert.Equal(PinnedPair.All.Count, PinnedPair.All.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void LawJsIsKnownForFamilyPairsOnly()
    {
        Assert.Equal(Math.Log(2), PinnedPair.Get("lines-2").LawJS());
        Assert.NotNull(PinnedPair.Get("gauss-0-0.5").LawJS());
        Assert.Null(PinnedPair.Get("8gaussians-noise").LawJS());
        Assert.Throws<ArgumentException>(() => PinnedPair.Get("nope"));
    }
}
