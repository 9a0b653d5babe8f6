namespace Verify.Theory;

/// <summary>
/// A balanced k-d tree over a point cloud, for the matrix-free transport route in low dimension.
/// <para>
/// Every leaf sits at the same depth D = ⌈log₂(n / <see cref="LeafSize"/>)⌉ and holds between LeafSize/2 and LeafSize
/// points, so the nodes are numbered as a heap (children of k: 2k + 1, 2k + 2) and node k covers the contiguous range
/// [Start(k), End(k)) of the points in tree order. Each node splits at the median of its widest coordinate and keeps the
/// tight bounding box of its points. The points are copied in tree order (<see cref="Points"/>), with
/// <see cref="Index"/> mapping a tree position to the original index.
/// </para>
/// <para>
/// The tree holds no costs. Per-query bounds come from <see cref="GroundCost.BoxLower"/> and
/// <see cref="GroundCost.BoxUpper"/>, which are bounds on the cost as computed in double precision (not only on the real
/// distance), and per-point keys (potentials) are aggregated per node with <see cref="NodeMin"/> / <see cref="NodeMax"/>.
/// </para>
/// </summary>
internal sealed class KdTree
{
    /// <summary>Most points in a leaf.</summary>
    public const int LeafSize = 8;

    private readonly int[] _start, _end;

    /// <summary>Builds the tree over <paramref name="count"/> points of dimension <paramref name="dimension"/> (row-major).</summary>
    public KdTree(ReadOnlySpan<double> points, int count, int dimension)
    {
        Count = count;
        Dimension = dimension;
        int depth = 0;
        while (((long)LeafSize << depth) < count) depth++;
        Depth = depth;
        NodeCount = (2 << depth) - 1;
        FirstLeaf = (1 << depth) - 1;
        Index = new int[count];
        for (int i = 0; i < count; i++) Index[i] = i;
        _start = new int[NodeCount];
        _end = new int[NodeCount];
        Lo = new double[NodeCount * dimension];
        Hi = new double[NodeCount * dimension];
        double[] src = points.ToArray();
        Split(src, 0, 0, count, 0);
        Points = new double[count * dimension];
        for (int t = 0; t < count; t++) src.AsSpan(Index[t] * dimension, dimension).CopyTo(Points.AsSpan(t * dimension, dimension));
        for (int k = NodeCount - 1; k >= 0; k--) Box(k);
    }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>Coordinates per point.</summary>
    public int Dimension { get; }

    /// <summary>Depth of the leaves (0 when the root is a leaf).</summary>
    public int Depth { get; }

    /// <summary>Number of nodes, 2^(D+1) − 1.</summary>
    public int NodeCount { get; }

    /// <summary>Heap number of the first leaf, 2^D − 1.</summary>
    public int FirstLeaf { get; }

    /// <summary>Original index of the point at each tree position.</summary>
    public int[] Index { get; }

    /// <summary>The points in tree order, row-major.</summary>
    public double[] Points { get; }

    /// <summary>Box lower corners, node-major (NodeCount × d).</summary>
    public double[] Lo { get; }

    /// <summary>Box upper corners, node-major.</summary>
    public double[] Hi { get; }

    /// <summary>First tree position of node k.</summary>
    public int Start(int k) => _start[k];

    /// <summary>One past the last tree position of node k.</summary>
    public int End(int k) => _end[k];

    /// <summary>Whether node k is a leaf.</summary>
    public bool IsLeaf(int k) => k >= FirstLeaf;

    /// <summary>The point at tree position t.</summary>
    public ReadOnlySpan<double> Point(int t) => Points.AsSpan(t * Dimension, Dimension);

    /// <summary>
    /// For per-point keys given in ORIGINAL order, the minimum key over each node (NodeCount entries; an empty node
    /// gets +∞).
    /// </summary>
    public double[] NodeMin(ReadOnlySpan<double> key) => Aggregate(key, min: true);

