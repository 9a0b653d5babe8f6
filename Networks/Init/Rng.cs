using System.Numerics;
using Verify.Toys.Random;

namespace Verify.Networks.Init;

/// <summary>
/// A small deterministic random generator: the toys' xoshiro256** seeded through SplitMix64
/// (<see cref="Xoshiro256StarStar"/>), with unbiased bounded integers, fills and permutations on top. The same seed gives
/// the same stream on every machine and run; used for initialisation, sampling and shuffles.
/// </summary>
public sealed class Rng
{
    private readonly Xoshiro256StarStar _g;

    /// <summary>A generator whose whole stream is determined by <paramref name="seed"/>.</summary>
    public Rng(ulong seed) => _g = new Xoshiro256StarStar(unchecked((long)seed));

    /// <summary>The seed-determined generator for a signed seed.</summary>
    public Rng(int seed) : this(unchecked((ulong)(long)seed)) { }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => _g.NextUInt64();

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _g.NextDouble();

    /// <summary>A uniform double in [lo, hi).</summary>
    public double NextUniform(double lo, double hi) => lo + (hi - lo) * NextDouble();

    /// <summary>A uniform integer in [0, n) without modulo bias.</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentException($"n must be positive, got {n}", nameof(n));
        ulong bound = (ulong)n, threshold = (0UL - bound) % bound;
        while (true)
        {
            ulong r = NextUInt64();
            UInt128 product = (UInt128)r * bound;
            if ((ulong)product >= threshold) return (int)(product >> 64);
        }
    }

    /// <summary>A standard normal draw (Marsaglia's polar method, as <see cref="Xoshiro256StarStar.NextNormal"/>).</summary>
    public double NextNormal() => _g.NextNormal();

    /// <summary>Fills with independent U(lo, hi) values (drawn in double, then rounded to <typeparamref name="T"/>).</summary>
    public void FillUniform<T>(Span<T> destination, double lo, double hi) where T : IFloatingPointIeee754<T>
    {
        if (!(lo <= hi)) throw new ArgumentException($"uniform bounds must satisfy lo ≤ hi, got [{lo}, {hi}]", nameof(lo));
        for (int i = 0; i < destination.Length; i++) destination[i] = T.CreateChecked(NextUniform(lo, hi));
    }

    /// <summary>Fills with independent N(mean, std²) values.</summary>
    public void FillNormal<T>(Span<T> destination, double mean, double std) where T : IFloatingPointIeee754<T>
    {
        if (!(std >= 0)) throw new ArgumentException($"std must be ≥ 0, got {std}", nameof(std));
        for (int i = 0; i < destination.Length; i++) destination[i] = T.CreateChecked(mean + std * NextNormal());
    }

    /// <summary>A uniformly random permutation of 0 … n−1 (Fisher–Yates).</summary>
    public int[] Permutation(int n)
    {
        if (n < 0) throw new ArgumentException($"n must be ≥ 0, got {n}", nameof(n));
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    /// <summary>A new generator seeded from this one's stream (for independent sub-streams).</summary>
    public Rng Split() => new(NextUInt64());
}
