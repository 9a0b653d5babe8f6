using System.CommandLine;
using Verify.Figures.FigureSet;
using Verify.Figures.FigureSet.Core;
using Verify.Figures.FigureSet.Experiments;
using Verify.Figures.Io;
using Verify.Figures.Plotting;
using Verify.Networks.Training;
using Verify.Toys.Images;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify images SUBCOMMAND [--quick] [--seed S] --out DIR [--json]</c>: the MNIST experiments. <c>train</c> trains one
/// GAN/WGAN and streams its log; the others make figures F4 (vanishing), F7 (estimate-vs-exact), F8 (batch-w1),
/// F9 (coverage), F10 (samples) into DIR/ID like <c>verify figures</c>, and <c>all</c> makes all five in one job pool.
/// </summary>
public static class ImagesCommand
{
    /// <summary>The figure subcommands and their figures.</summary>
    public static readonly (string Name, string Description, Func<Figure[]> Figures)[] FigureCommands =
    [
        ("estimate-vs-exact", "F7: critic estimates against the exact batch W1 over training (gan, wgan-clip, wgan-gp, DCGAN pair)", () => [new F7EstimateVsExact()]),
        ("batch-w1", "F8 (Stanczuk et al. 2021): exact W1 of a real batch to another real batch, its mean image and its k-means centres, batch 64…1024", () => [new F8BatchW1()]),
        ("coverage", "F9: an engine-trained digit classifier's class histogram of generated digits and a Fréchet distance on its features (not Inception FID)", () => [new F9Coverage()]),
        ("vanishing", "F4's MNIST panel: generator snapshots, a discriminator trained from scratch against each, the generator's gradient norm (log scale)", () => [new F4VanishingGradients()]),
        ("samples", "F10: grids of generated digits at checkpoints, from the same noise", () => [new F10SampleGrids()]),
        ("all", "F4, F7, F8, F9 and F10 in one pool of jobs (the GAN runs shared by F7, F9, F10 train once)",
            () => [new F4VanishingGradients(), new F7EstimateVsExact(), new F8BatchW1(), new F9Coverage(), new F10SampleGrids()]),
    ];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cmd = new Command("images", "MNIST experiments: train a convolutional or MLP GAN/WGAN with exact batch W1 in its log, and the image figures F4, F7–F10.");
        cmd.Subcommands.Add(Train(stdout, stderr));
        foreach (var (name, description, figures) in FigureCommands) cmd.Subcommands.Add(FigureCommand(name, description, figures, stdout, stderr));
        return cmd;
    }

    private static (Option<bool> Quick, Option<long> Seed, Option<string> Out, Option<bool> Json) Common() =>
    (
        new Option<bool>("--quick") { Description = "small budgets (the test suite's scale; verify images all --quick within about a minute)" },
        Cli.SeedOption(),
        new Option<string>("--out") { Description = "output folder (created if missing)", Required = true },
        new Option<bool>("--json") { Description = "print one JSON object (no progress)" }
    );

    private static Command FigureCommand(string name, string description, Func<Figure[]> make, TextWriter stdout, TextWriter stderr)
    {
        var (quick, seed, outDir, json) = Common();
        var cmd = new Command(name, description + "; writes DIR/ID (CSV, PNG, SVG, PDF, figure.json).") { quick, seed, outDir, json };
        cmd.SetAction(parse =>
        {
            Mnist.FindDirectory(); // missing data: one line, exit 2, before anything runs
            var run = new FigureRun(parse.GetValue(quick) ? Scale.Quick : Scale.Full, parse.GetValue(seed));
            string dir = parse.GetRequiredValue(outDir);
            FiguresCommand.CheckOut(dir);
            bool asJson = parse.GetValue(json);
            IReadOnlyList<FigureResult> results = FiguresCommand.Generate(make(), run, dir, stderr, quiet: asJson);
            stdout.Write(!asJson ? FiguresCommand.ToText(results) : name switch
            {
                "batch-w1" => BatchW1Json(results[0], run),
                "coverage" => CoverageJson(results[0], run),
                _ => FiguresCommand.ToJson(results),
            });
            return results.All(r => r.Passed) ? Cli.Ok : Cli.CheckFailed;
        });
        return cmd;
    }

    /// <summary>{"rows": [{"batch", "real_vs_real", "real_vs_mean", "real_vs_kmeans"} …], "seed", "passed", "figure"} (means over replicates).</summary>
    private static string BatchW1Json(FigureResult r, FigureRun run)
    {
        using var j = new JsonOut();
        j.Begin();
        if (r.Error is null)
        {
            TidyTable t = new F8BatchW1().ReadTables(r.Directory)[F8BatchW1.RowsSchema.Name];
            j.BeginArray("rows");
            foreach (Point p in Groups.Series(t, "batch", "real_vs_real"))
            {
                string b = p.X.ToString(System.Globalization.CultureInfo.InvariantCulture);
                j.Begin().Number("batch", (long)p.X).Number("real_vs_real", p.Mean)
                    .Number("real_vs_mean", Groups.Column(t, "real_vs_mean", ("batch", b)).Average())
                    .Number("real_vs_kmeans", Groups.Column(t, "real_vs_kmeans", ("batch", b)).Average())
                    .Number("replicates", p.Count).End();
            }
            j.EndArray();
        }
        else j.String("error", r.Error);
        j.Number("seed", run.Seed).String("scale", run.ScaleName).Bool("passed", r.Passed).String("figure", r.Directory).End();
        return j + Environment.NewLine;
    }

    /// <summary>{"classifier_accuracy", "sources": [{"source", "frechet_distance", "classes_hit", "shares"}], "seed", "passed", "figure"}.</summary>
    internal static string CoverageJson(FigureResult r, FigureRun run)
    {
        using var j = new JsonOut();
        j.Begin();
        if (r.Error is null)
        {
            TableSet tables = new F9Coverage().ReadTables(r.Directory);
            TidyTable s = tables[F9Coverage.SummarySchema.Name], c = tables[F9Coverage.ClassesSchema.Name];
            j.Number("classifier_accuracy", s.Number(0, "classifier_accuracy"));
            j.BeginArray("sources");
            for (int row = 0; row < s.Count; row++)
            {
                string src = s.Text(row, "source");
                j.Begin().String("source", src).Number("frechet_distance", s.Number(row, "frechet_distance")).Number("classes_hit", s.Number(row, "classes_hit"))
                    .BeginArray("shares");
                foreach (double v in Groups.Column(c, "share", ("source", src))) j.Element(v);
                j.EndArray().End();
            }
            j.EndArray();
        }
        else j.String("error", r.Error);
        j.Number("seed", run.Seed).String("scale", run.ScaleName).Bool("passed", r.Passed).String("figure", r.Directory).End();
        return j + Environment.NewLine;
    }

    private static Command Train(TextWriter stdout, TextWriter stderr)
    {
        var (quick, seed, outDir, json) = Common();
        var arch = Cli.Choice("--arch", "network pair: the DCGAN-style convolutional pair or the WGAN paper's MLPs (4 × 512)", ImageGanRun.Architectures, "dcgan");
        var method = Cli.Choice("--method", "training method (its paper's settings)", ImageGanRun.Methods);
        method.Required = true;
        var iterations = CriticTrainShared.OptionalPositiveInt("--iterations", "generator iterations (default 200; 20 with --quick)");
        var batch = CriticTrainShared.OptionalPositiveInt("--batch", "minibatch size, 2 to 1024 (default: the method's, 64)");
        var evalEvery = CriticTrainShared.PositiveInt("--eval-every", "log the held-out critic estimate and the exact batch W1 every K iterations", 5);
        var cmd = new Command("train",
            "Train a GAN/WGAN on the 8,000 training digits; DIR/log.csv streams one row per iteration (losses, the critic estimate on a " +
            "held-out batch, the exact 784-D W1 between a generated and a held-out real batch, seconds) and DIR/samples-ITER.png holds " +
            "64 digits from fixed noise at 0, 1/4, 1/2 and all iterations. SIGINT/SIGTERM: stops after the current iteration.")
        {
            arch, method, iterations, batch, evalEvery, quick, seed, outDir, json,
        };
        cmd.SetAction(parse =>
        {
            int? b = parse.GetValue(batch);
            if (b is { } bb && (bb < 2 || bb > 1024)) throw new UsageException($"--batch: {bb} is outside 2…1024");
            int n = parse.GetValue(iterations) ?? (parse.GetValue(quick) ? 20 : 200);
            string a = parse.GetRequiredValue(arch), m = parse.GetRequiredValue(method);
            long s = parse.GetValue(seed);
            int every = parse.GetValue(evalEvery);
            bool asJson = parse.GetValue(json);
            Mnist.FindDirectory();
            string dir = TrainCommand.PrepareOut(parse.GetRequiredValue(outDir));
            MethodOptions options = ImageGanRun.Options(m, b);
            if (!asJson) stdout.WriteLine($"{a} {options.Describe()} iterations={n} seed={s}");
            int[] checkpoints = [0, n / 4, n / 2, n];
            Interruption? stop = Interruption.Current;
            ImageGanRun.Outcome outcome;
            string logPath = Path.Combine(dir, "log.csv");
            using (var log = StreamedFile.Create(logPath, stdout, TimeSpan.FromSeconds(TrainCommand.LogFlushSeconds)))
            {
                log.WriteLine(ImageGanRun.Row.CsvHeader);
                outcome = Progress.Run($"images train {a} {m}", n, stderr, asJson, tick =>
                    ImageGanRun.Run(a, m, n, b, every, checkpoints, s, row => { log.WriteLine(row.ToCsv()); tick(row.Iteration + 1); },
                        stop?.Token ?? CancellationToken.None));
            }
            if (outcome.Interrupted) stop?.Acknowledge();
            var provenance = Provenance.Current(seed: s) with
            {
                Extra = [new("arch", a), new("iterations", n), new("iterations_done", outcome.Rows.Count), new("interrupted", outcome.Interrupted),
                    .. options.Settings().Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value))],
            };
            Sidecar.Write(OutputTarget.Resolve(logPath), "csv", ImageGanRun.Row.CsvHeader.Split(','), outcome.Rows.Count, provenance);
            var grids = new List<string>();
            foreach (var (iteration, images) in outcome.Grids)
            {
                string png = Path.Combine(dir, $"samples-{iteration:D5}.png");
                AtomicFile.WriteBytes(png, SampleGrid.Png(images));
                grids.Add(png);
            }
            ImageGanRun.Row? last = outcome.Rows.LastOrDefault(r => r.ExactW1 is not null);
            if (asJson)
            {
                using var j = new JsonOut();
                j.Begin().String("arch", a).String("method", m).Number("iterations", n).Number("iterations_done", outcome.Rows.Count)
                    .Bool("interrupted", outcome.Interrupted).Number("seconds", outcome.Seconds).Number("seed", s).String("log", logPath)
                    .Strings("sample_grids", grids);
                if (last is not null) j.NumberOrNull("final_critic_estimate_heldout", last.HeldOutEstimate).NumberOrNull("final_exact_w1_batch", last.ExactW1);
                j.Begin("options");
                foreach (var (key, value) in options.Settings()) CriticTrainShared.Put(j, key, value);
                j.End().End();
                stdout.Write(j + Environment.NewLine);
            }
            else
            {
                stdout.WriteLine($"trained {m} ({a}): {outcome.Rows.Count} iterations in {outcome.Seconds:F1} s{(outcome.Interrupted ? ", interrupted" : "")}");
                if (last is not null) stdout.WriteLine($"  last held-out critic estimate {last.HeldOutEstimate:G6}, exact W1 between batches {last.ExactW1:G6}");
                stdout.WriteLine($"  wrote {logPath} (and .json sidecar), {grids.Count} sample grids");
            }
            return Cli.Ok;
        });
        return cmd;
    }
}
