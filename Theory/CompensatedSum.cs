namespace Verify.Theory;

/// <summary>
/// A running sum kept in two doubles (Neumaier's variant of Kahan summation): the sum s and the rounding errors of the
/// additions so far, c. <see cref="Value"/> = s + c is the sum of the terms with an error of at most about 2u·|Σxᵢ| +
/// O(n·u²)·Σ|xᵢ| (u = 2⁻⁵³), instead of the (n−1)·u·Σ|xᵢ| of plain summation: terms of opposite signs that cancel leave
/// no rounding behind. Each <see cref="Add"/> uses Knuth's TwoSum, so it is exact whatever the order of magnitudes.
/// </summary>
internal struct CompensatedSum
{
    private double _sum, _error;

    /// <summary>Adds one term.</summary>
    public void Add(double term)
    {
        double t = _sum + term;
        _error += TwoSumError(_sum, term, t);
        _sum = t;
    }

    /// <summary>The sum of the terms added so far, rounded once.</summary>
    public readonly double Value => _sum + _error;

    /// <summary>
    /// The exact rounding error of s = fl(a + b): a + b = s + e exactly (Knuth's TwoSum, six operations, no branch).
    /// </summary>
    public static double TwoSumError(double a, double b, double s)
    {
        double bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }
}
