using System.CommandLine;
using System.Globalization;
using Verify.Figures.Io;
using Verify.Networks.Experiments;
using Verify.Networks.Training;
using Verify.Toys;
using Verify.Toys.Families;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify train FAMILY --method M --out DIR …</c>: parses the options, runs <see cref="GeneratorExperiment"/> (the one
/// code path for generator training) and writes DIR/log.csv (streamed as the run goes: one row per generator iteration,
/// flushed at least every <see cref="LogFlushSeconds"/> s), DIR/samples.csv (final generated samples), both plain CSV with
/// their provenance in a sidecar DIR/…csv.json, and DIR/checkpoint.safetensors ("critic.*" and "generator.*" tensors,
/// PyTorch names, the options and the critic's architecture in the metadata). On SIGINT or SIGTERM the run stops after
/// the iteration in progress, writes samples and checkpoint from the networks as they are (metadata "interrupted": "true")
/// and exits with <see cref="InterruptedSigInt"/> or <see cref="InterruptedSigTerm"/>.
/// </summary>
public static class TrainCommand
{
    /// <summary>The generator's noise dimension (as in the WGAN-GP toy code).</summary>
    public const int NoiseDimension = 2;

    /// <summary>The longest time a log row waits before it reaches log.csv.</summary>
    public const double LogFlushSeconds = 2;

    /// <summary>Exit code of a run stopped by SIGINT (Ctrl-C): 128 + 2, the shells' convention.</summary>
    public const int InterruptedSigInt = Interruption.SigIntExitCode;

    /// <summary>Exit code of a run stopped by SIGTERM: 128 + 15.</summary>
    public const int InterruptedSigTerm = Interruption.SigTermExitCode;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        string toySets = string.Join(", ", ToyCodeDefaults.Sets);
        var family = new Argument<string>("FAMILY") { Description = "toy law to learn (see 'verify sample --list'), e.g. 8gaussians" };
        var method = CriticTrainShared.MethodOption(required: true);
        var iterations = CriticTrainShared.PositiveInt("--iterations", "generator iterations", 1000);
        var nCritic = CriticTrainShared.OptionalPositiveInt("--n-critic",
            $"critic steps per generator step (default: the method's paper default, {CriticTrainShared.PaperDefaults(o => o.NCritic)})");
        var hidden = CriticTrainShared.OptionalPositiveInt("--hidden",
            $"hidden width of generator and critic (default: {ToyCodeDefaults.Hidden} on the WGAN-GP toy sets {toySets}, as gan_toy.py; 128 otherwise)");
        var layers = CriticTrainShared.OptionalPositiveInt("--layers", $"hidden layers of generator and critic (default: {ToyCodeDefaults.Layers})");
        var batch = CriticTrainShared.OptionalPositiveInt("--batch",
            $"minibatch size (default: {ToyCodeDefaults.Batch} on the toy sets, as gan_toy.py; otherwise the method's paper default, {CriticTrainShared.PaperDefaults(o => o.Batch)})");
        var lr = CriticTrainShared.OptionalPositiveDouble("--lr",
            $"learning rate of both networks (default: the method's paper default, {CriticTrainShared.PaperDefaults(o => o.CriticOptimizer.LearningRate)})");
        var (lambda, clip, powerIterations) = CriticTrainShared.CriticKnobs(
            $"{CriticTrainShared.Show(ToyCodeDefaults.Lambda)} for wgan-gp on the toy sets, as gan_toy.py; otherwise {CriticTrainShared.Show(new WganGpOptions().Lambda)}, WGAN-GP Algorithm 1");
        var (generatorLoss, warmup) = CriticTrainShared.GeneratorKnobs();
        var theta = new Option<double?>("--theta") { Description = "θ of a parametric family (default: the family's default)" };
        var samples = CriticTrainShared.PositiveInt("--samples", "generated samples written to samples.csv", 1000);
        var exactEvery = new Option<int>("--exact-every") { Description = "compute the exact W1 between the generated and the real batch every K iterations (0: never)", DefaultValueFactory = _ => 1 };
        exactEvery.Validators.Add(r => { if (CriticTrainShared.TryGet(r, out int k) && k < 0) r.AddError("--exact-every: must be 0 or a positive integer"); });
        var precision = CriticTrainShared.PrecisionOption();
        var seed = Cli.SeedOption();
        var outDir = new Option<string>("--out") { Description = "output directory (created if missing)", Required = true };
        var json = new Option<bool>("--json") { Description = "print one JSON summary (no progress bar)" };
        var cmd = new Command("train",
            "Train a GAN/WGAN generator on a toy family; writes log.csv (streamed), samples.csv (each with a .json provenance sidecar) " +
            $"and checkpoint.safetensors to --out. SIGINT/SIGTERM: stops after the current iteration, writes samples and checkpoint, exits {InterruptedSigInt}/{InterruptedSigTerm}.")
        {
            family, method, iterations, nCritic, hidden, layers, batch, lr, lambda, clip, powerIterations, generatorLoss, warmup, theta, samples,
            exactEvery, precision, seed, outDir, json,
        };
        cmd.SetAction(parse =>
        {
            bool asJson = parse.GetValue(json);
            ToyEntry entry = ToyFamilies.Get(parse.GetRequiredValue(family));
            IToyDistribution law = entry.Resolve(parse.GetValue(theta));
            string methodName = parse.GetRequiredValue(method);
            var (baseOptions, defaultHidden, defaultLayers) = GeneratorExperiment.Defaults(entry.Name, methodName);
            var knobs = new CriticTrainShared.Knobs(parse.GetValue(lambda), parse.GetValue(clip), parse.GetValue(powerIterations),
                parse.GetValue(generatorLoss), parse.GetValue(warmup));
            MethodOptions options = CriticTrainShared.Options(baseOptions, parse.GetValue(batch), parse.GetValue(lr), parse.GetValue(nCritic), knobs);
            var request = new GeneratorExperimentRequest(law, options)
            {
                Iterations = parse.GetValue(iterations),
                Hidden = parse.GetValue(hidden) ?? defaultHidden,
                Layers = parse.GetValue(layers) ?? defaultLayers,
                NoiseDimension = NoiseDimension,
                ExactEvery = parse.GetValue(exactEvery),
                Samples = parse.GetValue(samples),
                Seed = parse.GetValue(seed),
                Precision = PrecisionNames.Parse(parse.GetValue(precision) ?? "single"),
            };
            CheckFits(request);
            request.Validate();
            string dir = PrepareOut(parse.GetRequiredValue(outDir));
            if (!asJson) stdout.WriteLine(Describe(entry, request));
            string command = "verify " + string.Join(' ', parse.Tokens.Select(t => t.Value.Contains(' ') ? $"'{t.Value}'" : t.Value));
            return Run(new TrainRun(entry, entry.Family is null ? null : parse.GetValue(theta) ?? entry.Theta!.Default, request, command), dir, stdout, stderr, asJson);
        });
        return cmd;
    }

    /// <summary>The options line printed at the start: the method's settings, then the networks and the precision.</summary>
    internal static string Describe(ToyEntry entry, GeneratorExperimentRequest r) =>
        $"{r.Options.Describe()} hidden={r.Hidden} layers={r.Layers} precision={PrecisionNames.NameOf(r.Precision)}" +
        (ToyCodeDefaults.AppliesTo(entry.Name) ? " (defaults: gan_toy.py's for its toy sets)" : "");

    /// <summary>Refuses, before anything runs, a batch whose step or exact W1 will not fit in memory (one line naming --batch).</summary>
    private static void CheckFits(GeneratorExperimentRequest r)
    {
        MemoryEstimate m = r.Memory;
        if (m.Fits) return;
        bool samples = m.OutputBytes > Math.Max(m.NetworkBytes, m.ExactBytes);
        string option = samples ? $"--samples {r.Samples}" : $"--batch {r.Options.Batch}";
        string hint = samples ? "give fewer --samples" : "give a smaller --batch" + (m.ExactBytes > 0 ? " or --exact-every 0" : "");
        throw new UsageException($"{option}: the run needs about {MemoryEstimate.Show(m.TotalBytes)} " +
                                 $"(networks {MemoryEstimate.Show(m.NetworkBytes)}" +
                                 (m.ExactBytes > 0 ? $", exact W1 between two batches of {r.Options.Batch} points {MemoryEstimate.Show(m.ExactBytes)}" : "") +
                                 (m.OutputBytes > 1L << 28 ? $", {r.Samples} samples {MemoryEstimate.Show(m.OutputBytes)}" : "") +
                                 $"), more than the {MemoryEstimate.Show(MemoryEstimate.AvailableBytes)} available; {hint}");
    }

    /// <summary>
    /// Creates the output directory before training, so that an unusable --out (an existing file, a place that cannot be
    /// written) is one usage error at once (exit 2), not an exception after the run. Returns its full path.
    /// </summary>
    internal static string PrepareOut(string path)
    {
        if (path == "-") throw new UsageException("--out: '-' means standard output, but this command writes a folder of files; give a directory");
        if (File.Exists(path)) throw new UsageException($"--out: '{path}' is a file; give a directory");
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--out: cannot create the directory '{path}': {e.Message}");
        }
        return Path.GetFullPath(path);
    }

    private static int Run(TrainRun run, string dir, TextWriter stdout, TextWriter stderr, bool asJson)
    {
        GeneratorExperimentRequest request = run.Request;
        string logPath = Path.Combine(dir, TrainOutputs.LogFile);
        Interruption? stop = Interruption.Current;
        stop?.Grace = TimeSpan.FromSeconds(60); // writing samples and the checkpoint may take longer than the default
        GeneratorExperimentResult result;
        try
        {
            using var log = StreamedFile.Create(logPath, stdout, TimeSpan.FromSeconds(LogFlushSeconds));
            log.WriteLine(IterationRecord.CsvHeader);
            result = Progress.Run($"train {run.Entry.Name} {request.Options.Method}", request.Iterations, stderr, asJson, tick =>
                GeneratorExperiment.Run(request, rec => { log.WriteLine(rec.ToCsv()); tick(rec.Iteration + 1); }, stop?.Token ?? CancellationToken.None));
        }
        catch (TrainingDivergedException e)
        {
            TrainOutputs.WriteLogSidecar(dir, run, null);
            stderr.WriteLine($"verify: error: {e.Message}");
            return Cli.CheckFailed;
        }
        if (result.Interrupted) stop?.Acknowledge(); // stopped on request: the final files are written, not abandoned
        IReadOnlyList<string> written = TrainOutputs.Write(dir, run, result);
        var summary = new TrainSummary(run, result, dir);
        stdout.Write(asJson ? summary.ToJson() : summary.ToText());
        if (result.Interrupted && stop is not null)
            stderr.WriteLine($"verify: train stopped after {result.Records.Count} of {request.Iterations} iterations; " +
                             $"wrote {string.Join(", ", written.Select(Path.GetFileName))}");
        return Cli.Ok; // after an interruption Cli.Run turns Ok into the signal's exit code (130/143)
    }
}

/// <summary>What <c>verify train</c> runs: the catalogue entry, its θ (null for a fixed law), the experiment's request and the command line.</summary>
public sealed record TrainRun(ToyEntry Entry, double? Theta, GeneratorExperimentRequest Request, string Command);
