namespace Verify.Theory;

/// <summary>
/// Exact transport between two point clouds without the n × m cost matrix (the matrix-free route).
/// <list type="number">
/// <item>Candidates: a feasible start (the north-west-corner plan in the order of the k-d trees, which follows space),
/// the k cheapest targets of every source and sources of every target.</item>
/// <item>Solve on the candidates with the network simplex.</item>
/// <item>Price every pair against the potentials, without the matrix (<see cref="CloudCosts.Price"/>: k-d tree branch
/// and bound in low dimension, blocks of rows computed on the fly in high dimension), with the solver's own entering
/// rule; add the most negative arcs of every row and column, re-solve warm from the current spanning tree, and repeat
/// until no pair prices negative.</item>
/// <item>Read out and certify exactly as the dense route does (<see cref="ExactSolver.Finish"/>): the certificate's
/// dual sweep runs over ALL n·m pairs, matrix-free.</item>
/// </list>
/// Memory: the clouds, the trees or one block of rows, and the candidate arcs, O((n + m)·k).
/// </summary>
internal static class CloudTransport
{
    /// <summary>Violating arcs added per row and per column in each pricing round.</summary>
    public const int PerRow = 4, PerColumn = 4;

    /// <summary>Dimensions up to this use k-d trees; above it, blocked passes over all pairs.</summary>
    public const int TreeDimensions = 8;

    /// <summary>Builds the matrix-free costs for the clouds: trees in low dimension, blocks in high.</summary>
    public static CloudCosts Costs(DiscreteDistribution p, DiscreteDistribution q, GroundCost cost) =>
        p.Dimension <= TreeDimensions
            ? new TreeCosts(p.Points.ToArray(), q.Points.ToArray(), p.Dimension, cost)
            : new BlockCosts(p.Points.ToArray(), q.Points.ToArray(), p.Dimension, cost);

    /// <summary>
    /// Solves between P and Q (validated, equal masses, costs within the solver's range). In low dimension the points
    /// are first renumbered in the order of their k-d trees, so that nodes near in space are near in memory (the
    /// simplex's tree walks and the pricing then stay in cache); the result is given back in the caller's numbering.
    /// </summary>
    public static TransportResult Solve(DiscreteDistribution p, DiscreteDistribution q, GroundCost cost, TransportOptions o)
    {
        double[] a = p.Weights.ToArray(), b = q.Weights.ToArray();
        CloudCosts costs = Costs(p, q, cost);
        if (costs is not TreeCosts trees) return Solve(costs, a, b, o, warmStart: null);
        int[] px = trees.SourceTree.Index, py = trees.TargetTree.Index;
        int d = p.Dimension;
        var xs = new double[px.Length * d];
        var ys = new double[py.Length * d];
        var pa = new double[px.Length];
        var pb = new double[py.Length];
        for (int t = 0; t < px.Length; t++)
        {
            p.Point(px[t]).CopyTo(xs.AsSpan(t * d, d));
            pa[t] = a[px[t]];
        }
        for (int t = 0; t < py.Length; t++)
        {
            q.Point(py[t]).CopyTo(ys.AsSpan(t * d, d));
            pb[t] = b[py[t]];
        }
        TransportResult r = Solve(new TreeCosts(xs, ys, d, cost), pa, pb, o, warmStart: null);
        return r.Renumbered(px, py);
    }

