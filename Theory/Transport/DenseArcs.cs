using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Verify.Theory;

/// <summary>All n·m arcs of the bipartite transport graph, arc e = i·m + j, costs read in place from a row-major matrix.</summary>
internal sealed class DenseArcs : ArcSet
{
    private readonly Array _cost; // double[] or double[,], row-major
    private readonly int _n, _m;

    public DenseArcs(Array cost, int n, int m)
    {
        _cost = cost;
        _n = n;
        _m = m;
    }

    public override int Count => _n * _m;
    public override int Source(int e) => e / _m;
    public override int Target(int e) => e % _m;

    public override double Cost(int e) =>
        Unsafe.Add(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(_cost)), e);

    public override int FindEntering(double[] pi, int n, ref int next, int block, double eps)
    {
        int m = _m, rows = _n;
        long total = (long)rows * m;
        ref double c0 = ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(_cost));
        ReadOnlySpan<double> piT = pi.AsSpan(n, m);
        int i = next / m, j = next - i * m;
        double best = 0;
        int bestArc = -1;
        int left = block;
        long scanned = 0;
        while (scanned < total)
        {
            int jEnd = Math.Min(m, j + left);
            double pii = pi[i];
            int rowBase = i * m;
            ReadOnlySpan<double> row = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref c0, rowBase), m);
            for (int jj = j; jj < jEnd; jj++)
            {
                double c = row[jj];
                double rc = c + pii - piT[jj];
                if (rc < best)
                {
                    double scale = Math.Max(Math.Abs(c), Math.Max(Math.Abs(pii), Math.Abs(piT[jj])));
                    if (rc < -eps * scale)
                    {
                        best = rc;
                        bestArc = rowBase + jj;
                    }
                }
            }
            int done = jEnd - j;
            scanned += done;
            left -= done;
            j = jEnd;
            if (j == m)
            {
                j = 0;
                i++;
                if (i == rows) i = 0;
            }
            if (left == 0)
            {
                if (bestArc >= 0)
                {
                    next = i * m + j;
                    return bestArc;
                }
                left = block;
            }
        }
        next = i * m + j;
        return bestArc;
    }
}
