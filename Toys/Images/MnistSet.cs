using Verify.Theory;
using Verify.Toys.Random;

namespace Verify.Toys.Images;

/// <summary>
/// A set of 28×28 grey-level digit images with labels: pixels row-major per image (784 values each, images one after
/// another), in [0, 1] as shipped or in [−1, 1] after <see cref="ToSymmetric"/> (x ↦ 2x − 1, the range of a tanh generator).
/// </summary>
public sealed class MnistSet
{
    /// <summary>Image side.</summary>
    public const int Side = 28;

    /// <summary>Pixels per image, 28·28.</summary>
    public const int Pixels = Side * Side;

    private readonly double[] _pixels;
    private readonly int[] _labels;

    internal MnistSet(double[] pixels, int[] labels, bool symmetric)
    {
        _pixels = pixels;
        _labels = labels;
        IsSymmetric = symmetric;
    }

    /// <summary>Number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>True when pixels are in [−1, 1] (scaled), false for the shipped [0, 1].</summary>
    public bool IsSymmetric { get; }

    /// <summary>All pixels, image after image (Count·784 values).</summary>
    public ReadOnlySpan<double> AllPixels => _pixels;

    /// <summary>The labels 0–9.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The 784 pixels of image i, row-major.</summary>
    public ReadOnlySpan<double> Image(int i)
    {
        if ((uint)i >= (uint)Count) throw new ArgumentException($"image index {i} is outside 0..{Count - 1}", nameof(i));
        return _pixels.AsSpan(i * Pixels, Pixels);
    }

    /// <summary>The label of image i.</summary>
    public int Label(int i)
    {
        if ((uint)i >= (uint)Count) throw new ArgumentException($"image index {i} is outside 0..{Count - 1}", nameof(i));
        return _labels[i];
    }

    /// <summary>The same images with pixels mapped x ↦ 2x − 1 into [−1, 1] (no-op when already scaled).</summary>
    public MnistSet ToSymmetric()
    {
        if (IsSymmetric) return this;
        var p = new double[_pixels.Length];
        for (int k = 0; k < p.Length; k++) p[k] = 2.0 * _pixels[k] - 1.0;
        return new MnistSet(p, _labels, true);
    }

    /// <summary>The images at the given indices, in that order.</summary>
    public MnistSet Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var p = new double[indices.Count * Pixels];
        var l = new int[indices.Count];
        for (int j = 0; j < indices.Count; j++)
        {
            int i = indices[j];
            if ((uint)i >= (uint)Count) throw new ArgumentException($"index {i} (position {j}) is outside 0..{Count - 1}", nameof(indices));
            Array.Copy(_pixels, i * Pixels, p, j * Pixels, Pixels);
            l[j] = _labels[i];
        }
        return new MnistSet(p, l, IsSymmetric);
    }

    /// <summary>
    /// A fixed split by seed: a Fisher–Yates permutation from <see cref="Xoshiro256StarStar"/>(seed); its first
    /// <paramref name="heldOut"/> indices form the held-out set, the rest the training set (both in permutation order).
    /// Same seed ⇒ same split on every machine.
    /// </summary>
    public (MnistSet Train, MnistSet HeldOut) Split(int heldOut, long seed)
    {
        if (heldOut < 1 || heldOut >= Count)
            throw new ArgumentException($"heldOut must be between 1 and {Count - 1}, got {heldOut}", nameof(heldOut));
        int[] perm = Permutation(Count, seed);
        return (Subset(perm[heldOut..]), Subset(perm[..heldOut]));
    }

    /// <summary>The uniform empirical law of the images as points of ℝ⁷⁸⁴ (for exact transport between image sets).</summary>
    public DiscreteDistribution ToDistribution() => new(_pixels, Pixels);

    /// <summary>Number of images per label 0–9.</summary>
    public int[] ClassCounts()
    {
        var c = new int[10];
        foreach (int l in _labels) c[l]++;
        return c;
    }

    internal static int[] Permutation(int n, long seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var p = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
