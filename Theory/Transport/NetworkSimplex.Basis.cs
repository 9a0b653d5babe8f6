namespace Verify.Theory;

/// <summary>
/// Reading a solution off the spanning tree: potentials and flows recomputed exactly from the tree, the anchor, the
/// plan and the duals, and the hooks <see cref="DualPolish"/> uses to move potentials within the optimal face.
/// </summary>
internal sealed partial class NetworkSimplex
{
    private double[]? _hi, _lo;
    private int[]? _mark;
    private int _stamp;
    private int _anchor = -1;

    /// <summary>
    /// The anchor: the real node whose potential is 0 (the weighted median of the potentials, see WeightedMedian, so
    /// that the potentials of the bulk of the problem are as small as the costs between them allow), and which absorbs any
    /// difference between the total supply and demand in <see cref="RecomputeFlows"/>. −1 before the first
    /// recomputation of the potentials.
    /// </summary>
    public int Anchor => _anchor;

    /// <summary>Total supply Σaᵢ.</summary>
    public double Mass
    {
        get
        {
            var s = new CompensatedSum();
            for (int i = 0; i < _n; i++) s.Add(_supply[i]);
            return s.Value;
        }
    }

    /// <summary>The node potentials π (length n + m + 1; sources 0…n−1, targets n…n+m−1, the root last).</summary>
    public ReadOnlySpan<double> Potentials => _pi;

    /// <summary>Total flow still on artificial arcs (0 for a feasible basis).</summary>
    public double ArtificialFlow
    {
        get
        {
            double s = 0;
            for (int u = 0; u < _nodes; u++) if (_pred[u] < 0) s += Math.Abs(_flow[u]);
            return s;
        }
    }

    /// <summary>
    /// Recomputes every potential from the tree arcs, anchored at a real node: the node k at the weighted median of the
    /// current potentials (<see cref="WeightedMedian"/>) gets π_k = 0, and the others follow from the tree arcs
    /// (π_child = π_parent ∓ c), walking outward from k — up the path to the root, then down every other branch in
    /// preorder — in double-double, each rounded once. So a potential is the exact path cost from the anchor, nothing of
    /// the big-M scale survives near the bulk of the problem, and every tree arc prices within its own tolerance
    /// (|c̄| ≤ 2⁻⁵²·(|πᵢ| + |πⱼ|)): a tree arc can never look like an entering arc after a recomputation. Also
    /// refreshes the pricing terms low[x] = π_x − ε|π_x|.
    /// </summary>
    private void RecomputePotentials()
    {
        double[] hi = _hi ??= new double[_nodes + 1], lo = _lo ??= new double[_nodes + 1];
        int[] mark = _mark ??= new int[_nodes + 1];
        int stamp = ++_stamp;
        _anchor = WeightedMedian(_pi);
        hi[_anchor] = 0;
        lo[_anchor] = 0;
        mark[_anchor] = stamp;
        for (int u = _anchor; u != _root; u = _parent[u])
        {
            // π_u = π_p − c (Up) or π_p + c (Down), so π_p = π_u + c or π_u − c.
            double c = ArcCost(_pred[u]);
            int p = _parent[u];
            AddTo(hi[u], lo[u], _dir[u] == Up ? c : -c, out hi[p], out lo[p]);
            mark[p] = stamp;
        }
        for (int u = _thread[_root]; u != _root; u = _thread[u])
        {
            if (mark[u] == stamp) continue;
            double c = ArcCost(_pred[u]);
            int p = _parent[u];
            AddTo(hi[p], lo[p], _dir[u] == Up ? -c : c, out hi[u], out lo[u]);
        }
        for (int x = 0; x <= _nodes; x++)
        {
            double v = hi[x] + lo[x];
            _pi[x] = v;
            _low[x] = _rule.Low(v);
        }
    }

    /// <summary>(h, l) + x as a normalised double-double (h', l'), |l'| ≤ ulp(h')/2.</summary>
    private static void AddTo(double h, double l, double x, out double hOut, out double lOut)
    {
        double s = h + x;
        double e = CompensatedSum.TwoSumError(h, x, s) + l;
        hOut = s + e;
        lOut = e - (hOut - s);
    }

