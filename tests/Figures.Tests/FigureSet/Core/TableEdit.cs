using Verify.Figures.FigureSet.Core;

namespace Verify.Figures.Tests.FigureSet.Core;

/// <summary>Copies of a figure's tables with one column changed, to show that a fact fails on wrong data.</summary>
public static class TableEdit
{
    /// <summary>A copy of <paramref name="table"/> whose <paramref name="column"/> holds <paramref name="change"/>(row, old value) on the rows matching <paramref name="where"/>.</summary>
    public static TidyTable With(TidyTable table, string column, Func<int, double, double> change, Func<int, bool>? where = null)
    {
        var copy = new TidyTable(table.Name, [.. table.Columns]);
        for (int r = 0; r < table.Count; r++)
            copy.Add(table.Columns.Select(c => (object)(c == column && (where?.Invoke(r) ?? true)
                ? TidyTable.FormatNumber(change(r, table.Number(r, c)))
                : table.Text(r, c))).ToArray());
        return copy;
    }

    /// <summary>The set with <paramref name="replacement"/> in place of the table of the same name.</summary>
    public static TableSet Replace(TableSet tables, TidyTable replacement) =>
        new(tables.All.Select(t => t.Name == replacement.Name ? replacement : t).ToArray());

    /// <summary>The verdict of one fact of a figure on these tables.</summary>
    public static bool Holds(Verify.Figures.FigureSet.Core.Figure figure, TableSet tables, string factId) =>
        figure.Facts(tables).Single(f => f.Id == factId).Holds;
}
