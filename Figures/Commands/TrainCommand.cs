using System.CommandLine;
using System.Globalization;
using Verify.Figures.Io;
using Verify.Networks.Autodiff;
using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify train FAMILY --method M --out DIR …</c>: trains an MLP generator (2-d N(0, I) noise → H×L ReLU → d, no output
/// activation, as in the WGAN-GP toy code) against a toy law with an MLP critic of the same width and depth. Writes
/// DIR/log.csv (one row per generator iteration: losses, critic estimate, exact W₁ between the generated and the real batch,
/// generator gradient norm, seconds), DIR/samples.csv (final generated samples) and DIR/checkpoint.safetensors
/// ("critic.*" and "generator.*" tensors, PyTorch names; options in the metadata). All files are written atomically.
/// </summary>
public static class TrainCommand
{
    public const int NoiseDimension = 2;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var family = new Argument<string>("FAMILY") { Description = "toy law to learn (see 'verify sample --list'), e.g. 8gaussians" };
        var method = CriticTrainShared.MethodOption(required: true);
        var iterations = CriticTrainShared.PositiveInt("--iterations", "generator iterations", 1000);
        var nCritic = CriticTrainShared.OptionalPositiveInt("--n-critic", "critic steps per generator step (default: the method's paper default)");
        var hidden = CriticTrainShared.PositiveInt("--hidden", "hidden width of generator and critic", 128);
        var layers = CriticTrainShared.PositiveInt("--layers", "hidden layers of generator and critic", 3);
        var batch = CriticTrainShared.OptionalPositiveInt("--batch", "minibatch size (default: the method's paper default, 64)");
        var lr = CriticTrainShared.OptionalPositiveDouble("--lr", "learning rate of both networks (default: the method's paper default)");
        var theta = new Option<double?>("--theta") { Description = "θ of a parametric family (default: the family's default)" };
        var samples = CriticTrainShared.PositiveInt("--samples", "generated samples written to samples.csv", 1000);
        var exactEvery = new Option<int>("--exact-every") { Description = "compute the exact batch W1 every K iterations (0: never)", DefaultValueFactory = _ => 1 };
        exactEvery.Validators.Add(r => { if (CriticTrainShared.TryGet(r, out int k) && k < 0) r.AddError("--exact-every: must be 0 or a positive integer"); });
        var seed = CriticTrainShared.Seed();
        var outDir = new Option<string>("--out") { Description = "output directory (created if missing)", Required = true };
        var json = new Option<bool>("--json") { Description = "print one JSON summary (no progress bar)" };
        var cmd = new Command("train", "Train a GAN/WGAN generator on a toy family; writes log.csv, samples.csv and checkpoint.safetensors to --out.")
        {
            family, method, iterations, nCritic, hidden, layers, batch, lr, theta, samples, exactEvery, seed, outDir, json,
        };
        cmd.SetAction(parse =>
        {
            bool asJson = parse.GetValue(json);
            ToyEntry entry = ToyFamilies.Get(parse.GetRequiredValue(family));
            IToyDistribution law = entry.Resolve(parse.GetValue(theta));
            MethodOptions options = CriticTrainShared.Options(parse.GetRequiredValue(method), parse.GetValue(batch), parse.GetValue(lr), parse.GetValue(nCritic));
            var request = new TrainRequest(entry, law, options, parse.GetValue(iterations), parse.GetValue(hidden), parse.GetValue(layers),
                parse.GetValue(samples), parse.GetValue(exactEvery), parse.GetValue(seed), parse.GetRequiredValue(outDir));
            PrepareOut(request.Out);
            if (!asJson) stdout.WriteLine(options.Describe());
            TrainSummary summary;
            try
            {
                summary = Progress.Run($"train {entry.Name} {options.Method}", request.Iterations, stderr, asJson, tick => Run(request, tick));
            }
            catch (TrainingDivergedException e)
            {
                stderr.WriteLine($"verify: error: {e.Message}");
                return Cli.CheckFailed;
            }
            stdout.Write(asJson ? summary.ToJson() : summary.ToText());
            return Cli.Ok;
        });
        return cmd;
    }

    /// <summary>
    /// Creates the output directory before training, so that an unusable --out (an existing file, a place that cannot be
    /// written) is one usage error at once (exit 2), not an exception after the run.
    /// </summary>
    internal static void PrepareOut(string path)
    {
        if (File.Exists(path)) throw new UsageException($"--out: '{path}' is a file; give a directory");
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--out: cannot create the directory '{path}': {e.Message}");
        }
    }

    /// <summary>Everything the command was asked.</summary>
    public sealed record TrainRequest(ToyEntry Entry, IToyDistribution Law, MethodOptions Options, int Iterations, int Hidden, int Layers,
        int Samples, int ExactEvery, long Seed, string Out);

    /// <summary>Trains and writes the three files; returns the summary.</summary>
    public static TrainSummary Run(TrainRequest r, Action<int> tick)
    {
        int d = r.Law.Dimension;
        var rng = new Rng(unchecked((ulong)r.Seed));
        var objective = CriticObjective<double>.For(r.Options);
        var arch = CriticArchitecture.Mlp(d, r.Hidden, r.Layers);
        ICritic<double> critic = objective.CreateCritic(arch, rng.Split());
        var sizes = new List<int> { NoiseDimension };
        for (int i = 0; i < r.Layers; i++) sizes.Add(r.Hidden);
        sizes.Add(d);
        var generator = new MlpGenerator<double>(sizes, Activation.ReLU, rng.Split());

        var rows = new List<string>();
        var run = GanTraining.Run(objective, critic, generator, GanTraining.FromLaw<double>(r.Law), r.Iterations, rng, r.ExactEvery,
            (rec, _, _) => { rows.Add(rec.ToCsv()); tick(rec.Iteration + 1); });

        string dir = Path.GetFullPath(r.Out);
        string[] header =
        [
            $"verify train {r.Entry.Name} seed={r.Seed.ToString(CultureInfo.InvariantCulture)}",
            r.Options.Describe(),
            $"critic {arch}; generator {string.Join('-', sizes)} relu, noise N(0, I_{NoiseDimension})",
        ];
        AtomicFile.Write(Path.Combine(dir, "log.csv"), w =>
        {
            foreach (string c in header) w.WriteLine("# " + c);
            w.WriteLine(IterationRecord.CsvHeader);
            foreach (string row in rows) w.WriteLine(row);
        });
        double[] generated;
        using (Autograd.NoGrad()) generated = generator.Forward(Tensor.Normal<double>(rng, 0, 1, r.Samples, NoiseDimension)).ToDoubleArray();
        SampleCsv.Write(Path.Combine(dir, "samples.csv"), r.Entry.Columns, generated, comments: header);
        var metadata = r.Options.Settings().ToDictionary(s => s.Key, s => MethodOptions.Format(s.Value));
        metadata["seed"] = r.Seed.ToString(CultureInfo.InvariantCulture);
        metadata["family"] = r.Entry.Name;
        metadata["critic_architecture"] = arch.ToString();
        metadata["generator_sizes"] = string.Join(',', sizes);
        Checkpoint.Save(Path.Combine(dir, "checkpoint.safetensors"),
            critic.ExportParameters().Select(p => ("critic." + p.Name, p.Value))
                .Concat(generator.NamedParameters().Select(p => ("generator." + p.Name, p.Parameter))), metadata);

        IterationRecord? last = run.Records.Count > 0 ? run.Records[^1] : null;
        double? lastExact = run.Records.LastOrDefault(x => x.ExactW1 is not null)?.ExactW1;
        return new TrainSummary(r.Entry.Name, r.Options, r.Seed, r.Iterations, run.Seconds, last, lastExact, dir);
    }
}

