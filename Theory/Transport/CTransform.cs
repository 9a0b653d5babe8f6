using System.Runtime.Intrinsics;

namespace Verify.Theory;

/// <summary>
/// The c-transform of potentials on a few centres, evaluated at many points: f(y) = min_c (c(x_c, y) − U_c). Under a
/// Euclidean cost of power 1 or 2 with AVX-512, eight centres at a time, screened in squared distances (only where
/// ‖x_c − y‖ could fall below the best so far plus U_c is the exact value formed); otherwise pair by pair.
/// </summary>
internal sealed class CTransform
{
    private const int Lanes = 8;
    private readonly double[] _centres, _potential;
    private readonly double[][] _columns;
    private readonly int _d, _count, _pad;
    private readonly GroundCost _cost;
    private readonly bool _vector;

    /// <summary>Centres (row-major, dimension d) and their potentials U.</summary>
    public CTransform(double[] centres, double[] potential, int d, GroundCost cost)
    {
        _centres = centres;
        _potential = potential;
        _d = d;
        _count = potential.Length;
        _cost = cost;
        _vector = PairScan.Supports(cost) && d <= 8;
        _pad = (_count + Lanes - 1) / Lanes * Lanes;
        _columns = new double[d + 1][];
        for (int k = 0; k <= d; k++)
        {
            var col = new double[_pad];
            for (int c = 0; c < _pad; c++)
                col[c] = c < _count ? (k < d ? centres[c * d + k] : potential[c]) : (k < d ? 0 : double.NegativeInfinity);
            _columns[k] = col;
        }
    }

    /// <summary>f(y) for every point of <paramref name="points"/> (row-major), written to <paramref name="result"/>.</summary>
    public void Apply(double[] points, double[] result)
    {
        TreeCosts.Chunks(points.Length / _d, (q0, q1) =>
        {
            for (int q = q0; q < q1; q++) result[q] = At(points.AsSpan(q * _d, _d));
        });
    }

    private double At(ReadOnlySpan<double> y)
    {
        double best = double.PositiveInfinity;
        if (!_vector)
        {
            for (int c = 0; c < _count; c++) best = Math.Min(best, _cost.EvaluateUnchecked(_centres.AsSpan(c * _d, _d), y) - _potential[c]);
            return best;
        }
        bool squared = _cost.Power == 2.0;
        var factor = PairScan.FilterFactor(1.0, squared);
        var floor = PairScan.FilterFloor;
        double[] u = _columns[_d];
        for (int c = 0; c < _pad; c += Lanes)
        {
            Vector512<double> q = Vector512<double>.Zero;
            for (int k = 0; k < _d; k++)
            {
                var diff = Vector512.LoadUnsafe(ref _columns[k][0], (nuint)c) - Vector512.Create(y[k]);
                q += diff * diff;
            }
            // The exact test fl(c − U) < best needs c < t = best + U: the pair scan's filter admits every lane that can pass.
            var t = Vector512.Create(best) + Vector512.LoadUnsafe(ref u[0], (nuint)c);
            if (!PairScan.AdmitsAny(q, t, factor, floor, squared)) continue;
            for (int l = 0; l < Lanes && c + l < _count; l++)
                best = Math.Min(best, _cost.EvaluateUnchecked(_centres.AsSpan((c + l) * _d, _d), y) - _potential[c + l]);
        }
        return best;
    }
}
