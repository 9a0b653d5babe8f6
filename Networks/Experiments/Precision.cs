namespace Verify.Networks.Experiments;

/// <summary>
/// The floating-point type a network trains in. Exact values (transport, divergences) are always computed in double,
/// whatever this says; samples are converted to the network's type on the way in and widened back on the way out.
/// </summary>
public enum Precision
{
    /// <summary>float32: the default (the engine's GEMM kernels and PyTorch's default; about twice the throughput).</summary>
    Single,

    /// <summary>float64: for checks that need it (gradient checks, comparisons at 1e-12).</summary>
    Double,
}

/// <summary>Names of <see cref="Precision"/> on the command line and in results.</summary>
public static class PrecisionNames
{
    /// <summary>"single" or "double".</summary>
    public static string NameOf(Precision precision) => precision switch
    {
        Precision.Single => "single",
        Precision.Double => "double",
        _ => throw new ArgumentException($"unknown precision {(int)precision}", nameof(precision)),
    };

    /// <summary>"single" (also "float", "float32") or "double" (also "float64"), case-insensitive.</summary>
    public static Precision Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "single" or "float" or "float32" => Precision.Single,
            "double" or "float64" => Precision.Double,
            _ => throw new ArgumentException($"'{name}' is not a precision; allowed: single, double", nameof(name)),
        };
    }
}
