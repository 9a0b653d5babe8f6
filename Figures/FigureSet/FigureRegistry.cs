using Verify.Figures.FigureSet.Core;

namespace Verify.Figures.FigureSet;

/// <summary>The paper figure set, in order; figures are looked up by their folder id.</summary>
public static class FigureRegistry
{
    public static IReadOnlyList<Figure> All { get; } =
    [
        new F1DistancesVsTheta(),
        new F2GradientVsTheta(),
        new F3OptimalDiscriminator(),
        new F4VanishingGradients(),
        new F5CriticSurfaces(),
        new F6GanVsWgan(),
        new F7EstimateVsExact(),
        new F8BatchW1(),
        new F9Coverage(),
        new F10SampleGrids(),
    ];

    /// <summary>The figure with this id (or its short form "f1"); an unknown name is a usage error listing the ids.</summary>
    public static Figure Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (Figure f in All)
            if (f.Id.Equals(name, StringComparison.OrdinalIgnoreCase) || f.Id.Split('-')[0].Equals(name, StringComparison.OrdinalIgnoreCase))
                return f;
        throw new UsageException($"unknown figure '{name}'; known: {string.Join(", ", All.Select(f => f.Id))}");
    }
}
