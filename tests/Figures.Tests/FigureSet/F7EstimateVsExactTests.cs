using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Tests.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Xunit;

namespace Verify.Figures.Tests.FigureSet;

[Collection(QuickReportCollection.Name)]
public sealed class F7EstimateVsExactTests(QuickReportFixture fixture)
{
    private const string Id = "f7-estimate-vs-exact";
    private readonly F7EstimateVsExact _figure = new();

    [Fact]
    public void KeyFactsHoldAtQuickScaleAndAgainFromTheCsv()
    {
        FigureAssert.FactsHold(fixture.Result(Id));
        FigureAssert.FactsReproduceFromCsv(fixture.Result(Id), fixture.Tables(Id));
    }

    [Fact]
    public void EveryMethodIsLoggedWithPositiveExactW1AboveHalfTheRealFloor()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable training = t["training"];
        Assert.Equal(["gan", "wgan-clip", "wgan-gp"], training.Distinct("method"));
        double floor = t["floor"].Number(0, "exact_w1");
        // Two real batches of 64 are far apart in 784-D; a generated batch cannot be much nearer to a real one.
        for (int r = 0; r < training.Count; r++) Assert.True(training.Number(r, "exact_w1") > 0.5 * floor, $"row {r}");
    }

    [Fact]
    public void TheFactsFailOnWrongData()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable n = t["training"];
        int last = n.Where(("method", "wgan-gp")).Last();
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(n, "exact_w1", (_, _) => 1e6, r => r == last)), "gp-improves"));
    }
}