    /// <summary>
    /// The real node at the weighted median of the potentials, over the nodes with positive mass, with weight
    /// |supply|/Σ|supply| + 1/(number of such nodes): half by mass, half by count. By mass alone, a heavy atom far from
    /// everything else (a shared outlier holding 60% of the mass) would become the anchor and push the potentials of
    /// every other node to its distance, where their differences are lost to rounding; by count alone, many light atoms
    /// scattered far away would. A part of the problem is the anchor's only when it holds more than half of mass and
    /// count together. Only the order of the potentials matters, so the leading parts are compared.
    /// </summary>
    private int WeightedMedian(double[] potential)
    {
        var keys = new double[_nodes];
        var nodes = new int[_nodes];
        int count = 0;
        double mass = 0;
        for (int u = 0; u < _nodes; u++)
        {
            double w = Math.Abs(_supply[u]);
            if (!(w > 0)) continue;
            keys[count] = potential[u];
            nodes[count] = u;
            count++;
            mass += w;
        }
        if (count == 0) return 0;
        Array.Sort(keys, nodes, 0, count);
        double cumulative = 0;
        for (int k = 0; k < count; k++)
        {
            cumulative += Math.Abs(_supply[nodes[k]]) / mass + 1.0 / count;
            if (cumulative >= 1.0) return nodes[k];
        }
        return nodes[count - 1];
    }

    /// <summary>
    /// Recomputes the flow on every tree arc from the supplies: the arc above node u carries the net supply of u's
    /// subtree (summed in double-double, children before parents), so a leaf's arc carries exactly its node's mass and
    /// no rounding from the pivots survives. When the total supply and demand differ (by rounding, or by at most the
    /// tolerance the guard accepts), the difference δ is left at the anchor: the arcs on the path from the anchor to the
    /// root carry their subtree's net supply minus δ. The anchor has potential 0, so δ adds nothing to the duality gap.
    /// Rounding residues (below zero, or below 1e-24·M) are set to zero.
    /// </summary>
    public void RecomputeFlows()
    {
        double[] hi = _hi ??= new double[_nodes + 1], lo = _lo ??= new double[_nodes + 1];
        for (int u = 0; u < _nodes; u++)
        {
            hi[u] = _supply[u];
            lo[u] = 0;
        }
        hi[_root] = 0;
        lo[_root] = 0;
        // Reverse preorder: every node comes after its whole subtree, so its total is final when it is added upward.
        for (int u = _rev[_root]; u != _root; u = _rev[u])
        {
            int p = _parent[u];
            AddTo(hi[p], lo[p], hi[u], out double h, out double l);
            AddTo(h, l, lo[u], out hi[p], out lo[p]);
        }
        double dh = hi[_root], dl = lo[_root];
        if (_anchor >= 0)
            for (int u = _anchor; u != _root; u = _parent[u])
            {
                AddTo(hi[u], lo[u], -dh, out double h, out double l);
                AddTo(h, l, -dl, out hi[u], out lo[u]);
            }
        // Below 1e-24·M a net supply is a rounding residue of zero (a degenerate arc).
        double zero = 1e-24 * 0.5 * TotalAbsSupply();
        for (int u = 0; u < _nodes; u++)
        {
            double net = hi[u] + lo[u];
            double f = _dir[u] == Up ? net : -net;
            _flow[u] = f <= zero ? 0 : f;
        }
    }

    private double TotalAbsSupply()
    {
        double s = 0;
        for (int u = 0; u < _nodes; u++) s += Math.Abs(_supply[u]);
        return s;
    }

    /// <summary>The positive entries (i, j, γᵢⱼ) of the basic plan on real arcs.</summary>
    public List<(int I, int J, double Mass)> Plan()
    {
        var plan = new List<(int, int, double)>(_nodes);
        for (int u = 0; u < _nodes; u++)
        {
            int e = _pred[u];
            if (e < 0 || !(_flow[u] > 0)) continue;
            plan.Add((_arcs.Source(e), _arcs.Target(e), _flow[u]));
        }
        return plan;
    }

