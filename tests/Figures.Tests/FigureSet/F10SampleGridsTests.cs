using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Tests.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Xunit;

namespace Verify.Figures.Tests.FigureSet;

[Collection(QuickReportCollection.Name)]
public sealed class F10SampleGridsTests(QuickReportFixture fixture)
{
    private const string Id = "f10-sample-grids";
    private readonly F10SampleGrids _figure = new();

    [Fact]
    public void KeyFactsHoldAtQuickScaleAndAgainFromTheCsv()
    {
        FigureAssert.FactsHold(fixture.Result(Id));
        FigureAssert.FactsReproduceFromCsv(fixture.Result(Id), fixture.Tables(Id));
    }

    [Fact]
    public void EveryMethodHasAGridAtEveryCheckpoint()
    {
        TidyTable t = fixture.Tables(Id)["samples"];
        Assert.Equal(["0", "5", "10", "20"], t.Distinct("iteration"));
        foreach (string m in new[] { "gan", "wgan-clip", "wgan-gp" })
            foreach (string it in t.Distinct("iteration"))
                Assert.Equal(F10SampleGrids.PerGrid, t.Where(("method", m), ("iteration", it)).Count());
    }

    [Fact]
    public void TheFactsFailOnWrongData()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable n = t["samples"];
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(n, "p400", (_, _) => 1.5, r => r == 0)), "pixels-in-range"));
    }
}
