using Ot = Verify.Theory.Transport;
using Verify.Theory;
using Xunit;
using Xunit.Abstractions;

namespace Verify.Theory.Tests.Transport;

/// <summary>Runs alone: the memory measured is the whole process's allocation.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "memory (runs alone)";
}

/// <summary>
/// The matrix-free route's memory is O(n + m): at a size where the dense matrix would not fit in this test's limit,
/// everything the solve allocates (all threads, every byte ever allocated, so an upper bound on its peak) stays far
/// below the matrix.
/// </summary>
[Collection(MemoryCollection.Name)]
public class CloudTransportMemoryTests(ITestOutputHelper output)
{
    // n = m = 12 000: the dense matrix is 8·n·m = 1.15 GB, above this test's limit of 1 GB. The solve must allocate at
    // most 1/8 of that matrix in total (it needs about (n + m)·k arcs of a few dozen bytes each, plus the trees).
    [Fact]
    public void TwelveThousandPointsSolveWithoutTheMatrix()
    {
        const int n = 12_000;
        var p = TransportData.Cloud(n, 2, 81);
        var q = TransportData.Cloud(n, 2, 82, shift: 0.7);
        const double matrixBytes = 8.0 * n * n, limit = 1e9;
        Assert.True(matrixBytes > limit);
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        TransportResult r = Ot.Solve(p, q, GroundCost.SquaredEuclidean);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"allocated {allocated / 1e6:F1} MB; the matrix would be {matrixBytes / 1e6:F0} MB");
        Assert.Equal(TransportRoute.SparsePricing, r.Route);
        Assert.Equal(TransportStatus.Optimal, r.Status);
        Assert.True(r.Certificate.Holds);
        Assert.True(allocated < matrixBytes / 8, $"allocated {allocated / 1e6:F1} MB, more than 1/8 of the {matrixBytes / 1e6:F0} MB matrix");
    }
}
