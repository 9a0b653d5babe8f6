namespace Verify.Figures.FigureSet.Core;

/// <summary>One x value of a series with the mean and half-range of its replicates.</summary>
public sealed record Point(double X, double Mean, double HalfRange, int Count);

/// <summary>Grouping of tidy rows: the replicates of each x value of a series, summarised.</summary>
public static class Groups
{
    /// <summary>
    /// The rows matching <paramref name="filter"/>, grouped by the number in <paramref name="xColumn"/> (ascending), each
    /// group summarised as mean ± half-range of <paramref name="valueColumn"/>.
    /// </summary>
    public static IReadOnlyList<Point> Series(TidyTable table, string xColumn, string valueColumn, params (string Column, string Value)[] filter)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Where(filter)
            .GroupBy(r => table.Number(r, xColumn))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                double[] v = g.Select(r => table.Number(r, valueColumn)).ToArray();
                var (mean, half) = Stats.Summary(v);
                return new Point(g.Key, mean, half, v.Length);
            })
            .ToArray();
    }

    /// <summary>The numbers of one column over the matching rows, in row order.</summary>
    public static double[] Column(TidyTable table, string column, params (string Column, string Value)[] filter) =>
        table.Numbers(table.Where(filter), column);
}
