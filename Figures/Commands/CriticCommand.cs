using System.CommandLine;
using System.Globalization;
using Verify.Figures.Io;
using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Verify.Networks.Experiments;
using Verify.Networks.Interop;
using Verify.Networks.Layers;
using Verify.Networks.Training;
using Verify.Theory;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify critic --real P.csv --fake Q.csv --method M …</c>: reads the two sample files and the options, runs
/// <see cref="CriticExperiment"/> (the one code path for critic experiments: split, fit, held-out estimate, exact value
/// on the same halves, Lipschitz audit) and prints its result. With <c>--load</c> the critic comes from a safetensors
/// file (a PyTorch nn.Sequential state dict or <c>verify train</c>'s checkpoint) instead of being trained.
/// </summary>
public static class CriticCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var real = new Option<string>("--real") { Description = "sample file of P, the real law (CSV: header, coordinates, optional 'weight')", Required = true };
        var fake = new Option<string>("--fake") { Description = "sample file of Q, the generated law (same coordinate columns)", Required = true };
        var method = CriticTrainShared.MethodOption(required: true);
        var steps = CriticTrainShared.PositiveInt("--steps", "critic training steps", CriticExperimentRequest.DefaultSteps);
        var hidden = CriticTrainShared.PositiveInt("--hidden", "hidden width of the MLP critic", CriticExperimentRequest.DefaultHidden);
        var layers = CriticTrainShared.PositiveInt("--layers", "number of hidden layers of the MLP critic", CriticExperimentRequest.DefaultLayers);
        var batch = CriticTrainShared.OptionalPositiveInt("--batch",
            $"minibatch size (default: the method's paper default, {CriticTrainShared.PaperDefaults(o => o.Batch)})");
        var lr = CriticTrainShared.OptionalPositiveDouble("--lr",
            $"critic learning rate (default: the method's paper default, {CriticTrainShared.PaperDefaults(o => o.CriticOptimizer.LearningRate)})");
        var (lambda, clip, powerIterations) = CriticTrainShared.CriticKnobs($"{CriticTrainShared.Show(new WganGpOptions().Lambda)}, WGAN-GP Algorithm 1");
        var precision = CriticTrainShared.PrecisionOption();
        var seed = Cli.SeedOption();
        var json = new Option<bool>("--json") { Description = "print one JSON object (no progress bar)" };
        var load = new Option<string?>("--load")
        {
            Description = "evaluate and audit this safetensors MLP critic instead of training one: a PyTorch nn.Sequential state dict " +
                          "('0.weight', …) or verify train's checkpoint.safetensors ('critic.0.weight', …); widths are read from the shapes",
        };
        var sizes = new Option<string?>("--sizes") { Description = "layer widths of the critic, input first, e.g. 2,64,64,1 (default: --hidden/--layers; with --load, the file's shapes)" };
        Option<string?> activation = Cli.Choice("--activation",
            "hidden activation of the critic: relu, leaky-relu, tanh or sigmoid (default: relu; with --load, the file's metadata when verify wrote it, else relu)",
            [.. CriticArchitecture.ActivationNames])!;
        var slope = CriticTrainShared.OptionalUnitDouble("--negative-slope",
            "LeakyReLU slope of a leaky-relu critic (default: 0.2 when training; with --load, the file's metadata; PyTorch's nn.LeakyReLU() uses 0.01)");
        var cmd = new Command("critic",
            "Train a critic on two sample files and compare its held-out estimate with the exact value between the same held-out rows " +
            "(W1 by exact transport; for gan, JS when the halves share atoms, else none, with the reason). " +
            "Split: each file is shuffled with the seed; the first ceil(n/2) rows train, the other floor(n/2) are held out. " +
            "Estimates: E_P f - E_Q f (wgan-*), E_P f + E_Q f^c (wgan-ct); gan: JS >= (L(D) + 2 log 2)/2 with " +
            "L(D) = E_P log D + E_Q log(1 - D), the negative of the discriminator's BCE loss.")
        {
            real, fake, method, steps, hidden, layers, batch, lr, lambda, clip, powerIterations, precision, seed, json, load, sizes, activation, slope,
        };
        cmd.SetAction(parse =>
        {
            bool asJson = parse.GetValue(json);
            var knobs = new CriticTrainShared.Knobs(parse.GetValue(lambda), parse.GetValue(clip), parse.GetValue(powerIterations), null, false);
            MethodOptions options = CriticTrainShared.Options(MethodOptions.Default(parse.GetRequiredValue(method)), parse.GetValue(batch), parse.GetValue(lr), null, knobs);
            if (parse.GetValue(load) is { } onnx && onnx.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
            {
                // Any architecture exported to ONNX: evaluated forward only on the same split, with a forward-only audit.
                var (pOnnx, qOnnx) = ReadPair(parse.GetRequiredValue(real), parse.GetRequiredValue(fake));
                OnnxExperimentResult r = OnnxExperiment.Run(pOnnx, qOnnx, options, onnx, parse.GetValue(seed));
                stdout.Write(asJson ? r.ToJson() : r.ToText());
                return Cli.Ok;
            }
            // Bad files, sizes or checkpoints fail here, before anything is printed.
            CriticExperimentRequest request = Prepare(parse.GetRequiredValue(real), parse.GetRequiredValue(fake), options, parse.GetValue(steps),
                parse.GetValue(hidden), parse.GetValue(layers), parse.GetValue(sizes), parse.GetValue(activation), parse.GetValue(slope),
                parse.GetValue(load), parse.GetValue(seed), PrecisionNames.Parse(parse.GetValue(precision) ?? "single"));
            if (!asJson) stdout.WriteLine(options.Describe());
            CriticExperimentResult result;
            try
            {
                result = Progress.Run($"critic {options.Method}", request.Load is null ? request.Steps : 0, stderr, asJson,
                    tick => CriticExperiment.Run(request, tick));
            }
            catch (TrainingDivergedException e)
            {
                stderr.WriteLine($"verify: error: {e.Message}");
                return Cli.CheckFailed;
            }
            stdout.Write(asJson ? CriticReport.ToJson(result) : CriticReport.ToText(result));
            return Cli.Ok;
        });
        return cmd;
    }

    /// <summary>
    /// Reads the files (Q's columns aligned to P's) and the critic (declared, or loaded with its layout and widths
    /// inferred), and returns the experiment's request, validated. Bad input throws a one-line exception (exit 2).
    /// </summary>
    internal static CriticExperimentRequest Prepare(string realPath, string fakePath, MethodOptions options, int steps, int hidden, int layers,
        string? sizesText, string? activationName, double? negativeSlope, string? loadPath, long seed, Precision precision)
    {
        var (p, q) = ReadPair(realPath, fakePath);
        int d = p.Dimension;
        int[]? sizes = sizesText is null ? null : CriticTrainShared.ParseSizes(sizesText);
        Activation? act = activationName is null ? null : CriticTrainShared.ParseActivation(activationName);
        var request = new CriticExperimentRequest(p, q, options) { Steps = steps, Seed = seed, Precision = precision };
        if (loadPath is not null)
        {
            LoadedCritic loaded = CriticCheckpoint.Open(loadPath, sizes, act, negativeSlope);
            if (loaded.Architecture.Sizes[0] != d || loaded.Architecture.Sizes[^1] != 1)
                throw new UsageException($"{loadPath}: the critic is {loaded.Architecture}; a critic of these files takes {d} inputs and gives 1 output");
            request = request with { Load = loaded };
        }
        else
        {
            Activation a = act ?? Activation.ReLU;
            if (negativeSlope is not null && a != Activation.LeakyReLU)
                throw new UsageException($"--negative-slope applies to a leaky-relu critic; this one uses {CriticArchitecture.NameOf(a)}");
            double s = negativeSlope ?? 0.2;
            CriticArchitecture arch = sizes is null ? CriticArchitecture.Mlp(d, hidden, layers, a, s) : new CriticArchitecture(sizes, a, s);
            if (arch.Sizes[0] != d || arch.Sizes[^1] != 1)
                throw new UsageException($"--sizes: a critic of these files takes {d} inputs and gives 1 output, got {arch}");
            request = request with { Architecture = arch };
        }
        request = request with { Reference = ReferenceFromSidecars(realPath, fakePath, p.Count, q.Count, CriticExperiment.MetricOf(options)) };
        request.Validate();
        return request;
    }

    /// <summary>The two sample files as laws (Q's columns aligned to P's), each with at least the 2 rows a split needs.</summary>
    private static (DiscreteDistribution P, DiscreteDistribution Q) ReadPair(string realPath, string fakePath)
    {
        SampleFile pFile = SampleCsv.Read(realPath);
        SampleFile qFile = SampleCsv.Read(fakePath);
        DiscreteDistribution p = pFile.Distribution;
        DiscreteDistribution q = SampleCsv.AlignColumns(pFile, qFile);
        if (p.Count < 2 || q.Count < 2)
            throw new UsageException($"{(p.Count < 2 ? realPath : fakePath)}: at least 2 rows are needed to split into training and held-out halves");
        return (p, q);
    }

    /// <summary>
    /// The closed-form value between the laws the two files were sampled from, when both carry a provenance sidecar
    /// (FILE.json, as <c>verify sample</c> writes it) naming the same toy family, each with its θ and the file's row
    /// count, and the family knows the value in closed form; otherwise null (no reference, nothing refused).
    /// </summary>
    internal static ExactReference? ReferenceFromSidecars(string realPath, string fakePath, int realRows, int fakeRows, string metric)
    {
        var (realFamily, realTheta) = Provenance(realPath, realRows);
        var (fakeFamily, fakeTheta) = Provenance(fakePath, fakeRows);
        if (realFamily is null || realTheta is null || fakeTheta is null || !string.Equals(realFamily, fakeFamily, StringComparison.OrdinalIgnoreCase)) return null;
        Toys.Families.IToyFamily? family;
        try { family = Toys.ToyFamilies.Get(realFamily).Family; }
        catch (ArgumentException) { return null; }
        if (family is null) return null;
        Toys.Families.ExactValues values;
        try { values = family.Exact(realTheta.Value, fakeTheta.Value); }
        catch (ArgumentException) { return null; }
        double? v = metric == "js" ? values.JS : values.W1;
        string F(double t) => t.ToString("R", CultureInfo.InvariantCulture);
        return v is { } value && double.IsFinite(value)
            ? new ExactReference(value, metric, $"{family.Name} {values.Method}, θ {F(realTheta.Value)} (real) vs {F(fakeTheta.Value)} (fake), from the files' sidecars")
            : null;
    }

    private static (string? Family, double? Theta) Provenance(string dataPath, int rows)
    {
        string sidecar = dataPath + ".json";
        if (!File.Exists(sidecar)) return (null, null);
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(sidecar));
            var root = doc.RootElement;
            if (root.TryGetProperty("rows", out var n) && n.TryGetInt64(out long count) && count != rows) return (null, null); // not this file's sidecar any more
            string? family = root.TryGetProperty("family", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.String ? f.GetString() : null;
            double? theta = root.TryGetProperty("theta", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.Number ? t.GetDouble() : null;
            return (family, theta);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return (null, null);
        }
    }
}

