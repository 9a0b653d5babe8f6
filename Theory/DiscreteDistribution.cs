using System.Globalization;

namespace Verify.Theory;

/// <summary>
/// A weighted discrete measure P = Σᵢ wᵢ δ_{xᵢ} on ℝᵈ: n support points xᵢ (stored row-major, n·d values)
/// and non-negative weights wᵢ with Σᵢ wᵢ &gt; 0. Immutable. Construction validates every value;
/// normalisation to a probability law is explicit (<see cref="Normalized"/>), never silent.
/// </summary>
public sealed class DiscreteDistribution
{
    private readonly double[] _points;
    private readonly double[] _weights;

    /// <summary>
    /// Creates the measure from row-major coordinates (length n·d) and optional weights (length n; uniform 1/n when null).
    /// Throws <see cref="ArgumentException"/> on an empty set, NaN or ±∞ coordinates or weights, a negative weight,
    /// zero or overflowing (+∞) total mass, or a length that does not match the dimension.
    /// </summary>
    public DiscreteDistribution(double[] points, int dimension, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (dimension < 1) throw new ArgumentException($"dimension must be at least 1, got {dimension}", nameof(dimension));
        if (points.Length == 0) throw new ArgumentException("the distribution is empty: it has no support points", nameof(points));
        if (points.Length % dimension != 0)
            throw new ArgumentException($"{points.Length} coordinates do not split into points of dimension {dimension}", nameof(points));
        int n = points.Length / dimension;
        for (int k = 0; k < points.Length; k++)
        {
            double x = points[k];
            if (double.IsNaN(x) || double.IsInfinity(x))
                throw new ArgumentException($"point {k / dimension}, coordinate {k % dimension} is {Format(x)}; coordinates must be finite", nameof(points));
        }
        double[] w;
        if (weights is null)
        {
            w = new double[n];
            Array.Fill(w, 1.0 / n);
        }
        else
        {
            if (weights.Length != n)
                throw new ArgumentException($"{weights.Length} weights given for {n} points", nameof(weights));
            w = (double[])weights.Clone();
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                double wi = w[i];
                if (double.IsNaN(wi) || double.IsInfinity(wi))
                    throw new ArgumentException($"weight {i} is {Format(wi)}; weights must be finite", nameof(weights));
                if (wi < 0) throw new ArgumentException($"weight {i} is negative ({Format(wi)})", nameof(weights));
                total += wi;
            }
            if (!(total > 0)) throw new ArgumentException("the total mass is zero: at least one weight must be positive", nameof(weights));
            if (double.IsInfinity(total))
                throw new ArgumentException("the weights sum to Infinity (each is finite, their sum overflows a double); scale them down", nameof(weights));
        }
        _points = (double[])points.Clone();
        _weights = w;
        Dimension = dimension;
        Count = n;
        var sum = new CompensatedSum(); // a plain running sum drifts by about n·u·M (1.3e-11 relative at 10⁶ atoms)
        foreach (double wi in _weights) sum.Add(wi);
        TotalMass = sum.Value;
    }

    /// <summary>Creates the measure from one array per point (all of the same length d).</summary>
    public static DiscreteDistribution FromRows(IReadOnlyList<double[]> rows, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("the distribution is empty: it has no support points", nameof(rows));
        int d = rows[0].Length;
        var flat = new double[rows.Count * d];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d)
                throw new ArgumentException($"point {i} has {rows[i].Length} coordinates, point 0 has {d}", nameof(rows));
            rows[i].CopyTo(flat, i * d);
        }
        return new DiscreteDistribution(flat, d, weights);
    }

    /// <summary>A one-dimensional measure on the given values.</summary>
    public static DiscreteDistribution OneD(double[] values, double[]? weights = null) => new(values, 1, weights);

    /// <summary>Number of support points n.</summary>
    public int Count { get; }

    /// <summary>Dimension d of the ambient space ℝᵈ.</summary>
    public int Dimension { get; }

    /// <summary>Σᵢ wᵢ, summed with compensation (<see cref="CompensatedSum"/>): within about one rounding of the exact sum.</summary>
    public double TotalMass { get; }

    /// <summary>Row-major coordinates, n·d values.</summary>
    public ReadOnlySpan<double> Points => _points;

    /// <summary>The weights wᵢ as given (not normalised).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The coordinates of point i.</summary>
    public ReadOnlySpan<double> Point(int i) => _points.AsSpan(i * Dimension, Dimension);

    /// <summary>True when every weight equals the first (the uniform empirical measure of a point cloud, up to scale).</summary>
    public bool IsUniform
    {
        get
        {
            foreach (double wi in _weights) if (wi != _weights[0]) return false;
            return true;
        }
    }

    /// <summary>The probability law P / P(ℝᵈ): the same points with weights divided by the total mass.</summary>
    public DiscreteDistribution Normalized()
    {
        var w = new double[Count];
        for (int i = 0; i < Count; i++) w[i] = _weights[i] / TotalMass;
        return new DiscreteDistribution(_points, Dimension, w);
    }

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
