using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Tests.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Verify.TestSupport;
using Verify.Theory;
using Xunit;

namespace Verify.Figures.Tests.FigureSet;

[Collection(QuickReportCollection.Name)]
public sealed class F2GradientVsThetaTests(QuickReportFixture fixture)
{
    private const string Id = "f2-gradient-vs-theta";
    private readonly F2GradientVsTheta _figure = new();

    [Fact]
    public void KeyFactsHoldAtQuickScaleAndAgainFromTheCsv()
    {
        FigureAssert.FactsHold(fixture.Result(Id));
        FigureAssert.FactsReproduceFromCsv(fixture.Result(Id), fixture.Tables(Id));
    }

    [Fact]
    public void OnParallelLinesTheMinimaxGradientIsAHundredTimesSmallerThanTheCritics()
    {
        TidyTable g = fixture.Tables(Id)["gradients"];
        foreach (double theta in new[] { -1.0, -0.5, 0.5, 1.0 })
        {
            double Mean(string method) => g.Where(("family", "parallel-lines"), ("method", method)).Where(r => g.Number(r, "theta") == theta)
                .Average(r => Math.Abs(g.Number(r, "gradient")));
            Assert.True(Mean("gan-minimax") * 100 <= Mean("wgan-lp"), $"θ = {theta}: minimax {Mean("gan-minimax")}, WGAN-LP {Mean("wgan-lp")}");
        }
    }

    [Fact]
    public void ExactDjsMatchesAFiniteDifferenceOfTheoryQuadrature()
    {
        TidyTable g = fixture.Tables(Id)["gradients"];
        const double h = 1e-4;
        foreach (double theta in new[] { -0.8, 0.2, 1.0 })
        {
            double Js(double t) => ClosedForms.JSOfDensities(x => Phi(x, 0), x => Phi(x, t), -12, 12);
            double fd = (Js(theta + h) - Js(theta - h)) / (2 * h);
            int row = g.Where(("family", "gaussian-location"), ("method", "exact-js")).Single(r => Math.Abs(g.Number(r, "theta") - theta) < 1e-12);
            Tolerance.Close(fd, g.Number(row, "gradient"), rel: 1e-6, what: $"dJS/dθ at θ = {theta}");
        }
    }

    [Fact]
    public void TheFactsFailOnWrongData()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable g = t["gradients"];
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(g, "gradient", (_, v) => 1000 * v, r => g.Text(r, "method") == "gan-minimax")), "minimax-vanishes"));
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(g, "gradient", (_, v) => 0.5 * v, r => g.Text(r, "method") == "wgan-lp")), "lp-gradient-is-dw1"));
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(g, "gradient", (_, v) => -v, r => g.Text(r, "method") == "exact-w1")), "exact-dw1-sign"));
    }

    private static double Phi(double x, double mean) => Math.Exp(-(x - mean) * (x - mean) / 2) / Math.Sqrt(2 * Math.PI);
}
