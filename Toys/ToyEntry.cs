using System.Globalization;
using Verify.Toys.Families;

namespace Verify.Toys;

/// <summary>
/// One entry of the catalogue: a named law, either a θ-family (<see cref="Family"/> set, θ required in its range)
/// or a fixed law (<see cref="Fixed"/> set, no θ).
/// </summary>
public sealed class ToyEntry
{
    private ToyEntry(string name, string summary, int dimension, IToyFamily? family, IToyDistribution? fixedLaw)
    {
        Name = name;
        Summary = summary;
        Dimension = dimension;
        Family = family;
        Fixed = fixedLaw;
    }

    /// <summary>An entry for a θ-family (named after it).</summary>
    public static ToyEntry Of(IToyFamily family) => new(family.Name, family.Summary, family.Dimension, family, null);

    /// <summary>An entry for a fixed law.</summary>
    public static ToyEntry Of(IToyDistribution law, string summary) => new(law.Name, summary, law.Dimension, null, law);

    /// <summary>Name used on the command line.</summary>
    public string Name { get; }

    /// <summary>One line.</summary>
    public string Summary { get; }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>The family, when the entry has a parameter θ.</summary>
    public IToyFamily? Family { get; }

    /// <summary>The law, when the entry has no parameter.</summary>
    public IToyDistribution? Fixed { get; }

    /// <summary>θ's range, or null for a fixed law.</summary>
    public ParameterRange? Theta => Family?.Theta;

    /// <summary>Coordinate column names: x (d = 1), x, y (d = 2), x1 … xd otherwise.</summary>
    public IReadOnlyList<string> Columns => Dimension switch
    {
        1 => ["x"],
        2 => ["x", "y"],
        _ => Enumerable.Range(1, Dimension).Select(k => "x" + k.ToString(CultureInfo.InvariantCulture)).ToArray(),
    };

    /// <summary>
    /// The law to sample: P_θ for a family (θ null ⇒ the default; outside the range ⇒ <see cref="ArgumentException"/>),
    /// the fixed law otherwise (θ given ⇒ <see cref="ArgumentException"/>, since it has no parameter).
    /// </summary>
    public IToyDistribution Resolve(double? theta)
    {
        if (Family is not null) return Family.At(theta ?? Family.Theta.Default);
        if (theta is not null)
            throw new ArgumentException($"{Name} has no parameter θ, so --theta cannot be given", nameof(theta));
        return Fixed!;
    }

    /// <summary>"name  d=…  θ ∈ … (default …): meaning — summary".</summary>
    public string Describe() =>
        $"{Name}  d={Dimension}  " + (Theta is null ? "no θ" : $"θ ∈ {Theta.Interval} (default {Theta.Default.ToString("R", CultureInfo.InvariantCulture)}): {Theta.Meaning}") +
        $" — {Summary}";
}
