using System.Runtime.CompilerServices;

namespace Verify.Theory;

/// <summary>
/// Sorting of large arrays of finite doubles by an LSD radix sort on order-preserving 64-bit keys (flip all bits of a
/// negative number, set the sign bit of a non-negative one, so unsigned order equals numeric order; −0 sorts just
/// before +0). Six passes of 11 bits, skipping any pass whose digit is the same for every key. O(n).
/// Small arrays use <see cref="Array.Sort(Array)"/>.
/// </summary>
internal static class RadixSort
{
    private const int SmallSize = 1 << 14;
    private const int Bits = 11, Buckets = 1 << Bits, Passes = 6;
    private const ulong Sign = 0x8000_0000_0000_0000UL;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(double[] values)
    {
        int n = values.Length;
        if (n < SmallSize)
        {
            Array.Sort(values);
            return;
        }
        var keys = new ulong[n];
        var other = new ulong[n];
        var counts = new int[Passes * Buckets];
        for (int i = 0; i < n; i++)
        {
            ulong u = BitConverter.DoubleToUInt64Bits(values[i]);
            ulong k = (u & Sign) != 0 ? ~u : u | Sign;
            keys[i] = k;
            for (int p = 0; p < Passes; p++) counts[p * Buckets + (int)((k >> (p * Bits)) & (Buckets - 1))]++;
        }
        for (int p = 0; p < Passes; p++)
        {
            int offset = p * Buckets, shift = p * Bits;
            bool trivial = false;
            int sum = 0;
            for (int d = 0; d < Buckets; d++)
            {
                int c = counts[offset + d];
                if (c == n) trivial = true;
                counts[offset + d] = sum;
                sum += c;
            }
            if (trivial) continue; // every key has the same digit here: the pass would not move anything
            for (int i = 0; i < n; i++)
            {
                ulong k = keys[i];
                other[counts[offset + (int)((k >> shift) & (Buckets - 1))]++] = k;
            }
            (keys, other) = (other, keys);
        }
        for (int i = 0; i < n; i++)
        {
            ulong k = keys[i];
            values[i] = BitConverter.UInt64BitsToDouble((k & Sign) != 0 ? k & ~Sign : ~k);
        }
    }
}
