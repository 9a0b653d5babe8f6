using Verify.Figures.Plotting;

namespace Verify.Figures.FigureSet.Core;

/// <summary>
/// One figure of the paper set. Generating it (<see cref="Plan"/>) runs experiments and yields tidy tables; everything
/// else — the facts asserted on the data, the exact-vs-estimated rows, the drawing — is a function of those tables alone,
/// which is what lets <c>verify figures NAME --from DIR</c> restyle a figure from its CSV without training anything.
/// </summary>
public abstract class Figure
{
    /// <summary>The folder name, e.g. "f1-distances-vs-theta".</summary>
    public abstract string Id { get; }

    public abstract string Title { get; }

    /// <summary>A caption: what is shown and how it was made, in a few sentences.</summary>
    public abstract string Caption { get; }

    /// <summary>The catalogue's claim ids the figure illustrates.</summary>
    public abstract IReadOnlyList<string> Claims { get; }

    /// <summary>The tables the figure's folder holds.</summary>
    public abstract IReadOnlyList<TableSchema> Schema { get; }

    /// <summary>The settings of a generation at this scale (networks, steps, sample sizes, seeds), as stored in figure.json.</summary>
    public abstract IReadOnlyList<(string Key, object Value)> Settings(FigureRun run);

    /// <summary>The seeds of the replicates a generation uses (each experiment's random stream derives from one of them).</summary>
    public abstract IReadOnlyList<long> Seeds(FigureRun run);

    /// <summary>The experiments of a generation and how their results become tables.</summary>
    public abstract FigurePlan Plan(FigureRun run);

    /// <summary>The key facts, checked on the tables.</summary>
    public abstract IReadOnlyList<Fact> Facts(TableSet tables);

    /// <summary>The exact-vs-estimated rows, from the tables.</summary>
    public virtual IReadOnlyList<Comparison> Comparisons(TableSet tables) => [];

    /// <summary>Draws the figure from the tables.</summary>
    public abstract FigureLayout Render(TableSet tables);

    /// <summary>The command that regenerates this figure (experiments included) into DIR/ID.</summary>
    public string Command(FigureRun run) =>
        $"verify figures {Id}{(run.Quick ? " --quick" : "")} --seed {run.Seed} --out DIR";

    /// <summary>The command that redraws it from its CSV alone.</summary>
    public string RerenderCommand => $"verify figures {Id} --from DIR/{Id}";

    /// <summary>Reads the figure's tables from a folder.</summary>
    public TableSet ReadTables(string directory) => new(Schema.Select(s => s.Read(directory)).ToArray());
}
