namespace Verify.Toys.Families;

/// <summary>
/// The "8 Gaussians" toy set of WGAN-GP (Gulrajani et al. 2017; reference gan_toy.py, igul222/improved_wgan_training):
/// a centre c is chosen uniformly among radius-2 points at angles k·45° — (±1, 0), (0, ±1), (±1/√2, ±1/√2) times 2 —
/// the point is c + 0.02·N(0, I), and the whole set is divided by 1.414. So the law is the equal-weight mixture of
/// N(2c/1.414, (0.02/1.414)² I); its declared modes have centres 2c/1.414 and σ = 0.02/1.414.
/// </summary>
public static class EightGaussians
{
    /// <summary>Radius of the centres before the division.</summary>
    public const double Scale = 2.0;

    /// <summary>Standard deviation of the noise before the division.</summary>
    public const double Noise = 0.02;

    /// <summary>The final divisor (gan_toy.py: "dataset /= 1.414 # stdev").</summary>
    public const double Divisor = 1.414;

    /// <summary>The law as a <see cref="GaussianMixture"/> named "8gaussians".</summary>
    public static GaussianMixture Create()
    {
        double h = 1.0 / Math.Sqrt(2.0);
        double[][] unit = [[1, 0], [-1, 0], [0, 1], [0, -1], [h, h], [h, -h], [-h, h], [-h, -h]];
        var means = new double[16];
        for (int k = 0; k < 8; k++)
        {
            means[2 * k] = Scale * unit[k][0] / Divisor;
            means[2 * k + 1] = Scale * unit[k][1] / Divisor;
        }
        return new GaussianMixture("8gaussians", 2, means, Enumerable.Repeat(Noise / Divisor, 8).ToArray());
    }
}
