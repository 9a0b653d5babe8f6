using System.Text.Json;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;
using Ot = Verify.Theory.Transport;

namespace Verify.Figures.Tests.Commands;

/// <summary>
/// <c>verify distance</c> at the edges of double precision and of memory: a far atom of tiny mass, clusters too far
/// apart to certify, files too large for the cost matrix, coordinates near 1e153, and clouds so small that their squared
/// distances underflow. Each either gives the value certified relative to itself or is refused in one line with exit 2.
/// </summary>
public sealed class DistanceCommandExtremesTests() : DistanceFiles("verify-distance-extremes-")
{
    // Issue 7: a 40-point cluster of diameter ~1e-7 plus an atom of mass 1e-12 at (1e8, 0) in both files. W1 is the
    // clusters' (reference: the clusters alone, scaled by 2²⁴ — exact — where nothing is ill-conditioned), and the
    // printed certificate bounds the error relative to W1. Was 5.30e-8 against 1.47e-8 with a certificate that held.
    [Fact]
    public void AFarAtomOfTinyMassLeavesW1RightAndCertifiedRelativeToItself()
    {
        var rng = new Random(2);
        double[][] Cluster() => Enumerable.Range(0, 40).Select(_ => new[] { 7e-8 * rng.NextDouble(), 7e-8 * rng.NextDouble() }).ToArray();
        double[][] pc = Cluster(), qc = Cluster();
        double[][] WithFar(double[][] c) => [.. c.Select(r => new[] { r[0], r[1], 1.0 / 40 }), new[] { 1e8, 0.0, 1e-12 }];
        string p = WriteFile("p.csv", Csv(WithFar(pc), "x,y,weight"));
        string q = WriteFile("q.csv", Csv(WithFar(qc), "x,y,weight"));
        const double up = 16777216.0; // 2²⁴
        double expected = Ot.W1(DiscreteDistribution.FromRows(pc.Select(r => r.Select(x => x * up).ToArray()).ToArray()),
            DiscreteDistribution.FromRows(qc.Select(r => r.Select(x => x * up).ToArray()).ToArray())) / up / (1 + 1e-12);
        var (code, output, err) = Run("distance", p, q, "--metric", "w1", "--json");
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        JsonElement j = Json(output);
        Tolerance.Close(expected, j.GetProperty("w1").GetDouble(), rel: 1e-12);
        JsonElement c = j.GetProperty("certificate");
        Assert.True(c.GetProperty("holds").GetBoolean());
        Tolerance.AtMost(1e-9, c.GetProperty("error_bound").GetDouble(), abs: 0);
        // W1 ≈ 1.2e-8 is just below the floor 2⁻⁵²·M·max|c| = 2.2e-8 (max|c| = 1e8), so the bound is relative to the floor:
        // the certified absolute error is still within 2e-9 of W1 itself.
        Tolerance.Close(2.220446049250313e-16 * 1e8, c.GetProperty("floor").GetDouble(), rel: 1e-6);
        Tolerance.AtMost(2e-9 * expected, c.GetProperty("error_bound").GetDouble() * c.GetProperty("scale").GetDouble(), abs: 0);
    }

    // Two heavy clusters 1e8 apart, each with structure at scale 1: double precision cannot certify W1 to 1e-9 relative.
    // One line naming both files and the reason, exit 2, nothing on stdout (was: an internal error, exit 1).
    [Fact]
    public void AValueThatCannotBeCertifiedIsRefusedInOneLine()
    {
        // The clusters of Theory.Tests' TwoHeavyClustersFarApartAreReportedUncertifiedNotOptimal, seeded the same way.
        static double[][] Cloud(int seed, double shift)
        {
            var rng = new Random(seed);
            return Enumerable.Range(0, 50).Select(_ => new[] { Gaussian(rng) + shift, Gaussian(rng) + shift }).ToArray();
        }
        string p = WriteFile("p.csv", Csv([.. Cloud(5, 0), .. Cloud(6, 1e8)]));
        string q = WriteFile("q.csv", Csv([.. Cloud(7, 0), .. Cloud(8, 1e8)]));
        var (code, output, err) = Run("distance", p, q, "--metric", "w1");
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"verify: error: {p}, {q}: W1 is not reported: the exact solve ended with status Uncertified (relative error bound", err);
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    // 50 000 × 50 000 points in 2-D on the dense route: the cost matrix would need 20 GB (2.5e9 entries, beyond 32-bit
    // indices). Refused in one line with the size, before anything is allocated (was: int overflow). (The automatic route
    // takes the matrix-free one there: DistanceCommandRouteTests.)
    [Fact]
    public void FilesTooLargeForTheCostMatrixAreRefusedInOneLineWithTheSize()
    {
        var rng = new Random(1);
        string Big(string name) => WriteFile(name, Csv(Enumerable.Range(0, 50_000).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() })));
        string p = Big("p.csv"), q = Big("q.csv");
        var (code, output, err) = Run("distance", p, q, "--metric", "w1", "--route", "dense");
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"verify: error: {p}, {q}: 50000 × 50000 = 2500000000 pairs", err);
        Assert.Contains("20.0 GB", err);
    }

    // Coordinates near 1e153: squared distances near 4e306 are doubles, but the solver's artificial cost
    // (n+m+1)·max|c| was not, and the pair was reported Infeasible (an internal error). Now W1 = W2 = 2e153.
    [Fact]
    public void CoordinatesNear1e153GiveExactW1AndW2()
    {
        string p = WriteFile("p.csv", "x,y\n1e153,0\n1e153,1\n");
        string q = WriteFile("q.csv", "x,y\n-1e153,0\n-1e153,1\n");
        var (code, output, err) = Run("distance", p, q, "--metric", "all", "--json");
        Assert.Equal(Cli.Ok, code);
        Assert.Equal("", err);
        JsonElement j = Json(output);
        Tolerance.Close(2e153, j.GetProperty("w1").GetDouble(), rel: 1e-15);
        Tolerance.Close(2e153, j.GetProperty("w2").GetDouble(), rel: 1e-15);
        Assert.True(j.GetProperty("certificate_w2").GetProperty("holds").GetBoolean());
    }

    // Two files whose whole clouds are so small that squared distances underflow: one line, exit 2 (was: W1 = 0, certified).
    [Fact]
    public void CloudsTooSmallForTheCostExitTwoInOneLine()
    {
        string p = WriteFile("tiny-p.csv", "x,y\n3e-170,0\n0,1e-170\n"), q = WriteFile("tiny-q.csv", "x,y\n-2e-170,5e-171\n1e-170,1e-170\n");
        var (code, output, err) = Run("distance", p, q, "--metric", "w1", "--json");
        Assert.Equal(Cli.BadInput, code);
        Assert.Equal("", output);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.Contains("tiny-p.csv", err);
        Assert.Contains("too close together", err);
        Assert.Contains("rescale", err);
    }
}
