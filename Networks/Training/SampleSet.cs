using System.Numerics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;

namespace Verify.Networks.Training;

/// <summary>
/// A fixed set of samples (rows of a [n, d] tensor) with optional non-negative weights, from which minibatches are
/// drawn with replacement in proportion to the weights (uniformly when unweighted).
/// </summary>
public sealed class SampleSet<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double[] cumulative;

    /// <summary>A set of the rows of <paramref name="points"/> (row-major, <paramref name="dimension"/> columns).</summary>
    public SampleSet(double[] points, int dimension, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (dimension < 1 || points.Length == 0 || points.Length % dimension != 0)
            throw new ArgumentException($"{points.Length} coordinates do not form a non-empty set of points of dimension {dimension}", nameof(points));
        int n = points.Length / dimension;
        if (weights is not null && weights.Length != n) throw new ArgumentException($"{weights.Length} weights for {n} points", nameof(weights));
        Data = Tensor.FromDouble<T>(points, n, dimension);
        ReadOnlySpan<T> data = Data.Span;
        for (int k = 0; k < data.Length; k++)
            if (!T.IsFinite(data[k]))
                throw new ArgumentException($"point {k / dimension}, coordinate {k % dimension} is {points[k]}" +
                    (double.IsFinite(points[k]) ? $", beyond the range of {typeof(T).Name}" : "") + "; coordinates must be finite", nameof(points));
        Weights = weights is null ? null : (double[])weights.Clone();
        cumulative = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++)
        {
            double w = weights?[i] ?? 1.0;
            if (!(w >= 0) || double.IsInfinity(w)) throw new ArgumentException($"weight {i} is {w}; weights must be finite and non-negative", nameof(weights));
            s += w;
            cumulative[i] = s;
        }
        if (!(s > 0)) throw new ArgumentException("the weights sum to zero", nameof(weights));
    }

    /// <summary>The samples, [n, d].</summary>
    public Tensor<T> Data { get; }

    /// <summary>The weights (null when uniform).</summary>
    public double[]? Weights { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Data.Rows;

    /// <summary>Dimension of a sample.</summary>
    public int Dimension => Data.Cols;

    /// <summary>Row indices of a minibatch of <paramref name="size"/> drawn with replacement ∝ weights.</summary>
    public int[] BatchIndices(Rng rng, int size)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (size < 0) throw new ArgumentException($"batch size must be ≥ 0, got {size}", nameof(size));
        var idx = new int[size];
        double total = cumulative[^1];
        for (int k = 0; k < size; k++)
        {
            if (Weights is null) { idx[k] = rng.NextInt(Count); continue; }
            double u = rng.NextDouble() * total;
            int i = Array.BinarySearch(cumulative, u);
            i = i < 0 ? ~i : i + 1; // first cumulative sum strictly above u
            idx[k] = Math.Min(i, Count - 1);
        }
        return idx;
    }

    /// <summary>A minibatch of <paramref name="size"/> rows drawn with replacement ∝ weights.</summary>
    public Tensor<T> Batch(Rng rng, int size) => Tensor.GatherRows(Data, BatchIndices(rng, size));

    /// <summary>
    /// Splits the set by a seeded shuffle: the first ⌈n/2⌉ shuffled rows train, the remaining ⌊n/2⌋ are held out
    /// (each part keeps its weights). Needs at least 2 samples.
    /// </summary>
    public (SampleSet<T> Train, SampleSet<T> HeldOut) Split(Rng rng)
    {
        if (Count < 2) throw new ArgumentException($"a set of {Count} sample cannot be split into training and held-out halves");
        int[] perm = rng.Permutation(Count);
        int half = (Count + 1) / 2;
        return (Subset(perm[..half]), Subset(perm[half..]));
    }

    private SampleSet<T> Subset(int[] rows)
    {
        double[] all = Data.ToDoubleArray();
        int d = Dimension;
        var pts = new double[rows.Length * d];
        for (int k = 0; k < rows.Length; k++) Array.Copy(all, rows[k] * d, pts, k * d, d);
        double[]? w = Weights is null ? null : rows.Select(r => Weights[r]).ToArray();
        if (w is not null && !(w.Sum() > 0))
            throw new ArgumentException("after the split one half has zero total weight; give more samples positive weight");
        return new SampleSet<T>(pts, d, w);
    }
}
