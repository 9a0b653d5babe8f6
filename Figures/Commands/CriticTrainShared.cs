using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Verify.Figures.Io;
using Verify.Networks.Critics;
using Verify.Networks.Experiments;
using Verify.Networks.Layers;
using Verify.Networks.Training;

namespace Verify.Figures.Commands;

/// <summary>Options and parsing shared by <c>verify critic</c> and <c>verify train</c>.</summary>
internal static class CriticTrainShared
{
    /// <summary>--method: one of <see cref="MethodOptions.Names"/>, matched without regard to case.</summary>
    public static Option<string> MethodOption(bool required)
    {
        var o = Cli.Choice("--method", "gan, wgan-clip, wgan-gp, wgan-lp, wgan-sn or wgan-ct", [.. MethodOptions.Names]);
        o.Required = required;
        return o;
    }

    public static Option<int> PositiveInt(string name, string description, int @default)
    {
        var o = new Option<int>(name) { Description = description, DefaultValueFactory = _ => @default };
        o.Validators.Add(r =>
        {
            if (TryGet(r, out int v) && v < 1) r.AddError($"{name}: must be a positive integer, got {v}");
        });
        return o;
    }

    public static Option<int?> OptionalPositiveInt(string name, string description)
    {
        var o = new Option<int?>(name) { Description = description };
        o.Validators.Add(r =>
        {
            if (TryGet(r, out int? v) && v is < 1) r.AddError($"{name}: must be a positive integer, got {v}");
        });
        return o;
    }

    public static Option<double?> OptionalPositiveDouble(string name, string description)
    {
        var o = new Option<double?>(name) { Description = description };
        o.Validators.Add(r =>
        {
            if (TryGet(r, out double? v) && v is { } x && !(x > 0 && double.IsFinite(x))) r.AddError($"{name}: must be positive and finite, got {Show(x)}");
        });
        return o;
    }

    public static Option<double?> OptionalNonNegativeDouble(string name, string description)
    {
        var o = new Option<double?>(name) { Description = description };
        o.Validators.Add(r =>
        {
            if (TryGet(r, out double? v) && v is { } x && !(x >= 0 && double.IsFinite(x))) r.AddError($"{name}: must be non-negative and finite, got {Show(x)}");
        });
        return o;
    }

    public static Option<double?> OptionalUnitDouble(string name, string description)
    {
        var o = new Option<double?>(name) { Description = description };
        o.Validators.Add(r =>
        {
            if (TryGet(r, out double? v) && v is { } x && !(x >= 0 && x <= 1)) r.AddError($"{name}: must lie in [0, 1], got {Show(x)}");
        });
        return o;
    }

    /// <summary>
    /// The option's value for a validator; false when its token does not convert (e.g. "--steps abc"): the parser then
    /// reports that itself as one usage error (exit 2), whereas reading the value would throw.
    /// </summary>
    public static bool TryGet<T>(OptionResult r, out T? value)
    {
        try
        {
            value = r.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default;
            return false;
        }
    }

    public static Option<string> PrecisionOption()
    {
        return Cli.Choice("--precision",
            "floating-point type the networks train in: single (float32) or double (float64, for checks that need it); " +
            "exact values are always double", ["single", "double"], "single");
    }

    /// <summary>The papers' knobs, each optional: given only for a method it applies to.</summary>
    public sealed record Knobs(double? Lambda, double? Clip, int? PowerIterations, string? GeneratorLoss, bool Warmup);

    /// <summary>--lambda, --clip, --power-iterations (both commands).</summary>
    public static (Option<double?> Lambda, Option<double?> Clip, Option<int?> PowerIterations) CriticKnobs(string lambdaDefault) =>
    (
        OptionalNonNegativeDouble("--lambda", $"penalty weight λ of wgan-gp and wgan-lp (default: {lambdaDefault})"),
        OptionalPositiveDouble("--clip", $"wgan-clip: weights are clamped to [-c, c] after each critic step (default: c = {Show(new WganClipOptions().Clip)}, WGAN Algorithm 1)"),
        OptionalPositiveInt("--power-iterations", $"wgan-sn: power iterations per training forward pass (default: {new WganSnOptions().PowerIterations}, Miyato et al. 2018)")
    );

