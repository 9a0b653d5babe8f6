using System.Runtime.CompilerServices;

namespace Verify.Theory;

/// <summary>A growable list of arcs i → j with their costs (the candidate set of the sparse pricing route).</summary>
internal sealed class SparseArcs : ArcSet
{
    private int[] _src = new int[1024];
    private int[] _tgt = new int[1024];
    private double[] _cost = new double[1024];
    private int _count;

    public override int Count => _count;
    public override int Source(int e) => _src[e];
    public override int Target(int e) => _tgt[e];
    public override double Cost(int e) => _cost[e];

    public void Add(int i, int j, double c)
    {
        if (_count == _src.Length)
        {
            int cap = checked(_count * 2);
            Array.Resize(ref _src, cap);
            Array.Resize(ref _tgt, cap);
            Array.Resize(ref _cost, cap);
        }
        _src[_count] = i;
        _tgt[_count] = j;
        _cost[_count] = c;
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override int FindEntering(double[] pi, double[] low, int n, ref int next, int block, in PricingRule rule)
    {
        int count = _count;
        if (count == 0) return -1;
        int e = next >= count ? 0 : next;
        double best = 0;
        int bestArc = -1;
        int left = block;
        int[] src = _src, tgt = _tgt;
        double[] cost = _cost;
        double factor = rule.CostFactor;
        for (int scanned = 0; scanned < count; scanned++)
        {
            double rc = Math.FusedMultiplyAdd(cost[e], factor, rule.RowConstant(pi[src[e]])) - low[n + tgt[e]];
            if (rc < best)
            {
                best = rc;
                bestArc = e;
            }
            if (++e == count) e = 0;
            if (--left == 0)
            {
                if (bestArc >= 0)
                {
                    next = e;
                    return bestArc;
                }
                left = block;
            }
        }
        next = e;
        return bestArc;
    }
}
