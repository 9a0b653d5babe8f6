namespace Verify.Theory;

/// <summary>
/// Exact transport by pricing out a sparse arc set (column generation, in the spirit of Schmitzer 2016, "A sparse
/// multiscale algorithm for dense optimal transport"). Geometric costs are local, so few arcs can enter an optimal plan:
/// <list type="number">
/// <item>candidates: the k cheapest arcs of every row and every column, plus the north-west-corner plan (a feasible start);</item>
/// <item>solve on the candidates with the network simplex;</item>
/// <item>price every one of the n·m arcs with the duals: c̄ᵢⱼ = cᵢⱼ + πᵢ − π_{n+j};</item>
/// <item>add the most negative arcs of each row and each column, re-solve warm from the current spanning tree;</item>
/// <item>stop when no arc prices negative — then the tree is optimal for the full problem, and the same dense
/// certificate as the network simplex checks it.</item>
/// </list>
/// An added arc leaves the current basis primal feasible, so each round starts from the previous tree.
/// </summary>
internal static class SparsePricing
{
    private const int PerRow = 4, PerColumn = 2;

    public static TransportResult Solve(double[] a, double[] b, Array cost, int n, int m, double maxAbsCost, double minCost, TransportOptions o)
    {
        var arcs = new SparseArcs();
        var present = new ulong[((long)n * m + 63) / 64];

        void AddArc(int i, int j)
        {
            long e = (long)i * m + j;
            if ((present[e >> 6] & (1UL << (int)(e & 63))) != 0) return;
            double c = CostMatrix.At(cost, e);
            if (double.IsPositiveInfinity(c)) return;
            present[e >> 6] |= 1UL << (int)(e & 63);
            arcs.Add(i, j, c);
        }

        foreach (var (i, j) in NorthWestCorner(a, b)) AddArc(i, j);
        int k = Math.Min(o.Neighbours, m);
        int[][] rowNearest = CheapestPerRow(cost, n, m, k);
        for (int i = 0; i < n; i++) foreach (int j in rowNearest[i]) AddArc(i, j);
        int kc = Math.Min(o.Neighbours, n);
        int[][] colNearest = CheapestPerColumn(cost, n, m, kc);
        for (int j = 0; j < m; j++) foreach (int i in colNearest[j]) AddArc(i, j);

        var ns = new NetworkSimplex(arcs, a, b, maxAbsCost, minCost);
        int rounds = 0;
        TransportStatus status;
        while (true)
        {
            rounds++;
            status = ns.Run(o.MaxIterations);
            if (status != TransportStatus.Optimal) break;
            var violators = Price(cost, n, m, ns.Potentials, ns.Rule);
            int added = 0;
            foreach (var (i, j) in violators)
            {
                int before = arcs.Count;
                AddArc(i, j);
                added += arcs.Count - before;
            }
            if (added == 0) break;
        }
        return ExactSolver.Finish(ns, status, a, b, new MatrixCosts(cost, n, m), o, rounds, TransportRoute.SparsePricing);
    }

    /// <summary>The support of the north-west-corner plan: a feasible start with at most n + m − 1 arcs.</summary>
    internal static List<(int I, int J)> NorthWestCorner(double[] a, double[] b)
    {
        var arcs = new List<(int, int)>(a.Length + b.Length);
        int i = 0, j = 0;
        double ra = a[0], rb = b[0];
        while (i < a.Length && j < b.Length)
        {
            arcs.Add((i, j));
            double t = Math.Min(ra, rb);
            ra -= t;
            rb -= t;
            bool nextI = ra <= 0, nextJ = rb <= 0;
            if (nextI && ++i < a.Length) ra = a[i];
            if (nextJ && ++j < b.Length) rb = b[j];
            if (!nextI && !nextJ) break;
        }
        // Rounding can leave the last row or column unreached: join it to the last column / row.
        for (int r = i; r < a.Length; r++) arcs.Add((r, b.Length - 1));
        for (int s = j; s < b.Length; s++) arcs.Add((a.Length - 1, s));
        return arcs;
    }

    /// <summary>The k smallest entries of each row (rows in parallel).</summary>
    private static int[][] CheapestPerRow(Array cost, int n, int m, int k)
    {
        var result = new int[n][];
        Parallel.For(0, n, () => (new double[k], new int[k]), (i, _, buf) =>
        {
            var (val, idx) = buf;
            ReadOnlySpan<double> row = CostMatrix.Row(cost, i, m);
            int size = 0;
            for (int j = 0; j < m; j++)
            {
                double c = row[j];
                if (size == k && !(c < val[k - 1])) continue;
                int pos = size == k ? k - 1 : size++;
                while (pos > 0 && val[pos - 1] > c)
                {
                    val[pos] = val[pos - 1];
                    idx[pos] = idx[pos - 1];
                    pos--;
                }
                val[pos] = c;
                idx[pos] = j;
            }
            result[i] = idx.AsSpan(0, size).ToArray();
            return buf;
        }, _ => { });
        return result;
    }

