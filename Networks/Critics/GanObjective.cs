using System.Numerics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.Networks.Training;

namespace Verify.Networks.Critics;

/// <summary>
/// The GAN of Goodfellow et al. (2014). The discriminator outputs a logit ℓ, D = σ(ℓ), and minimises
/// BCE(ℓ(x), 1) averaged over P plus BCE(ℓ(x̃), 0) averaged over Q, i.e. maximises the GAN value
/// L(D) = E_P log D + E_Q log(1 − D) (the loss is −L(D)). Since L(D) ≤ 2·JS(P, Q) − 2·log 2 with equality at
/// D* = p/(p + q), the JS estimate is (L(D) + 2·log 2)/2 = log 2 − loss/2, a lower bound in expectation on
/// held-out samples. BCE is evaluated stably from logits: max(ℓ, 0) − ℓ·y + log(1 + e^(−|ℓ|)).
/// Generator: minimax minimises E log(1 − D(G(z))) = −BCE(ℓ, 0); non-saturating minimises −E log D(G(z)) = BCE(ℓ, 1).
/// </summary>
public sealed class GanObjective<T>(GanOptions options) : CriticObjective<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly double Log2 = Math.Log(2.0);

    /// <inheritdoc/>
    public override MethodOptions Options => options;

    /// <inheritdoc/>
    public override ICritic<T> CreateCritic(CriticArchitecture architecture, Rng rng) => new MlpCritic<T>(architecture, rng);

    /// <summary>Mean BCE-with-logits of the rows of <paramref name="logits"/> against the constant label.</summary>
    public static Tensor<T> Bce(Tensor<T> logits, double label) =>
        Tensor.Mean(Tensor.BceWithLogits(logits, Tensor.Full(T.CreateChecked(label), logits.Rows, logits.Cols)));

    /// <inheritdoc/>
    public override CriticStep<T> CriticLoss(ICritic<T> critic, Tensor<T> real, Tensor<T> fake, Rng rng)
    {
        var loss = Tensor.Add(Bce(critic.Forward(real), 1), Bce(critic.Forward(fake), 0));
        return new CriticStep<T>(loss, Log2 - double.CreateChecked(loss.Item()) / 2, 0);
    }

    /// <inheritdoc/>
    public override Tensor<T> GeneratorLoss(ICritic<T> critic, Tensor<T> fake, Tensor<T> real)
    {
        var logits = critic.Forward(fake);
        return options.GeneratorLoss == Training.GeneratorLoss.NonSaturating ? Bce(logits, 1) : Tensor.Neg(Bce(logits, 0));
    }

    /// <inheritdoc/>
    public override double Estimate(ICritic<T> critic, Tensor<T> real, Tensor<T> fake, double[]? realWeights = null, double[]? fakeWeights = null)
    {
        // BCE(ℓ, 1) = softplus(−ℓ), BCE(ℓ, 0) = softplus(ℓ), evaluated in double.
        double lossReal = Mean(Values(critic, real).Select(l => Softplus(-l)).ToArray(), realWeights);
        double lossFake = Mean(Values(critic, fake).Select(Softplus).ToArray(), fakeWeights);
        return Log2 - (lossReal + lossFake) / 2;
    }

    private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
}
