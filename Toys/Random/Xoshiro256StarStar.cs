namespace Verify.Toys.Random;

/// <summary>
/// The toys' random source: xoshiro256** (Blackman &amp; Vigna, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 2021), seeded by <see cref="SplitMix64"/>. Uniforms are the top 53 bits scaled by 2⁻⁵³ (so U ∈ [0, 1)),
/// normals come from Marsaglia's polar method with <see cref="PortableMath.Log"/>, and bounded integers from the
/// high word of a 64×64-bit product. Every step is integer arithmetic or a correctly rounded IEEE operation
/// (+, −, ×, ÷, √), so the same seed gives bit-identical numbers on every machine and runtime.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpare;

    /// <summary>Seeds the 256-bit state with four SplitMix64 outputs of <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(long seed)
    {
        var sm = new SplitMix64(unchecked((ulong)seed));
        _s0 = sm.Next(); _s1 = sm.Next(); _s2 = sm.Next(); _s3 = sm.Next();
    }

    /// <summary>Sets the raw state (not all zero); used to check the generator against its published definition.</summary>
    public static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0) throw new ArgumentException("the xoshiro256** state must not be all zero", nameof(s0));
        var g = new Xoshiro256StarStar(0);
        g._s0 = s0; g._s1 = s1; g._s2 = s2; g._s3 = s3;
        return g;
    }

    /// <summary>The next 64-bit output: rotl(s₁·5, 7)·9, then the xoshiro state transition.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>U ~ Uniform[0, 1): the top 53 bits times 2⁻⁵³.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer uniform on {0, …, k−1} (bias at most k/2⁶⁴).</summary>
    public int NextInt(int k)
    {
        if (k <= 0) throw new ArgumentException($"k must be positive, got {k}", nameof(k));
        return (int)Math.BigMul(NextUInt64(), (ulong)k, out _);
    }

    /// <summary>
    /// Z ~ N(0, 1) by Marsaglia's polar method: draw (u, v) uniform on [−1, 1)² until 0 &lt; s = u² + v² &lt; 1, then
    /// u·√(−2 ln s / s) and v·√(−2 ln s / s) are independent standard normals; the second is kept for the next call.
    /// </summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }
        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double f = Math.Sqrt(-2.0 * PortableMath.Log(s) / s);
        _spareNormal = v * f;
        _hasSpare = true;
        return u * f;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
