using Verify.Figures.FigureSet.Experiments;
using Verify.TestSupport;
using Verify.Toys.Numerics;
using Xunit;

namespace Verify.Figures.Tests.FigureSet.Experiments;

public sealed class BatchW1Tests
{
    private static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++) s += (a[j] - b[j]) * (a[j] - b[j]);
        return Math.Sqrt(s);
    }

    [Fact]
    public void EachDistanceAgreesWithAnIndependentRouteOnTheSameBatches()
    {
        const int n = 64;
        const long seed = 11;
        BatchW1.Row row = BatchW1.Measure(n, 0, seed);
        var (x, y) = BatchW1.Draw(n, seed);
        // To one point, the only coupling sends every image to it: W₁ = mean distance to the mean image.
        double[] mean = BatchW1.MeanImage(x, 784);
        double direct = Enumerable.Range(0, n).Average(i => Distance(x.AsSpan(i * 784, 784), mean));
        Tolerance.Close(direct, row.RealVsMean, rel: 1e-9);
        // Sending each image to its own k-means centre is a feasible coupling of the weighted centres: an upper bound.
        KMeansResult km = KMeans.Fit(x, 784, BatchW1.Centres, BatchW1.KMeansSeed(seed, n));
        double assigned = Enumerable.Range(0, n).Average(i => Distance(x.AsSpan(i * 784, 784), km.Centres.AsSpan(km.Assignment[i] * 784, 784)));
        Tolerance.AtMost(assigned, row.RealVsKMeans, abs: 1e-9);
        // Matching image i with image i is a feasible permutation: an upper bound on W₁(real, real); the optimum is no more.
        double identity = Enumerable.Range(0, n).Average(i => Distance(x.AsSpan(i * 784, 784), y.AsSpan(i * 784, 784)));
        Tolerance.AtMost(identity, row.RealVsReal, abs: 1e-9);
        // The ordering F8 reports at batch 64: k-means centres beat another real batch.
        Assert.True(row.RealVsKMeans < row.RealVsReal, $"k-means {row.RealVsKMeans} vs real {row.RealVsReal}");
    }

    [Fact]
    public void BatchesOutsideTheDataAreRefused()
    {
        Assert.Contains("batch must lie", Assert.Throws<ArgumentException>(() => BatchW1.Draw(5000, 0)).Message);
        Assert.Contains("batch must lie", Assert.Throws<ArgumentException>(() => BatchW1.Draw(4, 0)).Message);
    }
}
