namespace Verify.Networks.Training;

/// <summary>
/// Training produced a NaN or ±∞ loss or weight. The message names the iteration and the tensor
/// (a loss such as "critic loss" or a parameter such as "critic.2.weight") and the first bad value.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    public TrainingDivergedException(int iteration, string tensor, int index, double value)
        : base($"training diverged at iteration {iteration}: {tensor} holds {Show(value)}" + (index >= 0 ? $" at index {index}" : ""))
    {
        Iteration = iteration;
        Tensor = tensor;
        Index = index;
        Value = value;
    }

    /// <summary>The 0-based iteration at which the bad value appeared.</summary>
    public int Iteration { get; }

    /// <summary>The loss or parameter that holds it.</summary>
    public string Tensor { get; }

    /// <summary>The flat index of the first bad value (−1 for a scalar loss).</summary>
    public int Index { get; }

    /// <summary>The bad value (NaN or ±∞).</summary>
    public double Value { get; }

    private static string Show(double v) => double.IsNaN(v) ? "NaN" : v > 0 ? "+∞" : "−∞";
}
