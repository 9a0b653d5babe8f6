using Verify.Toys.Families;

namespace Verify.Toys;

/// <summary>
/// Front door to the toy laws: each published family by name (<see cref="Get"/>), and the catalogue <see cref="All"/>
/// that <c>verify sample</c> lists.
/// </summary>
public static class ToyFamilies
{
    /// <summary>WGAN paper Example 1: (θ, Z), Z ~ U[0, 1].</summary>
    public static ParallelLines ParallelLines() => new();

    /// <summary>N(θ, σ²).</summary>
    public static GaussianLocation GaussianLocation(double sigma = 1.0) => new(sigma);

    /// <summary>N(μ, θ²).</summary>
    public static GaussianScale GaussianScale(double mu = 0.0) => new(mu);

    /// <summary>Real N(0, 0.5²) vs generated N(θ, 0.5²).</summary>
    public static GaussianPair GaussianPair() => new();

    /// <summary>U[θ, θ + w].</summary>
    public static ShiftedUniform UniformSegment(double width = 1.0) => new(1, width);

    /// <summary>U([θ, θ + w] × [0, w]).</summary>
    public static ShiftedUniform UniformSquare(double width = 1.0) => new(2, width);

    /// <summary>WGAN-GP 8 Gaussians.</summary>
    public static GaussianMixture EightGaussians() => Families.EightGaussians.Create();

    /// <summary>WGAN-GP 25 Gaussians.</summary>
    public static GaussianMixture TwentyFiveGaussians() => Families.TwentyFiveGaussians.Create();

    /// <summary>WGAN-GP Swiss roll.</summary>
    public static SwissRoll SwissRoll() => new();

    /// <summary>real + θ·N(0, I).</summary>
    public static FixedGenerator FixedGenerator(IToyDistribution real) => new(real);

    /// <summary>
    /// Binomial(10, 0.3) masses on the integer grid {0, …, 10}, translated by θ: a discrete law whose support moves,
    /// so W₁ = |θ − θ₀| while the atoms of two members coincide only for integer shifts.
    /// </summary>
    public static TranslatedFamily HistogramShift()
    {
        var masses = new double[11];
        for (int k = 0; k <= 10; k++) masses[k] = Binomial(10, k) * Math.Pow(0.3, k) * Math.Pow(0.7, 10 - k);
        var grid = new GridHistogram("binomial-grid", [0.0], [1.0], [11], masses);
        return new TranslatedFamily("histogram-shift", "Binomial(10, 0.3) on the grid {0, …, 10}, translated by θ (discrete)", grid, [1.0]);
    }

    /// <summary>Every catalogue entry, in listing order.</summary>
    public static IReadOnlyList<ToyEntry> All { get; } =
    [
        ToyEntry.Of(ParallelLines()),
        ToyEntry.Of(GaussianLocation()),
        ToyEntry.Of(GaussianScale()),
        ToyEntry.Of(GaussianPair()),
        ToyEntry.Of(UniformSegment()),
        ToyEntry.Of(UniformSquare()),
        ToyEntry.Of(EightGaussians(), "WGAN-GP 8 Gaussians: radius 2, angles k·45°, noise 0.02, ÷1.414 (gan_toy.py)"),
        ToyEntry.Of(TwentyFiveGaussians(), "WGAN-GP 25 Gaussians: centres (2i, 2j), i, j ∈ {−2..2}, noise 0.05, ÷2.828 (gan_toy.py)"),
        ToyEntry.Of(SwissRoll(), "WGAN-GP Swiss roll: make_swiss_roll(noise=0.25) columns x, z, ÷7.5 (gan_toy.py)"),
        ToyEntry.Of(FixedGenerator(EightGaussians())),
        ToyEntry.Of(FixedGenerator(TwentyFiveGaussians())),
        ToyEntry.Of(FixedGenerator(SwissRoll())),
        ToyEntry.Of(HistogramShift()),
    ];

    /// <summary>The entry with this name; an unknown name throws <see cref="ArgumentException"/> listing the known ones.</summary>
    public static ToyEntry Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (ToyEntry e in All)
            if (e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return e;
        throw new ArgumentException($"unknown family '{name}'; known: {string.Join(", ", All.Select(e => e.Name))}", nameof(name));
    }

    private static double Binomial(int n, int k)
    {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }
}
