using System.Globalization;

namespace Verify.Networks.Training;

/// <summary>
/// The options of one training method (GAN, WGAN with clipping, WGAN-GP, WGAN-LP, spectral normalisation,
/// c-transform). Every method has its own record with the defaults of its paper; the record is printed when
/// training starts (<see cref="Describe"/>) and stored with every result (<see cref="Settings"/>).
/// </summary>
public abstract record MethodOptions
{
    /// <summary>The method's name on the command line ("gan", "wgan-clip", "wgan-gp", "wgan-lp", "wgan-sn", "wgan-ct").</summary>
    public abstract string Method { get; }

    /// <summary>Minibatch size m (samples from each law per critic step).</summary>
    public abstract int Batch { get; init; }

    /// <summary>Critic (discriminator) steps per generator step.</summary>
    public abstract int NCritic { get; init; }

    /// <summary>The critic's optimiser.</summary>
    public abstract OptimizerSettings CriticOptimizer { get; init; }

    /// <summary>The generator's optimiser.</summary>
    public abstract OptimizerSettings GeneratorOptimizer { get; init; }

    /// <summary>Method-specific settings as (key, value) pairs, snake_case keys.</summary>
    protected abstract IEnumerable<(string Key, object Value)> Specific();

    /// <summary>All settings, in a stable order, as (snake_case key, value) pairs: for JSON output and CSV headers.</summary>
    public IReadOnlyList<(string Key, object Value)> Settings()
    {
        var list = new List<(string, object)>
        {
            ("method", Method), ("batch", Batch), ("n_critic", NCritic),
            ("critic_optimizer", CriticOptimizer.ToString()), ("generator_optimizer", GeneratorOptimizer.ToString()),
        };
        list.AddRange(Specific());
        return list;
    }

    /// <summary>One line for the start of a run, e.g. "wgan-gp: batch=64 n_critic=5 … lambda=10".</summary>
    public string Describe() =>
        string.Join(' ', Settings().Select((kv, i) => i == 0 ? kv.Value + ":" : $"{kv.Key}={Format(kv.Value)}"));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public virtual void Validate()
    {
        if (Batch < 1) throw new ArgumentException($"{Method}: batch must be at least 1, got {Batch}");
        if (NCritic < 1) throw new ArgumentException($"{Method}: n_critic must be at least 1, got {NCritic}");
        CriticOptimizer.Validate($"{Method}: critic optimizer");
        GeneratorOptimizer.Validate($"{Method}: generator optimizer");
    }

    /// <summary>Invariant-culture text of a setting's value.</summary>
    public static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The default options of the method named <paramref name="method"/> (CLI spelling).</summary>
    public static MethodOptions Default(string method) => method switch
    {
        "gan" => new GanOptions(),
        "wgan-clip" => new WganClipOptions(),
        "wgan-gp" => new WganGpOptions(),
        "wgan-lp" => new WganLpOptions(),
        "wgan-sn" => new WganSnOptions(),
        "wgan-ct" => new WganCtOptions(),
        _ => throw new ArgumentException($"unknown method '{method}' (allowed: {string.Join(", ", Names)})", nameof(method)),
    };

    /// <summary>The method names, CLI spelling.</summary>
    public static IReadOnlyList<string> Names { get; } = ["gan", "wgan-clip", "wgan-gp", "wgan-lp", "wgan-sn", "wgan-ct"];
}
