using System.Numerics;

using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.Networks.Training;

namespace Verify.Networks.Critics;

/// <summary>
/// The Wasserstein critic objective of WGAN (Arjovsky et al. 2017): the critic minimises E_Q f − E_P f, plus
/// λ·E(‖∇f(x̂)‖ − 1)² for WGAN-GP, λ·E max(0, ‖∇f(x̂)‖ − 1)² for WGAN-LP; with weight clipping every parameter is
/// clamped to [−c, c] after each step (as the reference code clamps all of D's parameters); with spectral normalisation
/// the critic itself is normalised. The estimate of W₁(P, Q) is E_P f − E_Q f; it is a lower bound on W₁ (up to
/// sampling error) only when f is 1-Lipschitz — a clipped critic is Lipschitz with some unknown K, so its estimate
/// is of K·W₁. The generator minimises −E f(G(z)).
/// </summary>
public sealed class WassersteinObjective<T> : CriticObjective<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly MethodOptions options;

    /// <summary>The objective for wgan-clip, wgan-gp, wgan-lp or wgan-sn options.</summary>
    public WassersteinObjective(MethodOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options is not (WganClipOptions or WganGpOptions or WganLpOptions or WganSnOptions))
            throw new ArgumentException($"the Wasserstein objective does not apply to method '{options.Method}'", nameof(options));
        this.options = options;
    }

    /// <inheritdoc/>
    public override MethodOptions Options => options;

    /// <inheritdoc/>
    public override ICritic<T> CreateCritic(CriticArchitecture architecture, Rng rng) => options is WganSnOptions sn
        ? new SpectralNormCritic<T>(architecture, rng, sn.PowerIterations)
        : new MlpCritic<T>(architecture, rng);

    /// <inheritdoc/>
    public override CriticStep<T> CriticLoss(ICritic<T> critic, Tensor<T> real, Tensor<T> fake, Rng rng)
    {
        var fr = Tensor.Mean(critic.Forward(real));
        var ff = Tensor.Mean(critic.Forward(fake));
        var loss = Tensor.Sub(ff, fr);
        double estimate = -double.CreateChecked(loss.Item());
        double penalty = 0;
        (double lambda, PenaltySide side)? gp = options switch
        {
            WganGpOptions g => (g.Lambda, PenaltySide.TwoSided),
            WganLpOptions l => (l.Lambda, PenaltySide.OneSided),
            _ => null,
        };
        if (gp is { } p && p.lambda > 0)
        {
            var term = Tensor.MulScalar(GradientPenalty.OnInterpolates(critic, real, fake, rng, p.side), T.CreateChecked(p.lambda));
            penalty = double.CreateChecked(term.Item());
            loss = Tensor.Add(loss, term);
        }
        return new CriticStep<T>(loss, estimate, penalty);
    }

    /// <inheritdoc/>
    public override Tensor<T> GeneratorLoss(ICritic<T> critic, Tensor<T> fake, Tensor<T> real) => Tensor.Neg(Tensor.Mean(critic.Forward(fake)));

    /// <inheritdoc/>
    public override double Estimate(ICritic<T> critic, Tensor<T> real, Tensor<T> fake, double[]? realWeights = null, double[]? fakeWeights = null)
    {
        // Evaluated in evaluation mode (a spectrally normalised critic with its stored u, v), so estimating does not move it.
        bool mode = critic.Training;
        critic.Eval();
        try
        {
            return Mean(Values(critic, real), realWeights) - Mean(Values(critic, fake), fakeWeights);
        }
        finally
        {
            critic.Train(mode);
        }
    }

    /// <inheritdoc/>
    public override void AfterCriticStep(ICritic<T> critic)
    {
        if (options is not WganClipOptions clip) return;
        T c = T.CreateChecked(clip.Clip);
        foreach (var p in critic.Parameters()) System.Numerics.Tensors.TensorPrimitives.Clamp<T>(p.Span, -c, c, p.Span);
    }
}
