namespace Verify.Networks.Training;

/// <summary>
/// WGAN-GP (Gulrajani et al. 2017, Algorithm 1): the critic loss E_Q f − E_P f + λ·E(‖∇f(x̂)‖ − 1)² on interpolates
/// x̂ = εx + (1 − ε)x̃, ε ~ U[0, 1] per pair. Defaults: λ = 10, n_critic = 5, m = 64 (Algorithm 1);
/// Adam(1e-4, β = (0.5, 0.9)) (the paper's Appendix E and the reference code; Algorithm 1 prints β₁ = 0).
/// </summary>
public sealed record WganGpOptions : MethodOptions
{
    public override string Method => "wgan-gp";
    public override int Batch { get; init; } = 64;
    public override int NCritic { get; init; } = 5;
    public override OptimizerSettings CriticOptimizer { get; init; } = OptimizerSettings.Adam(1e-4, 0.5, 0.9);
    public override OptimizerSettings GeneratorOptimizer { get; init; } = OptimizerSettings.Adam(1e-4, 0.5, 0.9);

    /// <summary>The penalty weight λ.</summary>
    public double Lambda { get; init; } = 10.0;

    public override void Validate()
    {
        base.Validate();
        if (!(Lambda >= 0) || double.IsInfinity(Lambda)) throw new ArgumentException($"{Method}: lambda must be non-negative and finite, got {Lambda}");
    }

    protected override IEnumerable<(string Key, object Value)> Specific() => [("lambda", Lambda), ("penalty", "two-sided")];
}
