namespace Verify.Networks.Training;

/// <summary>The generator's loss in a GAN (Goodfellow et al. 2014).</summary>
public enum GeneratorLoss
{
    /// <summary>Minimise E_z log(1 − D(G(z))) (the minimax game; saturates when D rejects the fakes).</summary>
    Minimax,

    /// <summary>Minimise −E_z log D(G(z)) (the "non-saturating" heuristic of the same paper).</summary>
    NonSaturating,
}

/// <summary>
/// A GAN: the discriminator D = σ(logit) maximises E_P log D + E_Q log(1 − D), i.e. minimises the two
/// binary cross-entropies, computed from logits stably as max(x, 0) − x·y + log(1 + e^(−|x|)).
/// Defaults: one discriminator step per generator step (k = 1, Goodfellow et al. 2014, Algorithm 1);
/// Adam(2e-4, β = (0.5, 0.999)) and batch 64 (the DCGAN settings, Radford et al. 2015, used by the MNIST MLP benchmark);
/// the non-saturating generator loss.
/// </summary>
public sealed record GanOptions : MethodOptions
{
    public override string Method => "gan";
    public override int Batch { get; init; } = 64;
    public override int NCritic { get; init; } = 1;
    public override OptimizerSettings CriticOptimizer { get; init; } = OptimizerSettings.Adam(2e-4, 0.5, 0.999);
    public override OptimizerSettings GeneratorOptimizer { get; init; } = OptimizerSettings.Adam(2e-4, 0.5, 0.999);

    /// <summary>The generator's loss (default non-saturating).</summary>
    public GeneratorLoss GeneratorLoss { get; init; } = GeneratorLoss.NonSaturating;

    protected override IEnumerable<(string Key, object Value)> Specific() =>
        [("generator_loss", GeneratorLoss == GeneratorLoss.Minimax ? "minimax" : "non-saturating")];
}
