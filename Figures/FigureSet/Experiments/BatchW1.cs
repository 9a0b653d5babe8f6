using Verify.Networks.Init;
using Verify.Theory;
using Verify.Toys.Numerics;
using TransportSolver = Verify.Theory.Transport;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// The minibatch experiment of Stanczuk et al. (2021): for a batch of n real digits X, the exact W₁ (784-D, Euclidean,
/// certified) between X and (a) a second, disjoint real batch of n; (b) the mean image of X, all mass on one point;
/// (c) the <see cref="Centres"/> k-means centres of X, each weighted by its cluster's share. If (b) or (c) is below (a), a
/// generator that output blurry averages would be "closer" in batch W₁ than one that output real digits.
/// </summary>
public static class BatchW1
{
    /// <summary>k of the k-means centres (one per digit class; our choice, the paper's is not recorded here).</summary>
    public const int Centres = 10;

    /// <summary>One batch size and replicate.</summary>
    public sealed record Row(int Batch, int Replicate, double RealVsReal, double RealVsMean, double RealVsKMeans);

    /// <summary>Measures one batch size; the two real batches are drawn without replacement from the 10,000 digits (disjoint).</summary>
    public static Row Measure(int batch, int replicate, long seed)
    {
        var (x, y) = Draw(batch, seed);
        var px = new DiscreteDistribution(x, 784);
        double realVsReal = TransportSolver.W1(px, new DiscreteDistribution(y, 784));
        double[] mean = MeanImage(x, 784);
        double realVsMean = TransportSolver.W1(px, new DiscreteDistribution(mean, 784));
        KMeansResult km = KMeans.Fit(x, 784, Centres, KMeansSeed(seed, batch));
        double realVsKMeans = TransportSolver.W1(px, new DiscreteDistribution(km.Centres, 784, km.Weights));
        return new Row(batch, replicate, realVsReal, realVsMean, realVsKMeans);
    }

    /// <summary>The seed of the k-means of a measurement.</summary>
    public static long KMeansSeed(long seed, int batch) => unchecked(seed * 31 + batch);

    /// <summary>The two disjoint real batches of a measurement: rows of a seeded permutation of the 8,000 training digits.</summary>
    public static (double[] X, double[] Y) Draw(int batch, long seed)
    {
        if (batch < Centres || 2 * batch > Digits.Train.Count)
            throw new ArgumentException($"batch must lie in [{Centres}, {Digits.Train.Count / 2}], got {batch}", nameof(batch));
        int[] perm = new Rng(unchecked((ulong)seed)).Permutation(Digits.Train.Count);
        return (Digits.Rows(Digits.Train, perm[..batch]), Digits.Rows(Digits.Train, perm[batch..(2 * batch)]));
    }

    /// <summary>The coordinate-wise mean of the rows of <paramref name="x"/>.</summary>
    public static double[] MeanImage(double[] x, int d)
    {
        int n = x.Length / d;
        var m = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) m[j] += x[i * d + j];
        for (int j = 0; j < d; j++) m[j] /= n;
        return m;
    }
}
