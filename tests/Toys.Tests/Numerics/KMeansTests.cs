using Verify.TestSupport;
using Verify.Toys.Numerics;
using Xunit;

namespace Verify.Toys.Tests.Numerics;

public sealed class KMeansTests
{
    /// <summary>Three square blobs far apart: each centre is its blob's mean, each weight its share.</summary>
    private static double[] Blobs()
    {
        double[][] centres = [[0, 0], [100, 0], [0, 100]];
        int[] sizes = [4, 8, 4];
        var points = new List<double>();
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < sizes[c]; i++)
            {
                double a = 2 * Math.PI * i / sizes[c];
                points.Add(centres[c][0] + Math.Cos(a));
                points.Add(centres[c][1] + Math.Sin(a));
            }
        return points.ToArray();
    }

    [Fact]
    public void RecoversSeparatedBlobsTheirMeansAndShares()
    {
        KMeansResult r = KMeans.Fit(Blobs(), 2, 3, seed: 5);
        var found = Enumerable.Range(0, 3).Select(a => (X: r.Centres[2 * a], Y: r.Centres[2 * a + 1], W: r.Weights[a])).OrderBy(c => c.X + 2 * c.Y).ToArray();
        Tolerance.Close(0, found[0].X, abs: 1e-12);
        Tolerance.Close(0, found[0].Y, abs: 1e-12);
        Tolerance.Close(100, found[1].X, abs: 1e-12);
        Tolerance.Close(100, found[2].Y, abs: 1e-12);
        Tolerance.Close(0.25, found[0].W);
        Tolerance.Close(0.5, found[1].W);
        Tolerance.Close(0.25, found[2].W);
        Tolerance.Close(1.0, r.Inertia, rel: 1e-12); // every point at distance 1 of its centre
    }

    [Fact]
    public void OneCentreIsTheMeanAndInertiaTheVariance()
    {
        double[] x = [1, 2, 3, 4, 10];
        KMeansResult r = KMeans.Fit(x, 1, 1, seed: 1);
        Tolerance.Close(4.0, r.Centres[0]);
        Tolerance.Close((9 + 4 + 1 + 0 + 36) / 5.0, r.Inertia);
    }

    [Fact]
    public void SameSeedSameCentres()
    {
        var rng = new System.Random(3);
        double[] x = Enumerable.Range(0, 400).Select(_ => rng.NextDouble()).ToArray();
        Assert.Equal(KMeans.Fit(x, 4, 7, seed: 9).Centres, KMeans.Fit(x, 4, 7, seed: 9).Centres);
    }

    [Fact]
    public void BadInputIsRefusedByName()
    {
        Assert.Contains("k must lie", Assert.Throws<ArgumentException>(() => KMeans.Fit(new double[] { 1, 2 }, 1, 3, 0)).Message);
        Assert.Contains("coordinate", Assert.Throws<ArgumentException>(() => KMeans.Fit(new[] { 1, double.NaN }, 1, 1, 0)).Message);
        Assert.Throws<ArgumentException>(() => KMeans.Fit(new double[] { 1, 2, 3 }, 2, 1, 0));
    }
}
