using ScottPlot;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Figures.Plotting;

namespace Verify.Figures.FigureSet;

/// <summary>
/// F8, the minibatch experiment of Stanczuk et al. (2021): exact W₁ between a real MNIST batch and a second real batch,
/// its mean image, and its k-means centres, for batch sizes 64 to 1024 (<see cref="BatchW1"/>).
/// </summary>
public sealed class F8BatchW1 : Figure
{
    public override string Id => "f8-batch-w1";

    public override string Title => "Does batch W₁ prefer blurry averages? Real batches against their mean image and k-means centres";

    public override string Caption =>
        "For a batch of n real MNIST digits (pixels in [−1, 1]): the exact W₁ (784-D Euclidean, certified optimal transport) to a " +
        "second, disjoint real batch of n (black), to the batch's mean image carrying all the mass (vermillion), and to its " +
        $"{BatchW1.Centres} k-means centres weighted by cluster size (blue). After Stanczuk et al. (2021): when the blurry " +
        "stand-ins are closer than real digits, a generator minimising batch W₁ is pulled towards averages. (b) The same as " +
        "ratios to the real-vs-real distance; below 1 the average wins.";

    public override IReadOnlyList<string> Claims => [];

    public static readonly TableSchema RowsSchema = new("batch_w1",
        ["batch", "replicate", "real_vs_real", "real_vs_mean", "real_vs_kmeans"], ["batch", "replicate", "real_vs_real", "real_vs_mean", "real_vs_kmeans"]);

    public override IReadOnlyList<TableSchema> Schema => [RowsSchema];

    public static int[] Batches(FigureRun run) => run.Quick ? [64, 128, 256] : [64, 128, 256, 512, 1024];

    public static int Replicates(FigureRun run) => run.Quick ? 1 : 3;

    public override IReadOnlyList<long> Seeds(FigureRun run) => [run.Seed];

    public override IReadOnlyList<(string Key, object Value)> Settings(FigureRun run) =>
    [
        ("data", "MNIST, the 8,000 training digits of the fixed split, pixels in [−1, 1]"), ("batches", string.Join(' ', Batches(run))),
        ("replicates", Replicates(run)), ("k_means", $"k = {BatchW1.Centres}, k-means++ seeding, Lloyd iterations to convergence (≤ 100)"),
        ("transport", "exact W₁, Euclidean ground cost, certified (Theory's Transport.W1)"),
    ];

    public override FigurePlan Plan(FigureRun run)
    {
        int[] batches = Batches(run);
        int reps = Replicates(run);
        var rows = new BatchW1.Row[batches.Length, reps];
        var jobs = new List<Job>();
        for (int i = 0; i < batches.Length; i++)
            for (int r = 0; r < reps; r++)
            {
                int bi = i, ri = r, n = batches[i];
                jobs.Add(new Job($"{Id} batch {n} replicate {r}", 0.004 * n * n + 50, () =>
                    rows[bi, ri] = BatchW1.Measure(n, ri, FigureRun.Derive(run.Seed, $"batch-w1/{n}/{ri}"))));
            }
        return new FigurePlan(jobs, () =>
        {
            TidyTable t = RowsSchema.Create();
            foreach (BatchW1.Row row in rows) t.Add(row.Batch, row.Replicate, row.RealVsReal, row.RealVsMean, row.RealVsKMeans);
            return new TableSet(t);
        });
    }

    public override IReadOnlyList<Fact> Facts(TableSet tables)
    {
        TidyTable t = tables[RowsSchema.Name];
        string smallest = t.Distinct("batch").OrderBy(double.Parse).First();
        double Ratio(string column, string batch) => Groups.Column(t, column, ("batch", batch)).Average() / Groups.Column(t, "real_vs_real", ("batch", batch)).Average();
        var facts = new List<Fact>
        {
            new("kmeans-beats-real", $"batch {smallest}: W₁(batch, its {BatchW1.Centres} k-means centres) ÷ W₁(batch, another real batch)",
                Ratio("real_vs_kmeans", smallest), "< 1", Ratio("real_vs_kmeans", smallest) < 1),
        };
        foreach (string b in t.Distinct("batch"))
        {
            facts.Add(Fact.Observed($"mean-ratio-{b}", $"batch {b}: W₁ to the mean image ÷ W₁ to a real batch", Ratio("real_vs_mean", b)));
            facts.Add(Fact.Observed($"kmeans-ratio-{b}", $"batch {b}: W₁ to the k-means centres ÷ W₁ to a real batch", Ratio("real_vs_kmeans", b)));
        }
        return facts;
    }

    public override FigureLayout Render(TableSet tables)
    {
        TidyTable t = tables[RowsSchema.Name];
        var figure = new FigureLayout(1, 2, 360, 320);
        var series = new (string Column, string Label, Color Color, MarkerShape Marker)[]
        {
            ("real_vs_real", "W₁(real batch, another real batch)", Style.Black, MarkerShape.FilledCircle),
            ("real_vs_mean", "W₁(real batch, its mean image)", Style.Vermillion, MarkerShape.FilledSquare),
            ("real_vs_kmeans", $"W₁(real batch, its {BatchW1.Centres} k-means centres)", Style.Blue, MarkerShape.FilledTriangleUp),
        };
        Plot a = figure[0, 0], b = figure[0, 1];
        var real = Groups.Series(t, "batch", "real_vs_real");
        foreach (var s in series)
        {
            var pts = Groups.Series(t, "batch", s.Column);
            double[] x = pts.Select(p => Math.Log2(p.X)).ToArray();
            var la = a.Add.ScatterLine(x, pts.Select(p => p.Mean).ToArray(), s.Color);
            la.LineWidth = Style.LineWidth;
            la.MarkerShape = s.Marker;
            la.MarkerSize = 7;
            la.LegendText = s.Label;
            var lb = b.Add.ScatterLine(x, pts.Select((p, i) => p.Mean / real[i].Mean).ToArray(), s.Color);
            lb.LineWidth = Style.LineWidth;
            lb.MarkerShape = s.Marker;
            lb.MarkerSize = 7;
        }
        double[] ticks = real.Select(p => Math.Log2(p.X)).ToArray();
        string[] labels = real.Select(p => p.X.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (Plot p in new[] { a, b })
        {
            p.Axes.Bottom.SetTicks(ticks, labels);
            p.XLabel("batch size n");
        }
        a.Title("(a) exact W₁ between a batch and …");
        a.YLabel("exact W₁ (pixels in [−1, 1])");
        a.Axes.Margins(bottom: 0.05);
        b.Title("(b) ÷ real-vs-real (below 1: average wins)");
        b.YLabel("W₁ ÷ W₁(real, real)");
        foreach (Plot p in figure.Panels()) Style.Apply(p);
        figure.ShareLegend();
        return figure;
    }
}
