using ScottPlot;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Figures.Plotting;
using Verify.Networks.Experiments;
using Verify.Toys.Numerics;

namespace Verify.Figures.FigureSet;

/// <summary>
/// F9: mode coverage on MNIST. A small convolutional classifier trained with the engine (<see cref="DigitClassifier{T}"/>)
/// labels the generated digits of each method's run; the class histogram shows which digits a generator makes, and a
/// Fréchet distance on the classifier's 128 features compares generated with held-out digits.
/// </summary>
public sealed class F9Coverage : Figure
{
    /// <summary>Held-out and generated digits compared (per source).</summary>
    public const int Compared = ImageGanRun.FinalSamples;

    public override string Id => "f9-coverage";

    public override string Title => "Which digits do the generators make? Class histogram and a classifier-feature Fréchet distance";

    public override string Caption =>
        "A convolutional digit classifier (2 convolutions, 128 features, trained with the engine on the 8,000 training digits, " +
        "randomly shifted by up to 2 pixels) labels " +
        $"{Compared} digits from each generator of F7 and {Compared} held-out real digits. (a) The share of each predicted class; a " +
        "generator that drops digits shows empty bars. (b) The Fréchet distance between Gaussians fitted to the classifier's 128 " +
        "penultimate features of generated and held-out real digits (the formula of FID, on our classifier's features, so NOT " +
        "comparable with Inception-based FID values in the literature); the real bar compares two disjoint real sets.";

    public override IReadOnlyList<string> Claims => [];

    public static readonly TableSchema ClassesSchema = new("classes", ["source", "class", "share"], ["class", "share"]);

    public static readonly TableSchema SummarySchema = new("summary", ["source", "classifier_accuracy", "frechet_distance", "classes_hit"],
        ["classifier_accuracy", "frechet_distance", "classes_hit"]);

    public override IReadOnlyList<TableSchema> Schema => [ClassesSchema, SummarySchema];

    public static readonly string[] Sources = ["real", .. ImageGanRun.Methods];

    public override IReadOnlyList<long> Seeds(FigureRun run) => [run.Seed];

    public override IReadOnlyList<(string Key, object Value)> Settings(FigureRun run)
    {
        var b = ImageRuns.For(run);
        return
        [
            ("classifier", "Conv(1→32, k4 s2 p1) ReLU Conv(32→64, k4 s2 p1) ReLU Linear(3136→128) ReLU Linear(128→10); " +
                $"Adam({DigitClassifier<float>.RecipeLearningRate} falling linearly to 0 per step), batch {DigitClassifier<float>.RecipeBatch}, " +
                $"{DigitClassifier<float>.RecipeEpochs} epochs on the 8,000 training digits, each digit shifted by up to {DigitClassifier<float>.RecipeShift} pixels at random"),
            ("generators", $"the F7 runs: {ImageGanRun.Describe(b.Architecture)}, {b.Iterations} iterations"),
            ("compared", $"{Compared} generated digits per method and {Compared} held-out real digits; real bar: held-out vs {Compared} training digits"),
            ("frechet", "‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2(Σ₁^½Σ₂Σ₁^½)^½), square-rooted, on the classifier's 128 features; not Inception FID"),
            ("class_hit", "a class is hit when at least 2% of the digits are predicted as it"),
        ];
    }

    public override FigurePlan Plan(FigureRun run)
    {
        var jobs = ImageGanRun.Methods.Select(m => ImageRuns.RunJob(run, m)).Append(ImageRuns.ClassifierJob(run)).ToList();
        return new FigurePlan(jobs, () => Assemble(run));
    }

