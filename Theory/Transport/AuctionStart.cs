namespace Verify.Theory;

/// <summary>
/// The start of the matrix-free route for equal uniform clouds (an assignment problem) when every pair can be priced
/// cheaply by a flat scan (<see cref="TreeCosts.ScansAllPairs"/>: W₁ in low dimension, where a k-d tree cannot prune):
/// <list type="number">
/// <item>the ε-scaling auction on the candidate arcs (<see cref="Auction"/>);</item>
/// <item>rounds: every pair priced against the auction's duals, the arcs below −ε join, the auction takes them in, until
/// a round adds fewer than n/2 arcs or after <see cref="Rounds"/> rounds (the simplex finishes the rest faster);</item>
/// <item>the start tree around the auction's permutation (<see cref="Auction.Tree"/>);</item>
/// <item>the arc set cut down to that tree and the <see cref="KeptPerSource"/> candidates of each source cheapest under
/// the auction's prices: each block search of the simplex scans the whole arc set when entering arcs are rare, so a
/// smaller set makes the late pivots cheaper (measured at 10⁴ points: 4× less simplex time), and pricing over all
/// pairs adds back whatever the optimum needs.</item>
/// </list>
/// It only steers the start: the simplex, pricing every pair and the certificate decide optimality.
/// </summary>
internal static class AuctionStart
{
    /// <summary>
    /// At most this many rounds of pricing every pair against the auction's duals. Measured at n = m = 10⁴ in the plane
    /// on three pairs of clouds (Gaussian shifted by (1, 0.5) and by (0.3, 0), uniform square against a stretched one),
    /// whole process: 1.88 / 1.83 / 2.40 s with 3 rounds against 2.14 / 1.87 / 3.34 s with 8; 1, 2 and 4 were no better.
    /// </summary>
    public const int Rounds = 3;

    /// <summary>Candidates kept per source when the arc set is cut down for the simplex.</summary>
    public const int KeptPerSource = 12;

    /// <summary>
    /// How the auction runs: at most <see cref="Rounds"/> rounds over all pairs; its last ε and first ε relative to the
    /// largest cost; its starting prices (null: zero); the cap on an extension's first ε relative to the largest cost.
    /// </summary>
    internal sealed record Settings(int Rounds, double EpsilonRelative, double FirstRelative, double[]? Prices, double ExtendCap)
    {
        /// <summary>Violating arcs added per row and per column in a round.</summary>
        public int PerNode { get; init; } = CloudTransport.PerRow;

        /// <summary>Bids allowed the first run; beyond, the auction gives up and the plain start runs.</summary>
        public long MaxBids { get; init; } = long.MaxValue;

        /// <summary>Bids allowed each extension (see <see cref="MaxBids"/>).</summary>
        public long MaxExtensionBids { get; init; } = long.MaxValue;

        /// <summary>The measured defaults at n = m = 10⁴ (see <see cref="Rounds"/>, <see cref="Auction.EpsilonRelative"/>).</summary>
        public static Settings Default { get; } = new(AuctionStart.Rounds, Auction.EpsilonRelative, 0.25, null, double.PositiveInfinity);
    }

    /// <summary>Whether the auction starts the solve: equal uniform masses and pricing by a flat scan.</summary>
    public static bool Applies(CloudCosts costs, double[] a, double[] b) =>
        costs is TreeCosts { ScansAllPairs: true } && Auction.Applies(a, b);

    /// <summary>
    /// Runs the stages above on <paramref name="arcs"/> (which grow, then are cut down) with the settings of
    /// <paramref name="setting"/> (<see cref="Settings.Default"/> when null), and returns the simplex started from the
    /// auction's tree, or null when the auction gave up (the arcs found so far stay).
    /// </summary>
    public static NetworkSimplex? Build(CandidateArcs arcs, CloudCosts costs, double[] a, double[] b, double maxAbs, double min, TextWriter? log,
        Settings? setting = null)
    {
        Settings st = setting ?? Settings.Default;
        int n = costs.N;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Auction? auction = Auction.Run(arcs.Arcs, n, st.EpsilonRelative, st.Prices, st.FirstRelative, st.MaxBids);
        log?.WriteLine($"auction on {arcs.Arcs.Count} candidate arcs: {(auction is null ? "gave up" : $"{auction.Bids} bids")} in {clock.Elapsed.TotalSeconds:F2} s");
        if (auction is null) return null;
        PricingRule rule = NetworkSimplex.RuleFor(min);
        for (int round = 1; round <= st.Rounds; round++)
        {
            int added = arcs.AddAll(costs.Price(auction.Potentials(), rule, st.PerNode, st.PerNode));
            log?.WriteLine($"auction round {round}: priced all pairs, {clock.Elapsed.TotalSeconds:F2} s");
            if (added > 0 && !auction.Extend(st.ExtendCap, st.MaxExtensionBids))
            {
                log?.WriteLine("auction gave up");
                return null;
            }
            log?.WriteLine($"auction round {round}: +{added} arcs, {auction.Bids} bids in all, {clock.Elapsed.TotalSeconds:F2} s");
            if (added < n / 2) break;
        }
        var (tree, roots) = auction.Tree();
        var keep = new bool[arcs.Arcs.Count];
        foreach (int e in tree) keep[e] = true;
        CandidateArcs.MarkLeastPerSource(arcs.Arcs, n, auction.ArcValues(), KeptPerSource, keep);
        int[] map = arcs.Keep(keep);
        var ns = new NetworkSimplex(arcs.Arcs, a, b, maxAbs, min);
        ns.StartFrom(tree.Select(e => map[e]).ToList(), roots); // false (a cycle): the all-artificial start stays, still correct
        log?.WriteLine($"start tree on {arcs.Arcs.Count} arcs, {clock.Elapsed.TotalSeconds:F2} s");
        return ns;
    }
}