    /// <summary>--generator-loss and --warmup (train only).</summary>
    public static (Option<string?> GeneratorLoss, Option<bool> Warmup) GeneratorKnobs()
    {
        Option<string?> loss = Cli.Choice("--generator-loss",
            "gan: the generator's loss, minimax (E log(1 - D(G(z))), the game of Goodfellow et al.) or nonsaturating " +
            "(-E log D(G(z)), the same paper's heuristic) (default: nonsaturating)", ["minimax", "nonsaturating", "non-saturating"])!;
        var c = new WganClipOptions();
        var warmup = new Option<bool>("--warmup")
        {
            Description = $"wgan-clip: the reference code's critic warm-up, {c.WarmupCriticIterations} critic steps on the first " +
                          $"{c.WarmupGeneratorIterations} generator iterations and on every {c.WarmupEvery}th (default: off; Algorithm 1 does not state it)",
        };
        return (loss, warmup);
    }

    /// <summary>
    /// <paramref name="baseOptions"/> with the command line's overrides; a knob given for a method it does not apply to
    /// is a usage error naming the option and the methods it applies to.
    /// </summary>
    public static MethodOptions Options(MethodOptions baseOptions, int? batch, double? lr, int? nCritic, Knobs knobs)
    {
        MethodOptions o = baseOptions;
        if (batch is { } b) o = o with { Batch = b };
        if (nCritic is { } k) o = o with { NCritic = k };
        if (lr is { } l) o = o with { CriticOptimizer = o.CriticOptimizer with { LearningRate = l }, GeneratorOptimizer = o.GeneratorOptimizer with { LearningRate = l } };
        if (knobs.Lambda is { } lambda)
            o = o switch
            {
                WganGpOptions gp => gp with { Lambda = lambda },
                WganLpOptions lp => lp with { Lambda = lambda },
                _ => throw NotFor("--lambda", "wgan-gp and wgan-lp", o.Method),
            };
        if (knobs.Clip is { } clip) o = o is WganClipOptions c ? c with { Clip = clip } : throw NotFor("--clip", "wgan-clip", o.Method);
        if (knobs.Warmup) o = o is WganClipOptions c ? c with { ReferenceWarmup = true } : throw NotFor("--warmup", "wgan-clip", o.Method);
        if (knobs.PowerIterations is { } pi) o = o is WganSnOptions sn ? sn with { PowerIterations = pi } : throw NotFor("--power-iterations", "wgan-sn", o.Method);
        if (knobs.GeneratorLoss is { } gl)
            o = o is GanOptions g
                ? g with { GeneratorLoss = gl.Equals("minimax", StringComparison.OrdinalIgnoreCase) ? GeneratorLoss.Minimax : GeneratorLoss.NonSaturating }
                : throw NotFor("--generator-loss", "gan", o.Method);
        o.Validate();
        return o;
    }

    private static UsageException NotFor(string option, string methods, string method) =>
        new($"{option} applies to {methods}, not to {method}");

    /// <summary>
    /// "every method: 64" or "gan 0.0002, wgan-clip 5E-05, wgan-gp/wgan-lp/wgan-sn/wgan-ct 0.0001": each method's paper
    /// default of one setting, for --help.
    /// </summary>
    public static string PaperDefaults(Func<MethodOptions, object> setting)
    {
        var groups = MethodOptions.Names.GroupBy(m => MethodOptions.Format(setting(MethodOptions.Default(m)))).ToList();
        return groups.Count == 1 ? $"{groups[0].Key} for every method"
            : string.Join(", ", groups.Select(g => $"{string.Join('/', g)} {g.Key}"));
    }

    public static Activation ParseActivation(string name)
    {
        try
        {
            return CriticArchitecture.ParseActivation(name);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--activation: '{name}' is not one of {string.Join(", ", CriticArchitecture.ActivationNames)}");
        }
    }

    public static int[] ParseSizes(string text)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
                throw new UsageException($"--sizes: '{parts[i]}' (entry {i + 1}) is not a positive integer");
        if (sizes.Length < 2) throw new UsageException("--sizes: give at least an input and an output width, e.g. 2,64,1");
        return sizes;
    }

    /// <summary>Writes one options setting into a JSON object.</summary>
    public static void Put(JsonOut j, string key, object value)
    {
        switch (value)
        {
            case double x: j.Number(key, x); break;
            case int i: j.Number(key, i); break;
            case bool b: j.Bool(key, b); break;
            default: j.String(key, MethodOptions.Format(value)); break;
        }
    }

    public static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
