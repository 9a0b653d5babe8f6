namespace Verify.Figures.FigureSet.Core;

/// <summary>
/// One independent experiment of a figure (a critic fit, a training run). Jobs of every figure go into one pool and run in
/// parallel; each writes its result where its figure's <see cref="FigurePlan.Assemble"/> reads it. <see cref="Cost"/> is a
/// rough relative cost (about milliseconds on one core), used to start long jobs first and to estimate the time left.
/// </summary>
public sealed record Job(string Name, double Cost, Action Run);

/// <summary>A figure's jobs and the step that turns their results into the figure's tables.</summary>
public sealed record FigurePlan(IReadOnlyList<Job> Jobs, Func<TableSet> Assemble);

/// <summary>The tables of one figure, by name.</summary>
public sealed class TableSet
{
    private readonly Dictionary<string, TidyTable> _tables = new(StringComparer.Ordinal);

    public TableSet(params TidyTable[] tables)
    {
        foreach (TidyTable t in tables) Add(t);
    }

    public void Add(TidyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!_tables.TryAdd(table.Name, table)) throw new ArgumentException($"two tables named {table.Name}");
    }

    public TidyTable this[string name] =>
        _tables.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"the figure has no table '{name}'");

    public IEnumerable<TidyTable> All => _tables.Values;
}

/// <summary>The columns of one of a figure's tables and which of them hold numbers.</summary>
public sealed record TableSchema(string Name, string[] Columns, string[] NumberColumns)
{
    public TidyTable Create() => new(Name, Columns);

    public TidyTable Read(string directory) => TidyTable.Read(directory, Name, Columns, NumberColumns.ToHashSet(StringComparer.Ordinal));
}
