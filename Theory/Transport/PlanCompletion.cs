namespace Verify.Theory;

/// <summary>
/// Completes a partial plan (the real arcs of a basis that still routes mass through the artificial root, as when the
/// pivot cap stops the simplex) into a feasible plan, so that its cost is a true upper bound on the optimum.
/// </summary>
internal static class PlanCompletion
{
    /// <summary>
    /// Removes any excess over a marginal (an arc into a column already full is cut back, and likewise for rows), then
    /// ships the remaining supplies ρᵢ = aᵢ − Σⱼγᵢⱼ to the remaining demands κⱼ = bⱼ − Σᵢγᵢⱼ by the north-west-corner
    /// rule (at most n + m − 1 further entries). Entries on the same pair are merged.
    /// </summary>
    public static List<(int I, int J, double Mass)> Complete(List<(int I, int J, double Mass)> plan, double[] a, double[] b)
    {
        int n = a.Length, m = b.Length;
        var rows = new CompensatedSum[n];
        var cols = new CompensatedSum[m];
        var entries = new Dictionary<long, double>(plan.Count * 2);
        foreach (var (i, j, g) in plan)
        {
            rows[i].Add(g);
            cols[j].Add(g);
            long key = (long)i * m + j;
            entries[key] = entries.GetValueOrDefault(key) + g;
        }
        // Cut back excess over a column or a row (only a rounding residue in practice).
        foreach (long key in entries.Keys.ToList())
        {
            int i = (int)(key / m), j = (int)(key % m);
            double excess = Math.Max(cols[j].Value - b[j], rows[i].Value - a[i]);
            if (!(excess > 0)) continue;
            double g = entries[key], cut = Math.Min(g, excess);
            entries[key] = g - cut;
            rows[i].Add(-cut);
            cols[j].Add(-cut);
        }
        var supply = new double[n];
        var demand = new double[m];
        for (int i = 0; i < n; i++) supply[i] = Math.Max(0, a[i] - rows[i].Value);
        for (int j = 0; j < m; j++) demand[j] = Math.Max(0, b[j] - cols[j].Value);
        int r = 0, s = 0;
        while (true)
        {
            while (r < n && !(supply[r] > 0)) r++;
            while (s < m && !(demand[s] > 0)) s++;
            if (r == n || s == m) break;
            double t = Math.Min(supply[r], demand[s]);
            long key = (long)r * m + s;
            entries[key] = entries.GetValueOrDefault(key) + t;
            supply[r] -= t;
            demand[s] -= t; // one of the two is now exactly 0
        }
        var result = new List<(int, int, double)>(entries.Count);
        foreach (var (key, g) in entries.OrderBy(e => e.Key))
            if (g > 0) result.Add(((int)(key / m), (int)(key % m), g));
        return result;
    }
}
