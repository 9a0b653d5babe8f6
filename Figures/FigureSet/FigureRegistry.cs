using Verify.Figures.FigureSet.Core;

namespace Verify.Figures.FigureSet;

/// <summary>The paper figure set, in order; figures are looked up by their folder id.</summary>
public static class FigureRegistry
{
    /// <remarks>
    /// F9 (coverage, verify images coverage) is not in the set yet: its classifier reaches 96.35–97.40 % held-out accuracy
    /// with the engine over four seeds (7, 1, 2 and the one derived from seed 0), around the 97 % its key fact asserts (PyTorch 1.13 on the same split: 97.05–97.35 %),
    /// so it would fail some reports until the classifier is robustly above it.
    /// </remarks>
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
