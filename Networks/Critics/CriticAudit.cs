using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Tensors;

namespace Verify.Networks.Critics;

/// <summary>The Lipschitz audit of a critic.</summary>
/// <param name="MaxGradientNorm">max ‖∇f‖ over the samples and the interpolates (an empirical lower bound on Lip f).</param>
/// <param name="PairwiseRatio">max |f(x) − f(y)|/‖x − y‖ over pairs of the audited points (also a lower bound).</param>
/// <param name="SpectralBound">∏ₗ σ(Wₗ) · L_act^(layers − 1): an upper bound on Lip f for an MLP.</param>
/// <param name="Points">Number of points at which gradients were taken (samples + interpolates).</param>
/// <param name="PairPoints">Number of points entering the pairwise ratio.</param>
public sealed record CriticAuditResult(double MaxGradientNorm, double PairwiseRatio, double SpectralBound, int Points, int PairPoints)
{
    /// <summary>The empirical Lipschitz constant: the larger of the two lower bounds.</summary>
    public double Empirical => Math.Max(MaxGradientNorm, PairwiseRatio);
}

/// <summary>
/// Audits a critic's Lipschitz constant from both sides: lower bounds from the largest gradient norm over the samples
/// and random interpolates x̂ = εx + (1 − ε)x̃, and from the largest pairwise ratio |f(x) − f(y)|/‖x − y‖; an upper bound
/// from the product of the layers' spectral norms (times the activation's Lipschitz constant per hidden layer).
/// The critic is audited in evaluation mode (a spectrally normalised one with its stored u, v), then put back in its mode.
/// </summary>
public static class CriticAudit
{
    /// <summary>Largest number of points in the O(n²) pairwise ratio (a seeded subsample beyond it).</summary>
    public const int MaxPairPoints = 2000;

    /// <summary>Audits <paramref name="critic"/> on the rows of <paramref name="p"/> and <paramref name="q"/> and as many interpolates as rows of p.</summary>
    public static CriticAuditResult Run<T>(ICritic<T> critic, Tensor<T> p, Tensor<T> q, Rng rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(critic);
        if (p.Cols != critic.InputDimension || q.Cols != critic.InputDimension)
            throw new ArgumentException($"the critic takes dimension {critic.InputDimension}, the samples have {p.Cols} and {q.Cols}");
        bool mode = critic.Training;
        critic.Eval();
        try
        {
            int n = Math.Min(p.Rows, q.Rows);
            var pi = Tensor.GatherRows(p, rng.Permutation(p.Rows)[..n]);
            var qi = Tensor.GatherRows(q, rng.Permutation(q.Rows)[..n]);
            var interpolates = GradientPenalty.Interpolates(pi, qi, rng);
            var all = Tensor.Concat([p, q, interpolates.Detach()], 0);
            double maxGrad = MaxGradientNorm(critic, all);

            var points = Tensor.Concat(p, q, 0);
            if (points.Rows > MaxPairPoints) points = Tensor.GatherRows(points, rng.Permutation(points.Rows)[..MaxPairPoints]);
            double[] values;
            using (Autograd.NoGrad()) values = critic.Forward(points).ToDoubleArray();
            double ratio = PairwiseLipschitz.Ratio(points.ToDoubleArray(), points.Cols, values);

            return new CriticAuditResult(maxGrad, ratio, SpectralBound(critic), all.Rows, points.Rows);
        }
        finally
        {
            critic.Train(mode);
        }
    }

    /// <summary>max over rows x of ‖∇f(x)‖.</summary>
    public static double MaxGradientNorm<T>(ICritic<T> critic, Tensor<T> points) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = points.Detach().RequireGrad();
        var g = Autograd.Grad(Tensor.Sum(critic.Forward(x)), x);
        double best = 0;
        foreach (double v in Tensor.RowNorm(g).ToDoubleArray()) best = Math.Max(best, v);
        return best;
    }

    /// <summary>An upper bound on Lip f: ∏ₗ σ̄(Wₗ) · L_act^(layers − 1) for an MLP, layer by layer for others (<see cref="LipschitzBound.OfCritic"/>).</summary>
    public static double SpectralBound<T>(ICritic<T> critic) where T : unmanaged, IFloatingPointIeee754<T> => LipschitzBound.OfCritic(critic).Bound;
}
