namespace Verify.Networks.Training;

/// <summary>
/// WGAN with weight clipping (Arjovsky, Chintala, Bottou 2017, Algorithm 1): every critic weight is clamped to
/// [−c, c] after each critic step. Defaults from the paper: "α = 0.00005, c = 0.01, m = 64, n_critic = 5", RMSprop
/// for both networks. The reference code (martinarjovsky/WassersteinGAN) also runs 100 critic iterations for the
/// first 25 generator iterations and on every 500th; that schedule is <see cref="ReferenceWarmup"/> (off by default,
/// since the paper's Algorithm 1 does not state it).
/// </summary>
public sealed record WganClipOptions : MethodOptions
{
    public override string Method => "wgan-clip";
    public override int Batch { get; init; } = 64;
    public override int NCritic { get; init; } = 5;
    public override OptimizerSettings CriticOptimizer { get; init; } = OptimizerSettings.RmsProp(5e-5);
    public override OptimizerSettings GeneratorOptimizer { get; init; } = OptimizerSettings.RmsProp(5e-5);

    /// <summary>The clipping bound c: weights are clamped to [−c, c].</summary>
    public double Clip { get; init; } = 0.01;

    /// <summary>The reference code's warm-up: <see cref="WarmupCriticIterations"/> critic steps on the first
    /// <see cref="WarmupGeneratorIterations"/> generator iterations and on every <see cref="WarmupEvery"/>th.</summary>
    public bool ReferenceWarmup { get; init; }

    /// <summary>Critic steps during a warm-up iteration (100 in the reference code).</summary>
    public int WarmupCriticIterations { get; init; } = 100;

    /// <summary>Generator iterations at the start that use the warm-up count (25 in the reference code).</summary>
    public int WarmupGeneratorIterations { get; init; } = 25;

    /// <summary>Period of the later warm-up iterations (every 500th in the reference code).</summary>
    public int WarmupEvery { get; init; } = 500;

    /// <summary>Critic steps before generator iteration <paramref name="generatorIteration"/> (0-based).</summary>
    public int CriticStepsAt(int generatorIteration) =>
        ReferenceWarmup && (generatorIteration < WarmupGeneratorIterations || generatorIteration % WarmupEvery == 0)
            ? WarmupCriticIterations
            : NCritic;

    public override void Validate()
    {
        base.Validate();
        if (!(Clip > 0) || double.IsInfinity(Clip)) throw new ArgumentException($"{Method}: clip must be positive and finite, got {Clip}");
        if (WarmupCriticIterations < 1 || WarmupGeneratorIterations < 0 || WarmupEvery < 1)
            throw new ArgumentException($"{Method}: warm-up counts must be positive");
    }

    protected override IEnumerable<(string Key, object Value)> Specific() =>
    [
        ("clip", Clip), ("reference_warmup", ReferenceWarmup), ("warmup_critic_iterations", WarmupCriticIterations),
        ("warmup_generator_iterations", WarmupGeneratorIterations), ("warmup_every", WarmupEvery),
    ];
}
