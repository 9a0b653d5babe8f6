using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Tests.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Xunit;

namespace Verify.Figures.Tests.FigureSet;

[Collection(QuickReportCollection.Name)]
public sealed class F6GanVsWganTests(QuickReportFixture fixture)
{
    private const string Id = "f6-gan-vs-wgan";
    private readonly F6GanVsWgan _figure = new();

    [Fact]
    public void KeyFactsHoldAtQuickScaleAndAgainFromTheCsv()
    {
        FigureAssert.FactsHold(fixture.Result(Id));
        FigureAssert.FactsReproduceFromCsv(fixture.Result(Id), fixture.Tables(Id));
    }

    [Fact]
    public void WganGpEndsWithALowerExactW1ThanItStartedWith()
    {
        TidyTable t = fixture.Tables(Id)["training"];
        foreach (string dataset in F6GanVsWgan.Datasets)
        {
            double[] w = Groups.Column(t, "exact_w1", ("dataset", dataset), ("method", "wgan-gp"), ("seed", "0"));
            Assert.True(w[^1] < w[0], $"{dataset}: W₁ went from {w[0]} to {w[^1]}");
        }
    }

    [Fact]
    public void EveryRunIsLoggedAndCoveredAndTheFloorIsBelowTheStart()
    {
        TableSet tables = fixture.Tables(Id);
        TidyTable t = tables["training"], coverage = tables["coverage"], floor = tables["floor"];
        foreach (string dataset in F6GanVsWgan.Datasets)
        {
            double f = floor.Number(floor.Where(("dataset", dataset)).Single(), "exact_w1");
            Assert.True(f > 0, "two real batches of a continuous law are not equal");
            foreach (string method in F6GanVsWgan.Methods)
            {
                double[] w = Groups.Column(t, "exact_w1", ("dataset", dataset), ("method", method));
                Assert.True(w.Length >= 10, $"{dataset} {method}: {w.Length} evaluations");
                Assert.True(w[0] > f, $"{dataset} {method}: an untrained generator is no closer than the floor");
                int[] c = coverage.Where(("dataset", dataset), ("method", method)).ToArray();
                Assert.Single(c);
                Assert.InRange(coverage.Number(c[0], "modes_hit"), 0, coverage.Number(c[0], "modes"));
            }
        }
    }

    [Fact]
    public void TheFactsFailOnWrongData()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable training = t["training"];
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(training, "exact_w1", (r, v) => v * (1 + training.Number(r, "iteration")),
            r => training.Text(r, "method") == "wgan-gp")), "gp-improves"));
    }
}
