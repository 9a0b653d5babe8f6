using System.Globalization;

namespace Verify.Theory;

/// <summary>
/// Non-negative masses on a regular product grid in ℝᵈ: axis k has edges e₀ &lt; e₁ &lt; … &lt; e_{nₖ} (nₖ bins), and the
/// bin (i₁, …, i_d) is the box Πₖ [e_{iₖ}, e_{iₖ+1}). Masses are stored row-major (the last axis varies fastest).
/// Immutable; construction validates every value; normalisation is explicit (<see cref="Normalized"/>).
/// Divergences between histograms require the SAME grid (edges equal value by value), so that bin i of one
/// histogram is bin i of the other.
/// </summary>
public sealed class Histogram
{
    private readonly double[][] _edges;
    private readonly double[] _masses;

    /// <summary>A one-dimensional histogram: edges e₀ &lt; … &lt; e_n and n masses.</summary>
    public Histogram(double[] edges, double[] masses) : this([edges], masses) { }

    /// <summary>
    /// A d-dimensional histogram: one strictly increasing edge array per axis and Πₖ nₖ masses, row-major.
    /// Throws <see cref="ArgumentException"/> when there is no axis or no bin, an edge or mass is NaN or ±∞, edges are
    /// not strictly increasing, a mass is negative, the number of masses is not the number of bins, or the total mass is 0.
    /// </summary>
    public Histogram(IReadOnlyList<double[]> edges, double[] masses)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(masses);
        if (edges.Count == 0) throw new ArgumentException("the histogram is empty: no axis was given", nameof(edges));
        _edges = new double[edges.Count][];
        long bins = 1;
        for (int k = 0; k < edges.Count; k++)
        {
            double[] e = edges[k] ?? throw new ArgumentException($"axis {k} has no edges (null)", nameof(edges));
            if (e.Length < 2)
                throw new ArgumentException($"the histogram is empty: axis {k} has {e.Length} edge(s), at least 2 are needed for one bin", nameof(edges));
            for (int i = 0; i < e.Length; i++)
            {
                if (double.IsNaN(e[i]) || double.IsInfinity(e[i]))
                    throw new ArgumentException($"axis {k}, edge {i} is {F(e[i])}; edges must be finite", nameof(edges));
                if (i > 0 && !(e[i] > e[i - 1]))
                    throw new ArgumentException($"axis {k}: edge {i} ({F(e[i])}) is not greater than edge {i - 1} ({F(e[i - 1])}); edges must increase strictly", nameof(edges));
            }
            _edges[k] = (double[])e.Clone();
            bins *= e.Length - 1;
        }
        if (masses.Length != bins)
            throw new ArgumentException($"{masses.Length} masses given for a grid of {bins} bins", nameof(masses));
        double total = 0;
        for (int i = 0; i < masses.Length; i++)
        {
            double m = masses[i];
            if (double.IsNaN(m) || double.IsInfinity(m)) throw new ArgumentException($"mass {i} is {F(m)}; masses must be finite", nameof(masses));
            if (m < 0) throw new ArgumentException($"mass {i} is negative ({F(m)})", nameof(masses));
            total += m;
        }
        if (!(total > 0)) throw new ArgumentException("the total mass is zero: at least one bin must carry mass", nameof(masses));
        _masses = (double[])masses.Clone();
        TotalMass = total;
    }

    /// <summary>The n + 1 edges of n equal bins on [lo, hi]: eₖ = lo + k·(hi − lo)/n (the last edge is exactly hi).</summary>
    public static double[] RegularEdges(double lo, double hi, int bins)
    {
        Guard.Finite(lo, "lo", nameof(lo));
        Guard.Finite(hi, "hi", nameof(hi));
        if (!(hi > lo)) throw new ArgumentException($"the range [{F(lo)}, {F(hi)}] is empty: hi must exceed lo", nameof(hi));
        if (bins < 1) throw new ArgumentException($"bins must be at least 1, got {bins}", nameof(bins));
        if (double.IsInfinity(hi - lo))
            throw new ArgumentException($"the range [{F(lo)}, {F(hi)}] is wider than a double holds (hi − lo overflows)", nameof(hi));
        var e = new double[bins + 1];
        for (int k = 0; k < bins; k++) e[k] = lo + k * (hi - lo) / bins;
        e[bins] = hi;
        return e;
    }

    /// <summary>
    /// Bins a weighted sample: each point's weight is added to the bin that contains it (bins are [eₖ, eₖ₊₁), the last
    /// one along each axis also contains its right edge). Masses are the weights as given, not normalised. Throws
    /// <see cref="ArgumentException"/> when a point lies outside the grid (naming the point and axis) or the dimensions differ.
    /// </summary>
    public static Histogram Bin(DiscreteDistribution sample, IReadOnlyList<double[]> edges)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(edges);
        var grid = new Histogram(edges, Ones(edges)); // validates the edges
        if (sample.Dimension != grid.Dimension)
            throw new ArgumentException($"dimension mismatch: the sample has dimension {sample.Dimension}, the grid {grid.Dimension}", nameof(edges));
        var masses = new double[grid.BinCount];
        ReadOnlySpan<double> w = sample.Weights;
        for (int i = 0; i < sample.Count; i++)
        {
            ReadOnlySpan<double> x = sample.Point(i);
            int bin = 0;
            for (int k = 0; k < grid.Dimension; k++)
            {
                double[] e = grid._edges[k];
                if (x[k] < e[0] || x[k] > e[^1])
                    throw new ArgumentException(
                        $"point {i} lies outside the grid on axis {k}: {F(x[k])} is not in [{F(e[0])}, {F(e[^1])}]", nameof(sample));
                int j = Array.BinarySearch(e, x[k]);
                if (j < 0) j = ~j - 1;                  // insertion point − 1: the bin whose left edge is below x
                j = Math.Min(j, e.Length - 2);          // x on the last edge belongs to the last bin
                bin = bin * (e.Length - 1) + j;
            }
            masses[bin] += w[i];
        }
        return new Histogram(grid._edges, masses);
    }

    private static double[] Ones(IReadOnlyList<double[]> edges)
    {
        long n = 1;
        foreach (double[] e in edges) n *= Math.Max((e?.Length ?? 0) - 1, 0);
        var m = new double[n];
        Array.Fill(m, 1.0);
        return m;
    }

    /// <summary>Number of axes d.</summary>
    public int Dimension => _edges.Length;

    /// <summary>Number of bins Πₖ nₖ.</summary>
    public int BinCount => _masses.Length;

    /// <summary>Σ masses.</summary>
    public double TotalMass { get; }

    /// <summary>The masses, row-major (last axis fastest), as given.</summary>
    public ReadOnlySpan<double> Masses => _masses;

    /// <summary>The edges of axis <paramref name="axis"/>.</summary>
    public ReadOnlySpan<double> Edges(int axis) => _edges[axis];

    /// <summary>Number of bins along axis <paramref name="axis"/>.</summary>
    public int BinsAlong(int axis) => _edges[axis].Length - 1;

    /// <summary>True when <paramref name="other"/> has the same number of axes and the same edges, value by value.</summary>
    public bool SameGrid(Histogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Dimension != Dimension) return false;
        for (int k = 0; k < Dimension; k++)
            if (!_edges[k].AsSpan().SequenceEqual(other._edges[k])) return false;
        return true;
    }

    /// <summary>The probability histogram: the same grid with masses divided by the total mass.</summary>
    public Histogram Normalized()
    {
        var m = new double[_masses.Length];
        for (int i = 0; i < m.Length; i++) m[i] = _masses[i] / TotalMass;
        return new Histogram(_edges, m);
    }

    /// <summary>
    /// The discrete measure Σ_b m_b δ_{c_b} that puts each bin's mass at its centre c_b (midpoint of the bin along every
    /// axis), in row-major bin order; bins of zero mass are kept as zero-weight atoms so indices agree with <see cref="Masses"/>.
    /// </summary>
    public DiscreteDistribution ToDistribution()
    {
        int d = Dimension;
        var points = new double[_masses.Length * d];
        var idx = new int[d];
        for (int b = 0; b < _masses.Length; b++)
        {
            for (int k = 0; k < d; k++)
            {
                double[] e = _edges[k];
                points[b * d + k] = 0.5 * (e[idx[k]] + e[idx[k] + 1]);
            }
            for (int k = d - 1; k >= 0; k--)
            {
                if (++idx[k] < _edges[k].Length - 1) break;
                idx[k] = 0;
            }
        }
        return new DiscreteDistribution(points, d, _masses);
    }

    /// <summary>Throws unless <paramref name="q"/> lies on the grid of <paramref name="p"/>.</summary>
    internal static void CheckSameGrid(Histogram p, Histogram q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (p.Dimension != q.Dimension)
            throw new ArgumentException($"grid mismatch: P's histogram has {p.Dimension} axes, Q's has {q.Dimension}", nameof(q));
        for (int k = 0; k < p.Dimension; k++)
            if (!p._edges[k].AsSpan().SequenceEqual(q._edges[k]))
                throw new ArgumentException(
                    $"grid mismatch on axis {k}: P has {p.BinsAlong(k)} bins on [{F(p._edges[k][0])}, {F(p._edges[k][^1])}], " +
                    $"Q has {q.BinsAlong(k)} bins on [{F(q._edges[k][0])}, {F(q._edges[k][^1])}] (edges must be equal value by value)", nameof(q));
    }

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
