using Verify.TestSupport;
using Verify.Toys.Images;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Images;

public sealed class MnistSetTests
{
    private static readonly Lazy<MnistSet> Set = new(() => Mnist.Load(TestData.MnistDirectory()));

    [Fact]
    public void SplitIsFixedBySeedDisjointAndComplete()
    {
        var (train, held) = Set.Value.Split(1000, 7);
        var (train2, held2) = Set.Value.Split(1000, 7);
        var (_, held3) = Set.Value.Split(1000, 8);
        Assert.Equal(9000, train.Count);
        Assert.Equal(1000, held.Count);
        Assert.Equal(held.AllPixels.ToArray(), held2.AllPixels.ToArray());
        Assert.Equal(train.Labels.ToArray(), train2.Labels.ToArray());
        Assert.NotEqual(held.Labels.ToArray(), held3.Labels.ToArray());
        // Together the two parts hold every image once: the class counts add up.
        int[] all = Set.Value.ClassCounts(), a = train.ClassCounts(), b = held.ClassCounts();
        for (int d = 0; d < 10; d++) Assert.Equal(all[d], a[d] + b[d]);
        int[] perm = MnistSet.Permutation(10_000, 7);
        Assert.Equal(Enumerable.Range(0, 10_000), perm.Order());
        Assert.Equal(Set.Value.Image(perm[0]).ToArray(), held.Image(0).ToArray());
        Assert.Throws<ArgumentException>(() => Set.Value.Split(0, 1));
        Assert.Throws<ArgumentException>(() => Set.Value.Split(10_000, 1));
    }

    [Fact]
    public void SubsetsKeepPixelsLabelsAndScaling()
    {
        MnistSet sym = Set.Value.ToSymmetric();
        Assert.Same(sym, sym.ToSymmetric());
        MnistSet sub = sym.Subset([5, 9_999, 5]);
        Assert.True(sub.IsSymmetric);
        Assert.Equal(3, sub.Count);
        Assert.Equal(sym.Image(9_999).ToArray(), sub.Image(1).ToArray());
        Assert.Equal(sub.Label(0), sub.Label(2));
        Assert.Throws<ArgumentException>(() => sym.Subset([10_000]));
        Assert.Throws<ArgumentException>(() => sym.Image(-1));
    }

    [Fact]
    public void ToDistributionIsTheUniformLawOnImagesInR784()
    {
        var d = Set.Value.Subset([0, 1, 2]).ToDistribution();
        Assert.Equal(784, d.Dimension);
        Assert.Equal(3, d.Count);
        Tolerance.Close(1.0, d.TotalMass, 1e-15);
    }
}
