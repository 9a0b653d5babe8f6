namespace Verify.Theory;

/// <summary>
/// Matrix-free costs in low dimension: a k-d tree over each cloud, and every query over all pairs answered exactly by
/// branch and bound.
/// <para>
/// A node's box gives a lower bound ĉ_lo ≤ ĉ(x, y) on the cost AS COMPUTED for every point y in it
/// (<see cref="GroundCost.BoxLower"/>), and the potentials of its points give their extreme over the node. The queries
/// compare the same floating-point expressions the solver and the certificate evaluate (fused multiply-add, sum,
/// difference: all monotone in each argument), so a node is skipped only when no pair in it can pass the test:
/// <list type="bullet">
/// <item>pricing column j (the c-transform vⱼ ≤ minᵢ cᵢⱼ − uᵢ): skip a node of sources when
/// fma(ĉ_lo, 1+ε, min RowConstant(π)) − Low(πⱼ) ≥ 0, or is above the k-th best so far;</item>
/// <item>pricing row i: skip a node of targets when fma(ĉ_lo, 1+ε, RowConstant(πᵢ)) − max Low(π) ≥ 0;</item>
/// <item>certificate row i: skip a node of targets when (uᵢ + max v) ≤ ĉ_lo, so that sᵢⱼ = (uᵢ + vⱼ) − cᵢⱼ ≤ 0 for all
/// of them; every pair with sᵢⱼ &gt; 0 is visited and evaluated exactly;</item>
/// <item>range: nearest and farthest pairs with ĉ_lo and the corresponding upper bound.</item>
/// </list>
/// Memory: the two trees, O(n + m).
/// </para>
/// </summary>
internal sealed class TreeCosts : CloudCosts
{
    private readonly KdTree _xt, _yt;
    private (double MaxAbs, double Min)? _range;

    public TreeCosts(double[] xs, double[] ys, int dimension, GroundCost cost) : base(xs, ys, dimension, cost)
    {
        _xt = new KdTree(xs, N, dimension);
        _yt = new KdTree(ys, M, dimension);
    }

    /// <summary>The tree over the sources.</summary>
    internal KdTree SourceTree => _xt;

    /// <summary>The tree over the targets.</summary>
    internal KdTree TargetTree => _yt;

    private double Lower(KdTree tree, int node, ReadOnlySpan<double> q)
    {
        int d = Dimension;
        return Cost.BoxLower(q, tree.Lo.AsSpan(node * d, d), tree.Hi.AsSpan(node * d, d));
    }

    private double Upper(KdTree tree, int node, ReadOnlySpan<double> q)
    {
        int d = Dimension;
        return Cost.BoxUpper(q, tree.Lo.AsSpan(node * d, d), tree.Hi.AsSpan(node * d, d));
    }

    private static int StackSize(KdTree t) => 2 * t.Depth + 4;

    // ------------------------------------------------------------------ nearest neighbours

    public override void Nearest(int k, List<(int I, int J)> arcs)
    {
        int kr = Math.Min(k, M), kc = Math.Min(k, N);
        var rows = new int[N * kr];
        var cols = new int[M * kc];
        NearestTo(Xs, targets: true, kr, rows);
        NearestTo(Ys, targets: false, kc, cols);
        for (int i = 0; i < N; i++)
            for (int s = 0; s < kr; s++) if (rows[i * kr + s] >= 0) arcs.Add((i, rows[i * kr + s]));
        for (int j = 0; j < M; j++)
            for (int s = 0; s < kc; s++) if (cols[j * kc + s] >= 0) arcs.Add((cols[j * kc + s], j));
    }

    public override void NearestTo(double[] points, bool targets, int k, int[] result)
    {
        KdTree tree = targets ? _yt : _xt;
        int d = Dimension, queries = points.Length / d;
        Array.Fill(result, -1);
        if (k == 0) return;
        Chunks(queries, (q0, q1) =>
        {
            var val = new double[k];
            var idx = new int[k];
            var stack = new int[StackSize(tree)];
            for (int q = q0; q < q1; q++)
            {
                int size = KNearest(tree, points.AsSpan(q * d, d), k, val, idx, stack);
                for (int s = 0; s < size; s++) result[q * k + s] = idx[s];
            }
        });
    }

