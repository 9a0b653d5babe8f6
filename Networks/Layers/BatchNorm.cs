using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>
/// Batch normalisation as PyTorch's nn.BatchNorm1d / nn.BatchNorm2d (eps = 1e-5, momentum = 0.1, affine, tracking running
/// statistics). Per channel c (dimension 1):
/// <list type="bullet">
/// <item>training mode: y = (x − μ_B)/√(σ²_B + ε)·γ + β with the batch mean μ_B and biased variance σ²_B over every other
/// dimension, and running_mean ← (1 − m)·running_mean + m·μ_B, running_var ← (1 − m)·running_var + m·σ²_B·n/(n − 1)
/// (the unbiased variance; n values per channel), num_batches_tracked += 1; momentum null means the cumulative average
/// m = 1/num_batches_tracked;</item>
/// <item>evaluation mode: y = (x − running_mean)/√(running_var + ε)·γ + β.</item>
/// </list>
/// Buffers running_mean (zeros), running_var (ones) and num_batches_tracked (a scalar count) are PyTorch's state-dict
/// entries. Training-mode outputs depend on the whole batch, so a critic with a gradient penalty refuses it
/// (<see cref="ModuleTree.RefuseBatchNorm{T}"/>).
/// </summary>
public abstract class BatchNorm<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] ranks;

    private protected BatchNorm(int features, double eps, double? momentum, bool affine, int[] ranks)
    {
        if (features < 1) throw new ArgumentException($"numFeatures must be at least 1, got {features}", "numFeatures");
        if (!(eps > 0)) throw new ArgumentException($"eps must be > 0, got {eps}", nameof(eps));
        if (momentum is { } m && !(m >= 0 && m <= 1)) throw new ArgumentException($"momentum must lie in [0, 1], got {m}", nameof(momentum));
        (NumFeatures, Eps, Momentum, this.ranks) = (features, eps, momentum, ranks);
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones<T>(features));
            Bias = RegisterParameter("bias", Tensor.Zeros<T>(features));
        }
        RunningMean = RegisterBuffer("running_mean", Tensor.Zeros<T>(features));
        RunningVar = RegisterBuffer("running_var", Tensor.Ones<T>(features));
        NumBatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Zeros<T>());
    }

    /// <summary>Number of channels C.</summary>
    public int NumFeatures { get; }

    /// <summary>ε added to the variance.</summary>
    public double Eps { get; }

    /// <summary>The running-average factor (null: cumulative average).</summary>
    public double? Momentum { get; }

    /// <summary>γ [C], or null without affine parameters.</summary>
    public Tensor<T>? Weight { get; }

    /// <summary>β [C], or null without affine parameters.</summary>
    public Tensor<T>? Bias { get; }

    /// <summary>The running mean [C] (a buffer, updated in place in training mode).</summary>
    public Tensor<T> RunningMean { get; }

    /// <summary>The running unbiased variance [C] (a buffer).</summary>
    public Tensor<T> RunningVar { get; }

    /// <summary>The number of training-mode batches seen (a scalar buffer; PyTorch stores it as int64).</summary>
    public Tensor<T> NumBatchesTracked { get; }

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        if (!ranks.Contains(input.Rank) || input.Shape[1] != NumFeatures)
            throw new ArgumentException($"{GetType().Name.Split('`')[0]}: needs input of rank {string.Join(" or ", ranks)} with {NumFeatures} channels in dimension 1, got [{string.Join(", ", input.Shape)}]", nameof(input));
        int[] axes = Enumerable.Range(0, input.Rank).Where(k => k != 1).ToArray();
        int[] channel = Enumerable.Range(0, input.Rank).Select(k => k == 1 ? NumFeatures : 1).ToArray();
        int n = input.Length / NumFeatures;
        Tensor<T> y;
        if (Training)
        {
            if (n < 2) throw new ArgumentException($"{GetType().Name.Split('`')[0]}: training mode needs more than one value per channel, got input [{string.Join(", ", input.Shape)}]", nameof(input));
            var mean = Tensor.Mean(input, axes, keepDim: true);
            var centred = Tensor.Sub(input, mean);
            var variance = Tensor.Mean(Tensor.Square(centred), axes, keepDim: true);
            y = Tensor.Div(centred, Tensor.Sqrt(Tensor.AddScalar(variance, T.CreateChecked(Eps))));
            UpdateRunningStatistics(mean, variance, n);
        }
        else
        {
            Tensor<T> shift, scale;
            using (Autograd.NoGrad())
            {
                shift = Tensor.Reshape(RunningMean, channel).Detach();
                scale = Tensor.Reshape(Tensor.Sqrt(Tensor.AddScalar(RunningVar, T.CreateChecked(Eps))), channel).Detach();
            }
            y = Tensor.Div(Tensor.Sub(input, shift), scale);
        }
        if (Weight is null) return y;
        return Tensor.Add(Tensor.Mul(y, Tensor.Reshape(Weight, channel)), Tensor.Reshape(Bias!, channel));
    }

    private void UpdateRunningStatistics(Tensor<T> mean, Tensor<T> variance, int n)
    {
        NumBatchesTracked.Span[0] += T.One;
        double m = Momentum ?? 1.0 / double.CreateChecked(NumBatchesTracked.Span[0]);
        T keep = T.CreateChecked(1 - m), take = T.CreateChecked(m), unbias = T.CreateChecked((double)n / (n - 1));
        var rm = RunningMean.Span; var rv = RunningVar.Span;
        var mu = mean.Span; var var = variance.Span;
        for (int c = 0; c < NumFeatures; c++)
        {
            rm[c] = keep * rm[c] + take * mu[c];
            rv[c] = keep * rv[c] + take * var[c] * unbias;
        }
    }
}

/// <summary>nn.BatchNorm1d: input [N, C] (or [N, C, L]), statistics per feature C.</summary>
public sealed class BatchNorm1d<T>(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true)
    : BatchNorm<T>(numFeatures, eps, momentum, affine, [2, 3]) where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>nn.BatchNorm2d: input [N, C, H, W], statistics per channel C over N, H and W.</summary>
public sealed class BatchNorm2d<T>(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true)
    : BatchNorm<T>(numFeatures, eps, momentum, affine, [4]) where T : unmanaged, IFloatingPointIeee754<T>;