    /// <summary>Dual potentials uᵢ = −πᵢ, vⱼ = π_{n+j}: c̄ᵢⱼ = cᵢⱼ + πᵢ − π_{n+j} ≥ 0 is uᵢ + vⱼ ≤ cᵢⱼ.</summary>
    public (double[] U, double[] V) Duals()
    {
        var u = new double[_n];
        var v = new double[_m];
        for (int i = 0; i < _n; i++) u[i] = -_pi[i];
        for (int j = 0; j < _m; j++) v[j] = _pi[_n + j];
        return (u, v);
    }

    // ---------------------------------------------------------------- hooks for DualPolish

    /// <summary>Number of nodes in the subtree of u (u included).</summary>
    internal int SubtreeSize(int u) => _succ[u];

    /// <summary>The nodes of u's subtree, in preorder from u.</summary>
    internal IEnumerable<int> Subtree(int u)
    {
        int x = u;
        for (int k = 0; k < _succ[u]; k++)
        {
            yield return x;
            x = _thread[x];
        }
    }

    /// <summary>
    /// The real nodes u whose tree arc (to the parent) carries no flow — degenerate arcs, real or artificial — with the
    /// subtree below each. Cutting such an arc splits the tree into two parts that exchange no mass.
    /// </summary>
    internal IEnumerable<int> DegenerateArcs()
    {
        for (int u = 0; u < _nodes; u++)
            if (_flow[u] == 0) yield return u;
    }

    /// <summary>For every node, the number of sources (nodes below n) in its subtree.</summary>
    internal int[] SubtreeSources()
    {
        var count = new int[_nodes + 1];
        for (int u = 0; u < _n; u++) count[u] = 1;
        for (int u = _rev[_root]; u != _root; u = _rev[u]) count[_parent[u]] += count[u];
        return count;
    }

    /// <summary>The parent of u in the spanning tree (n + m for the artificial root).</summary>
    internal int ParentOf(int u) => _parent[u];

    /// <summary>True when the anchor lies in the subtree of u.</summary>
    internal bool HoldsAnchor(int u)
    {
        for (int x = _anchor; x >= 0 && x != _root; x = _parent[x])
            if (x == u) return true;
        return false;
    }

    /// <summary>Adds δ to the potential of every real node of <paramref name="nodes"/> (a part of the tree).</summary>
    internal void Shift(IEnumerable<int> nodes, double delta)
    {
        foreach (int x in nodes)
        {
            if (x == _root) continue;
            _pi[x] += delta;
            _low[x] = _rule.Low(_pi[x]);
        }
    }

    /// <summary>
    /// Adds δ to the potentials of the subtree of u: π_u + δ rounded once, then every potential below u recomputed from
    /// it along the tree arcs in double-double, so that the digits the old potentials lost to their larger scale come back.
    /// </summary>
    internal void ShiftSubtree(int u, double delta)
    {
        double[] hi = _hi ??= new double[_nodes + 1], lo = _lo ??= new double[_nodes + 1];
        hi[u] = _pi[u] + delta;
        lo[u] = 0;
        int x = u;
        for (int k = 0; k < _succ[u]; k++)
        {
            if (x != u)
            {
                double c = ArcCost(_pred[x]);
                int p = _parent[x];
                AddTo(hi[p], lo[p], _dir[x] == Up ? -c : c, out hi[x], out lo[x]);
            }
            _pi[x] = hi[x] + lo[x];
            _low[x] = _rule.Low(_pi[x]);
            x = _thread[x];
        }
    }

    /// <summary>The pricing rule of this solver (used by the sparse route to price the arcs it does not hold).</summary>
    internal PricingRule Rule => _rule;

    /// <summary>Number of real nodes n + m.</summary>
    internal int RealNodes => _nodes;
}
