namespace Verify.Networks.Training;

/// <summary>
/// The c-transform critic (Mallasto, Montúfar, Gerolin 2019; Stanczuk et al. 2021): on a batch, the critic f is paired with
/// its c-transform f^c(y) = min_x (‖x − y‖ − f(x)) over the batch's real points, and the estimate of W₁ is the dual value
/// E_P f + E_Q f^c (no penalty: f(x) + f^c(y) ≤ ‖x − y‖ holds by construction, so the value never exceeds the batch's W₁).
/// Only the abstracts were read, so the defaults are WGAN-GP's: n_critic = 5, m = 64, Adam(1e-4, β = (0.5, 0.9)).
/// </summary>
public sealed record WganCtOptions : MethodOptions
{
    public override string Method => "wgan-ct";
    public override int Batch { get; init; } = 64;
    public override int NCritic { get; init; } = 5;
    public override OptimizerSettings CriticOptimizer { get; init; } = OptimizerSettings.Adam(1e-4, 0.5, 0.9);
    public override OptimizerSettings GeneratorOptimizer { get; init; } = OptimizerSettings.Adam(1e-4, 0.5, 0.9);

    protected override IEnumerable<(string Key, object Value)> Specific() => [("transform", "c-transform over the batch")];
}
