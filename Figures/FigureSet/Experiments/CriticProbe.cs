using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Tensors;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// A trained network evaluated at given points: its values and its input gradients ∇ₓf, by reverse mode (one backward pass
/// for all points, since each output depends on its own row only).
/// </summary>
public static class CriticProbe
{
    /// <summary>f(xᵢ) and ∇f(xᵢ) (row-major n·d) at the rows of <paramref name="points"/>.</summary>
    public static (double[] Values, double[] Gradients) Evaluate<T>(ICritic<T> critic, double[] points, int dimension) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(critic);
        var x = Tensor.FromDouble<T>(points, points.Length / dimension, dimension).RequireGrad();
        var f = critic.Forward(x);
        double[] grad = Autograd.Grad(Tensor.Sum(f), x).ToDoubleArray();
        return (f.ToDoubleArray(), grad);
    }

    /// <summary>
    /// A GAN discriminator D = σ(ℓ) and dD/dx = σ(ℓ)(1 − σ(ℓ))·ℓ′(x) on a 1-D grid, from its logit ℓ; σ(ℓ)(1 − σ(ℓ)) is
    /// computed as e^{−|ℓ|}/(1 + e^{−|ℓ|})², which keeps its full relative precision when D saturates.
    /// </summary>
    public static (double[] D, double[] Slope) Discriminator<T>(ICritic<T> logit, double[] xs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (l, dl) = Evaluate(logit, xs, 1);
        var d = new double[xs.Length];
        var slope = new double[xs.Length];
        for (int i = 0; i < xs.Length; i++)
        {
            double e = Math.Exp(-Math.Abs(l[i]));
            d[i] = l[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
            slope[i] = e / ((1 + e) * (1 + e)) * dl[i];
        }
        return (d, slope);
    }
}
