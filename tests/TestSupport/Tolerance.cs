using Xunit.Sdk;

namespace Verify.TestSupport;

/// <summary>
/// The one tolerance helper for the whole suite. A value passes when
/// |actual − expected| ≤ abs + rel·|expected|. Infinities must match exactly; NaN never passes.
/// </summary>
public static class Tolerance
{
    /// <summary>Asserts that <paramref name="actual"/> is within abs + rel·|expected| of <paramref name="expected"/>.</summary>
    public static void Close(double expected, double actual, double rel = 1e-12, double abs = 0.0, string? what = null)
    {
        if (!IsClose(expected, actual, rel, abs))
        {
            string label = what is null ? "" : what + ": ";
            throw new XunitException(
                $"{label}expected {expected:R}, got {actual:R} (difference {actual - expected:R}; allowed {abs:R} + {rel:R}·|expected|)");
        }
    }

    /// <summary>Element-wise <see cref="Close(double,double,double,double,string)"/> over two equal-length sequences.</summary>
    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double rel = 1e-12, double abs = 0.0, string? what = null)
    {
        if (expected.Length != actual.Length)
            throw new XunitException($"{what ?? "values"}: expected {expected.Length} values, got {actual.Length}");
        for (int i = 0; i < expected.Length; i++)
            Close(expected[i], actual[i], rel, abs, $"{what ?? "values"}[{i}]");
    }

    /// <summary>True when |actual − expected| ≤ abs + rel·|expected|; infinities must be equal; NaN is never close.</summary>
    public static bool IsClose(double expected, double actual, double rel = 1e-12, double abs = 0.0)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual)) return false;
        if (double.IsInfinity(expected) || double.IsInfinity(actual)) return expected == actual;
        return Math.Abs(actual - expected) <= abs + rel * Math.Abs(expected);
    }

    /// <summary>Asserts actual ≤ bound + abs (for inequalities such as a triangle inequality or a Lipschitz bound).</summary>
    public static void AtMost(double bound, double actual, double abs = 1e-12, string? what = null)
    {
        if (double.IsNaN(actual) || double.IsNaN(bound) || actual > bound + abs)
            throw new XunitException($"{what ?? "value"}: expected at most {bound:R} (+{abs:R}), got {actual:R}");
    }
}
