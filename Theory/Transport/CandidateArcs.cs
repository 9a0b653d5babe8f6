namespace Verify.Theory;

/// <summary>
/// The growing arc set of the matrix-free route: the arcs (i, j) found so far, each once, with its cost computed by the
/// cloud costs, and the lookup of an arc's number.
/// </summary>
internal sealed class CandidateArcs
{
    private readonly CloudCosts _costs;
    private readonly HashSet<long> _present = new();
    private readonly Dictionary<long, int> _number = new();

    public CandidateArcs(CloudCosts costs) => _costs = costs;

    /// <summary>The arcs, in the order they were added.</summary>
    public SparseArcs Arcs { get; private set; } = new();

    private long Key(int i, int j) => (long)i * _costs.M + j;

    /// <summary>Adds arc (i, j) unless present; returns 1 when added, else 0.</summary>
    public int Add(int i, int j)
    {
        if (!_present.Add(Key(i, j))) return 0;
        Arcs.Add(i, j, _costs.At(i, j));
        return 1;
    }

    /// <summary>Adds every arc of the list; returns how many were new.</summary>
    public int AddAll(IEnumerable<(int I, int J)> arcs)
    {
        int added = 0;
        foreach (var (i, j) in arcs) added += Add(i, j);
        return added;
    }

    /// <summary>The number of arc (i, j), which must be present.</summary>
    public int Number(int i, int j)
    {
        for (int e = _number.Count; e < Arcs.Count; e++) _number[Key(Arcs.Source(e), Arcs.Target(e))] = e;
        return _number[Key(i, j)];
    }

    /// <summary>
    /// Marks in <paramref name="keep"/> the <paramref name="k"/> arcs of each of the <paramref name="n"/> sources with the
    /// least <paramref name="key"/> (indexed by arc number; ties to the lower arc number).
    /// </summary>
    public static void MarkLeastPerSource(SparseArcs arcs, int n, double[] key, int k, bool[] keep)
    {
        int count = arcs.Count;
        var first = new int[n + 1];
        for (int e = 0; e < count; e++) first[arcs.Source(e) + 1]++;
        for (int i = 0; i < n; i++) first[i + 1] += first[i];
        var bySource = new int[count];
        var fill = (int[])first.Clone();
        for (int e = 0; e < count; e++) bySource[fill[arcs.Source(e)]++] = e;
        var val = new double[k];
        var idx = new int[k];
        for (int i = 0; i < n; i++)
        {
            int size = 0;
            for (int q = first[i]; q < first[i + 1]; q++) CloudCosts.Insert(val, idx, ref size, k, key[bySource[q]], bySource[q]);
            for (int s = 0; s < size; s++) keep[idx[s]] = true;
        }
    }

    /// <summary>
    /// Keeps only the arcs marked in <paramref name="keep"/> (indexed by arc number), in their order, and returns each
    /// kept arc's new number (−1 for a dropped one). A dropped arc may be added again later.
    /// </summary>
    public int[] Keep(bool[] keep)
    {
        var kept = new SparseArcs();
        var map = new int[Arcs.Count];
        _present.Clear();
        _number.Clear();
        for (int e = 0; e < Arcs.Count; e++)
        {
            map[e] = -1;
            if (!keep[e]) continue;
            map[e] = kept.Count;
            kept.Add(Arcs.Source(e), Arcs.Target(e), Arcs.Cost(e));
            _present.Add(Key(Arcs.Source(e), Arcs.Target(e)));
        }
        Arcs = kept;
        return map;
    }
}
