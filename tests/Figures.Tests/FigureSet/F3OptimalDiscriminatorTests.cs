using MathNet.Numerics.Distributions;
using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.Tests.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Verify.TestSupport;
using Verify.Toys.Families;
using Xunit;

namespace Verify.Figures.Tests.FigureSet;

[Collection(QuickReportCollection.Name)]
public sealed class F3OptimalDiscriminatorTests(QuickReportFixture fixture)
{
    private const string Id = "f3-optimal-discriminator";
    private readonly F3OptimalDiscriminator _figure = new();

    [Fact]
    public void KeyFactsHoldAtQuickScaleAndAgainFromTheCsv()
    {
        FigureAssert.FactsHold(fixture.Result(Id));
        FigureAssert.FactsReproduceFromCsv(fixture.Result(Id), fixture.Tables(Id));
    }

    [Fact]
    public void OptimalDiscriminatorAndItsSlopeMatchTheClosedForm()
    {
        TidyTable c = fixture.Tables(Id)["curves"];
        foreach (int r in c.Where(("method", "exact-dstar")))
        {
            double x = c.Number(r, "x");
            // D* = 1/(1 + e^t), t = ln p_g/p_r = θ(x − θ/2)/σ² = 16(x − 2); dD*/dx = −16·D*(1 − D*) with 1 − D* = 1/(1 + e^−t).
            double t = 16 * (x - 2);
            double d = 1 / (1 + Math.Exp(t)), oneMinus = 1 / (1 + Math.Exp(-t));
            Tolerance.Close(d, c.Number(r, "value"), rel: 1e-13, what: $"D*({x})");
            Tolerance.Close(-16 * d * oneMinus, c.Number(r, "slope"), rel: 1e-12, what: $"dD*/dx({x})");
        }
    }

    [Fact]
    public void DStarSlopeKeepsPrecisionWhereDStarRoundsToOne()
    {
        var pair = new GaussianPair();
        // At x = −1.5, D* = 1 − 5.6·10⁻²⁵ rounds to 1: the slope from 1 − D* would be 0. A central difference of D*(θ − x) = 1 − D*(x) gives it.
        double x = -1.5, h = 1e-6;
        double fd = (pair.OptimalDiscriminator(F3OptimalDiscriminator.FakeMean - x + h, 4) - pair.OptimalDiscriminator(F3OptimalDiscriminator.FakeMean - x - h, 4)) / (2 * h);
        Tolerance.Close(fd, F3OptimalDiscriminator.DStarSlope(pair, x), rel: 1e-6);
        Assert.True(F3OptimalDiscriminator.DStarSlope(pair, x) < 0);
    }

    [Fact]
    public void DensitiesAreTheTwoGaussians()
    {
        TidyTable d = fixture.Tables(Id)["densities"];
        foreach (int r in d.Where(("law", "fake")))
            Tolerance.Close(Normal.PDF(4, 0.5, d.Number(r, "x")), d.Number(r, "density"), rel: 1e-12, abs: 1e-300);
    }

    [Fact]
    public void TheFactsFailOnWrongData()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable c = t["curves"];
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(c, "slope", (_, v) => v / 1.2, r => c.Text(r, "method") == "wgan-lp")), "critic-slope"));
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(c, "slope", (_, _) => 0.3, r => c.Text(r, "method") == "gan")), "gan-saturates"));
    }
}
