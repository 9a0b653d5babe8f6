using Verify.Networks.Critics;
using Verify.Networks.Training;

namespace Verify.Properties.Regression;

/// <summary>
/// One entry of a golden file: a pinned experiment and the values it gave. <see cref="Method"/> is a training method
/// ("wgan-gp", "gan", …: Verify trains a critic with the settings given) or "critic" (the critic given on the command line
/// with <c>--critic</c>, evaluated on all rows of the pair).
/// </summary>
public sealed record GoldenEntry
{
    /// <summary>The method name that stands for the user's own critic.</summary>
    public const string UserCritic = "critic";

    /// <summary>Unique id, e.g. "wgan-gp/gauss-0-2".</summary>
    public required string Id { get; init; }

    /// <summary>The pinned pair's id.</summary>
    public required string Pair { get; init; }

    /// <summary>A method of <see cref="MethodOptions.Names"/> or <see cref="UserCritic"/>.</summary>
    public required string Method { get; init; }

    /// <summary>Critic training steps.</summary>
    public int Steps { get; init; } = 300;

    /// <summary>Seed of the experiment.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Hidden width of the trained critic.</summary>
    public int Hidden { get; init; } = 32;

    /// <summary>Hidden layers of the trained critic.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Minibatch size (null: the method's default).</summary>
    public int? Batch { get; init; }

    /// <summary>Critic learning rate (null: the method's default).</summary>
    public double? LearningRate { get; init; }

    /// <summary>λ of wgan-gp and wgan-lp (null: the default 10).</summary>
    public double? Lambda { get; init; }

    /// <summary>Clip bound of wgan-clip (null: the default 0.01).</summary>
    public double? Clip { get; init; }

    /// <summary>The stored estimate.</summary>
    public double Estimate { get; init; }

    /// <summary>The stored exact value (W₁, or the laws' JS for gan).</summary>
    public double Exact { get; init; }

    /// <summary>Relative tolerance.</summary>
    public double Relative { get; init; } = 1e-6;

    /// <summary>Absolute tolerance.</summary>
    public double Absolute { get; init; } = 1e-9;

    /// <summary>Why the tolerance is what it is.</summary>
    public string Reason { get; init; } = "";

    /// <summary>True for an entry evaluated with the user's critic.</summary>
    public bool IsUserCritic => Method == UserCritic;

    /// <summary>The method's options with the entry's settings.</summary>
    public MethodOptions Options()
    {
        MethodOptions o = MethodOptions.Default(Method);
        if (Batch is { } b) o = o with { Batch = b };
        if (LearningRate is { } lr) o = o with { CriticOptimizer = o.CriticOptimizer with { LearningRate = lr } };
        if (Lambda is { } l) o = o switch
        {
            WganGpOptions g => g with { Lambda = l },
            WganLpOptions p => p with { Lambda = l },
            _ => throw new ArgumentException($"entry '{Id}': lambda applies to wgan-gp and wgan-lp, not {Method}"),
        };
        if (Clip is { } c) o = o is WganClipOptions w ? w with { Clip = c } : throw new ArgumentException($"entry '{Id}': clip applies to wgan-clip, not {Method}");
        o.Validate();
        return o;
    }

    /// <summary>The trained critic's architecture for a pair of dimension <paramref name="d"/>.</summary>
    public CriticArchitecture Architecture(int d) => CriticArchitecture.Mlp(d, Hidden, Layers);

    /// <summary>True when |measured − stored| ≤ absolute + relative·|stored|.</summary>
    public bool Within(double stored, double measured) => Math.Abs(measured - stored) <= Allowed(stored);

    /// <summary>absolute + relative·|stored|.</summary>
    public double Allowed(double stored) => Absolute + Relative * Math.Abs(stored);
}
