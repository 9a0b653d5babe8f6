using ScottPlot;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Figures.Plotting;

namespace Verify.Figures.FigureSet;

/// <summary>F10: sample grids of the F7 runs at their checkpoints, each from the same fixed 64 noise vectors.</summary>
public sealed class F10SampleGrids : Figure
{
    public const int PerGrid = 16;

    public override string Id => "f10-sample-grids";

    public override string Title => "Generated digits over training (same noise in every grid)";

    public override string Caption =>
        $"For each method of F7 (rows), {PerGrid} digits generated from the same fixed noise vectors before training and after a " +
        "quarter, half and all of the generator iterations (columns); pixels in [−1, 1] shown from black to white. The generators " +
        "are in training mode (batch statistics), as during training. Full 64-digit grids of each checkpoint are " +
        "written as PNG by verify images train.";

    public override IReadOnlyList<string> Claims => [];

    private static readonly string[] PixelColumns = Enumerable.Range(0, 784).Select(i => $"p{i}").ToArray();

    public static readonly TableSchema SamplesSchema = new("samples", ["method", "iteration", "image", .. PixelColumns], ["iteration", "image", .. PixelColumns]);

    public override IReadOnlyList<TableSchema> Schema => [SamplesSchema];

    public override IReadOnlyList<long> Seeds(FigureRun run) => [run.Seed];

    public override IReadOnlyList<(string Key, object Value)> Settings(FigureRun run) =>
    [
        ("generators", $"the F7 runs: {ImageGanRun.Describe(ImageRuns.For(run).Architecture)}"),
        ("checkpoints", string.Join(' ', ImageRuns.GridCheckpoints(run))), ("digits_per_grid", PerGrid),
    ];

    public override FigurePlan Plan(FigureRun run) =>
        new(ImageGanRun.Methods.Select(m => ImageRuns.RunJob(run, m)).ToList(), () =>
        {
            TidyTable t = SamplesSchema.Create();
            foreach (string m in ImageGanRun.Methods)
                foreach (var (iteration, images) in ImageRuns.Run(run, m).Grids)
                    for (int k = 0; k < PerGrid; k++)
                        t.Add([m, iteration, k, .. images.AsSpan(k * 784, 784).ToArray().Select(v => (object)Math.Round(v, 4))]);
            return new TableSet(t);
        });

    public override IReadOnlyList<Fact> Facts(TableSet tables)
    {
        TidyTable t = tables[SamplesSchema.Name];
        double worst = 0;
        for (int r = 0; r < t.Count; r++)
            foreach (string c in PixelColumns) worst = Math.Max(worst, Math.Abs(t.Number(r, c)));
        var facts = new List<Fact> { Fact.AtMost("pixels-in-range", "largest |pixel| of any generated digit (tanh output)", worst, 1) };
        foreach (string m in t.Distinct("method"))
        {
            string last = t.Where(("method", m)).Select(r => t.Text(r, "iteration")).Last();
            int[] rows = t.Where(("method", m), ("iteration", last)).ToArray();
            double spread = PixelColumns.Average(c => Std(t.Numbers(rows, c)));
            facts.Add(Fact.Observed($"diversity-{m}", $"{Style.LabelOf(m)}'s last grid: mean over pixels of the standard deviation across its digits", spread));
        }
        return facts;
    }

    /// <summary>A generator's name by its training method.</summary>
    public static string Short(string method) => method switch
    {
        "gan" => "GAN",
        "wgan-clip" => "WGAN clip",
        "wgan-gp" => "WGAN-GP",
        _ => method,
    };

    private static double Std(double[] v)
    {
        double m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / v.Length);
    }

    public override FigureLayout Render(TableSet tables)
    {
        TidyTable t = tables[SamplesSchema.Name];
        string[] methods = t.Distinct("method");
        string[] iterations = t.Distinct("iteration");
        var figure = new FigureLayout(methods.Length, iterations.Length, 230, 250);
        for (int m = 0; m < methods.Length; m++)
            for (int c = 0; c < iterations.Length; c++)
            {
                Plot p = figure[m, c];
                int[] rows = t.Where(("method", methods[m]), ("iteration", iterations[c])).ToArray();
                const int side = 4, cell = 30;
                var z = new double[side * cell, side * cell];
                for (int i = 0; i < z.GetLength(0); i++) for (int j = 0; j < z.GetLength(1); j++) z[i, j] = 0;
                for (int k = 0; k < rows.Length && k < side * side; k++)
                {
                    int y0 = (k / side) * cell + 1, x0 = (k % side) * cell + 1;
                    for (int r = 0; r < 28; r++)
                        for (int q = 0; q < 28; q++) z[y0 + r, x0 + q] = t.Number(rows[k], PixelColumns[r * 28 + q]);
                }
                var heat = p.Add.Heatmap(z);
                heat.Colormap = new ScottPlot.Colormaps.Grayscale();
                heat.ManualRange = new ScottPlot.Range(-1, 1);
                Style.Apply(p);
                p.HideGrid();
                p.Axes.SquareUnits();
                foreach (var axis in new ScottPlot.IAxis[] { p.Axes.Left, p.Axes.Right, p.Axes.Top, p.Axes.Bottom }) axis.IsVisible = false;
                p.Title($"{Short(methods[m])}, iteration {iterations[c]}", size: 13);
            }
        return figure;
    }
}
