using System.Numerics;

namespace Verify.Networks.Training;

/// <summary>
/// Divergence detection: checks losses and weights for NaN or ±∞ and stops training with a
/// <see cref="TrainingDivergedException"/> naming the iteration and the tensor.
/// </summary>
public static class DivergenceGuard
{
    /// <summary>Throws when the scalar <paramref name="loss"/> is NaN or infinite.</summary>
    public static void CheckLoss(int iteration, string name, double loss)
    {
        if (!double.IsFinite(loss)) throw new TrainingDivergedException(iteration, name, -1, loss);
    }

    /// <summary>Throws at the first NaN or infinite entry of <paramref name="values"/>.</summary>
    public static void CheckValues<T>(int iteration, string name, ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        // Fast path: a finite sum means every term is finite (NaN and ±∞ propagate); only a non-finite sum (which may
        // also be an overflow of finite terms) needs the scan that finds the first bad entry.
        if (T.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(values))) return;
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i])) throw new TrainingDivergedException(iteration, name, i, double.CreateChecked(values[i]));
        }
    }
}
