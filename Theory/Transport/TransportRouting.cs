namespace Verify.Theory;

/// <summary>
/// Which exact route solves a problem between point clouds: the dense network simplex on the n × m cost matrix, or the
/// matrix-free sparse route (<see cref="CloudTransport"/>).
/// </summary>
public static class TransportRouting
{
    /// <summary>
    /// Up to this many pairs n·m, <see cref="TransportRoute.Auto"/> takes the dense route (when the matrix also fits, see
    /// <see cref="Choose(int, int, int, TransportRoute)"/>): there the 8 MB matrix is cheap and one dense solve needs no
    /// trees and no pricing rounds.
    /// </summary>
    public const long DensePairs = 1_000_000;

    /// <summary>
    /// The route for n sources and m targets in dimension d: <paramref name="requested"/> unless it is
    /// <see cref="TransportRoute.Auto"/>; then <see cref="TransportRoute.NetworkSimplex"/> (dense) when
    /// n·m ≤ <see cref="DensePairs"/> and the 8·n·m-byte matrix takes at most a quarter of the memory available
    /// (<see cref="GC.GetGCMemoryInfo()"/>: total available minus current load), otherwise
    /// <see cref="TransportRoute.SparsePricing"/> (matrix-free). The dimension decides how the sparse route prices
    /// (k-d trees for d ≤ 8, blocks of rows above), not whether it is taken. Never returns Auto.
    /// </summary>
    public static TransportRoute Choose(int n, int m, int d, TransportRoute requested)
    {
        var info = GC.GetGCMemoryInfo();
        long available = info.TotalAvailableMemoryBytes > 0 ? info.TotalAvailableMemoryBytes - info.MemoryLoadBytes : long.MaxValue;
        return Choose(n, m, d, requested, available);
    }

    /// <summary>As <see cref="Choose(int, int, int, TransportRoute)"/> with the memory available given, in bytes.</summary>
    public static TransportRoute Choose(int n, int m, int d, TransportRoute requested, long availableBytes)
    {
        if (n < 1 || m < 1 || d < 1) throw new ArgumentException($"sizes must be positive, got n = {n}, m = {m}, d = {d}");
        if (requested != TransportRoute.Auto) return requested;
        long pairs = (long)n * m;
        if (pairs > DensePairs) return TransportRoute.SparsePricing;
        if (8.0 * pairs > 0.25 * availableBytes) return TransportRoute.SparsePricing;
        return TransportRoute.NetworkSimplex;
    }
}
