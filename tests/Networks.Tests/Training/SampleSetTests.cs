using Verify.Networks.Init;
using Verify.Networks.Training;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Training;

public sealed class SampleSetTests
{
    [Fact]
    public void SplitIsASeededPartitionIntoHalves()
    {
        double[] pts = Enumerable.Range(0, 11).Select(i => (double)i).ToArray();
        var set = new SampleSet<double>(pts, 1);
        var (train, held) = set.Split(new Rng(4));
        Assert.Equal(6, train.Count); // ⌈11/2⌉
        Assert.Equal(5, held.Count);  // ⌊11/2⌋
        Assert.Equal(pts, train.Data.ToArray().Concat(held.Data.ToArray()).Order());
        var (again, _) = set.Split(new Rng(4));
        Assert.Equal(train.Data.ToArray(), again.Data.ToArray());
        Assert.NotEqual(train.Data.ToArray(), set.Split(new Rng(5)).Train.Data.ToArray());
        Assert.Throws<ArgumentException>(() => new SampleSet<double>([1.0], 1).Split(new Rng(1)));
    }

    [Fact]
    public void WeightedBatchesDrawInProportionToTheWeights()
    {
        // Weights 1 : 3 : 0 : 4 → probabilities 1/8, 3/8, 0, 1/2. With 80 000 draws the frequency of each row has
        // sd ≤ √(0.25/80000) ≈ 0.0018; a 0.01 band is over 5 sd (failure probability < 1e-6 per row: (ε, δ) = (0.01, 1e-6)).
        var set = new SampleSet<double>([10, 20, 30, 40], 1, [1, 3, 0, 4]);
        int[] idx = set.BatchIndices(new Rng(7), 80_000);
        double[] freq = Enumerable.Range(0, 4).Select(i => idx.Count(k => k == i) / 80_000.0).ToArray();
        Tolerance.Close(0.125, freq[0], rel: 0, abs: 0.01, what: "frequency of row 0");
        Tolerance.Close(0.375, freq[1], rel: 0, abs: 0.01, what: "frequency of row 1");
        Assert.Equal(0.0, freq[2]);
        Tolerance.Close(0.5, freq[3], rel: 0, abs: 0.01, what: "frequency of row 3");
    }

    [Fact]
    public void RefusesBadInput()
    {
        Assert.Throws<ArgumentException>(() => new SampleSet<double>([1, 2, 3], 2));
        Assert.Throws<ArgumentException>(() => new SampleSet<double>([1, 2], 1, [0, 0]));
        Assert.Throws<ArgumentException>(() => new SampleSet<double>([1, 2], 1, [1, -1]));
        Assert.Throws<ArgumentException>(() => new SampleSet<double>([1, 2], 1, [1]));
        Assert.Contains("point 1, coordinate 0 is NaN", Assert.Throws<ArgumentException>(() => new SampleSet<double>([0, 1, double.NaN, 2], 2)).Message);
        Assert.Throws<ArgumentException>(() => new SampleSet<double>([double.PositiveInfinity], 1));
        Assert.Contains("beyond the range of Single", Assert.Throws<ArgumentException>(() => new SampleSet<float>([1e39], 1)).Message);
        Assert.Throws<ArgumentException>(() => new SampleSet<double>([1, 2], 1).BatchIndices(new Rng(1), -1));
    }
}
