using System.CommandLine;
using System.Globalization;
using Verify.Figures.Io;
using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Training;
using Verify.Theory;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify critic --real P.csv --fake Q.csv --method M …</c>: trains a critic (or GAN discriminator) on two fixed sample
/// files and reports its estimate on held-out samples next to Theory's exact value between the two files as given.
/// <para>
/// Split: each file is shuffled with the seed (xoshiro256** seeded with S; P first, then Q) and cut in two: the first
/// ⌈n/2⌉ shuffled rows train the critic, the remaining ⌊n/2⌋ rows are held out; the estimate is computed on the held-out
/// halves (weighted by the file's weights when it has a weight column).
/// </para>
/// <para>
/// Estimates: for the Wasserstein methods E_P f − E_Q f (f large on the real file), for wgan-ct the dual value
/// E_P f + E_Q f^c with the c-transform over the held-out real rows; exact = W₁ of the two files (all rows, normalised
/// weights) from Theory's exact optimal transport. For gan the estimate is of JS (nats): with the discriminator's value
/// L(D) = E_P log D + E_Q log(1 − D) (= −(BCE on P + BCE on Q), the negative of the loss it minimises), JS ≥ (L(D) + 2·log 2)/2,
/// equality at the optimal D; exact = Divergences.JS of the two empirical laws (atoms matched exactly).
/// </para>
/// </summary>
public static class CriticCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var real = new Option<string>("--real") { Description = "sample file of P, the real law (CSV: header, coordinates, optional 'weight')", Required = true };
        var fake = new Option<string>("--fake") { Description = "sample file of Q, the generated law (same coordinate columns)", Required = true };
        var method = CriticTrainShared.MethodOption(required: true);
        var steps = CriticTrainShared.PositiveInt("--steps", "critic training steps", 2000);
        var hidden = CriticTrainShared.PositiveInt("--hidden", "hidden width of the MLP critic", 64);
        var layers = CriticTrainShared.PositiveInt("--layers", "number of hidden layers of the MLP critic", 2);
        var batch = CriticTrainShared.OptionalPositiveInt("--batch", "minibatch size (default: the method's paper default, 64)");
        var lr = CriticTrainShared.OptionalPositiveDouble("--lr", "critic learning rate (default: the method's paper default)");
        var seed = CriticTrainShared.Seed();
        var json = new Option<bool>("--json") { Description = "print one JSON object (no progress bar)" };
        var load = new Option<string?>("--load")
        {
            Description = "audit and evaluate this safetensors MLP critic (PyTorch nn.Sequential names) instead of training one; " +
                          "its architecture is declared by --sizes (or --hidden/--layers) and --activation",
        };
        var sizes = new Option<string?>("--sizes") { Description = "layer widths of the loaded critic, input first, e.g. 2,64,64,1" };
        var activation = new Option<string>("--activation")
        {
            Description = "hidden activation of the critic: relu, leaky-relu (slope 0.2), tanh or sigmoid",
            DefaultValueFactory = _ => "relu",
        };
        CriticTrainShared.OneOf(activation, "relu", "leaky-relu", "tanh", "sigmoid");
        var cmd = new Command("critic",
            "Train a critic on two sample files and compare its held-out estimate with the exact W1 (JS for gan). " +
            "Split: each file is shuffled with the seed; the first ceil(n/2) rows train, the other floor(n/2) are held out. " +
            "Estimates: E_P f - E_Q f (wgan-*), E_P f + E_Q f^c (wgan-ct); gan: JS >= (L(D) + 2 log 2)/2 with " +
            "L(D) = E_P log D + E_Q log(1 - D), the negative of the discriminator's BCE loss.")
        {
            real, fake, method, steps, hidden, layers, batch, lr, seed, json, load, sizes, activation,
        };
        cmd.SetAction(parse =>
        {
            var request = new CriticRequest(parse.GetRequiredValue(real), parse.GetRequiredValue(fake), parse.GetRequiredValue(method),
                parse.GetValue(steps), parse.GetValue(hidden), parse.GetValue(layers), parse.GetValue(batch), parse.GetValue(lr),
                parse.GetValue(seed), parse.GetValue(load), parse.GetValue(sizes), parse.GetValue(activation) ?? "relu");
            bool asJson = parse.GetValue(json);
            MethodOptions options = CriticTrainShared.Options(request.Method, request.Batch, request.LearningRate, null);
            CriticInputs inputs = Prepare(request); // bad files or sizes fail here, before anything is printed
            if (!asJson) stdout.WriteLine(options.Describe());
            CriticReport report;
            try
            {
                report = Progress.Run($"critic {request.Method}", request.Load is null ? request.Steps : 0, stderr, asJson,
                    tick => Run(request, inputs, options, tick));
            }
            catch (TrainingDivergedException e)
            {
                stderr.WriteLine($"verify: error: {e.Message}");
                return Cli.CheckFailed;
            }
            stdout.Write(asJson ? report.ToJson() : report.ToText());
            return Cli.Ok;
        });
        return cmd;
    }

    /// <summary>Everything the command was asked.</summary>
    public sealed record CriticRequest(string Real, string Fake, string Method, int Steps, int Hidden, int Layers, int? Batch,
        double? LearningRate, long Seed, string? Load, string? Sizes, string Activation);

    /// <summary>The two sample files (Q's columns aligned to P's) and the declared critic architecture.</summary>
    public sealed record CriticInputs(SampleFile PFile, SampleFile QFile, DiscreteDistribution P, DiscreteDistribution Q, CriticArchitecture Architecture);

    /// <summary>Reads and checks the files and the architecture; a <see cref="UsageException"/> names what is wrong.</summary>
    public static CriticInputs Prepare(CriticRequest r)
    {
        SampleFile pFile = SampleCsv.Read(r.Real);
        SampleFile qFile = SampleCsv.Read(r.Fake);
        DiscreteDistribution p = pFile.Distribution;
        DiscreteDistribution q = SampleCsv.AlignColumns(pFile, qFile);
        int d = p.Dimension;
        if (p.Count < 2 || q.Count < 2)
            throw new UsageException($"{(p.Count < 2 ? r.Real : r.Fake)}: at least 2 rows are needed to split into training and held-out halves");
        Activation act = CriticTrainShared.ParseActivation(r.Activation);
        CriticArchitecture arch = r.Sizes is null
            ? CriticArchitecture.Mlp(d, r.Hidden, r.Layers, act, 0.2)
            : new CriticArchitecture(CriticTrainShared.ParseSizes(r.Sizes), act, 0.2);
        if (arch.Sizes[0] != d || arch.Sizes[^1] != 1)
            throw new UsageException($"--sizes: a critic of these files takes {d} inputs and gives 1 output, got {arch}");
        return new CriticInputs(pFile, qFile, p, q, arch);
    }

    /// <summary>Runs the request (training, or loading with --load) and returns the report.</summary>
    public static CriticReport Run(CriticRequest r, MethodOptions options, Action<int> tick) => Run(r, Prepare(r), options, tick);

    /// <summary>Runs the request on inputs from <see cref="Prepare"/> and returns the report.</summary>
    public static CriticReport Run(CriticRequest r, CriticInputs inputs, MethodOptions options, Action<int> tick)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (pFile, qFile, p, q, arch) = inputs;
        int d = p.Dimension;

        bool isGan = options is GanOptions;
        double exact = isGan ? Divergences.JS(p.Normalized(), q.Normalized()) : Transport.W1(p.Normalized(), q.Normalized());

        var splitRng = new Rng(unchecked((ulong)r.Seed));
        var pSet = new SampleSet<double>(p.Points.ToArray(), d, pFile.HasWeights ? p.Weights.ToArray() : null);
        var qSet = new SampleSet<double>(q.Points.ToArray(), d, qFile.HasWeights ? q.Weights.ToArray() : null);
        var (pTrain, pHeld) = pSet.Split(splitRng);
        var (qTrain, qHeld) = qSet.Split(splitRng);

        var objective = CriticObjective<double>.For(options);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        ICritic<double> critic;
        int steps;
        if (r.Load is not null)
        {
            critic = Checkpoint.LoadCritic<double>(r.Load, arch);
            steps = 0;
        }
        else
        {
            critic = CriticTraining.Fit(objective, arch, pTrain, qTrain, r.Steps, splitRng, tick).Critic;
            steps = r.Steps;
        }
        double estimate = objective.Estimate(critic, pHeld.Data, qHeld.Data, pHeld.Weights, qHeld.Weights);
        CriticAuditResult audit = CriticAudit.Run(critic, pHeld.Data, qHeld.Data, splitRng);
        return new CriticReport(options, arch, r.Seed, estimate, exact, isGan ? "js" : "w1", audit, steps, clock.Elapsed.TotalSeconds,
            pTrain.Count, pHeld.Count, qTrain.Count, qHeld.Count, r.Load);
    }
}

