namespace Verify.Theory;

/// <summary>
/// Bounding boxes of runs of <see cref="SubBlock"/> consecutive targets, which let a scan skip a whole run for a row: the
/// targets are in k-d tree order, so a run is compact in space, and <see cref="GroundCost.BoxLower"/> bounds below every
/// cost from the row's point to the run as the costs are computed. Measured on the potentials of the 10⁵ Gaussian row's
/// simplex: half of all (row, run) pairs are skipped by the pricing test, and a pass over all pairs takes 0.70 s instead
/// of 0.89 s (runs of 256 or 1024 targets: the same; the shorter scans and the tests take back part of the gain).
/// </summary>
internal sealed partial class PairScan
{
    /// <summary>Targets per box (a multiple of the vector width that divides <see cref="ColumnBlock"/>).</summary>
    private const int SubBlock = 512;

    private double[]? _boxLo, _boxHi;

    /// <summary>(Row, run) pairs skipped by the box tests over the scan's life (for the tests).</summary>
    internal long SkippedRuns;

    /// <summary>The runs' boxes over their real targets (the padding excluded), built on first use.</summary>
    private (double[] Lo, double[] Hi) Boxes()
    {
        if (_boxLo is not null && _boxHi is not null) return (_boxLo, _boxHi);
        int m = _costs.M, d = _d, runs = (_mPad + SubBlock - 1) / SubBlock;
        var lo = new double[runs * d];
        var hi = new double[runs * d];
        for (int b = 0; b < runs; b++)
            for (int k = 0; k < d; k++)
            {
                double l = double.PositiveInfinity, h = double.NegativeInfinity;
                for (int j = b * SubBlock; j < Math.Min(m, (b + 1) * SubBlock); j++)
                {
                    l = Math.Min(l, _y[k][j]);
                    h = Math.Max(h, _y[k][j]);
                }
                lo[b * d + k] = l;
                hi[b * d + k] = h;
            }
        (_boxLo, _boxHi) = (lo, hi);
        return (lo, hi);
    }

    /// <summary>The largest of <paramref name="values"/> (one per real target) over each run.</summary>
    private double[] RunMax(double[] values)
    {
        int m = _costs.M, runs = (_mPad + SubBlock - 1) / SubBlock;
        var max = new double[runs];
        for (int b = 0; b < runs; b++)
        {
            double x = double.NegativeInfinity;
            for (int j = b * SubBlock; j < Math.Min(m, (b + 1) * SubBlock); j++) x = Math.Max(x, values[j]);
            max[b] = x;
        }
        return max;
    }

    /// <summary>A lower bound on c(x, y) as computed, for every target y of run b (<see cref="GroundCost.BoxLower"/>).</summary>
    private double RunLower(ReadOnlySpan<double> x, int b, double[] lo, double[] hi) =>
        _costs.Cost.BoxLower(x, lo.AsSpan(b * _d, _d), hi.AsSpan(b * _d, _d));
}
