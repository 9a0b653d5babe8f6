namespace Verify.Theory;

/// <summary>
/// Two discrete laws written on the union of their supports: atom k is the point <see cref="Point"/>(k) and carries
/// mass <see cref="P"/>[k] under P and <see cref="Q"/>[k] under Q (0 where the point is not in that law's support).
/// </summary>
/// <remarks>
/// Atoms match only when all their coordinates are EXACTLY equal (<c>==</c> on doubles, so −0 matches +0): two
/// sample points 10⁻¹⁵ apart are different atoms, and two empirical clouds drawn from the same continuous law are
/// almost surely disjoint (JS = log 2, TV = 1, KL = +∞). That is the honest value for the discrete laws given;
/// bin them into a <see cref="Histogram"/> first when a density comparison is meant. Repeated points within one
/// law are merged and their weights added. Atoms are listed in order of first appearance, P's points first.
/// </remarks>
public sealed class MatchedAtoms
{
    private readonly double[] _points;

    private MatchedAtoms(double[] points, int dimension, double[] p, double[] q)
    {
        _points = points;
        Dimension = dimension;
        P = p;
        Q = q;
    }

    /// <summary>Number of distinct atoms in supp P ∪ supp Q.</summary>
    public int Count => P.Length;

    /// <summary>Dimension d of the points.</summary>
    public int Dimension { get; }

    /// <summary>Mass of each atom under P (weights as given, not normalised).</summary>
    public double[] P { get; }

    /// <summary>Mass of each atom under Q (weights as given, not normalised).</summary>
    public double[] Q { get; }

    /// <summary>The coordinates of atom k.</summary>
    public ReadOnlySpan<double> Point(int k) => _points.AsSpan(k * Dimension, Dimension);

    /// <summary>Matches the atoms of <paramref name="p"/> and <paramref name="q"/> by exact equality of coordinates.</summary>
    /// <exception cref="ArgumentException">The dimensions differ.</exception>
    public static MatchedAtoms Match(DiscreteDistribution p, DiscreteDistribution q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        Guard.SameDimension(p, q);
        int d = p.Dimension;
        var index = new Dictionary<double[], int>(p.Count + q.Count, CoordinateComparer.Instance);
        var points = new List<double>((p.Count + q.Count) * d);
        var wp = new List<double>(p.Count + q.Count);
        var wq = new List<double>(p.Count + q.Count);

        void Add(DiscreteDistribution law, List<double> mine, List<double> other)
        {
            ReadOnlySpan<double> w = law.Weights;
            for (int i = 0; i < law.Count; i++)
            {
                double[] key = law.Point(i).ToArray();
                if (index.TryGetValue(key, out int k)) mine[k] += w[i];
                else
                {
                    index.Add(key, mine.Count);
                    points.AddRange(key);
                    mine.Add(w[i]);
                    other.Add(0.0);
                }
            }
        }

        Add(p, wp, wq);
        Add(q, wq, wp);
        return new MatchedAtoms(points.ToArray(), d, wp.ToArray(), wq.ToArray());
    }

    /// <summary>Equality of coordinate vectors by <c>==</c>; the hash maps −0 and +0 alike.</summary>
    private sealed class CoordinateComparer : IEqualityComparer<double[]>
    {
        public static readonly CoordinateComparer Instance = new();

        public bool Equals(double[]? x, double[]? y)
        {
            if (x is null || y is null) return x is null && y is null;
            if (x.Length != y.Length) return false;
            for (int k = 0; k < x.Length; k++) if (x[k] != y[k]) return false;
            return true;
        }

        public int GetHashCode(double[] x)
        {
            var h = new HashCode();
            foreach (double v in x) h.Add(v == 0 ? 0.0 : v);
            return h.ToHashCode();
        }
    }
}