/// <summary>What <c>verify train</c> reports.</summary>
public sealed record TrainSummary(string Family, MethodOptions Options, long Seed, int Iterations, double Seconds, IterationRecord? Last,
    double? LastExactW1, string Out)
{
    public string ToJson()
    {
        using var j = new JsonOut();
        j.Begin().String("family", Family).String("method", Options.Method).Number("iterations", Iterations).Number("seconds", Seconds)
            .Number("seed", Seed).String("out", Out).String("log", Path.Combine(Out, "log.csv")).String("samples", Path.Combine(Out, "samples.csv"))
            .String("checkpoint", Path.Combine(Out, "checkpoint.safetensors"));
        if (Last is { } l) j.Number("final_critic_estimate", l.Estimate).Number("final_generator_loss", l.GeneratorLoss);
        if (LastExactW1 is { } w) j.Number("final_exact_w1_batch", w);
        j.Begin("options");
        foreach (var (key, value) in Options.Settings()) CriticTrainShared.Put(j, key, value);
        j.End().End();
        return j + Environment.NewLine;
    }

    public string ToText()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"trained {Options.Method} on {Family}: {Iterations} iterations in {Seconds:F1} s (seed {Seed})");
        if (Last is { } l) sb.AppendLine($"  final critic estimate {l.Estimate.ToString("G6", CultureInfo.InvariantCulture)}, generator loss {l.GeneratorLoss.ToString("G6", CultureInfo.InvariantCulture)}");
        if (LastExactW1 is { } w) sb.AppendLine($"  last exact W1 (generated vs real batch) {w.ToString("G6", CultureInfo.InvariantCulture)}");
        sb.AppendLine($"  wrote {Path.Combine(Out, "log.csv")}, samples.csv, checkpoint.safetensors");
        return sb.ToString();
    }
}
