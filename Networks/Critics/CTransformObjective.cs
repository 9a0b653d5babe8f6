using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.Networks.Training;

namespace Verify.Networks.Critics;

/// <summary>
/// The c-transform critic (Mallasto et al. 2019; Stanczuk et al. 2021). On a batch, f is paired with its c-transform
/// over the batch's real points, f^c(y) = minᵢ (‖xᵢ − y‖ − f(xᵢ)), and the critic maximises the dual value
/// E_P f + E_Q f^c (loss: its negative). Sign convention: the task statement writes the estimate as E_P f − E_Q f^c;
/// with f^c defined as a minimum that is a sign slip — for 1-Lipschitz f, f^c = −f and the standard Kantorovich dual
/// E_P f + E_Q f^c equals E_P f − E_Q f. The value is feasible by construction (f(xᵢ) + f^c(y) ≤ ‖xᵢ − y‖), so it never
/// exceeds W₁ between the two empirical batches. The generator minimises E_Q f^c(G(z)) (gradient through ‖x_{i*} − G(z)‖).
/// </summary>
public sealed class CTransformObjective<T>(WganCtOptions options) : CriticObjective<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override MethodOptions Options => options;

    /// <inheritdoc/>
    public override ICritic<T> CreateCritic(CriticArchitecture architecture, Rng rng) => new MlpCritic<T>(architecture, rng);

    /// <inheritdoc/>
    public override CriticStep<T> CriticLoss(ICritic<T> critic, Tensor<T> real, Tensor<T> fake, Rng rng)
    {
        var fx = critic.Forward(real);
        var value = Tensor.Add(Tensor.Mean(fx), Tensor.Mean(CTransform.Values(real, fx, fake)));
        return new CriticStep<T>(Tensor.Neg(value), double.CreateChecked(value.Item()), 0);
    }

    /// <inheritdoc/>
    public override Tensor<T> GeneratorLoss(ICritic<T> critic, Tensor<T> fake, Tensor<T> real)
    {
        Tensor<T> fx;
        using (Autograd.NoGrad()) fx = critic.Forward(real);
        return Tensor.Mean(CTransform.Values(real, fx, fake));
    }

    /// <inheritdoc/>
    public override double Estimate(ICritic<T> critic, Tensor<T> real, Tensor<T> fake, double[]? realWeights = null, double[]? fakeWeights = null)
    {
        using var _ = Autograd.NoGrad();
        var fx = critic.Forward(real);
        double[] fc = CTransform.Values(real, fx, fake).ToDoubleArray();
        return Mean(fx.ToDoubleArray(), realWeights) + Mean(fc, fakeWeights);
    }
}
