using Verify.Theory;

namespace Verify.Figures.Io;

/// <summary>
/// A sample file as read (<see cref="SampleFiles"/>): its coordinate column names, its points (row-major, n·d) and its
/// weights when it has a weight column, all already checked (finite, non-negative weights with a positive finite sum).
/// The weighted point set as a <see cref="DiscreteDistribution"/> (weights as given, uniform 1/n when none) is built on
/// first use, so a command that needs only the numbers (1-D W1 by sorted CDFs) never copies them into one.
/// </summary>
public sealed class SampleFile
{
    private readonly double[] _points;
    private readonly double[]? _weights;
    private DiscreteDistribution? _distribution;

    /// <summary>Wraps checked values; <paramref name="points"/> holds n·<c>columns.Length</c> values.</summary>
    public SampleFile(string path, string[] columns, double[] points, double[]? weights)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(points);
        if (columns.Length == 0 || points.Length % columns.Length != 0)
            throw new ArgumentException($"{points.Length} values do not split into rows of {columns.Length} columns", nameof(points));
        if (weights is not null && weights.Length != points.Length / columns.Length)
            throw new ArgumentException($"{weights.Length} weights for {points.Length / columns.Length} rows", nameof(weights));
        Path = path;
        Columns = columns;
        _points = points;
        _weights = weights;
    }

    /// <summary>The file name as given.</summary>
    public string Path { get; }

    /// <summary>The coordinate columns, in file order (the weight column is not one of them).</summary>
    public string[] Columns { get; }

    /// <summary>
    /// False when the file carries no column names (a bare .npy array): its columns are then matched by position, and
    /// <see cref="Columns"/> holds "0", "1", … as pandas names unnamed columns.
    /// </summary>
    public bool NamedColumns { get; init; } = true;

    /// <summary>True when the file has a weight column (or a weights array).</summary>
    public bool HasWeights => _weights is not null;

    /// <summary>Number of points n.</summary>
    public int Count => _points.Length / Columns.Length;

    /// <summary>Number of coordinates d.</summary>
    public int Dimension => Columns.Length;

    /// <summary>The coordinates, row-major (n·d values).</summary>
    public ReadOnlySpan<double> Points => _points;

    /// <summary>The weights as given, or empty when the file has none.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The arrays themselves, for callers that take arrays (never to be modified).</summary>
    internal double[] PointArray => _points;

    internal double[]? WeightArray => _weights;

    /// <summary>The weighted point set (weights as given; uniform 1/n without a weight column), built on first use.</summary>
    public DiscreteDistribution Distribution => _distribution ??= new DiscreteDistribution(_points, Dimension, _weights);
}
