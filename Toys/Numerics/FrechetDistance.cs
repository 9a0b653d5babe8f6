using MathNet.Numerics.LinearAlgebra;

namespace Verify.Toys.Numerics;

/// <summary>
/// The Fréchet (2-Wasserstein) distance between Gaussians fitted to two sets of feature vectors (Dowson &amp; Landau 1982),
/// d² = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁^{½} Σ₂ Σ₁^{½})^{½}), the formula of FID (Heusel et al. 2017). Computed through the
/// symmetric eigendecompositions of Σ₁ and of Σ₁^{½}Σ₂Σ₁^{½} (tiny negative eigenvalues of a rank-deficient sample
/// covariance are clamped to 0). It is a distance on whatever features are given: the value depends on the feature map.
/// </summary>
public static class FrechetDistance
{
    /// <summary>d² between N(μ₁, Σ₁) and N(μ₂, Σ₂) (Σ symmetric positive semi-definite, d × d row-major).</summary>
    public static double Squared(double[] mean1, double[] cov1, double[] mean2, double[] cov2)
    {
        int d = mean1.Length;
        if (mean2.Length != d || cov1.Length != d * d || cov2.Length != d * d)
            throw new ArgumentException($"means of lengths {mean1.Length} and {mean2.Length} with covariances of {cov1.Length} and {cov2.Length} entries do not match");
        var s1 = Matrix<double>.Build.Dense(d, d, (i, j) => 0.5 * (cov1[i * d + j] + cov1[j * d + i]));
        var s2 = Matrix<double>.Build.Dense(d, d, (i, j) => 0.5 * (cov2[i * d + j] + cov2[j * d + i]));
        var root1 = Sqrt(s1);
        var m = root1 * s2 * root1;
        m = 0.5 * (m + m.Transpose());
        double crossTrace = m.Evd(Symmetricity.Symmetric).EigenValues.Sum(e => Math.Sqrt(Math.Max(0, e.Real)));
        double meanTerm = 0;
        for (int i = 0; i < d; i++) meanTerm += (mean1[i] - mean2[i]) * (mean1[i] - mean2[i]);
        return Math.Max(0, meanTerm + s1.Trace() + s2.Trace() - 2 * crossTrace);
    }

    /// <summary>d (not squared) between Gaussians fitted (mean, covariance with 1/(n − 1)) to the rows of two feature sets.</summary>
    public static double Between(double[] features1, double[] features2, int dimension)
    {
        var (m1, c1) = Moments(features1, dimension);
        var (m2, c2) = Moments(features2, dimension);
        return Math.Sqrt(Squared(m1, c1, m2, c2));
    }

    /// <summary>The mean and the unbiased covariance (d × d row-major) of the rows of <paramref name="x"/>; needs 2 rows or more.</summary>
    public static (double[] Mean, double[] Covariance) Moments(double[] x, int d)
    {
        if (d < 1 || x.Length % d != 0 || x.Length / d < 2)
            throw new ArgumentException($"{x.Length} values do not form at least 2 feature vectors of dimension {d}", nameof(x));
        int n = x.Length / d;
        var mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += x[i * d + j] / n;
        var cov = new double[d * d];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < d; a++)
            {
                double da = x[i * d + a] - mean[a];
                for (int b = a; b < d; b++) cov[a * d + b] += da * (x[i * d + b] - mean[b]);
            }
        for (int a = 0; a < d; a++)
            for (int b = a; b < d; b++) { cov[a * d + b] /= n - 1; cov[b * d + a] = cov[a * d + b]; }
        return (mean, cov);
    }

    private static Matrix<double> Sqrt(Matrix<double> s)
    {
        var evd = s.Evd(Symmetricity.Symmetric);
        var v = evd.EigenVectors;
        var root = Vector<double>.Build.Dense(s.RowCount, i => Math.Sqrt(Math.Max(0, evd.EigenValues[i].Real)));
        return v * Matrix<double>.Build.DenseOfDiagonalVector(root) * v.Transpose();
    }
}
