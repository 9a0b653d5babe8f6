using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Tensors;
using Verify.Toys.Families;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// The gradient a generator receives from a fixed critic: for G_θ(z) reparameterised with tangents ∂x/∂θ, the θ-derivative
/// of the generator's loss L_G(θ) = ℓ(G_θ(z₁), …, G_θ(zₙ)) is Σᵢ ⟨∂ℓ/∂xᵢ, ∂xᵢ/∂θ⟩ (chain rule; ℓ is the method's
/// generator loss, a mean over the batch). For a WGAN critic, ℓ = −mean f(xᵢ), so this is −E[∇f(G_θ(z))·∂G/∂θ]; for a
/// GAN, ℓ is mean log(1 − D) (minimax) or −mean log D (non-saturating).
/// </summary>
public static class GeneratorGradient
{
    public static double Of<T>(CriticObjective<T> objective, ICritic<T> critic, TangentSample sample) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(sample);
        var x = Tensor.FromDouble<T>(sample.Points, sample.Count, sample.Dimension).RequireGrad();
        var loss = objective.GeneratorLoss(critic, x, x);
        double[] g = Autograd.Grad(loss, x).ToDoubleArray();
        double total = 0;
        for (int k = 0; k < g.Length; k++) total += g[k] * sample.Tangents[k];
        return total;
    }
}
