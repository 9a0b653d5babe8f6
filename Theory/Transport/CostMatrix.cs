using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Verify.Theory;

/// <summary>Views and checks of a dense cost matrix C ∈ ℝⁿˣᵐ stored row-major (a <c>double[,]</c>).</summary>
internal static class CostMatrix
{
    /// <summary>The n·m entries of a rectangular array as one row-major span (no copy).</summary>
    public static Span<double> Span(double[,] c) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(c)), c.Length);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first NaN or −∞ entry; returns max |Cᵢⱼ| over finite entries and whether any entry is +∞.</summary>
    public static (double MaxAbs, bool HasInfinity) Check(ReadOnlySpan<double> c, int m, string paramName)
    {
        double max = 0;
        bool inf = false;
        for (int k = 0; k < c.Length; k++)
        {
            double x = c[k];
            if (double.IsNaN(x))
                throw new ArgumentException($"cost[{k / m},{k % m}] is NaN; costs must be numbers", paramName);
            if (double.IsNegativeInfinity(x))
                throw new ArgumentException($"cost[{k / m},{k % m}] is -Infinity; costs must be finite (or +Infinity for a forbidden pair)", paramName);
            if (double.IsPositiveInfinity(x)) { inf = true; continue; }
            double ax = Math.Abs(x);
            if (ax > max) max = ax;
        }
        return (max, inf);
    }
}
