using System.Numerics;

namespace Verify.Networks.Init;

/// <summary>
/// A small deterministic random generator: xoshiro256** (Blackman &amp; Vigna, 2018) seeded through SplitMix64.
/// The same seed gives the same stream on every machine and run; used for initialisation, sampling and shuffles.
/// </summary>
public sealed class Rng
{
    private ulong s0, s1, s2, s3;
    private double spareNormal;
    private bool hasSpare;

    /// <summary>A generator whose whole stream is determined by <paramref name="seed"/>.</summary>
    public Rng(ulong seed)
    {
        ulong x = seed;
        s0 = SplitMix(ref x); s1 = SplitMix(ref x); s2 = SplitMix(ref x); s3 = SplitMix(ref x);
    }

    /// <summary>The seed-determined generator for a signed seed.</summary>
    public Rng(int seed) : this(unchecked((ulong)(long)seed)) { }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

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

    /// <summary>A standard normal draw (Marsaglia's polar method; the second value of each pair is kept for the next call).</summary>
    public double NextNormal()
    {
        if (hasSpare) { hasSpare = false; return spareNormal; }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        spareNormal = v * f;
        hasSpare = true;
        return u * f;
    }

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
