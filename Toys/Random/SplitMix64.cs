namespace Verify.Toys.Random;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014):
/// state s ← s + γ with γ = 0x9E3779B97F4A7C15, output z = mix(s). Used only to expand a 64-bit seed into the
/// 256-bit state of <see cref="Xoshiro256StarStar"/>, as its authors recommend. Integer arithmetic only, so the
/// stream is identical on every machine.
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    /// <summary>Starts the stream at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64-bit output.</summary>
    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
