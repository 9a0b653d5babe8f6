using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Verify.Figures.Io;
using Verify.Networks.Layers;
using Verify.Networks.Training;
using Verify.Theory;

namespace Verify.Figures.Commands;

/// <summary>Options and parsing shared by <c>verify critic</c> and <c>verify train</c>.</summary>
internal static class CriticTrainShared
{
    public static Option<string> MethodOption(bool required)
    {
        var o = new Option<string>("--method")
        {
            Description = "gan, wgan-clip, wgan-gp, wgan-lp, wgan-sn or wgan-ct",
            HelpName = string.Join('|', MethodOptions.Names),
            Required = required,
        };
        o.Validators.Add(r =>
        {
            if (TryGet(r, out string? v) && v is not null && !MethodOptions.Names.Contains(v))
                r.AddError($"--method: '{v}' is not a method; allowed: {string.Join(", ", MethodOptions.Names)}");
        });
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
            if (TryGet(r, out double? v) && v is { } x && !(x > 0 && double.IsFinite(x))) r.AddError($"{name}: must be positive and finite, got {x}");
        });
        return o;
    }

    /// <summary>A string option whose value must be one of <paramref name="allowed"/> (one-line error otherwise).</summary>
    public static void OneOf(Option<string> option, params string[] allowed) =>
        option.Validators.Add(r =>
        {
            if (TryGet(r, out string? v) && v is not null && !allowed.Contains(v))
                r.AddError($"{option.Name}: '{v}' is not allowed; allowed: {string.Join(", ", allowed)}");
        });

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

    public static Option<long> Seed() => new("--seed") { Description = "seed of every random choice (reported)", DefaultValueFactory = _ => 0 };

    /// <summary>The method's paper-default options, with the command line's overrides.</summary>
    public static MethodOptions Options(string method, int? batch, double? lr, int? nCritic)
    {
        MethodOptions o = MethodOptions.Default(method);
        if (batch is { } b) o = o with { Batch = b };
        if (nCritic is { } k) o = o with { NCritic = k };
        if (lr is { } l) o = o with { CriticOptimizer = o.CriticOptimizer with { LearningRate = l }, GeneratorOptimizer = o.GeneratorOptimizer with { LearningRate = l } };
        o.Validate();
        return o;
    }

    public static Activation ParseActivation(string name) => name switch
    {
        "relu" => Activation.ReLU,
        "leaky-relu" => Activation.LeakyReLU,
        "tanh" => Activation.Tanh,
        "sigmoid" => Activation.Sigmoid,
        _ => throw new UsageException($"--activation: '{name}' is not one of relu, leaky-relu, tanh, sigmoid"),
    };

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
}