/// <summary>How <c>verify critic</c> prints a <see cref="CriticExperimentResult"/>.</summary>
public static class CriticReport
{
    /// <summary>
    /// One JSON object: method, metric, estimate, exact (null when there is none, with no_exact_reason), exact_basis,
    /// exact_all_rows, relative_error, the Lipschitz audit, steps, seconds, seed, precision, the split, the architecture,
    /// the options (and loaded, reference when they apply).
    /// </summary>
    public static string ToJson(CriticExperimentResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        using var j = new JsonOut();
        j.Begin().String("method", r.Options.Method).String("metric", r.Metric).String("exact_metric", r.Metric).Number("estimate", r.Estimate);
        NumberOrNull(j, "exact", r.Exact);
        j.String("exact_basis", r.ExactBasis);
        if (r.NoExactReason is not null) j.String("no_exact_reason", r.NoExactReason);
        NumberOrNull(j, "exact_all_rows", r.ExactAllRows);
        NumberOrNull(j, "relative_error", r.RelativeError);
        if (r.Reference is { } reference) j.Begin("reference").Number("value", reference.Value).String("metric", reference.Metric).String("source", reference.Source).End();
        j.Number("lipschitz", r.Audit.Empirical)
            .Number("lipschitz_max_gradient_norm", r.Audit.MaxGradientNorm).Number("lipschitz_pairwise_ratio", r.Audit.PairwiseRatio)
            .Number("lipschitz_upper_bound", r.Audit.SpectralBound).Number("steps", r.Steps).Number("seconds", r.Seconds).Number("seed", r.Seed)
            .String("precision", PrecisionNames.NameOf(r.Precision))
            .String("split", CriticExperimentResult.Split).Number("n_p_train", r.PTrain).Number("n_p_heldout", r.PHeldOut)
            .Number("n_q_train", r.QTrain).Number("n_q_heldout", r.QHeldOut).String("architecture", r.Architecture.ToString());
        if (r.Loaded is not null) j.String("loaded", r.Loaded);
        j.Begin("options");
        foreach (var (key, value) in r.Options.Settings()) CriticTrainShared.Put(j, key, value);
        j.End().End();
        return j + Environment.NewLine;
    }

