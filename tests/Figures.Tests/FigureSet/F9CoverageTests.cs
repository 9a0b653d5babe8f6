using System.Text.Json;
using Verify.Figures.Commands;
using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Figures.Tests.FigureSet.Core;
using Verify.Figures.Tests.Report;
using Verify.Networks.Autodiff;
using Verify.TestSupport;
using Xunit;

namespace Verify.Figures.Tests.FigureSet;

[Collection(QuickReportCollection.Name)]
public sealed class F9CoverageTests(QuickReportFixture fixture)
{
    private const string Id = "f9-coverage";
    private readonly F9Coverage _figure = new();

    [Fact]
    public void KeyFactsHoldAtQuickScaleAndAgainFromTheCsv()
    {
        FigureAssert.FactsHold(fixture.Result(Id));
        FigureAssert.FactsReproduceFromCsv(fixture.Result(Id), fixture.Tables(Id));
        Assert.True(fixture.Tables(Id)["summary"].Number(0, "classifier_accuracy") >= 0.97);
    }

    /// <summary>
    /// The accuracy in the CSV recounted from the report's own classifier: the share of the 2,000 held-out digits whose
    /// largest logit is at their label (argmax taken here from the raw logits, not through Predict/Accuracy).
    /// </summary>
    [Fact]
    public void TheAccuracyIsTheShareOfHeldOutDigitsWhoseLargestLogitIsTheirLabel()
    {
        var classifier = ImageRuns.Classifier(new FigureRun(Scale.Quick, 0));
        double[] logits;
        using (Autograd.NoGrad()) logits = classifier.Forward(Digits.HeldOut.Data).ToDoubleArray();
        int[] labels = Digits.HeldOutLabels;
        int hits = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            var row = logits.AsSpan(10 * i, 10);
            if (row.IndexOf(row.ToArray().Max()) == labels[i]) hits++;
        }
        Assert.Equal(2000, labels.Length);
        TidyTable s = fixture.Tables(Id)["summary"];
        for (int r = 0; r < s.Count; r++) Tolerance.Close(hits / 2000.0, s.Number(r, "classifier_accuracy"), rel: 1e-12);
    }

    /// <summary><c>verify images coverage --json</c>'s object, made from the report's F9 folder: the accuracy and shares of its CSV.</summary>
    [Fact]
    public void TheJsonCarriesTheClassifierAccuracyAndTheShares()
    {
        TableSet t = fixture.Tables(Id);
        using var json = JsonDocument.Parse(ImagesCommand.CoverageJson(fixture.Result(Id), new FigureRun(Scale.Quick, 0)));
        JsonElement root = json.RootElement;
        Assert.Equal(t["summary"].Number(0, "classifier_accuracy"), root.GetProperty("classifier_accuracy").GetDouble());
        Assert.True(root.GetProperty("passed").GetBoolean());
        JsonElement[] sources = root.GetProperty("sources").EnumerateArray().ToArray();
        Assert.Equal(F9Coverage.Sources, sources.Select(s => s.GetProperty("source").GetString()));
        foreach (JsonElement s in sources)
            Assert.Equal(Groups.Column(t["classes"], "share", ("source", s.GetProperty("source").GetString()!)),
                s.GetProperty("shares").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void SharesAreDistributionsAndClassesHitCountsThem()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable c = t["classes"], s = t["summary"];
        foreach (string source in F9Coverage.Sources)
        {
            double[] share = Groups.Column(c, "share", ("source", source));
            Assert.Equal(10, share.Length);
            Tolerance.Close(1.0, share.Sum(), rel: 1e-12);
            Assert.Equal(share.Count(v => v >= 0.02), (int)s.Number(s.Where(("source", source)).Single(), "classes_hit"));
        }
        // The real bars are the true labels of the first training digits compared, counted here.
        double[] real = Groups.Column(c, "share", ("source", "real"));
        for (int k = 0; k < 10; k++)
            Tolerance.Close(Digits.TrainLabels[..F9Coverage.Compared].Count(l => l == k) / (double)F9Coverage.Compared, real[k], rel: 1e-12);
        Assert.Equal(10, (int)s.Number(s.Where(("source", "real")).Single(), "classes_hit"));
    }

    [Fact]
    public void TheFactsFailOnWrongData()
    {
        TableSet t = fixture.Tables(Id);
        TidyTable s = t["summary"];
        Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(s, "classifier_accuracy", (_, _) => 0.969)), "classifier-accuracy"));
        double realFd = s.Number(s.Where(("source", "real")).Single(), "frechet_distance");
        foreach (string m in new[] { "gan", "wgan-clip", "wgan-gp" })
        {
            int row = s.Where(("source", m)).Single();
            Assert.False(TableEdit.Holds(_figure, TableEdit.Replace(t, TableEdit.With(s, "frechet_distance", (_, _) => 0.5 * realFd, r => r == row)), $"fd-above-real-{m}"));
        }
    }
}