    /// <summary>
    /// Solves on prepared costs. <paramref name="warmStart"/>, when given, replaces the candidate heuristics (north-west
    /// corner, neighbours, multiscale) by these arcs alone — the solve must still end optimal, since pricing finds every
    /// violation (used by the tests with a deliberately wrong start).
    /// </summary>
    internal static TransportResult Solve(CloudCosts costs, double[] a, double[] b, TransportOptions o, IEnumerable<(int I, int J)>? warmStart,
        IReadOnlyList<(int I, int J)>? startPlan = null)
    {
        int n = costs.N, m = costs.M;
        var (maxAbs, min) = costs.Range();
        Guard.SolverCosts(maxAbs, n, m, "points");
        var arcs = new SparseArcs();
        var present = new HashSet<long>();
        var index = new Dictionary<long, int>();

        int AddArc(int i, int j)
        {
            if (!present.Add((long)i * m + j)) return 0;
            arcs.Add(i, j, costs.At(i, j));
            return 1;
        }

        int k = Math.Min(o.Neighbours, Math.Max(n, m));
        var initial = new List<(int I, int J)>();
        if (warmStart is not null) initial.AddRange(warmStart);
        else
        {
            // Equal uniform clouds go to the auction, which needs no coarse level: only a feasible start among the candidates.
            // Under the auction the coarse plan only has to point each cluster near its destination: coarser clusters do.
            var ms = costs is TreeCosts tc ? Multiscale.Start(tc, a, b, k, o, UsesAuction(costs, a, b) ? AuctionLevelsUp : Multiscale.LevelsUp) : null;
            if (ms is { } start)
            {
                startPlan ??= start.Plan;
                initial.AddRange(start.Candidates);
            }
            else initial.AddRange(Start(costs, a, b));
            costs.Nearest(ms is null ? k : Math.Max(1, k / 2), initial);
        }
        // Sorted by source, then target: the block search then reads the potentials of sources in order.
        initial.Sort();
        foreach (var (i, j) in initial) AddArc(i, j);

        var forest = new List<int>();
        if (startPlan is not null)
        {
            var seen = new HashSet<long>();
            foreach (var (i, j) in startPlan)
            {
                if (!seen.Add((long)i * m + j)) continue;
                AddArc(i, j);
                forest.Add(ArcNumber(arcs, present, i, j, m, index));
            }
        }
        var ns = new NetworkSimplex(arcs, a, b, maxAbs, min);
        int[]? nearX = null, nearY = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The auction's rounds price locally (around each source's target) while that finds enough, which needs the
        // trees; in high dimension every round is a full blocked pass over all pairs.
        var auction = warmStart is null && UsesAuction(costs, a, b) ? Auction.Run(arcs, n) : null;
        Trace($"auction {(auction is null ? "not used" : "done")} in {clock.Elapsed.TotalSeconds:F2}s");
        bool settledLocally = costs is not TreeCosts;
        for (int round = 0, global = 0; auction is not null && round < 4 * AuctionRounds && global < AuctionRounds; round++)
        {
            // Price against the auction's duals, around each source's target while that finds enough (cheap), else every
            // pair; the arcs below −ε join, and the auction takes them in.
            int added = 0;
            bool local = !settledLocally;
            if (local)
            {
                var trees = (TreeCosts)costs;
                nearX ??= Neighbours(trees, sources: true, LocalNeighbours);
                nearY ??= Neighbours(trees, sources: false, LocalNeighbours);
                foreach (var (i, j) in AuctionLocal(costs, auction, nearX, nearY, LocalNeighbours)) added += AddArc(i, j);
                settledLocally = added < n / LocalTail;
            }
            else
            {
                global++;
                foreach (var (i, j) in costs.Price(auction.Potentials(), ns.Rule, PerRow, PerColumn)) added += AddArc(i, j);
                settledLocally = costs is not TreeCosts || added < n / LocalTail;
            }
            Trace($"  auction {(local ? "local" : "global")} pricing +{added}, {clock.Elapsed.TotalSeconds:F2}s");
            if (added == 0 && !local) break;
            if (added > 0 && !auction.Extend()) auction = null;
            Trace($"  auction extended, {clock.Elapsed.TotalSeconds:F2}s");
            if (!local && added < n / AuctionTail) break; // the simplex finishes the tail faster
        }
        // A false StartFrom (a cycle) leaves the all-artificial start, still correct.
        if (auction is not null)
        {
            var (tree, roots) = auction.Tree();
            ns.StartFrom(tree, roots);
        }
        else if (startPlan is not null) ns.StartFrom(forest);
        Trace($"start tree at {clock.Elapsed.TotalSeconds:F2}s");