    /// <summary>The human-readable report.</summary>
    public static string ToText(CriticExperimentResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        string F(double v) => double.IsPositiveInfinity(v) ? "Infinity" : v.ToString("G6", CultureInfo.InvariantCulture);
        string name = r.Metric == "js" ? "JS" : "W1";
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"critic {r.Architecture}, {(r.Loaded is null ? $"{r.Steps} steps" : $"loaded from {r.Loaded}")}, " +
                      $"{PrecisionNames.NameOf(r.Precision)} precision, seed {r.Seed}, {r.Seconds:F1} s");
        sb.AppendLine($"  split: {CriticExperimentResult.Split} (P {r.PTrain}/{r.PHeldOut}, Q {r.QTrain}/{r.QHeldOut})");
        sb.AppendLine($"  estimate ({name}, held-out)   {F(r.Estimate)}");
        if (r.Exact is { } exact)
        {
            sb.AppendLine($"  {r.ExactBasis}: {F(exact)}");
            sb.AppendLine($"  relative error              {F(r.RelativeError!.Value)}");
        }
        else sb.AppendLine($"  exact {name}: none ({r.NoExactReason})");
        if (r.ExactAllRows is { } all) sb.AppendLine($"  exact {name} between all rows: {F(all)}");
        if (r.Reference is { } reference && r.Metric == "w1") sb.AppendLine($"  reference {name} of the laws: {F(reference.Value)} ({reference.Source})");
        sb.AppendLine($"  Lipschitz: max gradient norm {F(r.Audit.MaxGradientNorm)}, pairwise ratio {F(r.Audit.PairwiseRatio)}, upper bound ∏σ(W) {F(r.Audit.SpectralBound)}");
        return sb.ToString();
    }

    private static void NumberOrNull(JsonOut j, string key, double? value)
    {
        if (value is { } v) j.Number(key, v);
        else j.Null(key);
    }
}
