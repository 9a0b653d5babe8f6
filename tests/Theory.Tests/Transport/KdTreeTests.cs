using Verify.Theory;
using Xunit;

namespace Verify.Theory.Tests.Transport;

/// <summary>The k-d tree's invariants, checked point by point: a permutation, contiguous nodes, tight boxes, node extremes.</summary>
public class KdTreeTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9, 2, 2)]
    [InlineData(1000, 2, 3)]
    [InlineData(777, 3, 4)]
    [InlineData(300, 8, 5)]
    public void NodesPartitionThePointsAndBoxesAreTight(int n, int d, int seed)
    {
        var rng = new Random(seed);
        double[] pts = CloudCostsHarness.Points(n, d, rng);
        for (int k = 0; k < Math.Min(n, 50) * d; k++) pts[k] = pts[k % d]; // duplicates must not break the split
        var tree = new KdTree(pts, n, d);
        Assert.Equal(Enumerable.Range(0, n), tree.Index.Order());
        for (int t = 0; t < n; t++) Assert.Equal(pts.AsSpan(tree.Index[t] * d, d).ToArray(), tree.Point(t).ToArray());
        Assert.Equal(0, tree.Start(0));
        Assert.Equal(n, tree.End(0));
        for (int k = 0; k < tree.NodeCount; k++)
        {
            if (!tree.IsLeaf(k))
            {
                Assert.Equal(tree.Start(k), tree.Start(2 * k + 1));
                Assert.Equal(tree.End(2 * k + 1), tree.Start(2 * k + 2));
                Assert.Equal(tree.End(k), tree.End(2 * k + 2));
            }
            else Assert.True(tree.End(k) - tree.Start(k) <= KdTree.LeafSize);
            if (tree.End(k) == tree.Start(k)) continue;
            for (int c = 0; c < d; c++)
            {
                var coords = Enumerable.Range(tree.Start(k), tree.End(k) - tree.Start(k)).Select(t => tree.Point(t)[c]).ToList();
                Assert.Equal(coords.Min(), tree.Lo[k * d + c]);
                Assert.Equal(coords.Max(), tree.Hi[k * d + c]);
            }
        }
        // Node extremes of per-point keys given in the original order.
        double[] key = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        double[] min = tree.NodeMin(key), max = tree.NodeMax(key);
        for (int k = 0; k < tree.NodeCount; k++)
        {
            var keys = Enumerable.Range(tree.Start(k), tree.End(k) - tree.Start(k)).Select(t => key[tree.Index[t]]).ToList();
            Assert.Equal(keys.Count == 0 ? double.PositiveInfinity : keys.Min(), min[k]);
            Assert.Equal(keys.Count == 0 ? double.NegativeInfinity : keys.Max(), max[k]);
        }
    }
}
