using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Tests.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Xunit;

namespace Verify.Figures.Tests.FigureSet;

[Collection(QuickReportCollection.Name)]
public sealed class F5CriticSurfacesTests(QuickReportFixture fixture)
{
    private const string Id = "f5-critic-surfaces";
    private readonly F5CriticSurfaces _figure = new();

    [Fact]
    public void KeyFactsHoldAtQuickScaleAndAgainFromTheCsv()
    {
        FigureAssert.FactsHold(fixture.Result(Id));
        FigureAssert.FactsReproduceFromCsv(fixture.Result(Id), fixture.Tables(Id));
    }

    [Fact]
    public void SurfacesCoverThe128By128GridOverMinus3To3ForEachDataSetAndMethod()
    {
        Assert.Equal(-3.0, F5CriticSurfaces.GridCoordinate(0));
        Assert.Equal(3.0, F5CriticSurfaces.GridCoordinate(127));
        TidyTable s = fixture.Tables(Id)["surfaces"];
        Assert.Equal(3 * 2 * 128 * 128, s.Count);
        foreach (string dataset in F5CriticSurfaces.Datasets)
            foreach (string method in F5CriticSurfaces.SurfaceMethods)
            {
                var rows = s.Where(("dataset", dataset), ("method", method)).ToArray();
                Assert.Equal(128 * 128, rows.Length);
                Assert.Equal(128, rows.Select(r => s.Number(r, "x")).Distinct().Count());
                Assert.True(s.Numbers(rows, "value").Distinct().Count() > 1000, $"{dataset} {method}: the critic is (nearly) constant on the grid");
            }
    }

    [Fact]
    public void WeightHistogramsAccountForEveryWeight()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable w = t["weights"], summary = t["weight_summary"];
        foreach (string critic in new[] { "clip-0.01", "gp" })
        {
            double total = w.Numbers(w.Where(("critic", critic)), "count").Sum();
            Assert.Equal(summary.Number(summary.Where(("critic", critic)).Single(), "weights"), total);
        }
        // A clipped critic's weights lie in [−c, c].
        Assert.True(summary.Number(summary.Where(("critic", "clip-0.01")).Single(), "max_abs") <= 0.01 + 1e-9);
    }

    [Fact]
    public void TheFactsFailOnWrongData()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable l = t["layer_gradients"];
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(l, "gradient_norm", (r, v) => v * Math.Pow(10, l.Number(r, "layer")), r => l.Text(r, "critic") == "gp")), "gp-gradients-flat"));
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(t["weight_summary"], "at_bound", (_, _) => 0.1)), "clip-weights-at-bound"));
    }
}
