namespace Verify.Theory;

/// <summary>
/// A warm start: the spanning tree built from a feasible plan instead of the all-artificial one.
/// </summary>
internal sealed partial class NetworkSimplex
{
    /// <summary>
    /// Replaces the all-artificial start by the tree of a feasible plan whose support is the forest
    /// <paramref name="forest"/> (arc numbers of the arc set). Each tree of the forest hangs from the root by the
    /// artificial arc of its smallest node; isolated nodes keep their own artificial arc. Flows are recomputed from the
    /// supplies in double-double (the arc above u carries the net supply of u's subtree), so the plan's own numbers are
    /// not needed. An arc that would carry no flow (or a negative one: the plan's support and the masses disagree, as
    /// when a coarse plan is refined) is dropped, which splits its tree in two, until every real arc carries positive flow;
    /// the artificial arcs carry their tree's net supply (zero for a balanced tree, directed towards the root). So the
    /// start is strongly feasible. Returns false, leaving the all-artificial start in place, when the arcs hold a cycle.
    /// Call before the first <see cref="Run"/>.
    /// <para>
    /// With <paramref name="roots"/>, the components are walked from these nodes first (each component from the first
    /// of them it holds), and an arc that carries exactly zero flow is kept when it points towards the root (a
    /// degenerate but still strongly feasible tree: the start of <see cref="Auction"/>, a permutation joined by zero-flow
    /// arcs).
    /// </para>
    /// </summary>
    public bool StartFrom(IReadOnlyList<int> forest, IReadOnlyList<int>? roots = null)
    {
        var kept = new List<int>(forest);
        while (true)
        {
            var dropped = TryStart(kept, roots);
            if (dropped is null) return false;
            if (dropped.Count == 0) return true;
            var drop = new HashSet<int>(dropped);
            kept = kept.Where(e => !drop.Contains(e)).ToList();
        }
    }

    /// <summary>Builds the tree of <paramref name="forest"/>; null on a cycle, else the arcs without positive flow (committed when none).</summary>
    private List<int>? TryStart(List<int> forest, IReadOnlyList<int>? roots)
    {
        if (Iterations > 0) throw new InvalidOperationException("a warm start must come before the first pivot");
        int nodes = _nodes;
        // Adjacency of the forest, and a union-find to refuse cycles.
        var find = new int[nodes];
        for (int u = 0; u < nodes; u++) find[u] = u;
        int Root(int u)
        {
            while (find[u] != u)
            {
                find[u] = find[find[u]];
                u = find[u];
            }
            return u;
        }
        var degree = new int[nodes + 1];
        foreach (int e in forest)
        {
            int s = _arcs.Source(e), t = _n + _arcs.Target(e);
            int rs = Root(s), rt = Root(t);
            if (rs == rt) return null;
            find[Math.Max(rs, rt)] = Math.Min(rs, rt);
            degree[s]++;
            degree[t]++;
        }
        var first = new int[nodes + 1];
        for (int u = 0; u < nodes; u++) first[u + 1] = first[u] + degree[u];
        var adj = new int[first[nodes]];
        var fill = (int[])first.Clone();
        foreach (int e in forest)
        {
            int s = _arcs.Source(e), t = _n + _arcs.Target(e);
            adj[fill[s]++] = e;
            adj[fill[t]++] = e;
        }

        // Depth-first preorder from the root: each component from its smallest node, whose union-find root it is.
        var parent = new int[nodes + 1];
        var pred = new int[nodes + 1];
        var dir = new sbyte[nodes + 1];
        var order = new int[nodes + 1];
        var visited = new bool[nodes];
        int count = 0;
        order[count++] = _root;
        parent[_root] = -1;
        pred[_root] = int.MinValue;
        var stack = new Stack<int>();
        int firstRoots = roots?.Count ?? 0;
        for (int q = 0; q < firstRoots + nodes; q++)
        {
            int r = q < firstRoots ? roots![q] : q - firstRoots;
            if (visited[r]) continue;
            visited[r] = true;
            parent[r] = _root;
            pred[r] = -1 - r;
            stack.Push(r);
            while (stack.Count > 0)
            {
                int u = stack.Pop();
                order[count++] = u;
                for (int k = first[u + 1] - 1; k >= first[u]; k--)
                {
                    int e = adj[k];
                    int s = _arcs.Source(e), t = _n + _arcs.Target(e);
                    int w = s == u ? t : s;
                    if (visited[w]) continue;
                    visited[w] = true;
                    parent[w] = u;
                    pred[w] = e;
                    dir[w] = w == s ? Up : Down; // Up: the arc leaves w towards its parent
                    stack.Push(w);
                }
            }
        }

        // Net supply of every subtree (double-double, children before parents), hence the flows and the directions of
        // the artificial arcs.
        var hi = new double[nodes + 1];
        var lo = new double[nodes + 1];
        for (int u = 0; u < nodes; u++) hi[u] = _supply[u];
        for (int k = count - 1; k >= 1; k--)
        {
            int u = order[k], p = parent[u];
            if (p == _root) continue;
            AddTo(hi[p], lo[p], hi[u], out double h, out double l);
            AddTo(h, l, lo[u], out hi[p], out lo[p]);
        }
        var flow = new double[nodes + 1];
        var dropped = new List<int>();
        for (int k = 1; k < count; k++)
        {
            int u = order[k];
            double net = hi[u] + lo[u];
            if (parent[u] == _root)
            {
                dir[u] = net >= 0 ? Up : Down;
                flow[u] = Math.Abs(net);
            }
            else
            {
                flow[u] = dir[u] == Up ? net : -net;
                bool zeroTowardsRoot = roots is not null && flow[u] == 0 && dir[u] == Up;
                if (!(flow[u] > 0) && !zeroTowardsRoot) dropped.Add(pred[u]);
            }
        }
        if (dropped.Count > 0) return dropped;

        // Commit: tree arrays, thread (preorder), subtree sizes and last successors, potentials from the root down.
        for (int k = 0; k < count; k++)
        {
            int u = order[k];
            _parent[u] = parent[u];
            _pred[u] = pred[u];
            _dir[u] = dir[u];
            _flow[u] = flow[u];
            int next = order[(k + 1) % count];
            _thread[u] = next;
            _rev[next] = u;
            _succ[u] = 1;
            _last[u] = u;
        }
        for (int k = count - 1; k >= 1; k--)
        {
            int u = order[k], p = parent[u];
            _succ[p] += _succ[u];
        }
        // last[u] is the node at u's preorder position plus its subtree size, minus one.
        for (int k = 0; k < count; k++)
        {
            int u = order[k];
            _last[u] = order[k + _succ[u] - 1];
        }
        _pi[_root] = 0;
        _low[_root] = _rule.Low(0);
        for (int k = 1; k < count; k++)
        {
            int u = order[k];
            double c = ArcCost(_pred[u]);
            double p = _pi[parent[u]];
            _pi[u] = _dir[u] == Up ? p - c : p + c;
            _low[u] = _rule.Low(_pi[u]);
        }
        return dropped;
    }
}
