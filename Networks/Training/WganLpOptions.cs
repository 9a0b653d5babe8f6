namespace Verify.Networks.Training;

/// <summary>
/// WGAN-LP (Petzka, Fischer, Lukovnikov 2018): the one-sided penalty λ·E max(0, ‖∇f(x̂)‖ − 1)² on the same
/// interpolates as WGAN-GP. Only the paper's abstract was read, so the other defaults are WGAN-GP's
/// (<see cref="PenaltyOptions"/>): λ = 10, n_critic = 5, m = 64, Adam(1e-4, β = (0.5, 0.9)).
/// </summary>
public sealed record WganLpOptions : PenaltyOptions
{
    public override string Method => "wgan-lp";

    protected override string PenaltyName => "one-sided";
}
