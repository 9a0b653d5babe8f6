namespace Verify.Figures.FigureSet.Core;

/// <summary>The small statistics the figures print: mean ± half-range over seeds, and Spearman's rank correlation.</summary>
public static class Stats
{
    /// <summary>Mean and half the range (max − min)/2 of the values (a spread that needs no distribution assumption).</summary>
    public static (double Mean, double HalfRange) Summary(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("no values to summarise");
        return (values.Average(), (values.Max() - values.Min()) / 2);
    }

    /// <summary>
    /// Spearman's ρ: Pearson's correlation of the ranks (ties get their average rank). NaN-free inputs of equal length ≥ 2;
    /// returns 0 when one side is constant (no ordering to follow).
    /// </summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException($"{x.Count} x values for {y.Count} y values");
        if (x.Count < 2) throw new ArgumentException("Spearman's ρ needs at least two pairs");
        double[] rx = Ranks(x), ry = Ranks(y);
        double mx = rx.Average(), my = ry.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>1-based ranks, ties averaged.</summary>
    public static double[] Ranks(IReadOnlyList<double> v)
    {
        int n = v.Count;
        int[] order = Enumerable.Range(0, n).OrderBy(i => v[i]).ToArray();
        var ranks = new double[n];
        int k = 0;
        while (k < n)
        {
            int j = k;
            while (j + 1 < n && v[order[j + 1]] == v[order[k]]) j++;
            double rank = (k + j) / 2.0 + 1;
            for (int m = k; m <= j; m++) ranks[order[m]] = rank;
            k = j + 1;
        }
        return ranks;
    }
}
