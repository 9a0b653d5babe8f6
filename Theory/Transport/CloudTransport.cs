namespace Verify.Theory;

/// <summary>
/// Exact transport between two point clouds without the n × m cost matrix (the matrix-free route).
/// <list type="number">
/// <item>Candidates: a feasible start (the north-west-corner plan in the order of the k-d trees, which follows space, or
/// the coarse-to-fine plan of <see cref="Multiscale"/>), the k cheapest targets of every source and sources of every
/// target.</item>
/// <item>Equal uniform clouds under W₁ (an assignment problem whose pairs a flat scan prices cheaply) start from the
/// ε-scaling auction instead (<see cref="AuctionStart"/>).</item>
/// <item>Solve on the candidates with the network simplex.</item>
/// <item>Price every pair against the potentials, without the matrix (<see cref="CloudCosts.Price"/>: a flat scan
/// (<see cref="PairScan"/>) or k-d tree branch and bound in low dimension, blocks of rows computed on the fly in high
/// dimension), with the solver's own entering rule; add the most negative arcs of every row and column, re-solve warm
/// from the current spanning tree, and repeat until no pair prices negative.</item>
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
        TextWriter? log = o.Log;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (maxAbs, min) = costs.Range();
        Guard.SolverCosts(maxAbs, n, m, "points");
        var arcs = new CandidateArcs(costs);
        bool auctionStart = warmStart is null && AuctionStart.Applies(costs, a, b);
        bool leastValues = auctionStart && (long)n * m >= o.LeastValuesFrom;

        int k = Math.Min(o.Neighbours, Math.Max(n, m));
        var initial = new List<(int I, int J)>();
        double[]? coarsePrices = null;
        if (warmStart is not null) initial.AddRange(warmStart);
        else
        {
            // Under the auction the coarse plan only has to point each cluster near its destination: coarser clusters do
            // (but the least-value candidates need the finest coarse level's duals, and share its solve).
            var level = costs is TreeCosts tc
                ? Multiscale.Coarse(tc, a, b, o, auctionStart && !leastValues ? AuctionLevelsUp : Multiscale.LevelsUp)
                : null;
            if (level is not null)
            {
                var trees = (TreeCosts)costs;
                var (plan, candidates) = Multiscale.Start(trees, level, a, b, k);
                startPlan ??= plan;
                initial.AddRange(candidates);
                if (leastValues)
                {
                    log?.WriteLine($"coarse level solved: {clock.Elapsed.TotalSeconds:F2} s");
                    coarsePrices = Multiscale.Prices(trees, level);
                    var (least, capped) = LeastValues(trees, coarsePrices, LeastValuesPerSource, initial);
                    initial.AddRange(least);
                    // Near-ties everywhere (many scans stopped at their cap): the auction would fight price wars.
                    if (capped > n / 100) auctionStart = false;
                    log?.WriteLine($"{capped} scans stopped at their cap{(auctionStart ? "" : ": the plain start runs")}");
                    log?.WriteLine($"least-value candidates: {clock.Elapsed.TotalSeconds:F2} s");
                }
            }
            else initial.AddRange(Start(costs, a, b));
            costs.Nearest(level is null ? k : Math.Max(1, k / 2), initial);
        }
        // Sorted by source, then target: the block search then reads the potentials of sources in order.
        initial.Sort();
        arcs.AddAll(initial);
        log?.WriteLine($"n = {n}, m = {m}: {arcs.Arcs.Count} candidate arcs in {clock.Elapsed.TotalSeconds:F2} s");

        NetworkSimplex? ns = !auctionStart ? null
            : leastValues ? AuctionStart.Build(arcs, costs, a, b, maxAbs, min, log,
                new AuctionStart.Settings(LeastValuesRounds, LeastValuesEpsilon, LeastValuesFirstEpsilon, coarsePrices, LeastValuesExtendCap)
                { MaxBids = LeastValuesBidsPerSource * n, MaxExtensionBids = LeastValuesExtensionBidsPerSource * n })
            : AuctionStart.Build(arcs, costs, a, b, maxAbs, min, log);
        if (ns is null)
        {
            var forest = new List<int>();
            if (startPlan is not null)
                foreach (var (i, j) in startPlan)
                {
                    arcs.Add(i, j);
                    forest.Add(arcs.Number(i, j));
                }
            ns = new NetworkSimplex(arcs.Arcs, a, b, maxAbs, min);
            // A plan's support repeated, or a cycle: StartFrom refuses it and the all-artificial start stays, still correct.
            if (forest.Count > 0) ns.StartFrom(forest.Distinct().ToList());
        }

        // Where every pair is priced by a flat scan (W₁ in low dimension, a pass ~0.02 s at 10⁴ and ~3 s at 10⁵ points),
        // every round prices all pairs: measured at 10⁵ points, against local rounds first, the Gaussian row took 193 s
        // instead of 339, the translate 74 s instead of 92, the line 29 s instead of 36. Otherwise price locally first:
        // around each arc (i, j) of the plan, the arcs from i to j's neighbours and from i's neighbours to j (where a
        // better exchange is most likely), O((n + m)·k), and pass over all pairs only when that finds nothing.
        bool flat = costs is TreeCosts { ScansAllPairs: true };
        int[]? nearX = null, nearY = null;
        int rounds = 0, prunes = 0;
        TransportStatus status;
        while (true)
        {
            rounds++;
            long before = ns.Iterations;
            status = ns.Run(o.MaxIterations);
            log?.WriteLine($"round {rounds}: {ns.Iterations - before} pivots on {arcs.Arcs.Count} arcs, {clock.Elapsed.TotalSeconds:F2} s");
            if (status != TransportStatus.Optimal) break;
            int added = 0;
            if (costs is TreeCosts trees && !flat)
            {
                nearX ??= Neighbours(trees, sources: true, LocalNeighbours);
                nearY ??= Neighbours(trees, sources: false, LocalNeighbours);
                added = arcs.AddAll(LocalPrice(costs, ns, nearX, nearY, LocalNeighbours));
                if (added > 0) continue;
            }
            added = arcs.AddAll(costs.Price(ns.Potentials, ns.Rule, PerRow, PerColumn));
            log?.WriteLine($"pricing all pairs: +{added} arcs, {clock.Elapsed.TotalSeconds:F2} s");
            if (added == 0) break;
            if (prunes < MaxPrunes && arcs.Arcs.Count > PruneAt * (long)(n + m))
            {
                prunes++;
                int[] map = arcs.Keep(KeptArcs(arcs.Arcs, ns, n, KeptPerSource));
                ns.ReplaceArcs(arcs.Arcs, map);
                log?.WriteLine($"arc set cut down to {arcs.Arcs.Count} arcs");
            }
        }
        var result = ExactSolver.Finish(ns, status, a, b, costs, o, rounds, TransportRoute.SparsePricing);
        log?.WriteLine($"certified ({result.Certificate.Holds}) in {clock.Elapsed.TotalSeconds:F2} s, {ns.Iterations} pivots");
        return result;
    }

    /// <summary>Least-value candidates per source (see <see cref="LeastValues"/>).</summary>
    internal const int LeastValuesPerSource = 16;

    /// <summary>
    /// Values a source's scan may take into its list before it stops (see <see cref="PairScan.Least"/>). Measured at 10⁵:
    /// on the points on a line half the rows reach it (their scan took 27 s uncapped, 6 s capped); on the Gaussian clouds
    /// 27 rows (3257 at a cap of 256, whose poorer lists then made the auction's first extension overrun its budget).
    /// </summary>
    internal const int LeastValuesInserts = 2048;

    /// <summary>
    /// With least-value candidates the auction runs down to ε = 10⁻¹³·max c, so that its tree starts the simplex nearly
    /// optimal (measured at 10⁵ points: 1.2·10⁵ pivots in all instead of 9.5·10⁵ with ε = 10⁻⁷·max c, 85 s instead of
    /// 129 s; with 1 round over all pairs instead of 3, 107 s; with 2, 90 s).
    /// </summary>
    internal const double LeastValuesEpsilon = 1e-13;

    /// <summary>
    /// At most this many rounds of pricing all pairs against the auction's duals (the rounds also end when one adds fewer
    /// than n/2 arcs). Measured at 10⁵ points on the Gaussian row, whole process, once pricing passes took ~1 s: with 3
    /// rounds 60–69 s, the simplex then making 7.6·10⁴ pivots and five passes; with up to 6 (the fourth round adds
    /// 3.4·10⁴ arcs, 1.2·10⁷ bids, and ends them) 52–56 s, 2.9·10⁴ pivots and four passes.
    /// </summary>
    internal const int LeastValuesRounds = 6;

    /// <summary>Its first ε relative to max c, starting from the coarse prices (1.7·10⁷ bids instead of 2.1·10⁷ from zero).</summary>
    internal const double LeastValuesFirstEpsilon = 1e-3;

    /// <summary>The cap on an extension's first ε relative to max c (see <see cref="Auction.Extend"/>).</summary>
    internal const double LeastValuesExtendCap = 1e-4;

    /// <summary>
    /// Bids per source allowed the auction's first run, and each extension. Where exact ties abound an auction down to
    /// ε = 10⁻¹³·max c turns into price wars (measured at 10⁵: 2.7·10⁸ bids in the first run on a cloud against its
    /// translate, against 1.7·10⁷ on the Gaussian clouds, whose extensions took 2.0–2.2·10⁷; small changes of the
    /// candidates moved the Gaussian first run past 2.5·10⁷), and the plain start from the coarse plan is faster there
    /// (the translate: 78 s against 155 s), so past these budgets the auction gives up and that start runs. Points on a
    /// line are caught earlier, by their least-value scans: half of them stop at their cap. Heuristic gates: a problem
    /// that trips them is still solved exactly, only along the slower road.
    /// </summary>
    internal const long LeastValuesBidsPerSource = 600, LeastValuesExtensionBidsPerSource = 600;

    /// <summary>
    /// For every source i, the k targets of least c(xᵢ, yⱼ) + pⱼ over ALL targets (<see cref="PairScan.Least"/>) under
    /// prices p from the coarse duals (<see cref="Multiscale.Prices"/>). Under W₁ the arcs an optimum needs lie along
    /// whole transport rays, not only near where a cluster is sent, and these are the arcs nearly tight under nearly
    /// optimal duals: measured at 10⁵ points, the auction's rounds over all pairs then found 6.6·10⁵, 4.2·10⁵ and 1.9·10⁵
    /// violations instead of ~7·10⁵ each, and the simplex needed 10⁶ pivots instead of 5·10⁶.
    /// </summary>
    private static (List<(int I, int J)> Arcs, int Capped) LeastValues(TreeCosts costs, double[] prices, int k, List<(int I, int J)> seeds)
    {
        int n = costs.N;
        k = Math.Min(k, costs.M);
        // Seeds: each source's candidates so far and those of its neighbours in tree order (near in space, so their
        // rays run alongside), which make the scan's bound tight from its first block on.
        var first = new int[n + 2];
        foreach (var (i, _) in seeds) first[i + 2]++;
        for (int i = 0; i < n; i++) first[i + 2] += first[i + 1];
        var own = new int[seeds.Count];
        foreach (var (i, j) in seeds) own[first[i + 1]++] = j;
        var seedFirst = new int[n + 1];
        var seedTarget = new List<int>(3 * seeds.Count);
        for (int i = 0; i < n; i++)
        {
            seedFirst[i] = seedTarget.Count;
            for (int s = Math.Max(0, i - 1); s <= Math.Min(n - 1, i + 1); s++)
                for (int t = first[s]; t < first[s + 1]; t++) seedTarget.Add(own[t]);
        }
        seedFirst[n] = seedTarget.Count;
        var rows = Enumerable.Range(0, n).ToArray();
        var list = new int[n * k];
        var floor = new double[n];
        costs.Scan!.Least(rows, n, prices, k, list, floor, seedFirst, seedTarget.ToArray(), LeastValuesInserts);
        var arcs = new List<(int, int)>(n * k);
        for (int i = 0; i < n; i++)
            for (int s = 0; s < k; s++) if (list[i * k + s] >= 0) arcs.Add((i, list[i * k + s]));
        return (arcs, floor.Count(double.IsNegativeInfinity));
    }

    /// <summary>
    /// After a pricing pass over all pairs, an arc set larger than this many arcs per node is cut down
    /// (<see cref="KeptArcs"/>): late in a solve entering arcs are rare and each block search scans most of the set, so
    /// its size sets the cost of a pivot (measured on the 10⁵ translate row: 0.75 ms a pivot on 3.8·10⁶ arcs).
    /// </summary>
    internal const int PruneAt = 10;

    /// <summary>Candidates kept per source when the arc set is cut down.</summary>
    internal const int KeptPerSource = 8;

    /// <summary>At most this many cuts per solve, so that the rounds stay finite whatever the cuts drop and pricing adds back.</summary>
    internal const int MaxPrunes = 8;

    /// <summary>
    /// The arcs to keep: the spanning tree's, every arc that prices negative, and the <paramref name="perSource"/> of
    /// each source with the least reduced cost c̄ = c + πᵢ − π_{n+j}. What is dropped carries no flow and prices
    /// non-negative; pricing over all pairs adds it back if it ever becomes a candidate again.
    /// </summary>
    private static bool[] KeptArcs(SparseArcs arcs, NetworkSimplex ns, int n, int perSource)
    {
        int count = arcs.Count;
        var keep = new bool[count];
        foreach (int e in ns.TreeArcs()) keep[e] = true;
        ReadOnlySpan<double> pi = ns.Potentials;
        PricingRule rule = ns.Rule;
        var reduced = new double[count];
        for (int e = 0; e < count; e++)
        {
            reduced[e] = rule.Priced(arcs.Cost(e), pi[arcs.Source(e)], pi[n + arcs.Target(e)]);
            if (reduced[e] < 0) keep[e] = true;
        }
        CandidateArcs.MarkLeastPerSource(arcs, n, reduced, perSource, keep);
        return keep;
    }

    /// <summary>Levels above the leaves of the coarse clusters when the auction starts the solve.</summary>
    internal const int AuctionLevelsUp = 3;

    /// <summary>Neighbours within a cloud used by the local pricing.</summary>
    public const int LocalNeighbours = 8;

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

    private static bool Negative(CloudCosts costs, double[] pi, PricingRule rule, int n, int i, int j) =>
        rule.Priced(costs.At(i, j), pi[i], pi[n + j]) < 0;

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
