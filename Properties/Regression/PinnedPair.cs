using Verify.Theory;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Properties.Regression;

/// <summary>
/// A pinned pair of sample sets for critic-estimate regression: n points of a real law and n of a fake law, each a toy
/// catalogue entry (a family at θ, or a fixed law) drawn with a fixed seed. The same pair is the same points on every
/// machine (the toys' portable generator).
/// </summary>
/// <param name="Id">Short name, e.g. "lines-0.5".</param>
/// <param name="Real">Catalogue name of the real law.</param>
/// <param name="RealTheta">θ of the real law (null for a fixed law).</param>
/// <param name="Fake">Catalogue name of the fake law.</param>
/// <param name="FakeTheta">θ of the fake law (null for a fixed law).</param>
/// <param name="N">Points per side.</param>
/// <param name="RealSeed">Seed of the real points.</param>
/// <param name="FakeSeed">Seed of the fake points (equal to the real seed: common noise).</param>
public sealed record PinnedPair(string Id, string Real, double? RealTheta, string Fake, double? FakeTheta, int N, long RealSeed, long FakeSeed)
{
    /// <summary>
    /// The pinned pairs. The parallel lines use common noise and n = 1024, so their exact W₁ is |θ| to the last bit and a
    /// linear critic f(x) = x₁ estimates it exactly (real P_θ, fake P₀: E_P f − E_Q f = θ).
    /// </summary>
    public static IReadOnlyList<PinnedPair> All { get; } =
    [
        new("lines-0.5", "parallel-lines", 0.5, "parallel-lines", 0.0, 1024, 1, 1),
        new("lines-2", "parallel-lines", 2.0, "parallel-lines", 0.0, 1024, 2, 2),
        new("gauss-0-2", "gaussian-location", 0.0, "gaussian-location", 2.0, 1024, 1, 2),
        new("gauss-0-0.5", "gaussian-location", 0.0, "gaussian-location", 0.5, 1024, 3, 4),
        new("square-1-0", "uniform-square", 1.0, "uniform-square", 0.0, 1024, 5, 6),
        new("8gaussians-noise", "8gaussians", null, "8gaussians-fixed-generator", 1.0, 512, 7, 8),
    ];

    /// <summary>The pair with this id; an unknown id throws <see cref="ArgumentException"/> listing the ids.</summary>
    public static PinnedPair Get(string id) =>
        All.FirstOrDefault(p => p.Id == id)
        ?? throw new ArgumentException($"unknown pair '{id}'; pinned pairs: {string.Join(", ", All.Select(p => p.Id))}", nameof(id));

    /// <summary>The dimension of both laws.</summary>
    public int Dimension => ToyFamilies.Get(Real).Dimension;

    /// <summary>The two sample sets (uniform weights).</summary>
    public (DiscreteDistribution Real, DiscreteDistribution Fake) Samples() =>
        (ToyFamilies.Get(Real).Resolve(RealTheta).Sample(N, RealSeed), ToyFamilies.Get(Fake).Resolve(FakeTheta).Sample(N, FakeSeed));

    /// <summary>JS between the two laws (not the samples) when both are members of one family that knows it; otherwise null.</summary>
    public double? LawJS()
    {
        if (Real != Fake || RealTheta is not { } a || FakeTheta is not { } b) return null;
        IToyFamily? family = ToyFamilies.Get(Real).Family;
        return family?.Exact(a, b).JS;
    }

    /// <summary>e.g. "parallel-lines θ=0.5 vs parallel-lines θ=0, n = 1024".</summary>
    public string Describe() =>
        $"{Real}{Theta(RealTheta)} vs {Fake}{Theta(FakeTheta)}, n = {N}";

    private static string Theta(double? t) => t is { } v ? $" θ={v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}" : "";
}
