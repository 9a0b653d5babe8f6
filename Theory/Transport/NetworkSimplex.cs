using System.Runtime.CompilerServices;

namespace Verify.Theory;

/// <summary>
/// Primal network simplex for the balanced transport problem min Σ cᵢⱼγᵢⱼ subject to Σⱼγᵢⱼ = aᵢ, Σᵢγᵢⱼ = bⱼ, γ ≥ 0,
/// on the arcs of an <see cref="ArcSet"/> (all n·m pairs, or a sparse candidate set that may grow between runs).
/// <para>
/// Design (the facts follow LEMON's NetworkSimplex, which POT wraps; the code is ours): the bipartite graph gains an
/// artificial root joined to every node by an artificial arc of cost 0 (supply nodes, arc towards the root) or M
/// (demand nodes, arc from the root), M = (n+m+1)·max|c|, so the all-artificial start is a strongly feasible spanning
/// tree. The tree is stored in arrays — parent, pred (arc to the parent), its direction, the flow on it, thread
/// (preorder successor), rev_thread, succ_num (subtree size), last_succ (last node of the subtree in preorder) — and
/// a pivot touches only the moved subtree. Pricing is block search over ≈2√(#arcs) arcs, with a threshold relative to
/// each arc (<see cref="PricingRule"/>). The leaving arc is the last blocking arc met in the cycle's orientation from
/// the join node (Cunningham 1976), which keeps every tree strongly feasible and so rules out cycling. Arcs are
/// uncapacitated, so a non-tree arc always carries zero flow and its reduced cost c̄ᵢⱼ = cᵢⱼ + πᵢ − π_{n+j} decides
/// optimality.
/// </para>
/// <para>
/// Potentials updated pivot by pivot drift by rounding, and while demand nodes still hang from the root they sit near
/// the big-M scale. So when pricing finds no entering arc the potentials are recomputed from the tree in double-double
/// and re-anchored at a real node (π = 0 at a weighted-median node, see NetworkSimplex.Basis.cs), and pricing
/// repeats: optimality is declared only on exact tree potentials whose magnitudes are those of the costs near the
/// bulk of the mass. After the run, the flows are recomputed from the supplies (<see cref="RecomputeFlows"/>).
/// </para>
/// </summary>
internal sealed partial class NetworkSimplex
{
    private const sbyte Up = 1;    // pred arc goes node → parent
    private const sbyte Down = -1; // pred arc goes parent → node
    private const double BlockFactor = 2.0;

    /// <summary>The relative pricing tolerance ε of <see cref="PricingRule"/>: about 90 units of rounding (2⁻⁵³).</summary>
    public const double PricingEps = 1e-14;

    private ArcSet _arcs;
    private readonly int _n, _m, _nodes, _root;
    private readonly double _art;
    private readonly PricingRule _rule;
    private readonly double[] _supply;
    private readonly int[] _parent, _pred, _thread, _rev, _succ, _last;
    private readonly sbyte[] _dir;
    private readonly double[] _flow, _pi, _low;
    private readonly int[] _stem, _oRev, _oLast, _oAfter, _oSucc;
    private int _next;

    /// <summary>
    /// Sets up the all-artificial strongly feasible start for supplies a (sources) and demands b (targets) on costs with
    /// max |c| = <paramref name="maxAbsCost"/> and min c = <paramref name="minCost"/>. The caller guarantees that
    /// (n + m + 1)·max|c| is finite (<see cref="Guard.SolverCosts"/>).
    /// </summary>
    public NetworkSimplex(ArcSet arcs, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double maxAbsCost, double minCost)
    {
        _arcs = arcs;
        _n = a.Length;
        _m = b.Length;
        _nodes = _n + _m;
        _root = _nodes;
        int size = _nodes + 1;
        _art = maxAbsCost > 0 ? maxAbsCost * size : 1.0;
        _rule = RuleFor(minCost);
        _supply = new double[size];
        _parent = new int[size];
        _pred = new int[size];
        _thread = new int[size];
        _rev = new int[size];
        _succ = new int[size];
        _last = new int[size];
        _dir = new sbyte[size];
        _flow = new double[size];
        _pi = new double[size];
        _low = new double[size];
        _stem = new int[size];
        _oRev = new int[size];
        _oLast = new int[size];
        _oAfter = new int[size];
        _oSucc = new int[size];
        for (int u = 0; u < _nodes; u++)
        {
            double supply = u < _n ? a[u] : -b[u - _n];
            _supply[u] = supply;
            _parent[u] = _root;
            _pred[u] = -1 - u; // artificial arc of u
            _thread[u] = u + 1;
            _rev[u + 1] = u;
            _succ[u] = 1;
            _last[u] = u;
            if (supply >= 0)
            {
                _dir[u] = Up;
                _flow[u] = supply;
                _pi[u] = 0;
            }
            else
            {
                _dir[u] = Down;
                _flow[u] = -supply;
                _pi[u] = _art;
            }
            _low[u] = _rule.Low(_pi[u]);
        }
        _parent[_root] = -1;
        _pred[_root] = int.MinValue;
        _succ[_root] = size;
        _last[_root] = _nodes - 1;
        _thread[_nodes - 1] = _root;
        _rev[_root] = _nodes - 1;
        _thread[_root] = 0;
        _rev[0] = _root;
    }