    private static TableSet Assemble(FigureRun run)
    {
        DigitClassifier<float> classifier = ImageRuns.Classifier(run);
        double accuracy = classifier.Accuracy(Digits.HeldOut.Data, Digits.HeldOutLabels);
        int[] first = Enumerable.Range(0, Compared).ToArray();
        double[] heldFeatures = classifier.Features(ImageRuns.AsTensor(Digits.Rows(Digits.HeldOut, first))).ToDoubleArray();
        TidyTable classes = ClassesSchema.Create(), summary = SummarySchema.Create();
        foreach (string source in Sources)
        {
            double[] images = source == "real" ? Digits.Rows(Digits.Train, first) : ImageRuns.Run(run, source).Samples;
            var x = ImageRuns.AsTensor(images);
            int[] predicted = source == "real" ? Digits.TrainLabels[..Compared] : classifier.Predict(x);
            var share = new double[DigitClassifier<float>.Classes];
            foreach (int c in predicted) share[c] += 1.0 / predicted.Length;
            for (int c = 0; c < share.Length; c++) classes.Add(source, c, share[c]);
            double fd = FrechetDistance.Between(classifier.Features(x).ToDoubleArray(), heldFeatures, DigitClassifier<float>.FeatureDimension);
            summary.Add(source, accuracy, fd, share.Count(s => s >= 0.02));
        }
        return new TableSet(classes, summary);
    }

    public override IReadOnlyList<Fact> Facts(TableSet tables)
    {
        TidyTable s = tables[SummarySchema.Name];
        double accuracy = s.Number(0, "classifier_accuracy");
        var facts = new List<Fact> { Fact.AtLeast("classifier-accuracy", "the classifier's accuracy on the 2,000 held-out digits", accuracy, 0.97) };
        double realFd = s.Number(s.Where(("source", "real")).Single(), "frechet_distance");
        foreach (string m in ImageGanRun.Methods)
        {
            int row = s.Where(("source", m)).Single();
            double fd = s.Number(row, "frechet_distance");
            facts.Add(new Fact($"fd-above-real-{m}", $"{Style.LabelOf(m)}'s generator: Fréchet distance to held-out digits ÷ that of real training digits",
                fd / realFd, "> 1 (no generator beats real digits)", fd > realFd));
            facts.Add(Fact.Observed($"classes-{m}", $"{Style.LabelOf(m)}'s generator: classes hit (≥ 2% of its digits)", s.Number(row, "classes_hit")));
        }
        return facts;
    }

    public override FigureLayout Render(TableSet tables)
    {
        TidyTable c = tables[ClassesSchema.Name], s = tables[SummarySchema.Name];
        var figure = new FigureLayout(1, 2, 420, 320);
        Plot a = figure[0, 0], b = figure[0, 1];
        string[] sources = s.Distinct("source");
        int k = sources.Length;
        for (int i = 0; i < k; i++)
        {
            Color color = sources[i] == "real" ? Style.Gray : Style.ColorOf(sources[i]);
            var bars = c.Where(("source", sources[i])).Select(r => new Bar
            {
                Position = c.Number(r, "class") * (k + 1) + i, Value = c.Number(r, "share"), FillColor = color, Size = 0.9, LineWidth = 0,
            }).ToList();
            a.Add.Bars(bars).LegendText = sources[i] == "real" ? $"real training digits (true labels)" : $"generated by {F10SampleGrids.Short(sources[i])}";
        }
        a.Axes.Bottom.SetTicks(Enumerable.Range(0, 10).Select(d => d * (k + 1) + (k - 1) / 2.0).ToArray(), Enumerable.Range(0, 10).Select(d => d.ToString()).ToArray());
        a.Title("(a) share of each (predicted) class");
        a.XLabel("digit class");
        a.YLabel("share of digits");
        a.Axes.SetLimitsY(0, 1.02 * Math.Max(0.2, Enumerable.Range(0, c.Count).Max(r => c.Number(r, "share"))));
        var fdBars = sources.Select((src, i) => new Bar
        {
            Position = i, Value = s.Number(s.Where(("source", src)).Single(), "frechet_distance"),
            FillColor = src == "real" ? Style.Gray : Style.ColorOf(src), Size = 0.8, LineWidth = 0,
        }).ToList();
        b.Add.Bars(fdBars);
        b.Axes.Bottom.SetTicks(Enumerable.Range(0, k).Select(i => (double)i).ToArray(), sources.Select(x => x == "real" ? "real" : x).ToArray());
        b.Title($"(b) Fréchet distance, classifier features");
        b.XLabel($"source (classifier accuracy {s.Number(0, "classifier_accuracy"):P1} held out)");
        b.YLabel("Fréchet distance to held-out (not FID)");
        b.Axes.SetLimitsY(0, 1.1 * fdBars.Max(x => x.Value));
        foreach (Plot p in figure.Panels()) Style.Apply(p);
        figure.ShareLegend();
        return figure;
    }
}