        int rounds = 0;
        TransportStatus status;
        Trace($"n={n} m={m} start arcs={arcs.Count}");
        while (true)
        {
            rounds++;
            long before = ns.Iterations;
            double t0 = clock.Elapsed.TotalSeconds;
            status = ns.Run(o.MaxIterations);
            double t1 = clock.Elapsed.TotalSeconds;
            Trace($"round {rounds}: pivots {ns.Iterations - before} in {t1 - t0:F2}s, arcs {arcs.Count}");
            if (status != TransportStatus.Optimal) break;
            int added = 0;
            if (costs is TreeCosts trees)
            {
                // Local pricing first: around each arc (i, j) of the plan, the arcs from i to j's neighbours and from
                // i's neighbours to j (where a better exchange is most likely). Cheap, O((n + m)·k).
                nearX ??= Neighbours(trees, sources: true, LocalNeighbours);
                nearY ??= Neighbours(trees, sources: false, LocalNeighbours);
                foreach (var (i, j) in LocalPrice(costs, ns, nearX, nearY, LocalNeighbours)) added += AddArc(i, j);
                Trace($"  local pricing +{added} in {clock.Elapsed.TotalSeconds - t1:F2}s");
                if (added > 0) continue;
            }
            double t2 = clock.Elapsed.TotalSeconds;
            foreach (var (i, j) in costs.Price(ns.Potentials, ns.Rule, PerRow, PerColumn)) added += AddArc(i, j);
            Trace($"  global pricing +{added} in {clock.Elapsed.TotalSeconds - t2:F2}s");
            if (added == 0) break;
        }
        double t3 = clock.Elapsed.TotalSeconds;
        var result = ExactSolver.Finish(ns, status, a, b, costs, o, rounds, TransportRoute.SparsePricing);
        Trace($"finish (certificate) in {clock.Elapsed.TotalSeconds - t3:F2}s; total {clock.Elapsed.TotalSeconds:F2}s, pivots {ns.Iterations}");
        return result;
    }

    private static bool UsesAuction(CloudCosts costs, double[] a, double[] b) => Auction.Applies(a, b) && !NoAuction;

    /// <summary>Levels above the leaves of the coarse clusters when the auction starts the solve.</summary>
    internal const int AuctionLevelsUp = 3;

    /// <summary>VERIFY_NO_AUCTION=1 turns the auction start off (for measuring what it buys).</summary>
    private static readonly bool NoAuction = Environment.GetEnvironmentVariable("VERIFY_NO_AUCTION") == "1";

    private static readonly bool Tracing = Environment.GetEnvironmentVariable("VERIFY_TRACE_TRANSPORT") == "1";

    /// <summary>With VERIFY_TRACE_TRANSPORT=1, where the time goes (rounds, pivots, pricing) on standard error.</summary>
    internal static void Trace(string line)
    {
        if (Tracing) Console.Error.WriteLine($"[transport cpu {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F2}] " + line);
    }

    /// <summary>At most this many rounds of pricing every pair against the auction's duals before the simplex starts (and 4× as many local rounds).</summary>
    internal const int AuctionRounds = 8;

    /// <summary>The auction rounds stop once a round adds fewer than n / this arcs.</summary>
    internal const int AuctionTail = 2;

    /// <summary>The local rounds stop once a round adds fewer than n / this arcs.</summary>
    internal const int LocalTail = 50;

    /// <summary>Neighbours within a cloud used by the local pricing.</summary>
    public const int LocalNeighbours = 8;

    private static int ArcNumber(SparseArcs arcs, HashSet<long> present, int i, int j, int m, Dictionary<long, int> index)
    {
        if (index.Count < arcs.Count)
            for (int e = index.Count; e < arcs.Count; e++) index[(long)arcs.Source(e) * m + arcs.Target(e)] = e;
        return index[(long)i * m + j];
    }

    /// <summary>The k nearest other points of each point of one cloud (sources or targets), row-major, −1 padded.</summary>
    private static int[] Neighbours(TreeCosts costs, bool sources, int k)
    {
        int count = sources ? costs.N : costs.M;
        int kk = Math.Min(k + 1, count);
        var raw = new int[count * kk];
        costs.NearestTo(sources ? costs.Xs : costs.Ys, targets: !sources, kk, raw);
        var result = new int[count * k];
        Array.Fill(result, -1);
        for (int p = 0; p < count; p++)
        {
            int s = 0;
            for (int t = 0; t < kk && s < k; t++)
            {
                int q = raw[p * kk + t];
                if (q >= 0 && q != p) result[p * k + s++] = q;
            }
        }
        return result;
    }

    /// <summary>
    /// The arcs that price negative (the solver's rule) among (i, j′) for j′ a neighbour of j and (i′, j) for i′ a
    /// neighbour of i, over the arcs (i, j) of the current plan.
    /// </summary>
    private static List<(int I, int J)> LocalPrice(CloudCosts costs, NetworkSimplex ns, int[] nearX, int[] nearY, int k)
    {
        var plan = ns.Plan();
        ReadOnlySpan<double> pi = ns.Potentials;
        PricingRule rule = ns.Rule;
        int n = costs.N;
        var picks = new (int, int)[plan.Count * 2 * k];
        var pis = pi.ToArray();
        TreeCosts.Chunks(plan.Count, (p0, p1) =>
        {
            for (int p = p0; p < p1; p++)
            {
                var (i, j, _) = plan[p];
                for (int s = 0; s < k; s++)
                {
                    int jj = nearY[j * k + s];
                    picks[(p * 2 * k) + s] = jj >= 0 && Negative(costs, pis, rule, n, i, jj) ? (i, jj) : (-1, -1);
                    int ii = nearX[i * k + s];
                    picks[(p * 2 * k) + k + s] = ii >= 0 && Negative(costs, pis, rule, n, ii, j) ? (ii, j) : (-1, -1);
                }
            }
        });
        var result = new List<(int, int)>();
        foreach (var pick in picks) if (pick.Item1 >= 0) result.Add(pick);
        return result;
    }

    /// <summary>
    /// The arcs (i, j′) for j′ a neighbour of σ(i) and (i′, σ(i)) for i′ a neighbour of i that offer their source more
    /// than ε over its current target under the auction's prices.
    /// </summary>
    private static List<(int I, int J)> AuctionLocal(CloudCosts costs, Auction auction, int[] nearX, int[] nearY, int k)
    {
        int n = costs.N;
        var picks = new (int, int)[n * 2 * k];
        TreeCosts.Chunks(n, (p0, p1) =>
        {
            for (int i = p0; i < p1; i++)
            {
                int j = auction.TargetOf(i);
                for (int s = 0; s < k; s++)
                {
                    int jj = nearY[j * k + s];
                    picks[(i * 2 * k) + s] = jj >= 0 && auction.Violates(i, jj, costs.At(i, jj)) ? (i, jj) : (-1, -1);
                    int ii = nearX[i * k + s];
                    picks[(i * 2 * k) + k + s] = ii >= 0 && auction.Violates(ii, j, costs.At(ii, j)) ? (ii, j) : (-1, -1);
                }
            }
        });
        var result = new List<(int, int)>();
        foreach (var pick in picks) if (pick.Item1 >= 0) result.Add(pick);
        return result;
    }

    private static bool Negative(CloudCosts costs, double[] pi, PricingRule rule, int n, int i, int j) =>
        Math.FusedMultiplyAdd(costs.At(i, j), rule.CostFactor, rule.RowConstant(pi[i])) - rule.Low(pi[n + j]) < 0;

    /// <summary>
    /// A feasible start: the north-west-corner plan with sources and targets in the order of their k-d trees (which
    /// follows space, so the arcs are short where the clouds overlap), or in index order for the blocked costs.
    /// </summary>
    private static List<(int I, int J)> Start(CloudCosts costs, double[] a, double[] b)
    {
        int[] rowOrder = costs is TreeCosts t ? t.SourceTree.Index : Enumerable.Range(0, costs.N).ToArray();
        int[] colOrder = costs is TreeCosts t2 ? t2.TargetTree.Index : Enumerable.Range(0, costs.M).ToArray();
        var ra = new double[a.Length];
        var rb = new double[b.Length];
        for (int s = 0; s < a.Length; s++) ra[s] = a[rowOrder[s]];
        for (int s = 0; s < b.Length; s++) rb[s] = b[colOrder[s]];
        var start = new List<(int, int)>();
        foreach (var (i, j) in SparsePricing.NorthWestCorner(ra, rb)) start.Add((rowOrder[i], colOrder[j]));
        return start;
    }
}
