using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Figures.Tests.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Verify.TestSupport;
using Xunit;

namespace Verify.Figures.Tests.FigureSet;

[Collection(QuickReportCollection.Name)]
public sealed class F8BatchW1Tests(QuickReportFixture fixture)
{
    private const string Id = "f8-batch-w1";
    private readonly F8BatchW1 _figure = new();

    [Fact]
    public void KeyFactsHoldAtQuickScaleAndAgainFromTheCsv()
    {
        FigureAssert.FactsHold(fixture.Result(Id));
        FigureAssert.FactsReproduceFromCsv(fixture.Result(Id), fixture.Tables(Id));
    }

    [Fact]
    public void TheTableIsWhatTheExperimentMeasuresForItsSeed()
    {
        TidyTable t = fixture.Tables(Id)["batch_w1"];
        Assert.Equal(["64", "128", "256"], t.Distinct("batch"));
        int row = t.Where(("batch", "64")).Single();
        BatchW1.Row again = BatchW1.Measure(64, 0, FigureRun.Derive(0, "batch-w1/64/0"));
        Tolerance.Close(again.RealVsReal, t.Number(row, "real_vs_real"), rel: 1e-12);
        Tolerance.Close(again.RealVsMean, t.Number(row, "real_vs_mean"), rel: 1e-12);
        Tolerance.Close(again.RealVsKMeans, t.Number(row, "real_vs_kmeans"), rel: 1e-12);
    }

    [Fact]
    public void TheFactsFailOnWrongData()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable n = t["batch_w1"];
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(n, "real_vs_kmeans", (r, _) => 2 * n.Number(r, "real_vs_real"))), "kmeans-beats-real"));
    }
}
