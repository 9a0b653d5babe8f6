namespace Verify.Toys.Families;

/// <summary>A law X whose Gaussian smoothing X + s·N(0, I) is again a law of a kind we can give a density for.</summary>
public interface IGaussianSmoothable
{
    /// <summary>The law of X + s·Z, Z ~ N(0, I) independent of X (s ≥ 0).</summary>
    IToyDistribution Smoothed(double s);
}
