using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Tensors;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// The per-layer gradient norms of WGAN-GP Fig. 1b: for an MLP critic f = L_K ∘ ReLU ∘ … ∘ ReLU ∘ L_1 and the critic loss
/// ℓ = E_Q f − E_P f on a batch, the norms ‖∂ℓ/∂z_k‖ (Frobenius, over the batch) with respect to each layer's
/// pre-activation z_k = L_k(h_{k−1}), k = 1 … K (K the output). Clipped critics make them grow or decay geometrically with
/// depth; a gradient-penalised critic keeps them flat.
/// </summary>
public static class LayerGradients
{
    public static double[] Of<T>(MlpCritic<T> critic, Tensor<T> real, Tensor<T> fake) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(critic);
        if (critic.Architecture.Activation != Networks.Layers.Activation.ReLU)
            throw new ArgumentException($"layer gradients are defined here for ReLU critics, got {critic.Architecture}");
        var pre = new List<Tensor<T>>();
        Tensor<T> Forward(Tensor<T> x)
        {
            Tensor<T> h = x;
            for (int k = 0; k < critic.Linears.Count; k++)
            {
                Tensor<T> z = critic.Linears[k].Forward(h);
                pre.Add(z);
                h = k + 1 < critic.Linears.Count ? Tensor.Relu(z) : z;
            }
            return h;
        }
        var loss = Tensor.Sub(Tensor.Mean(Forward(fake)), Tensor.Mean(Forward(real)));
        // Each layer appears twice (the real and the fake pass); the gradient with respect to the pair is the concatenation.
        Tensor<T>[] g = Autograd.Grad(loss, pre);
        int layers = critic.Linears.Count;
        var norms = new double[layers];
        for (int k = 0; k < layers; k++)
        {
            double s = 0;
            foreach (Tensor<T> part in new[] { g[k], g[k + layers] })
                foreach (double v in part.ToDoubleArray()) s += v * v;
            norms[k] = Math.Sqrt(s);
        }
        return norms;
    }
}