    /// <summary>The arcs of the current spanning tree (artificial arcs left out).</summary>
    internal List<int> TreeArcs()
    {
        var tree = new List<int>(_nodes);
        for (int u = 0; u < _nodes; u++) if (_pred[u] >= 0) tree.Add(_pred[u]);
        return tree;
    }

    /// <summary>
    /// Carries on with a renumbered arc set: arc e is now <paramref name="map"/>[e] in <paramref name="arcs"/>, −1 when
    /// dropped. Every arc of the spanning tree must be kept; arcs off the tree carry no flow, so dropping them leaves the
    /// basis, its flows and its potentials as they are (the tree stays strongly feasible).
    /// </summary>
    internal void ReplaceArcs(ArcSet arcs, int[] map)
    {
        for (int u = 0; u < _nodes; u++)
        {
            if (_pred[u] < 0) continue;
            int e = map[_pred[u]];
            if (e < 0) throw new InvalidOperationException("a tree arc was dropped from the arc set");
            _pred[u] = e;
        }
        _arcs = arcs;
        _next = 0;
    }

    /// <summary>The entering rule of a solve whose smallest cost is <paramref name="minCost"/> (0 when not finite).</summary>
    internal static PricingRule RuleFor(double minCost) => new(PricingEps, double.IsFinite(minCost) ? minCost : 0.0);

    /// <summary>Pivots performed so far (over all runs).</summary>
    public long Iterations { get; private set; }

    /// <summary>
    /// Pivots until no arc of the (current) arc set prices negative, or <paramref name="maxIterations"/> pivots have been
    /// made in total. Returns <see cref="TransportStatus.Optimal"/> (for the current arc set; an artificial arc may still
    /// carry flow when the arc set admits no feasible plan — see <see cref="ArtificialFlow"/>) or
    /// <see cref="TransportStatus.IterationLimit"/>.
    /// </summary>
    public TransportStatus Run(long maxIterations)
    {
        int count = _arcs.Count;
        // Block ≈ 2√(#arcs) (LEMON uses √(#arcs)): measured here, twice the block cut the pivots on 784-D clouds,
        // whose costs are nearly equal, by 40% (−20% time) for +15–20% time on 2-D clouds.
        int block = Math.Max(10, (int)Math.Ceiling(BlockFactor * Math.Sqrt(count)));
        if (_next >= count) _next = 0;
        while (true)
        {
            while (true)
            {
                int e = _arcs.FindEntering(_pi, _low, _n, ref _next, block, _rule);
                if (e < 0) break;
                if (Iterations >= maxIterations) return TransportStatus.IterationLimit;
                Pivot(e);
                Iterations++;
            }
            RecomputePotentials();
            if (_arcs.Refine()) continue;
            int again = _arcs.FindEntering(_pi, _low, _n, ref _next, block, _rule);
            if (again < 0) return TransportStatus.Optimal;
            if (Iterations >= maxIterations) return TransportStatus.IterationLimit;
            Pivot(again);
            Iterations++;
        }
    }

    private double ArcCost(int e) => e >= 0 ? _arcs.Cost(e) : (_dir[-1 - e] == Up ? 0.0 : _art);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Pivot(int e)
    {
        int s = _arcs.Source(e), t = _n + _arcs.Target(e);
        int[] parent = _parent, succ = _succ;
        sbyte[] dir = _dir;
        double[] flow = _flow;

        // Join node: the deepest common ancestor of s and t (a node's ancestors have larger subtrees).
        int x = s, y = t;
        while (x != y)
        {
            if (succ[x] < succ[y]) x = parent[x];
            else y = parent[y];
        }
        int join = x;

        // Ratio test along the cycle s → t → … → join → … → s. Flow rises on e; on the s side it travels
        // parent → node (an Up arc loses flow), on the t side node → parent (a Down arc loses flow).
        // Ties: strict on the s side, non-strict on the t side, which selects the last blocking arc in the
        // cycle's orientation from the join node (strongly feasible trees).
        double delta = double.PositiveInfinity;
        int uOut = -1;
        bool sSide = false;
        for (x = s; x != join; x = parent[x])
            if (dir[x] == Up && flow[x] < delta) { delta = flow[x]; uOut = x; sSide = true; }
        for (x = t; x != join; x = parent[x])
            if (dir[x] == Down && flow[x] <= delta) { delta = flow[x]; uOut = x; sSide = false; }
        if (uOut < 0) throw new InvalidOperationException("network simplex: unbounded cycle (no blocking arc); the cost data are inconsistent");

        if (delta > 0)
        {
            for (x = s; x != join; x = parent[x]) flow[x] += dir[x] == Up ? -delta : delta;
            for (x = t; x != join; x = parent[x]) flow[x] += dir[x] == Up ? delta : -delta;
        }

        int uIn = sSide ? s : t, vIn = sSide ? t : s;
        double sigma = uIn == s ? _pi[vIn] - _pi[uIn] - _arcs.Cost(e) : _pi[vIn] - _pi[uIn] + _arcs.Cost(e);
        int size = Reattach(e, uIn, vIn, uOut, join, delta, uIn == s);
        double[] pi = _pi, low = _low;
        int[] thread = _thread;
        double eps = _rule.Eps;
        x = uIn;
        for (int k = 0; k < size; k++)
        {
            double p = pi[x] + sigma;
            pi[x] = p;
            low[x] = p - eps * Math.Abs(p);
            x = thread[x];
        }
    }

