namespace Verify.Networks.Training;

/// <summary>
/// WGAN-LP (Petzka, Fischer, Lukovnikov 2018): the one-sided penalty λ·E max(0, ‖∇f(x̂)‖ − 1)² on the same
/// interpolates as WGAN-GP. Only the paper's abstract was read, so the other defaults are WGAN-GP's:
/// λ = 10, n_critic = 5, m = 64, Adam(1e-4, β = (0.5, 0.9)).
/// </summary>
public sealed record WganLpOptions : MethodOptions
{
    public override string Method => "wgan-lp";
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

    protected override IEnumerable<(string Key, object Value)> Specific() => [("lambda", Lambda), ("penalty", "one-sided")];
}
