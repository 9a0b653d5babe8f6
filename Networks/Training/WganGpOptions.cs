namespace Verify.Networks.Training;

/// <summary>
/// WGAN-GP (Gulrajani et al. 2017, Algorithm 1): the critic loss E_Q f − E_P f + λ·E(‖∇f(x̂)‖ − 1)² on interpolates
/// x̂ = εx + (1 − ε)x̃, ε ~ U[0, 1] per pair. Defaults (in <see cref="PenaltyOptions"/>): λ = 10, n_critic = 5, m = 64
/// (Algorithm 1); Adam(1e-4, β = (0.5, 0.9)) (the paper's Appendix E and the reference code; Algorithm 1 prints β₁ = 0).
/// </summary>
public sealed record WganGpOptions : PenaltyOptions
{
    public override string Method => "wgan-gp";

    protected override string PenaltyName => "two-sided";
}
