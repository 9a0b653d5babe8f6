namespace Verify.Theory;

/// <summary>
/// Moves optimal potentials within the optimal face so that the certificate can see their optimality.
/// <para>
/// A degenerate tree arc (no flow) splits the spanning tree into two parts T and T′ that exchange no mass. Adding δ to
/// every potential of T changes neither the plan nor the tightness of its arcs (they lie inside T or inside T′); it
/// only moves the reduced costs of the arcs across the cut: c̄ᵢⱼ + δ for i ∈ T, j ∈ T′ and c̄ᵢⱼ − δ for i ∈ T′, j ∈ T.
/// The tree puts δ at an end of the interval [lo, hi] that keeps all of them non-negative (the degenerate arc itself is
/// tight), so the arcs near it sit at the rounding of their costs. For an atom far from the rest (costs 1e11 against 1)
/// that rounding, weighted by the atom's mass, exceeds the certificate's tolerance. Moving δ to the middle of
/// [lo, hi] gives every arc across the cut a slack of (hi − lo)/2, which the rounding cannot undo.
/// </para>
/// <para>
/// Finding lo and hi means pricing the arcs across the cut, O(|S|·(n + m)) for the smaller part S. Arcs are taken from
/// the smallest cuts up, within a budget of priced entries; the part that holds the anchor (potential 0, and the mass
/// difference) never moves. Used only after a certificate failed; the certificate is then computed again.
/// </para>
/// </summary>
internal static class DualPolish
{
    /// <summary>Polishes the potentials of <paramref name="ns"/> against the full cost matrix, pricing at most <paramref name="budget"/> entries.</summary>
    public static void Run(NetworkSimplex ns, Array cost, int n, int m, long budget)
    {
        int nodes = ns.RealNodes;
        if (ns.Anchor < 0) return;
        var cuts = new List<(int U, int Small)>();
        foreach (int u in ns.DegenerateArcs())
        {
            int size = ns.SubtreeSize(u);
            cuts.Add((u, Math.Min(size, nodes - size)));
        }
        cuts.Sort((x, y) => x.Small != y.Small ? x.Small.CompareTo(y.Small) : x.U.CompareTo(y.U));
        var inT = new bool[nodes];
        foreach (var (u, _) in cuts)
        {
            var t = ns.Subtree(u).ToList();
            foreach (int x in t) inT[x] = true;
            bool scanT = 2 * t.Count <= nodes;
            long work = scanT ? Work(t, n, m) : Work(Complement(inT), n, m);
            if (work > budget)
            {
                foreach (int x in t) inT[x] = false;
                continue;
            }
            budget -= work;
            // Shifting T by δ: arcs T → T′ need c̄ + δ ≥ 0 (δ ≥ lo), arcs T′ → T need c̄ − δ ≥ 0 (δ ≤ hi).
            var (fromT, intoT) = CutMinima(ns.Potentials, cost, n, m, inT, scanT);
            double lo = -fromT, hi = intoT;
            if (double.IsFinite(lo) && double.IsFinite(hi) && lo <= hi)
            {
                double delta = 0.5 * lo + 0.5 * hi;
                if (ns.HoldsAnchor(u)) ns.Shift(Complement(inT), -delta);
                else ns.Shift(t, delta);
            }
            foreach (int x in t) inT[x] = false;
        }
    }

    private static IEnumerable<int> Complement(bool[] inT)
    {
        for (int x = 0; x < inT.Length; x++) if (!inT[x]) yield return x;
    }

    /// <summary>Entries priced when scanning the rows of the part's sources and the columns of its targets.</summary>
    private static long Work(IEnumerable<int> part, int n, int m)
    {
        long w = 0;
        foreach (int x in part) w += x < n ? m : n;
        return w;
    }

    /// <summary>
    /// (min c̄ over arcs T → T′, min c̄ over arcs T′ → T), c̄ᵢⱼ = cᵢⱼ + πᵢ − π_{n+j}, by scanning the rows and columns of
    /// T (<paramref name="scanT"/>) or, when T′ is the smaller part, of T′ (which covers the same arcs).
    /// </summary>
    private static (double FromT, double IntoT) CutMinima(ReadOnlySpan<double> pi, Array cost, int n, int m, bool[] inT, bool scanT)
    {
        double fromT = double.PositiveInfinity, intoT = double.PositiveInfinity;
        for (int x = 0; x < n + m; x++)
        {
            if (inT[x] != scanT) continue;
            if (x < n)
            {
                // Row x: arcs x → j with j on the other side.
                ReadOnlySpan<double> row = CostMatrix.Row(cost, x, m);
                double best = double.PositiveInfinity;
                for (int j = 0; j < m; j++)
                    if (inT[n + j] != scanT) best = Math.Min(best, row[j] + pi[x] - pi[n + j]);
                if (scanT) fromT = Math.Min(fromT, best);
                else intoT = Math.Min(intoT, best);
            }
            else
            {
                // Column x − n: arcs i → x with i on the other side.
                int j = x - n;
                double best = double.PositiveInfinity;
                for (int i = 0; i < n; i++)
                    if (inT[i] != scanT) best = Math.Min(best, CostMatrix.At(cost, (long)i * m + j) + pi[i] - pi[x]);
                if (scanT) intoT = Math.Min(intoT, best);
                else fromT = Math.Min(fromT, best);
            }
        }
        return (fromT, intoT);
    }
}
