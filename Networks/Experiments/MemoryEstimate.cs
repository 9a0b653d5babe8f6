using System.Globalization;

namespace Verify.Networks.Experiments;

/// <summary>
/// What a run will need in memory, estimated before it starts so that sizes that cannot fit are refused up front
/// rather than after minutes of training (or an out-of-memory failure).
/// </summary>
/// <param name="NetworkBytes">Activations and graph of one training step: about 24·batch·width·(layers + 1) values of
/// the network's type (three critic passes, the penalty's double backward, the generator's pass, with their gradients).</param>
/// <param name="ExactBytes">The exact transport between two point sets in d ≥ 2 dimensions: 12 bytes per pair (the n×m
/// cost matrix in double and its float copy for pricing); 0 in one dimension (the sorted route) or when not computed.</param>
/// <param name="OutputBytes">What the run hands back, e.g. the generated samples as doubles.</param>
public sealed record MemoryEstimate(long NetworkBytes, long ExactBytes, long OutputBytes = 0)
{
    /// <summary>The total.</summary>
    public long TotalBytes => SaturatingAdd(SaturatingAdd(NetworkBytes, ExactBytes), OutputBytes);

    /// <summary>The memory this process may use (the GC's view: physical memory or the container's limit).</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>True when the total fits in <see cref="AvailableBytes"/>.</summary>
    public bool Fits => TotalBytes <= AvailableBytes;

    /// <summary>Bytes of one training step of MLPs of the given shape (see <see cref="NetworkBytes"/>).</summary>
    public static long Network(int batch, int width, int layers, Precision precision)
    {
        double values = 24.0 * batch * Math.Max(width, 1) * (layers + 1);
        return Clamp(values * (precision == Precision.Single ? 4 : 8));
    }

    /// <summary>Bytes of an exact transport between n and m points in dimension d (see <see cref="ExactBytes"/>).</summary>
    public static long Exact(long n, long m, int dimension) => dimension <= 1 ? 0 : Clamp(12.0 * n * m);

    /// <summary>e.g. "80.0 GB".</summary>
    public static string Show(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("F1", CultureInfo.InvariantCulture) + " GB"
        : (bytes / (double)(1L << 20)).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    private static long Clamp(double bytes) => bytes >= long.MaxValue ? long.MaxValue : (long)bytes;

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
