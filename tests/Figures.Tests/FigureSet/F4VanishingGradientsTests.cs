using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Tests.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Xunit;

namespace Verify.Figures.Tests.FigureSet;

[Collection(QuickReportCollection.Name)]
public sealed class F4VanishingGradientsTests(QuickReportFixture fixture)
{
    private const string Id = "f4-vanishing-gradients";
    private readonly F4VanishingGradients _figure = new();

    [Fact]
    public void KeyFactsHoldAtQuickScaleAndAgainFromTheCsv()
    {
        FigureAssert.FactsHold(fixture.Result(Id));
        FigureAssert.FactsReproduceFromCsv(fixture.Result(Id), fixture.Tables(Id));
    }

    [Fact]
    public void TheMinimaxGradientFallsByOrdersOfMagnitudeAtEveryStage()
    {
        TidyTable n = fixture.Tables(Id)["norms"];
        foreach (string stage in n.Distinct("stage"))
        {
            double[] v = Groups.Column(n, "gradient_norm", ("stage", stage), ("critic", "gan"));
            Assert.True(v.Max() / v[^1] >= 100, $"stage {stage}: {v.Max()} → {v[^1]}");
            double[] w = Groups.Column(n, "gradient_norm", ("stage", stage), ("critic", "wgan-gp"));
            Assert.True(w[^1] >= w[0], $"stage {stage}: the WGAN-GP critic's gradient fell from {w[0]} to {w[^1]}");
        }
    }

    [Fact]
    public void TheFactsFailOnWrongData()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable n = t["norms"];
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(n, "gradient_norm", (_, _) => 0.3, r => n.Text(r, "critic") == "gan")), "minimax-gradient-falls"));
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(t["accuracy"], "accuracy", (_, _) => 0.6)), "discriminator-perfect"));
    }
}
