using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Verify.Theory;

/// <summary>
/// Views and checks of a dense cost matrix C ∈ ℝⁿˣᵐ stored row-major, as a <c>double[,]</c> or a flat <c>double[]</c>
/// (typed as <see cref="Array"/> where both are accepted). The only place that reads a matrix through a raw reference.
/// </summary>
internal static class CostMatrix
{
    /// <summary>The n·m entries of a rectangular array as one row-major span (no copy).</summary>
    public static Span<double> Span(double[,] c) =>
        MemoryMarshal.CreateSpan(ref First(c), c.Length);

    /// <summary>Row i (m entries) of a row-major cost array of doubles (no copy, no bounds check: i &lt; n is the caller's).</summary>
    public static Span<double> Row(Array cost, int i, int m) =>
        MemoryMarshal.CreateSpan(ref Unsafe.Add(ref First(cost), (nint)i * m), m);

    /// <summary>Entry e = i·m + j of a row-major cost array of doubles.</summary>
    public static double At(Array cost, long e) => Unsafe.Add(ref First(cost), (nint)e);

    /// <summary>A reference to the first entry of a row-major cost array of doubles.</summary>
    public static ref double First(Array cost) => ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(cost));

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the first NaN or −∞ entry; returns max |Cᵢⱼ| and min Cᵢⱼ over finite
    /// entries (0 and +∞ when there is none) and whether any entry is +∞ (a forbidden pair).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double MaxAbs, double Min, bool HasInfinity) Check(ReadOnlySpan<double> c, int m, string paramName)
    {
        int k = 0;
        double max = 0, min = double.PositiveInfinity;
        bool inf = false;
        if (Vector256.IsHardwareAccelerated && c.Length >= 8)
        {
            // Four lanes at a time; a lane that is NaN or ±∞ sends its chunk to the scalar check below.
            var vMax = Vector256<double>.Zero;
            var vMin = Vector256.Create(double.PositiveInfinity);
            var vInf = Vector256.Create(double.PositiveInfinity);
            ref double r = ref MemoryMarshal.GetReference(c);
            for (; k + 4 <= c.Length; k += 4)
            {
                var x = Vector256.LoadUnsafe(ref r, (nuint)k);
                var abs = Vector256.Abs(x);
                if (!Vector256.LessThanAll(abs, vInf))
                {
                    for (int t = k; t < k + 4; t++) CheckOne(c[t], t, m, paramName, ref max, ref min, ref inf);
                    continue;
                }
                vMax = Vector256.Max(vMax, abs);
                vMin = Vector256.Min(vMin, x);
            }
            for (int l = 0; l < 4; l++)
            {
                max = Math.Max(max, vMax.GetElement(l));
                min = Math.Min(min, vMin.GetElement(l));
            }
        }
        for (; k < c.Length; k++) CheckOne(c[k], k, m, paramName, ref max, ref min, ref inf);
        return (max, min, inf);
    }

    private static void CheckOne(double x, int k, int m, string paramName, ref double max, ref double min, ref bool inf)
    {
        if (double.IsNaN(x))
            throw new ArgumentException($"cost[{k / m},{k % m}] is NaN; costs must be numbers", paramName);
        if (double.IsNegativeInfinity(x))
            throw new ArgumentException($"cost[{k / m},{k % m}] is -Infinity; costs must be finite (or +Infinity for a forbidden pair)", paramName);
        if (double.IsPositiveInfinity(x)) { inf = true; return; }
        max = Math.Max(max, Math.Abs(x));
        min = Math.Min(min, x);
    }
}