/// <summary>The result of <c>verify critic</c>.</summary>
public sealed record CriticReport(MethodOptions Options, CriticArchitecture Architecture, long Seed, double Estimate, double Exact,
    string ExactName, CriticAuditResult Audit, int Steps, double Seconds, int PTrain, int PHeldOut, int QTrain, int QHeldOut, string? Loaded)
{
    /// <summary>|estimate − exact| / |exact| (+∞ when exact is 0 and the estimate is not).</summary>
    public double RelativeError => Exact != 0 ? Math.Abs(Estimate - Exact) / Math.Abs(Exact) : Estimate == 0 ? 0 : double.PositiveInfinity;

    public const string Split = "each file shuffled with the seed; first ceil(n/2) rows train, remaining floor(n/2) held out; estimate on the held-out halves";

    public string ToJson()
    {
        using var j = new JsonOut();
        j.Begin().String("method", Options.Method).Number("estimate", Estimate).Number("exact", Exact).String("exact_metric", ExactName)
            .Number("relative_error", RelativeError).Number("lipschitz", Audit.Empirical)
            .Number("lipschitz_max_gradient_norm", Audit.MaxGradientNorm).Number("lipschitz_pairwise_ratio", Audit.PairwiseRatio)
            .Number("lipschitz_upper_bound", Audit.SpectralBound).Number("steps", Steps).Number("seconds", Seconds).Number("seed", Seed)
            .String("split", Split).Number("n_p_train", PTrain).Number("n_p_heldout", PHeldOut).Number("n_q_train", QTrain).Number("n_q_heldout", QHeldOut)
            .String("architecture", Architecture.ToString());
        if (Loaded is not null) j.String("loaded", Loaded);
        j.Begin("options");
        foreach (var (key, value) in Options.Settings()) CriticTrainShared.Put(j, key, value);
        j.End().End();
        return j + Environment.NewLine;
    }

    public string ToText()
    {
        string F(double v) => double.IsPositiveInfinity(v) ? "Infinity" : v.ToString("G6", CultureInfo.InvariantCulture);
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"critic {Architecture}, {(Loaded is null ? $"{Steps} steps" : $"loaded from {Loaded}")}, seed {Seed}, {Seconds:F1} s");
        sb.AppendLine($"  split: {Split} (P {PTrain}/{PHeldOut}, Q {QTrain}/{QHeldOut})");
        sb.AppendLine($"  estimate ({ExactName}, held-out)  {F(Estimate)}");
        sb.AppendLine($"  exact {ExactName} (all rows)       {F(Exact)}");
        sb.AppendLine($"  relative error               {F(RelativeError)}");
        sb.AppendLine($"  Lipschitz: max gradient norm {F(Audit.MaxGradientNorm)}, pairwise ratio {F(Audit.PairwiseRatio)}, upper bound ∏σ(W) {F(Audit.SpectralBound)}");
        return sb.ToString();
    }
}