    /// <summary>As <see cref="NodeMin"/> with the maximum (an empty node gets −∞).</summary>
    public double[] NodeMax(ReadOnlySpan<double> key) => Aggregate(key, min: false);

    /// <summary>Keys given in original order, permuted to tree order.</summary>
    public double[] InTreeOrder(ReadOnlySpan<double> key)
    {
        var t = new double[Count];
        for (int p = 0; p < Count; p++) t[p] = key[Index[p]];
        return t;
    }

    private double[] Aggregate(ReadOnlySpan<double> key, bool min)
    {
        var agg = new double[NodeCount];
        double empty = min ? double.PositiveInfinity : double.NegativeInfinity;
        for (int k = FirstLeaf; k < NodeCount; k++)
        {
            double best = empty;
            for (int t = _start[k], end = _end[k]; t < end; t++)
            {
                double x = key[Index[t]];
                best = min ? Math.Min(best, x) : Math.Max(best, x);
            }
            agg[k] = best;
        }
        for (int k = FirstLeaf - 1; k >= 0; k--)
            agg[k] = min ? Math.Min(agg[2 * k + 1], agg[2 * k + 2]) : Math.Max(agg[2 * k + 1], agg[2 * k + 2]);
        return agg;
    }

    /// <summary>Orders Index[lo..hi) for node k: median split on the widest coordinate, recursively.</summary>
    private void Split(double[] pts, int k, int lo, int hi, int depth)
    {
        _start[k] = lo;
        _end[k] = hi;
        if (depth == Depth) return;
        int d = Dimension;
        int axis = 0;
        double widest = -1;
        for (int c = 0; c < d; c++)
        {
            double a = double.PositiveInfinity, b = double.NegativeInfinity;
            for (int t = lo; t < hi; t++)
            {
                double x = pts[Index[t] * d + c];
                if (x < a) a = x;
                if (x > b) b = x;
            }
            if (b - a > widest)
            {
                widest = b - a;
                axis = c;
            }
        }
        int mid = lo + (hi - lo) / 2;
        if (hi - lo > 1) Select(pts, lo, hi - 1, mid, axis);
        Split(pts, 2 * k + 1, lo, mid, depth + 1);
        Split(pts, 2 * k + 2, mid, hi, depth + 1);
    }

    /// <summary>Quickselect: Index[lo..hi] reordered so that position k holds the k-th smallest coordinate on axis.</summary>
    private void Select(double[] pts, int lo, int hi, int k, int axis)
    {
        int d = Dimension;
        int[] idx = Index;
        while (hi > lo)
        {
            // Median of three as pivot; ties broken by index so the order is deterministic.
            int mid = lo + (hi - lo) / 2;
            double pivot = Median3(pts[idx[lo] * d + axis], pts[idx[mid] * d + axis], pts[idx[hi] * d + axis]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (pts[idx[i] * d + axis] < pivot) i++;
                while (pts[idx[j] * d + axis] > pivot) j--;
                if (i <= j)
                {
                    (idx[i], idx[j]) = (idx[j], idx[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    private static double Median3(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    /// <summary>The tight bounding box of node k (from its children when it has them).</summary>
    private void Box(int k)
    {
        int d = Dimension;
        Span<double> lo = Lo.AsSpan(k * d, d), hi = Hi.AsSpan(k * d, d);
        if (!IsLeaf(k))
        {
            int l = 2 * k + 1, r = 2 * k + 2;
            for (int c = 0; c < d; c++)
            {
                lo[c] = Math.Min(Lo[l * d + c], Lo[r * d + c]);
                hi[c] = Math.Max(Hi[l * d + c], Hi[r * d + c]);
            }
            return;
        }
        lo.Fill(double.PositiveInfinity);
        hi.Fill(double.NegativeInfinity);
        for (int t = _start[k], end = _end[k]; t < end; t++)
            for (int c = 0; c < d; c++)
            {
                double x = Points[t * d + c];
                if (x < lo[c]) lo[c] = x;
                if (x > hi[c]) hi[c] = x;
            }
    }
}
