using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Tests.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Verify.TestSupport;
using Verify.Theory;
using Verify.Toys;
using Xunit;

namespace Verify.Figures.Tests.FigureSet;

[Collection(QuickReportCollection.Name)]
public sealed class F1DistancesVsThetaTests(QuickReportFixture fixture)
{
    private const string Id = "f1-distances-vs-theta";
    private readonly F1DistancesVsTheta _figure = new();

    [Fact]
    public void KeyFactsHoldAtQuickScaleAndAgainFromTheCsv()
    {
        FigureAssert.FactsHold(fixture.Result(Id));
        FigureAssert.FactsReproduceFromCsv(fixture.Result(Id), fixture.Tables(Id));
    }

    [Fact]
    public void ExactW1EqualsAbsThetaAndExactOptimalTransportBetweenSamplesAgrees()
    {
        TidyTable exact = fixture.Tables(Id)["exact"];
        Assert.Equal(2 * 201, exact.Count);
        for (int r = 0; r < exact.Count; r++) Assert.Equal(Math.Abs(exact.Number(r, "theta")), exact.Number(r, "w1"));
        // Independent route: Theory's exact transport between samples with common noise (G_θ(z) − G_0(z) = θ·e₁ for every z).
        foreach (string family in new[] { "parallel-lines", "gaussian-location" })
            foreach (double theta in new[] { -1.0, -0.37, 0.5, 1.0 })
            {
                var f = ToyFamilies.Get(family).Family!;
                DiscreteDistribution p = f.At(0).Sample(300, 9), q = f.At(theta).Sample(300, 9);
                Tolerance.Close(F1DistancesVsTheta.ExactAt(exact, family, theta, "w1"), Transport.W1(p, q), rel: 1e-12, what: $"{family} θ={theta}");
            }
    }

    [Fact]
    public void ParallelLinesJsKlTvMatchTheEmpiricalDivergencesOfDisjointSamples()
    {
        TidyTable exact = fixture.Tables(Id)["exact"];
        var f = ToyFamilies.ParallelLines();
        DiscreteDistribution p = f.At(0).Sample(200, 3), q = f.At(0.25).Sample(200, 4);
        Tolerance.Close(Divergences.JS(p, q), F1DistancesVsTheta.ExactAt(exact, "parallel-lines", 0.25, "js"), rel: 1e-14);
        Tolerance.Close(Divergences.TV(p, q), F1DistancesVsTheta.ExactAt(exact, "parallel-lines", 0.25, "tv"), rel: 1e-15);
        Assert.Equal(double.PositiveInfinity, F1DistancesVsTheta.ExactAt(exact, "parallel-lines", 0.25, "kl"));
        Assert.Contains(",inf,", File.ReadAllText(Path.Combine(fixture.FigureDir(Id), "exact.csv")));
    }

    [Fact]
    public void GaussianJsAndKlMatchTheoryQuadratureAndClosedForm()
    {
        TidyTable exact = fixture.Tables(Id)["exact"];
        foreach (double theta in new[] { -1.0, -0.3, 0.01, 0.75 })
        {
            // Theory's adaptive Gauss–Kronrod on the densities, a different quadrature from Toys' Gauss–Legendre.
            double js = ClosedForms.JSOfDensities(x => Density(x, 0), x => Density(x, theta), -12, 12);
            Tolerance.Close(js, F1DistancesVsTheta.ExactAt(exact, "gaussian-location", theta, "js"), rel: 1e-9, what: $"JS at θ={theta}");
            Tolerance.Close(Gaussian1D.KL(0, 1, theta, 1), F1DistancesVsTheta.ExactAt(exact, "gaussian-location", theta, "kl"), rel: 1e-14);
        }
    }

    [Fact]
    public void EstimatesCoverEveryFamilyThetaMethodAndSeed()
    {
        TidyTable est = fixture.Tables(Id)["estimates"];
        Assert.Equal(2 * 4 * 4 * 2, est.Count);
        Assert.Equal(["0", "1"], est.Distinct("seed"));
        Assert.Equal(["wgan-clip", "wgan-gp", "wgan-lp", "gan"], est.Distinct("method"));
    }

    [Fact]
    public void TheFactsFailOnWrongData()
    {
        TableSet t = fixture.Tables(Id);
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(t["exact"], "w1", (_, w) => 1.01 * w)), "w1-equals-abs-theta"));
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(t["exact"], "js", (_, v) => v / 2)), "lines-js-kl-tv"));
        TidyTable est = t["estimates"];
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(est, "estimate", (_, v) => 0.7 * v, r => est.Text(r, "method") == "wgan-lp")), "lp-tracks-w1"));
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(est, "estimate", (_, v) => 100 * v, r => est.Text(r, "method") == "wgan-clip")), "clip-scaled"));
    }

    private static double Density(double x, double mean) => Math.Exp(-(x - mean) * (x - mean) / 2) / Math.Sqrt(2 * Math.PI);
}
