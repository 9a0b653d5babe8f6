namespace Verify.Theory;

/// <summary>
/// Which exact route solves a problem between point clouds: the dense network simplex on the n × m cost matrix, or the
/// matrix-free sparse route (<see cref="CloudTransport"/>).
/// </summary>
public static class TransportRouting
{
    /// <summary>
    /// Below this many pairs the dense route is used in dimension ≤ <see cref="CloudTransport.TreeDimensions"/>: there
    /// the matrix is small and one dense solve beats building trees and pricing rounds.
    /// </summary>
    public const long DensePairsLowDimension = 1_000_000;

    /// <summary>As <see cref="DensePairsLowDimension"/> in higher dimension, where the matrix-free passes are dot products.</summary>
    public const long DensePairsHighDimension = 1_000_000;

    /// <summary>
    /// The route for n sources and m targets in dimension d: <paramref name="requested"/> unless it is
    /// <see cref="TransportRoute.Auto"/>; then the dense network simplex when n·m is below the threshold for d (see
    /// above) and the 8·n·m-byte matrix takes at most a quarter of the memory available, otherwise the sparse route.
    /// Never returns Auto.
    /// </summary>
    public static TransportRoute Choose(int n, int m, int d, TransportRoute requested)
    {
        if (requested != TransportRoute.Auto) return requested;
        long pairs = (long)n * m;
        long threshold = d <= CloudTransport.TreeDimensions ? DensePairsLowDimension : DensePairsHighDimension;
        if (pairs > threshold || pairs > int.MaxValue) return TransportRoute.SparsePricing;
        var info = GC.GetGCMemoryInfo();
        long free = info.TotalAvailableMemoryBytes - info.MemoryLoadBytes;
        if (info.TotalAvailableMemoryBytes > 0 && 8.0 * pairs > 0.25 * free) return TransportRoute.SparsePricing;
        return TransportRoute.NetworkSimplex;
    }
}
