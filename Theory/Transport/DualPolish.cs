namespace Verify.Theory;

/// <summary>
/// Moves optimal potentials within the optimal face so that the certificate can see their optimality.
/// <para>
/// A degenerate tree arc (no flow) splits the spanning tree into two parts T and T′ that exchange no mass. Adding δ to
/// every potential of T changes neither the plan nor the tightness of its arcs (they lie inside T or inside T′); it
/// only moves the reduced costs of the arcs across the cut: c̄ᵢⱼ + δ for i ∈ T, j ∈ T′ and c̄ᵢⱼ − δ for i ∈ T′, j ∈ T.
/// The tree puts δ at an end of the interval [lo, hi] that keeps all of them non-negative (the degenerate arc itself is
/// tight), so the arcs near it sit at the rounding of their costs. For an atom far from the rest (costs 1e11 against 1)
/// that rounding, weighted by the atom's mass, exceeds the certificate's tolerance; and potentials far from the
/// anchor's scale carry rounding into the dual value. So δ is moved into [lo + μ, hi − μ], with a margin μ of 2⁻⁴⁰ of
/// the interval's scale (at most a quarter of its width) that the rounding cannot undo, as close as possible to the
/// shift that puts the root of T at potential 0. When the anchor lies below the arc, the other part moves instead,
/// towards potential 0 at the arc's upper end.
/// </para>
/// <para>
/// Finding lo and hi means pricing the arcs across the cut, O(|S|·(n + m)) for the smaller part S. Cuts are chosen
/// cheapest first within a budget of priced entries; the part that holds the anchor (potential 0, and the mass
/// difference) never moves. Used only after a certificate failed; the certificate is then computed again.
/// </para>
/// </summary>
internal static class DualPolish
{
    private const double Margin = 9.094947017729282e-13; // 2⁻⁴⁰

    /// <summary>Polishes the potentials of <paramref name="ns"/> against all n·m costs, pricing at most <paramref name="budget"/> pairs.</summary>
    public static void Run(NetworkSimplex ns, PairCosts cost, long budget)
    {
        int n = cost.N, m = cost.M;
        int nodes = ns.RealNodes;
        if (ns.Anchor < 0) return;
        // Choose the cuts, cheapest first, within the budget; apply them from the largest subtree down, so that a
        // subtree recomputed from its root never undoes the shift of a cut nested inside it.
        int[] sources = ns.SubtreeSources();
        var cuts = new List<(int U, int Size, long Work)>();
        foreach (int u in ns.DegenerateArcs())
        {
            int size = ns.SubtreeSize(u), src = sources[u];
            long below = (long)src * m + (long)(size - src) * n;
            long above = (long)(n - src) * m + (long)(nodes - size - (n - src)) * n;
            cuts.Add((u, size, Math.Min(below, above)));
        }
        cuts.Sort((x, y) => x.Work != y.Work ? x.Work.CompareTo(y.Work) : x.U.CompareTo(y.U));
        int take = 0;
        for (; take < cuts.Count && cuts[take].Work <= budget; take++) budget -= cuts[take].Work;
        var chosen = cuts.GetRange(0, take);
        chosen.Sort((x, y) => x.Size != y.Size ? y.Size.CompareTo(x.Size) : x.U.CompareTo(y.U));

        var inT = new bool[nodes];
        foreach (var (u, size, _) in chosen)
        {
            var t = ns.Subtree(u).ToList();
            foreach (int x in t) inT[x] = true;
            // Shifting T by δ: arcs T → T′ need c̄ + δ ≥ 0 (δ ≥ lo), arcs T′ → T need c̄ − δ ≥ 0 (δ ≤ hi).
            var (fromT, intoT) = CutMinima(ns.Potentials, cost, inT, scanT: 2 * size <= nodes);
            double lo = -fromT, hi = intoT;
            if (double.IsFinite(lo) && double.IsFinite(hi) && lo <= hi)
            {
                // Keep a margin above the rounding of the arcs across the cut (2⁻⁴⁰ of the interval's scale, at most a
                // quarter of its width) and, within it, come as close as possible to the shift that brings T's root to
                // potential 0, the anchor's scale.
                double margin = Math.Min(0.25 * hi - 0.25 * lo, Margin * (Math.Abs(lo) + Math.Abs(hi)));
                if (!ns.HoldsAnchor(u)) ns.ShiftSubtree(u, Math.Clamp(-ns.Potentials[u], lo + margin, hi - margin));
                else
                {
                    // The anchor is below the arc: the other part moves by −δ, towards potential 0 at u's parent when
                    // that is a real node (the artificial root has no scale of its own).
                    int p = ns.ParentOf(u);
                    double toward = p < nodes ? ns.Potentials[p] : 0.5 * lo + 0.5 * hi;
                    ns.Shift(Complement(inT), -Math.Clamp(toward, lo + margin, hi - margin));
                }
            }
            foreach (int x in t) inT[x] = false;
        }
    }

    private static IEnumerable<int> Complement(bool[] inT)
    {
        for (int x = 0; x < inT.Length; x++) if (!inT[x]) yield return x;
    }

    /// <summary>
    /// (min c̄ over arcs T → T′, min c̄ over arcs T′ → T), c̄ᵢⱼ = cᵢⱼ + πᵢ − π_{n+j}, by scanning the rows and columns of
    /// T (<paramref name="scanT"/>) or, when T′ is the smaller part, of T′ (which covers the same arcs).
    /// </summary>
    private static (double FromT, double IntoT) CutMinima(ReadOnlySpan<double> pi, PairCosts cost, bool[] inT, bool scanT)
    {
        int n = cost.N, m = cost.M;
        var buffer = new double[m];
        double fromT = double.PositiveInfinity, intoT = double.PositiveInfinity;
        for (int x = 0; x < n + m; x++)
        {
            if (inT[x] != scanT) continue;
            if (x < n)
            {
                // Row x: arcs x → j with j on the other side.
                ReadOnlySpan<double> row = cost.Row(x, buffer);
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
                    if (inT[i] != scanT) best = Math.Min(best, cost.At(i, j) + pi[i] - pi[x]);
                if (scanT) intoT = Math.Min(intoT, best);
                else fromT = Math.Min(fromT, best);
            }
        }
        return (fromT, intoT);
    }
}
