using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Tensors;

namespace Verify.Networks.Critics;

/// <summary>Which side of ‖∇f‖ = 1 a gradient penalty punishes.</summary>
public enum PenaltySide
{
    /// <summary>WGAN-GP (Gulrajani et al. 2017): (‖∇f(x̂)‖ − 1)².</summary>
    TwoSided,

    /// <summary>WGAN-LP (Petzka et al. 2018): max(0, ‖∇f(x̂)‖ − 1)².</summary>
    OneSided,
}

/// <summary>
/// The gradient penalty on random interpolates x̂ = εx + (1 − ε)x̃, ε ~ U[0, 1] one per pair of rows:
/// mean over the batch of (‖∇ₓf(x̂)‖ − 1)² (two-sided) or max(0, ‖∇ₓf(x̂)‖ − 1)² (one-sided), unweighted by λ.
/// The input gradient is taken with createGraph, so the penalty's gradient reaches the critic's weights.
/// </summary>
public static class GradientPenalty
{
    /// <summary>x̂ = εx + (1 − ε)x̃ with ε drawn from <paramref name="rng"/> per row; a leaf that requires grad.</summary>
    public static Tensor<T> Interpolates<T>(Tensor<T> real, Tensor<T> fake, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (real.Rows != fake.Rows || real.Cols != fake.Cols)
            throw new ArgumentException($"interpolation needs batches of one shape, got [{real.Rows}, {real.Cols}] and [{fake.Rows}, {fake.Cols}]");
        var eps = Tensor.Uniform<T>(rng, 0, 1, real.Rows, 1);
        using (Autograd.NoGrad())
        {
            var xhat = Tensor.Add(Tensor.Mul(eps, real), Tensor.Mul(Tensor.RSubScalar(T.One, eps), fake));
            return xhat.Detach().RequireGrad();
        }
    }

    /// <summary>The penalty at the points <paramref name="points"/> (a leaf requiring grad), as a differentiable scalar.</summary>
    public static Tensor<T> At<T>(ICritic<T> critic, Tensor<T> points, PenaltySide side) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!points.RequiresGrad) throw new ArgumentException("the penalty points must require grad", nameof(points));
        Layers.ModuleTree.RefuseBatchNorm(critic, "gradient penalty");
        var output = critic.Forward(points);
        var grad = Autograd.Grad(Tensor.Sum(output), points, createGraph: true);
        var excess = Tensor.AddScalar(Tensor.RowNorm(grad), -T.One);
        if (side == PenaltySide.OneSided) excess = Tensor.Maximum(excess, T.Zero);
        return Tensor.Mean(Tensor.Square(excess));
    }

    /// <summary>The penalty on fresh interpolates of <paramref name="real"/> and <paramref name="fake"/>.</summary>
    public static Tensor<T> OnInterpolates<T>(ICritic<T> critic, Tensor<T> real, Tensor<T> fake, Rng rng, PenaltySide side)
        where T : unmanaged, IFloatingPointIeee754<T>
        => At(critic, Interpolates(real, fake, rng), side);
}
