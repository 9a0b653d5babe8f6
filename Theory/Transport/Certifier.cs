using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Verify.Theory;

/// <summary>
/// Computes the <see cref="TransportCertificate"/> of a plan and potentials against all n·m costs (stored or computed on
/// the fly, see <see cref="PairCosts"/>), and the plan's value, in one sweep over the pairs. Independent of how the plan was found: it is
/// given a plan γ and potentials (u, v), nothing else.
/// </summary>
internal static class Certifier
{
    /// <summary>
    /// The value P = Σcᵢⱼγᵢⱼ and its certificate: the marginal residual, the duality gap |P − D| with
    /// D = Σaᵢuᵢ + Σbⱼvⱼ, and the weighted dual violation V (see <see cref="TransportCertificate"/>); every sum is
    /// compensated. Each row contributes, in one sweep over its m costs, max_j sᵢⱼ, Σⱼ min(aᵢ, bⱼ)·sᵢⱼ₊, max_j |cᵢⱼ|
    /// and min_j cᵢⱼ, where sᵢⱼ = uᵢ + vⱼ − cᵢⱼ.
    /// </summary>
    public static (TransportCertificate Certificate, double Value) Certify(ReadOnlySpan<double> a, ReadOnlySpan<double> b,
        PairCosts cost, double[] u, double[] v, IReadOnlyList<(int I, int J, double Mass)> plan, double tolerance)
    {
        int n = cost.N, m = cost.M;
        var massA = new CompensatedSum();
        var massB = new CompensatedSum();
        for (int i = 0; i < n; i++) massA.Add(a[i]);
        for (int j = 0; j < m; j++) massB.Add(b[j]);
        double mass = massA.Value, mass2 = Math.Max(mass, massB.Value);

        // Primal: γ ≥ 0 and marginals; the value.
        var row = new CompensatedSum[n];
        var col = new CompensatedSum[m];
        var value = new CompensatedSum();
        bool negative = false;
        foreach (var (i, j, g) in plan)
        {
            if (!(g >= 0)) negative = true;
            row[i].Add(g);
            col[j].Add(g);
            value.Add(cost.At(i, j) * g);
        }
        double primal = 0;
        for (int i = 0; i < n; i++) primal = Math.Max(primal, Math.Abs(row[i].Value - a[i]));
        for (int j = 0; j < m; j++) primal = Math.Max(primal, Math.Abs(col[j].Value - b[j]));
        primal = negative ? double.PositiveInfinity : primal / mass2;
        double p = value.Value;

        // Dual: one sweep over all pairs. Costs are never NaN or −∞ (validated), so with finite potentials no sᵢⱼ is NaN.
        bool finite = AllFinite(u) && AllFinite(v);
        DualSweep sweep = cost.Sweep(u, a.ToArray(), v, b.ToArray());
        double maxViolation = 0, costScale = sweep.MaxAbsCost, costMin = sweep.MinCost;
        var rowWeighted = new CompensatedSum();
        var pairWeighted = new CompensatedSum();
        for (int i = 0; i < n; i++)
        {
            maxViolation = Math.Max(maxViolation, sweep.RowMax[i]);
            rowWeighted.Add(a[i] * sweep.RowMax[i]);
            pairWeighted.Add(sweep.RowWeighted[i]);
        }
        if (!finite) maxViolation = double.PositiveInfinity;
        double massViolation = mass * maxViolation;
        double violation = finite ? Math.Min(massViolation, Math.Min(rowWeighted.Value, pairWeighted.Value)) : double.PositiveInfinity;

        var dual = new CompensatedSum();
        for (int i = 0; i < n; i++) dual.Add(a[i] * u[i]);
        for (int j = 0; j < m; j++) dual.Add(b[j] * v[j]);
        double gap = Math.Abs(p - dual.Value);
        double error = gap + violation;
        // Second lower bound: every plan costs at least M·min cᵢⱼ (it settles W = 0 between equal laws exactly).
        if (double.IsFinite(costMin)) error = Math.Min(error, Math.Abs(p - mass * costMin));

        double floor = TransportCertificate.FloorFactor * mass * costScale;
        double scale = Math.Max(Math.Abs(p), floor);
        double Relative(double x) => x == 0 ? 0 : scale > 0 ? x / scale : double.PositiveInfinity;
        var certificate = new TransportCertificate(primal, Relative(gap), Relative(massViolation), Relative(violation),
            Relative(error), scale, floor, tolerance);
        return (certificate, p);
    }

    private static bool AllFinite(double[] x)
    {
        foreach (double t in x) if (!double.IsFinite(t)) return false;
        return true;
    }

    /// <summary>One row's share of the dual sweep.</summary>
    internal readonly record struct RowStats(double Max, double Weighted, double Scale, double Min);

    /// <summary>
    /// Over one row: max_j sⱼ, Σⱼ min(aᵢ, bⱼ)·max(sⱼ, 0) with sⱼ = uᵢ + vⱼ − cᵢⱼ, and max |cᵢⱼ|, min cᵢⱼ over the finite
    /// costs (+∞, a forbidden pair, gives sⱼ = −∞). Four lanes at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static RowStats Row(ReadOnlySpan<double> c, double ui, double ai, double[] v, double[] b)
    {
        int m = c.Length, j = 0;
        double worst = double.NegativeInfinity, weighted = 0, scale = 0, min = double.PositiveInfinity;
        if (Vector256.IsHardwareAccelerated && m >= 8)
        {
            var vWorst = Vector256.Create(double.NegativeInfinity);
            var vWeighted = Vector256<double>.Zero;
            var vScale = Vector256<double>.Zero;
            var vMin = Vector256.Create(double.PositiveInfinity);
            var vUi = Vector256.Create(ui);
            var vAi = Vector256.Create(ai);
            var vInf = Vector256.Create(double.PositiveInfinity);
            ref double cRef = ref MemoryMarshal.GetReference(c);
            ref double vRef = ref MemoryMarshal.GetArrayDataReference(v);
            ref double bRef = ref MemoryMarshal.GetArrayDataReference(b);
            for (; j + 4 <= m; j += 4)
            {
                var cj = Vector256.LoadUnsafe(ref cRef, (nuint)j);
                var s = vUi + Vector256.LoadUnsafe(ref vRef, (nuint)j) - cj;
                vWorst = Vector256.Max(vWorst, s);
                var w = Vector256.Min(vAi, Vector256.LoadUnsafe(ref bRef, (nuint)j));
                vWeighted += w * Vector256.Max(s, Vector256<double>.Zero);
                var finite = Vector256.LessThan(Vector256.Abs(cj), vInf);
                vScale = Vector256.Max(vScale, Vector256.ConditionalSelect(finite, Vector256.Abs(cj), Vector256<double>.Zero));
                vMin = Vector256.Min(vMin, Vector256.ConditionalSelect(finite, cj, vInf));
            }
            for (int l = 0; l < 4; l++)
            {
                worst = Math.Max(worst, vWorst.GetElement(l));
                weighted += vWeighted.GetElement(l);
                scale = Math.Max(scale, vScale.GetElement(l));
                min = Math.Min(min, vMin.GetElement(l));
            }
        }
        for (; j < m; j++)
        {
            double cij = c[j];
            double s = ui + v[j] - cij;
            worst = Math.Max(worst, s);
            weighted += Math.Min(ai, b[j]) * Math.Max(s, 0);
            if (!double.IsInfinity(cij))
            {
                scale = Math.Max(scale, Math.Abs(cij));
                min = Math.Min(min, cij);
            }
        }
        return new RowStats(worst, weighted, scale, min);
    }
}
