namespace Verify.Networks.Training;

/// <summary>
/// The settings the gradient-penalty methods share (WGAN-GP's two-sided and WGAN-LP's one-sided penalty on random
/// interpolates x̂ = εx + (1 − ε)x̃): the penalty weight λ and WGAN-GP's defaults (Gulrajani et al. 2017, Algorithm 1
/// and Appendix E): λ = 10, n_critic = 5, m = 64, Adam(1e-4, β = (0.5, 0.9)) for both networks.
/// </summary>
public abstract record PenaltyOptions : MethodOptions
{
    public override int Batch { get; init; } = 64;
    public override int NCritic { get; init; } = 5;
    public override OptimizerSettings CriticOptimizer { get; init; } = OptimizerSettings.Adam(1e-4, 0.5, 0.9);
    public override OptimizerSettings GeneratorOptimizer { get; init; } = OptimizerSettings.Adam(1e-4, 0.5, 0.9);

    /// <summary>The penalty weight λ.</summary>
    public double Lambda { get; init; } = 10.0;

    /// <summary>"two-sided" ((‖∇f‖ − 1)²) or "one-sided" (max(0, ‖∇f‖ − 1)²), as stored with results.</summary>
    protected abstract string PenaltyName { get; }

    public override void Validate()
    {
        base.Validate();
        if (!(Lambda >= 0) || double.IsInfinity(Lambda)) throw new ArgumentException($"{Method}: lambda must be non-negative and finite, got {Lambda}");
    }

    protected override IEnumerable<(string Key, object Value)> Specific() => [("lambda", Lambda), ("penalty", PenaltyName)];
}
