using System.Globalization;
using Verify.Theory;

namespace Verify.Properties.Checks;

/// <summary>Short, exact text of the values in a counter-example (round-trip doubles, invariant culture).</summary>
public static class Describe
{
    /// <summary>A double, round-trip.</summary>
    public static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>"[a, b, c]".</summary>
    public static string Vector(IEnumerable<double> v) => "[" + string.Join(", ", v.Select(Number)) + "]";

    /// <summary>"{(x₁, x₂)·w, …}" for a discrete law.</summary>
    public static string Law(DiscreteDistribution p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var parts = new List<string>(p.Count);
        for (int i = 0; i < p.Count; i++)
            parts.Add("(" + string.Join(", ", p.Point(i).ToArray().Select(Number)) + ")·" + Number(p.Weights[i]));
        return "{" + string.Join(", ", parts) + "}";
    }
}