    /// <summary>The k smallest entries of each column: rows scanned in order, columns split between threads.</summary>
    private static int[][] CheapestPerColumn(Array cost, int n, int m, int k)
    {
        var val = new double[m * k];
        var idx = new int[m * k];
        var size = new int[m];
        int parts = Math.Min(Environment.ProcessorCount, Math.Max(1, m / 64));
        Parallel.For(0, parts, p =>
        {
            int j0 = (int)((long)m * p / parts), j1 = (int)((long)m * (p + 1) / parts);
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<double> row = CostMatrix.Row(cost, i, m);
                for (int j = j0; j < j1; j++)
                {
                    double c = row[j];
                    int s = size[j], baseK = j * k;
                    if (s == k && !(c < val[baseK + k - 1])) continue;
                    int pos = s == k ? k - 1 : size[j]++;
                    while (pos > 0 && val[baseK + pos - 1] > c)
                    {
                        val[baseK + pos] = val[baseK + pos - 1];
                        idx[baseK + pos] = idx[baseK + pos - 1];
                        pos--;
                    }
                    val[baseK + pos] = c;
                    idx[baseK + pos] = i;
                }
            }
        });
        var result = new int[m][];
        for (int j = 0; j < m; j++) result[j] = idx.AsSpan(j * k, size[j]).ToArray();
        return result;
    }

    /// <summary>
    /// Prices all arcs; returns, in a deterministic order, the up to <see cref="PerRow"/> most negative arcs of every row
    /// and the most negative <see cref="PerColumn"/> of every column, counting only the arcs the solver's own
    /// <see cref="PricingRule"/> would enter (c̄ &lt; −ε·(|c| + |πᵢ| + |πⱼ|)).
    /// </summary>
    private static List<(int I, int J)> Price(Array cost, int n, int m, ReadOnlySpan<double> potentials, PricingRule rule)
    {
        double[] pi = potentials.ToArray();
        var rowPicks = new (int J, double Rc)[n][];
        int parts = Math.Max(1, Math.Min(Environment.ProcessorCount, n / 16));
        var colBest = new double[parts][];
        var colArg = new int[parts][];
        Parallel.For(0, parts, p =>
        {
            int i0 = (int)((long)n * p / parts), i1 = (int)((long)n * (p + 1) / parts);
            var cb = new double[m * PerColumn];
            var ca = new int[m * PerColumn];
            Array.Fill(ca, -1);
            var rv = new double[PerRow];
            var rj = new int[PerRow];
            ReadOnlySpan<double> piT = pi.AsSpan(n, m);
            for (int i = i0; i < i1; i++)
            {
                ReadOnlySpan<double> row = CostMatrix.Row(cost, i, m);
                double rowConstant = rule.RowConstant(pi[i]);
                int size = 0;
                for (int j = 0; j < m; j++)
                {
                    double rc = Math.FusedMultiplyAdd(row[j], rule.CostFactor, rowConstant) - rule.Low(piT[j]);
                    if (!(rc < 0)) continue;
                    Insert(rv, rj, ref size, PerRow, rc, j);
                    int baseK = j * PerColumn;
                    if (ca[baseK + PerColumn - 1] < 0 || rc < cb[baseK + PerColumn - 1])
                    {
                        int s = 0;
                        while (s < PerColumn && ca[baseK + s] >= 0) s++;
                        Insert(cb.AsSpan(baseK, PerColumn), ca.AsSpan(baseK, PerColumn), ref s, PerColumn, rc, i);
                    }
                }
                var picks = new (int, double)[size];
                for (int t = 0; t < size; t++) picks[t] = (rj[t], rv[t]);
                rowPicks[i] = picks;
            }
            colBest[p] = cb;
            colArg[p] = ca;
        });
        var result = new List<(int, int)>();
        for (int i = 0; i < n; i++) foreach (var (j, _) in rowPicks[i]) result.Add((i, j));
        // Column picks: merge the per-part candidates and keep the PerColumn most negative.
        var mv = new double[PerColumn];
        var mi = new int[PerColumn];
        for (int j = 0; j < m; j++)
        {
            int size = 0;
            for (int p = 0; p < parts; p++)
                for (int s = 0; s < PerColumn; s++)
                {
                    int i = colArg[p][j * PerColumn + s];
                    if (i >= 0) Insert(mv, mi, ref size, PerColumn, colBest[p][j * PerColumn + s], i);
                }
            for (int s = 0; s < size; s++) result.Add((mi[s], j));
        }
        return result;
    }

    /// <summary>Keeps the <paramref name="cap"/> smallest values (sorted ascending) with their indices.</summary>
    private static void Insert(Span<double> val, Span<int> idx, ref int size, int cap, double v, int index)
    {
        if (size == cap && !(v < val[cap - 1])) return;
        int pos = size == cap ? cap - 1 : size++;
        while (pos > 0 && val[pos - 1] > v)
        {
            val[pos] = val[pos - 1];
            idx[pos] = idx[pos - 1];
            pos--;
        }
        val[pos] = v;
        idx[pos] = index;
    }
}