    private int KNearest(KdTree tree, ReadOnlySpan<double> q, int k, double[] val, int[] idx, int[] stack)
    {
        int size = 0, top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            int node = stack[--top];
            if (size == k && Lower(tree, node, q) > val[k - 1]) continue;
            if (tree.IsLeaf(node))
            {
                for (int t = tree.Start(node), end = tree.End(node); t < end; t++)
                    Insert(val, idx, ref size, k, Cost.EvaluateUnchecked(tree.Point(t), q), tree.Index[t]);
                continue;
            }
            PushNearFirst(tree, node, q, stack, ref top);
        }
        return size;
    }

    /// <summary>Pushes the children of node, the one with the smaller lower bound last (so it is visited first).</summary>
    private void PushNearFirst(KdTree tree, int node, ReadOnlySpan<double> q, int[] stack, ref int top)
    {
        int l = 2 * node + 1, r = l + 1;
        if (Lower(tree, l, q) <= Lower(tree, r, q))
        {
            stack[top++] = r;
            stack[top++] = l;
        }
        else
        {
            stack[top++] = l;
            stack[top++] = r;
        }
    }

    // ------------------------------------------------------------------ range

    public override (double MaxAbs, double Min) Range()
    {
        if (_range is { } r) return r;
        var nearest = new double[N];
        var farthest = new double[N];
        Chunks(N, (i0, i1) =>
        {
            var stack = new int[StackSize(_yt)];
            var val = new double[1];
            var idx = new int[1];
            for (int i = i0; i < i1; i++)
            {
                KNearest(_yt, X(i), 1, val, idx, stack);
                nearest[i] = val[0];
                farthest[i] = Farthest(_yt, X(i), stack);
            }
        });
        double min = double.PositiveInfinity, max = 0;
        for (int i = 0; i < N; i++)
        {
            min = Math.Min(min, nearest[i]);
            max = Math.Max(max, farthest[i]);
        }
        _range = (max, min);
        return _range.Value;
    }

    private double Farthest(KdTree tree, ReadOnlySpan<double> q, int[] stack)
    {
        double best = double.NegativeInfinity;
        int top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            int node = stack[--top];
            if (Upper(tree, node, q) <= best) continue;
            if (tree.IsLeaf(node))
            {
                for (int t = tree.Start(node), end = tree.End(node); t < end; t++)
                    best = Math.Max(best, Cost.EvaluateUnchecked(tree.Point(t), q));
                continue;
            }
            int l = 2 * node + 1, r = l + 1;
            if (Upper(tree, l, q) >= Upper(tree, r, q))
            {
                stack[top++] = r;
                stack[top++] = l;
            }
            else
            {
                stack[top++] = l;
                stack[top++] = r;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ certificate sweep

    private PairScan? _scan;

    /// <summary>
    /// The flat scan over all pairs (<see cref="PairScan"/>), used for pricing and the certificate's sweep under W₁: its
    /// optimal potentials are tight along whole transport rays, so branch and bound cannot prune there (measured at
    /// 10⁴ points in the plane: one pass 0.25–0.5 s by the tree, 0.02 s flat). W₂ and other costs keep the tree, which
    /// prunes well where optimal arcs are short.
    /// </summary>
    internal PairScan? Scan => ScansAllPairs ? _scan ??= new PairScan(this) : null;

    /// <summary>Whether every pass over all pairs is a flat scan (W₁ with AVX-512), so that such a pass is cheap.</summary>
    internal bool ScansAllPairs => Cost.Power == 1.0 && PairScan.Supports(Cost);

    public override DualSweep Sweep(double[] u, double[] a, double[] v, double[] b)
    {
        var (maxAbs, min) = Range();
        if (Scan is { } scan)
        {
            var (rm, rw) = scan.Sweep(u, a, v, b);
            return new DualSweep(rm, rw, maxAbs, min);
        }
        double[] vTree = _yt.InTreeOrder(v), bTree = _yt.InTreeOrder(b);
        double[] vMax = _yt.NodeMax(v), vAbs = _yt.NodeMax(v.Select(Math.Abs).ToArray());
        NodeModels model = NodeModels.Fit(_yt, vTree);
        var rowMax = new double[N];
        var rowWeighted = new double[N];
        int d = Dimension;
        Chunks(N, (i0, i1) =>
        {
            var stack = new int[StackSize(_yt)];
            for (int i = i0; i < i1; i++)
            {
                ReadOnlySpan<double> x = X(i);
                double ui = u[i], ai = a[i], worst = 0, weighted = 0;
                int top = 0;
                stack[top++] = 0;
                while (top > 0)
                {
                    int node = stack[--top];
                    ReadOnlySpan<double> lo = _yt.Lo.AsSpan(node * d, d), hi = _yt.Hi.AsSpan(node * d, d);
                    // sᵢⱼ = (uᵢ + vⱼ) − ĉᵢⱼ ≤ (uᵢ + max v) − ĉ_lo (monotone rounding): nothing positive when that is ≤ 0.
                    if (!(ui + vMax[node] > Cost.BoxLower(x, lo, hi))) continue;
                    // The affine model: vⱼ ≤ ⟨g, yⱼ − o⟩ + β and ĉ − ⟨g, y − o⟩ ≥ A, so sᵢⱼ ≤ uᵢ + β − A plus the rounding of
                    // uᵢ + vⱼ (≤ 2⁻⁵³·(|uᵢ| + |vⱼ|)), covered by the margin.
                    double affine = model.AffineLower(Cost, x, lo, hi, node, 1.0, Cost.BoxUpper(x, lo, hi));
                    if (ui + model.Beta[node] - affine + Margin * (Math.Abs(ui) + vAbs[node] + Math.Abs(model.Beta[node]) + Math.Abs(affine)) <= 0)
                        continue;
                    if (_yt.IsLeaf(node))
                    {
                        for (int t = _yt.Start(node), end = _yt.End(node); t < end; t++)
                        {
                            double s = ui + vTree[t] - Cost.EvaluateUnchecked(x, _yt.Point(t));
                            if (!(s > 0)) continue;
                            worst = Math.Max(worst, s);
                            weighted += Math.Min(ai, bTree[t]) * s;
                        }
                        continue;
                    }
                    stack[top++] = 2 * node + 1;
                    stack[top++] = 2 * node + 2;
                }
                rowMax[i] = worst;
                rowWeighted[i] = weighted;
            }
        });
        return new DualSweep(rowMax, rowWeighted, maxAbs, min);
    }

    private const double Margin = 9.094947017729282e-13; // 2⁻⁴⁰

    // ------------------------------------------------------------------ pricing

    /// <summary>
    /// One pricing query by branch and bound: the up to k most negative values over the points of <paramref name="tree"/>
    /// of the priced cost against the query point z. <paramref name="rowSide"/>: the query is source i (constant
    /// RowConstant <paramref name="r"/>) and the tree holds targets with key Low (value fma(ĉ, f, r) − Lowₜ); otherwise
    /// the query is target j (constant Low <paramref name="l"/>) and the tree holds sources with key RowConstant (value
    /// fma(ĉ, f, Rₜ) − l). Node bounds: the separate one (nearest box point, extreme key; exact by monotone rounding)
    /// and the affine one (<see cref="NodeModels"/>; the model is of the key's negation on the source side).
    /// </summary>
    private int PriceQuery(KdTree tree, ReadOnlySpan<double> z, bool rowSide, double r, double l, double f,
        double[] keyTree, double[] keyExtreme, double[] keyAbs, NodeModels model, int k, double[] val, int[] idx,
        int[] nodeStack, double[] boundStack)
    {
        int d = Dimension, size = 0, top = 0;
        nodeStack[top] = 0;
        boundStack[top++] = double.NegativeInfinity;
        while (top > 0)
        {
            top--;
            int node = nodeStack[top];
            if (!(boundStack[top] < 0) || (size == k && boundStack[top] > val[k - 1])) continue;
            if (tree.IsLeaf(node))
            {
                for (int t = tree.Start(node), end = tree.End(node); t < end; t++)
                {
                    double c = Cost.EvaluateUnchecked(tree.Point(t), z);
                    double rc = rowSide ? Math.FusedMultiplyAdd(c, f, r) - keyTree[t] : Math.FusedMultiplyAdd(c, f, keyTree[t]) - l;
                    if (rc < 0) Insert(val, idx, ref size, k, rc, tree.Index[t]);
                }
                continue;
            }
            int left = 2 * node + 1, right = left + 1;
            double bl = Bound(tree, left, z, rowSide, r, l, f, keyExtreme, keyAbs, model);
            double br = Bound(tree, right, z, rowSide, r, l, f, keyExtreme, keyAbs, model);
            // Push the better child last so that it is visited first.
            if (bl <= br)
            {
                nodeStack[top] = right; boundStack[top++] = br;
                nodeStack[top] = left; boundStack[top++] = bl;
            }
            else
            {
                nodeStack[top] = left; boundStack[top++] = bl;
                nodeStack[top] = right; boundStack[top++] = br;
            }
        }
        return size;
    }

    private double Bound(KdTree tree, int node, ReadOnlySpan<double> z, bool rowSide, double r, double l, double f,
        double[] keyExtreme, double[] keyAbs, NodeModels model)
    {
        int d = Dimension;
        ReadOnlySpan<double> lo = tree.Lo.AsSpan(node * d, d), hi = tree.Hi.AsSpan(node * d, d);
        double cLow = Cost.BoxLower(z, lo, hi);
        double separate = rowSide ? Math.FusedMultiplyAdd(cLow, f, r) - keyExtreme[node] : Math.FusedMultiplyAdd(cLow, f, keyExtreme[node]) - l;
        if (separate >= 0) return separate;
        double a = model.AffineLower(Cost, z, lo, hi, node, f, Cost.BoxUpper(z, lo, hi));
        if (double.IsNegativeInfinity(a)) return separate;
        double beta = model.Beta[node];
        double constant = rowSide ? r : -l;
        double affine = a + constant - beta - Margin * (Math.Abs(a) + Math.Abs(constant) + Math.Abs(beta) + keyAbs[node]);
        return Math.Max(separate, affine);
    }

    public override List<(int I, int J)> Price(ReadOnlySpan<double> pi, PricingRule rule, int perRow, int perColumn)
    {
        int n = N, m = M;
        var (rowConst, low) = PricingTerms(pi, rule);
        double f = rule.CostFactor;
        if (Scan is { } scan) return scan.Price(rowConst, low, f, perRow, perColumn);
        var rowPicks = new int[n * perRow];
        var colPicks = new int[m * perColumn];
        Array.Fill(rowPicks, -1);
        Array.Fill(colPicks, -1);

        if (perRow > 0)
        {
            double[] lowTree = _yt.InTreeOrder(low), lowMax = _yt.NodeMax(low), lowAbs = _yt.NodeMax(low.Select(Math.Abs).ToArray());
            NodeModels model = NodeModels.Fit(_yt, lowTree);
            Chunks(n, (i0, i1) =>
            {
                var nodes = new int[StackSize(_yt)];
                var bounds = new double[StackSize(_yt)];
                var val = new double[perRow];
                var idx = new int[perRow];
                for (int i = i0; i < i1; i++)
                {
                    int size = PriceQuery(_yt, X(i), rowSide: true, rowConst[i], 0, f, lowTree, lowMax, lowAbs, model, perRow, val, idx, nodes, bounds);
                    for (int s = 0; s < size; s++) rowPicks[i * perRow + s] = idx[s];
                }
            });
        }
        if (perColumn > 0)
        {
            double[] rowTree = _xt.InTreeOrder(rowConst), rowMin = _xt.NodeMin(rowConst), rowAbs = _xt.NodeMax(rowConst.Select(Math.Abs).ToArray());
            NodeModels model = NodeModels.Fit(_xt, rowTree.Select(x => -x).ToArray());
            Chunks(m, (j0, j1) =>
            {
                var nodes = new int[StackSize(_xt)];
                var bounds = new double[StackSize(_xt)];
                var val = new double[perColumn];
                var idx = new int[perColumn];
                for (int j = j0; j < j1; j++)
                {
                    int size = PriceQuery(_xt, Y(j), rowSide: false, 0, low[j], f, rowTree, rowMin, rowAbs, model, perColumn, val, idx, nodes, bounds);
                    for (int s = 0; s < size; s++) colPicks[j * perColumn + s] = idx[s];
                }
            });
        }
        var result = new List<(int, int)>();
        for (int i = 0; i < n; i++)
            for (int s = 0; s < perRow && rowPicks[i * perRow + s] >= 0; s++) result.Add((i, rowPicks[i * perRow + s]));
        for (int j = 0; j < m; j++)
            for (int s = 0; s < perColumn && colPicks[j * perColumn + s] >= 0; s++) result.Add((colPicks[j * perColumn + s], j));
        return result;
    }

    /// <summary>Runs body over [0, count) in contiguous chunks, in parallel when there is enough work.</summary>
    internal static void Chunks(int count, Action<int, int> body)
    {
        int parts = Math.Min(Environment.ProcessorCount * 4, Math.Max(1, count / 256));
        if (parts <= 1)
        {
            body(0, count);
            return;
        }
        Parallel.For(0, parts, p => body((int)((long)count * p / parts), (int)((long)count * (p + 1) / parts)));
    }
}
