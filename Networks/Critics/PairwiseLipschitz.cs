using Verify.Theory;

namespace Verify.Networks.Critics;

/// <summary>
/// The pairwise-ratio lower bound on a function's Lipschitz constant: max over pairs of points of |f(x) − f(y)| / ‖x − y‖
/// (Euclidean), from values of f at given points. Any Lipschitz constant of f is at least this number.
/// </summary>
public static class PairwiseLipschitz
{
    /// <summary>
    /// max_{i≠j} |fᵢ − fⱼ| / ‖xᵢ − xⱼ‖ over the n points <paramref name="points"/> (row-major, dimension
    /// <paramref name="dimension"/>) with values <paramref name="values"/>; 0 for fewer than two points. Computed by
    /// <see cref="KantorovichDual.EmpiricalLipschitz"/> over the same points, so pairs at distance 0 count only when
    /// their values differ (then the ratio is +∞: no function takes two values at one point). O(n²·d).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths that do not match, or a NaN or ±∞ coordinate or value.</exception>
    public static double Ratio(ReadOnlySpan<double> points, int dimension, ReadOnlySpan<double> values)
    {
        if (dimension < 1 || points.Length != values.Length * dimension)
            throw new ArgumentException($"{values.Length} values need {values.Length * dimension} coordinates in dimension {dimension}, {points.Length} given", nameof(points));
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i])) throw new ArgumentException($"value {i} is {values[i]}; values must be finite", nameof(values));
        int n = values.Length;
        if (n < 2) return 0;
        // EmpiricalLipschitz takes every pair of supp P ∪ supp Q; split the points as P = the first n − 1, Q = the last.
        var p = new DiscreteDistribution(points[..((n - 1) * dimension)].ToArray(), dimension);
        var q = new DiscreteDistribution(points[((n - 1) * dimension)..].ToArray(), dimension);
        return KantorovichDual.EmpiricalLipschitz(p, q, values[..(n - 1)].ToArray(), [values[n - 1]]);
    }
}
