namespace Verify.Networks.Training;

/// <summary>
/// WGAN with a spectrally normalised critic (Miyato et al. 2018): each weight W is used as W/σ̂(W), σ̂ the power-iteration
/// estimate uᵀWv with <see cref="PowerIterations"/> steps per training step and u kept between steps. No penalty.
/// Defaults: one power iteration (the paper's choice); n_critic = 5, m = 64 and Adam(1e-4, β = (0.5, 0.9)) — the
/// WGAN-GP settings, which the paper also evaluates (its setting "A"; recalled from memory, not re-read).
/// </summary>
public sealed record WganSnOptions : MethodOptions
{
    public override string Method => "wgan-sn";
    public override int Batch { get; init; } = 64;
    public override int NCritic { get; init; } = 5;
    public override OptimizerSettings CriticOptimizer { get; init; } = OptimizerSettings.Adam(1e-4, 0.5, 0.9);
    public override OptimizerSettings GeneratorOptimizer { get; init; } = OptimizerSettings.Adam(1e-4, 0.5, 0.9);

    /// <summary>Power iterations per forward pass in training (1 in the paper).</summary>
    public int PowerIterations { get; init; } = 1;

    public override void Validate()
    {
        base.Validate();
        if (PowerIterations < 1) throw new ArgumentException($"{Method}: power_iterations must be at least 1, got {PowerIterations}");
    }

    protected override IEnumerable<(string Key, object Value)> Specific() => [("power_iterations", PowerIterations)];
}
