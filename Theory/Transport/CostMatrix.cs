using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Verify.Theory;

/// <summary>Views and checks of a dense cost matrix C ∈ ℝⁿˣᵐ stored row-major (a <c>double[,]</c>).</summary>
internal static class CostMatrix
{
    /// <summary>The n·m entries of a rectangular array as one row-major span (no copy).</summary>
    public static Span<double> Span(double[,] c) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(c)), c.Length);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first NaN or −∞ entry; returns max |Cᵢⱼ| over finite entries and whether any entry is +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double MaxAbs, bool HasInfinity) Check(ReadOnlySpan<double> c, int m, string paramName)
    {
        int k = 0;
        double max = 0;
        bool inf = false;
        if (Vector256.IsHardwareAccelerated && c.Length >= 8)
        {
            // Four lanes at a time; a lane that is NaN or ±∞ sends its chunk to the scalar check below.
            var vMax = Vector256<double>.Zero;
            var vInf = Vector256.Create(double.PositiveInfinity);
            ref double r = ref MemoryMarshal.GetReference(c);
            for (; k + 4 <= c.Length; k += 4)
            {
                var x = Vector256.LoadUnsafe(ref r, (nuint)k);
                var abs = Vector256.Abs(x);
                if (!Vector256.LessThanAll(abs, vInf))
                {
                    for (int t = k; t < k + 4; t++) CheckOne(c[t], t, m, paramName, ref max, ref inf);
                    continue;
                }
                vMax = Vector256.Max(vMax, abs);
            }
            for (int l = 0; l < 4; l++) max = Math.Max(max, vMax.GetElement(l));
        }
        for (; k < c.Length; k++) CheckOne(c[k], k, m, paramName, ref max, ref inf);
        return (max, inf);
    }

    private static void CheckOne(double x, int k, int m, string paramName, ref double max, ref bool inf)
    {
        if (double.IsNaN(x))
            throw new ArgumentException($"cost[{k / m},{k % m}] is NaN; costs must be numbers", paramName);
        if (double.IsNegativeInfinity(x))
            throw new ArgumentException($"cost[{k / m},{k % m}] is -Infinity; costs must be finite (or +Infinity for a forbidden pair)", paramName);
        if (double.IsPositiveInfinity(x)) { inf = true; return; }
        double ax = Math.Abs(x);
        if (ax > max) max = ax;
    }
}
