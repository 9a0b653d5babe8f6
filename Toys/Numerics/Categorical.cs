namespace Verify.Toys.Numerics;

/// <summary>Inverse-CDF sampling of a finite law from its cumulative sums.</summary>
internal static class Categorical
{
    /// <summary>
    /// The first index j with u &lt; cumulative[j] (binary search), for u ∈ [0, 1) and non-decreasing cumulative sums
    /// ending in exactly 1; so P(j) = cumulative[j] − cumulative[j−1] and zero-mass entries are never returned.
    /// </summary>
    public static int FirstAbove(double[] cumulative, double u)
    {
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
