namespace Verify.Toys.Families;

/// <summary>
/// The "25 Gaussians" toy set of WGAN-GP (reference gan_toy.py): centres (2i, 2j) for i, j ∈ {−2, …, 2}, each point
/// centre + 0.05·N(0, I), the set divided by 2.828. gan_toy.py draws a fixed set of 100000/25 points per mode and
/// shuffles it; we sample the same law i.i.d.: the equal-weight mixture of N((2i, 2j)/2.828, (0.05/2.828)² I).
/// Declared modes: centres (2i, 2j)/2.828, σ = 0.05/2.828, ordered by i then j.
/// </summary>
public static class TwentyFiveGaussians
{
    /// <summary>Spacing of the grid of centres before the division.</summary>
    public const double Spacing = 2.0;

    /// <summary>Standard deviation of the noise before the division.</summary>
    public const double Noise = 0.05;

    /// <summary>The final divisor (gan_toy.py: "dataset /= 2.828 # stdev").</summary>
    public const double Divisor = 2.828;

    /// <summary>The law as a <see cref="GaussianMixture"/> named "25gaussians".</summary>
    public static GaussianMixture Create()
    {
        var means = new double[50];
        int k = 0;
        for (int i = -2; i <= 2; i++)
            for (int j = -2; j <= 2; j++)
            {
                means[2 * k] = Spacing * i / Divisor;
                means[2 * k + 1] = Spacing * j / Divisor;
                k++;
            }
        return new GaussianMixture("25gaussians", 2, means, Enumerable.Repeat(Noise / Divisor, 25).ToArray());
    }
}
