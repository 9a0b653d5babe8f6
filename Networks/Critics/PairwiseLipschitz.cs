namespace Verify.Networks.Critics;

/// <summary>
/// The pairwise-ratio lower bound on a function's Lipschitz constant: max over pairs of points of |f(x) − f(y)| / ‖x − y‖
/// (Euclidean), from values of f at given points. Any Lipschitz constant of f is at least this number.
/// </summary>
public static class PairwiseLipschitz
{
    /// <summary>
    /// max_{i≠j} |fᵢ − fⱼ| / ‖xᵢ − xⱼ‖ over the n points <paramref name="points"/> (row-major, dimension
    /// <paramref name="dimension"/>) with values <paramref name="values"/>; pairs at distance 0 are skipped. O(n²·d).
    /// </summary>
    public static double Ratio(ReadOnlySpan<double> points, int dimension, ReadOnlySpan<double> values)
    {
        if (dimension < 1 || points.Length != values.Length * dimension)
            throw new ArgumentException($"{values.Length} values need {values.Length * dimension} coordinates in dimension {dimension}, {points.Length} given", nameof(points));
        int n = values.Length;
        double best = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> xi = points.Slice(i * dimension, dimension);
            for (int j = i + 1; j < n; j++)
            {
                ReadOnlySpan<double> xj = points.Slice(j * dimension, dimension);
                double d2 = 0;
                for (int k = 0; k < dimension; k++)
                {
                    double t = xi[k] - xj[k];
                    d2 += t * t;
                }
                if (d2 == 0) continue;
                double r = Math.Abs(values[i] - values[j]) / Math.Sqrt(d2);
                if (r > best) best = r;
            }
        }
        return best;
    }
}
