using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.Networks.Training;

namespace Verify.Networks.Critics;

/// <summary>The critic's loss on one batch, with the parts a log records.</summary>
/// <param name="Loss">The scalar the critic minimises (recorded for backward).</param>
/// <param name="Estimate">The batch estimate of the method's distance (W₁ or JS), without penalty.</param>
/// <param name="Penalty">The penalty term λ·(…) included in <paramref name="Loss"/> (0 for methods without one).</param>
public sealed record CriticStep<T>(Tensor<T> Loss, double Estimate, double Penalty) where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>
/// What a method asks of the critic and the generator: the critic's loss on a batch, the estimate it yields on
/// evaluation samples, the generator's loss, and any step after an update (weight clipping).
/// Sign conventions: the critic minimises <see cref="CriticLoss"/>; for the Wasserstein methods that loss is
/// E_Q f − E_P f (+ penalty), so f is large on P (real) and the estimate of W₁(P, Q) is E_P f − E_Q f.
/// </summary>
public abstract class CriticObjective<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The method's options.</summary>
    public abstract MethodOptions Options { get; }

    /// <summary>The critic this method trains (an MLP; spectrally normalised for wgan-sn).</summary>
    public abstract ICritic<T> CreateCritic(CriticArchitecture architecture, Rng rng);

    /// <summary>The critic's loss on a real batch and a fake batch (constants; rows are samples).</summary>
    public abstract CriticStep<T> CriticLoss(ICritic<T> critic, Tensor<T> real, Tensor<T> fake, Rng rng);

    /// <summary>The generator's loss given generated samples that carry the generator's graph (and a real batch).</summary>
    public abstract Tensor<T> GeneratorLoss(ICritic<T> critic, Tensor<T> fake, Tensor<T> real);

    /// <summary>The estimate of the method's distance on evaluation samples (optionally weighted; weights normalised here).</summary>
    public abstract double Estimate(ICritic<T> critic, Tensor<T> real, Tensor<T> fake, double[]? realWeights = null, double[]? fakeWeights = null);

    /// <summary>Called after each critic optimiser step (weight clipping uses it).</summary>
    public virtual void AfterCriticStep(ICritic<T> critic) { }

    /// <summary>The objective of the method described by <paramref name="options"/>.</summary>
    public static CriticObjective<T> For(MethodOptions options) => options switch
    {
        GanOptions g => new GanObjective<T>(g),
        WganCtOptions c => new CTransformObjective<T>(c),
        _ => new WassersteinObjective<T>(options),
    };

    /// <summary>Critic values on a batch without recording, as doubles.</summary>
    protected static double[] Values(ICritic<T> critic, Tensor<T> x)
    {
        using var _ = Autograd.NoGrad();
        return critic.Forward(x).ToDoubleArray();
    }

    /// <summary>Σ wᵢ vᵢ / Σ wᵢ (plain mean when <paramref name="weights"/> is null).</summary>
    protected static double Mean(double[] values, double[]? weights)
    {
        if (weights is null) return values.Average();
        if (weights.Length != values.Length) throw new ArgumentException($"{weights.Length} weights for {values.Length} samples");
        double s = 0, w = 0;
        for (int i = 0; i < values.Length; i++) { s += weights[i] * values[i]; w += weights[i]; }
        return s / w;
    }
}