    /// <summary>
    /// Removes the leaving arc (uOut, parent(uOut)), which cuts off the subtree S of uOut (it holds uIn), re-roots S at
    /// uIn by reversing the stem uIn = s₀, s₁ = parent(s₀), …, s_k = uOut, and hangs it under vIn by the entering arc.
    /// The new preorder of S is s₀'s old subtree, then for t = 1…k the part of sₜ's old subtree that precedes s_{t−1}'s
    /// subtree and the part that follows it; S is spliced into the thread right after vIn. Returns |S|.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Reattach(int e, int uIn, int vIn, int uOut, int join, double enteringFlow, bool uInIsSource)
    {
        int[] parent = _parent, thread = _thread, rev = _rev, succ = _succ, last = _last;
        int[] stem = _stem, oRev = _oRev, oLast = _oLast, oAfter = _oAfter, oSucc = _oSucc;
        int vOut = parent[uOut];
        int sizeS = succ[uOut];
        int lastS = last[uOut];
        int prevS = rev[uOut];
        int afterS = thread[lastS];

        int k = 0;
        stem[0] = uIn;
        while (stem[k] != uOut)
        {
            stem[k + 1] = parent[stem[k]];
            k++;
        }
        for (int t = 0; t <= k; t++)
        {
            int st = stem[t];
            oRev[t] = rev[st];
            oLast[t] = last[st];
            oAfter[t] = thread[last[st]];
            oSucc[t] = succ[st];
        }

        // 1. Cut S out of the thread; fix the ancestors of vOut.
        thread[prevS] = afterS;
        rev[afterS] = prevS;
        for (int x = vOut; x != -1 && last[x] == lastS; x = parent[x]) last[x] = prevS;
        for (int x = vOut; x != join; x = parent[x]) succ[x] -= sizeS;

        // 2. The preorder of S re-rooted at uIn.
        int tail = oLast[0];
        for (int t = 1; t <= k; t++)
        {
            int a0 = stem[t];
            thread[tail] = a0;
            rev[a0] = tail;
            tail = oRev[t - 1];
            if (oLast[t] != oLast[t - 1])
            {
                int b0 = oAfter[t - 1];
                thread[tail] = b0;
                rev[b0] = tail;
                tail = oLast[t];
            }
        }
        int newLast = tail;

        // 3. Splice S in right after vIn (as its first child); fix the ancestors of vIn.
        int vNext = thread[vIn];
        thread[vIn] = uIn;
        rev[uIn] = vIn;
        thread[newLast] = vNext;
        rev[vNext] = newLast;
        if (last[vIn] == vIn)
            for (int x = vIn; x != -1 && last[x] == vIn; x = parent[x]) last[x] = newLast;
        for (int x = vIn; x != join; x = parent[x]) succ[x] += sizeS;

        // 4. The stem: subtree sizes, last successors, and parent/pred/direction/flow reversed along it.
        for (int t = 0; t <= k; t++) last[stem[t]] = newLast;
        succ[uIn] = sizeS;
        for (int t = 1; t <= k; t++) succ[stem[t]] = sizeS - oSucc[t - 1];
        for (int t = k; t >= 1; t--)
        {
            int st = stem[t], below = stem[t - 1];
            parent[st] = below;
            _pred[st] = _pred[below];
            _dir[st] = (sbyte)-_dir[below];
            _flow[st] = _flow[below];
        }
        parent[uIn] = vIn;
        _pred[uIn] = e;
        _dir[uIn] = uInIsSource ? Up : Down;
        _flow[uIn] = enteringFlow;
        return sizeS;
    }
}
