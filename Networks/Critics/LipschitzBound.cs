using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Networks.Critics;

/// <summary>A critic built as one <see cref="Sequential{T}"/> applied to its input reshaped (e.g. [N, 784] → [N, 1, 28, 28]).</summary>
public interface ISequentialCritic<T> : ICritic<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The layers, in order.</summary>
    Sequential<T> Body { get; }

    /// <summary>The shape of one sample as <see cref="Body"/> receives it, batch dimension included as 1 (e.g. [1, 1, 28, 28]).</summary>
    int[] BodyInputShape { get; }
}

/// <summary>An upper bound on a Lipschitz constant, and the probability that it fails (0 when certain).</summary>
/// <param name="Bound">L with ‖f(x) − f(y)‖ ≤ L·‖x − y‖ (+∞ when no finite bound is known).</param>
/// <param name="Delta">The bound holds with probability ≥ 1 − Delta over the seeds of the power iterations (union over layers).</param>
public readonly record struct Lipschitz(double Bound, double Delta);

/// <summary>
/// Upper bounds on the Lipschitz constant (ℓ₂ → ℓ₂) of a network, layer by layer: the product of the layers' bounds.
/// Linear: <see cref="SpectralNorm.UpperBound"/> of W (certain); Conv2d and ConvTranspose2d: the operator norm of the
/// convolution on the actual image size by power iteration through the convolution and its adjoint
/// (<see cref="SpectralNorm.OfConv2d"/>; holds with probability ≥ 1 − δ, or certain when the √m·σ(W') cap is smaller);
/// a spectrally normalised layer: the same for W/σ̂; ReLU, tanh: 1; LeakyReLU: max(1, |slope|); sigmoid: ¼; Flatten,
/// Unflatten: 1; LayerNorm: max|γ|/√ε (its Jacobian has norm ≤ 1/√(σ² + ε)); BatchNorm in evaluation mode: the per-channel
/// affine map's max|γ_c|/√(running_var_c + ε), in training mode +∞ (its output is not a function of one sample).
/// </summary>
public static class LipschitzBound
{
    /// <summary>
    /// The bound for a critic: for an <see cref="ISequentialCritic{T}"/> the layer-by-layer bound of its body; for an MLP
    /// critic ∏ₗ σ̄(Wₗ)·L_act^(layers − 1) over <see cref="ICritic{T}.EffectiveWeights"/> with σ̄ = <see cref="SpectralNorm.UpperBound"/>.
    /// </summary>
    public static Lipschitz OfCritic<T>(ICritic<T> critic) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(critic);
        if (critic is ISequentialCritic<T> s) return Of(s.Body, s.BodyInputShape);
        var weights = critic.EffectiveWeights();
        double bound = Math.Pow(critic.ActivationLipschitz, weights.Count - 1);
        foreach (var w in weights) bound *= SpectralNorm.UpperBound(w.ToDoubleArray(), w.Rows, w.Cols);
        return new Lipschitz(bound, 0);
    }

    /// <summary>The bound for <paramref name="module"/> on inputs of <paramref name="inputShape"/> (batch dimension first, e.g. [1, 64, 14, 14]).</summary>
    public static Lipschitz Of<T>(IModule<T> module, int[] inputShape, ulong seed = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(inputShape);
        var (bound, delta, _) = Walk(module, inputShape, seed);
        return new Lipschitz(bound, Math.Min(delta, 1));
    }

    private static (double Bound, double Delta, int[] OutputShape) Walk<T>(IModule<T> m, int[] shape, ulong seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m is Sequential<T> seq)
        {
            double bound = 1, delta = 0;
            for (int i = 0; i < seq.Count; i++)
            {
                var (b, d, next) = Walk(seq[i], shape, seed + (ulong)i);
                (bound, delta, shape) = (bound * b, delta + d, next);
            }
            return (bound, delta, shape);
        }
        int[] output = OutputShape(m, shape);
        switch (m)
        {
            case SpectralNormalized<T> sn:
            {
                Tensor<T> w;
                using (Autograd.NoGrad()) w = sn.NormalizedWeight();
                var (b, d) = Weighted(sn.Layer, w, shape, seed);
                return (b, d, output);
            }
            case IWeightedLayer<T> layer:
            {
                var (b, d) = Weighted(layer, layer.Weight, shape, seed);
                return (b, d, output);
            }
            case ReLU<T> or Tanh<T> or Flatten<T> or Unflatten<T>: return (1, 0, output);
            case LeakyReLU<T> l: return (Math.Max(1, Math.Abs(l.NegativeSlope)), 0, output);
            case Sigmoid<T>: return (0.25, 0, output);
            case LayerNorm<T> ln: return (MaxAbs(ln.Weight) / Math.Sqrt(ln.Eps), 0, output);
            case BatchNorm<T> bn:
            {
                if (bn.Training) return (double.PositiveInfinity, 0, output);
                double best = 0;
                for (int c = 0; c < bn.NumFeatures; c++)
                {
                    double gamma = bn.Weight is null ? 1 : Math.Abs(double.CreateChecked(bn.Weight[c]));
                    best = Math.Max(best, gamma / Math.Sqrt(double.CreateChecked(bn.RunningVar[c]) + bn.Eps));
                }
                return (best, 0, output);
            }
            default:
                throw new ArgumentException($"no Lipschitz bound is known for a layer of type {m.GetType().Name.Split('`')[0]}", nameof(m));
        }
    }

    private static (double Bound, double Delta) Weighted<T>(IWeightedLayer<T> layer, Tensor<T> weight, int[] shape, ulong seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (layer)
        {
            case Conv2d<T> conv:
            {
                var r = SpectralNorm.OfConv2d(weight.ToDoubleArray(), conv.OutChannels, conv.Geometry(shape[2], shape[3]), SpectralNorm.DefaultOperatorIterations, SpectralNorm.DefaultDelta, seed);
                return (r.UpperBound, r.Delta);
            }
            case ConvTranspose2d<T> convT:
            {
                // The transposed convolution is the adjoint of conv2d(·, W) on its output images: the same norm.
                var r = SpectralNorm.OfConv2d(weight.ToDoubleArray(), convT.InChannels, convT.Geometry(shape[2], shape[3]), SpectralNorm.DefaultOperatorIterations, SpectralNorm.DefaultDelta, seed);
                return (r.UpperBound, r.Delta);
            }
            default:
                return (SpectralNorm.UpperBound(weight.ToDoubleArray(), weight.Rows, weight.Cols), 0);
        }
    }

    /// <summary>The output shape of one layer on <paramref name="shape"/>, found by running it on zeros in evaluation mode.</summary>
    private static int[] OutputShape<T>(IModule<T> m, int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool mode = m.Training;
        try
        {
            using var _ = Autograd.NoGrad();
            if (m is SpectralNormalized<T> sn) return [.. sn.Layer.Forward(Tensor.Zeros<T>(shape), sn.Layer.Weight).Shape];
            m.Train(false);
            return [.. m.Forward(Tensor.Zeros<T>(shape)).Shape];
        }
        finally
        {
            m.Train(mode);
        }
    }

    private static double MaxAbs<T>(Tensor<T>? t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (t is null) return 1;
        double best = 0;
        foreach (double v in t.ToDoubleArray()) best = Math.Max(best, Math.Abs(v));
        return best;
    }
}
