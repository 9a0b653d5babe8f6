using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Verify.Theory;

/// <summary>Computes the <see cref="TransportCertificate"/> of a plan and potentials against the full cost matrix.</summary>
internal static class Certifier
{
    /// <summary>
    /// Checks γ ≥ 0 and the marginals, uᵢ + vⱼ ≤ cᵢⱼ over all n·m pairs (rows in parallel), the duality gap
    /// |Σcγ − (Σau + Σbv)| and complementary slackness on the plan's support. See <see cref="TransportCertificate"/>.
    /// </summary>
    public static TransportCertificate Certify(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Array cost, int n, int m,
        double[] u, double[] v, IReadOnlyList<(int I, int J, double Mass)> plan, double primalCost, double tolerance)
    {
        double mass = 0;
        for (int i = 0; i < n; i++) mass += a[i];

        // Primal: γ ≥ 0 and marginals.
        var row = new double[n];
        var col = new double[m];
        bool negative = false;
        foreach (var (i, j, g) in plan)
        {
            if (!(g >= 0)) negative = true;
            row[i] += g;
            col[j] += g;
        }
        double primal = 0;
        for (int i = 0; i < n; i++) primal = Math.Max(primal, Math.Abs(row[i] - a[i]));
        for (int j = 0; j < m; j++) primal = Math.Max(primal, Math.Abs(col[j] - b[j]));
        primal = negative ? double.PositiveInfinity : primal / mass;

        // Dual feasibility over every pair, and the cost scale S = max |cᵢⱼ| over finite entries.
        // Costs are never NaN or −∞ (validated), so with finite potentials no sᵢⱼ = uᵢ + vⱼ − cᵢⱼ is NaN.
        bool finitePotentials = AllFinite(u) && AllFinite(v);
        var rowViolation = new double[n];
        var rowScale = new double[n];
        void Row(int i)
        {
            var (worst, scale) = RowMaxima(RowOf(cost, i, m), u[i], v);
            rowViolation[i] = worst;
            rowScale[i] = scale;
        }
        RowParallel.For(n, (long)n * m, Row);
        double violation = finitePotentials ? 0 : double.PositiveInfinity, costScale = 0;
        for (int i = 0; i < n; i++)
        {
            violation = Math.Max(violation, rowViolation[i]);
            costScale = Math.Max(costScale, rowScale[i]);
        }
        if (costScale == 0) costScale = 1;

        // Gap and slackness.
        double dual = 0;
        for (int i = 0; i < n; i++) dual += a[i] * u[i];
        for (int j = 0; j < m; j++) dual += b[j] * v[j];
        double slack = 0;
        foreach (var (i, j, g) in plan)
            if (g > 0) slack = Math.Max(slack, Math.Abs(RowOf(cost, i, m)[j] - u[i] - v[j]));
        double gap = Math.Abs(primalCost - dual);
        return new TransportCertificate(primal, violation / costScale, gap / (mass * costScale), slack / costScale, tolerance);
    }

    private static bool AllFinite(double[] x)
    {
        foreach (double t in x) if (!double.IsFinite(t)) return false;
        return true;
    }

    /// <summary>maxⱼ (uᵢ + vⱼ − cᵢⱼ) and maxⱼ |cᵢⱼ| over finite cᵢⱼ for one row (four lanes at a time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Worst, double Scale) RowMaxima(ReadOnlySpan<double> c, double ui, double[] v)
    {
        int m = c.Length, j = 0;
        double worst = double.NegativeInfinity, scale = 0;
        if (Vector256.IsHardwareAccelerated && m >= 8)
        {
            var vWorst = Vector256.Create(double.NegativeInfinity);
            var vScale = Vector256<double>.Zero;
            var vUi = Vector256.Create(ui);
            var vInf = Vector256.Create(double.PositiveInfinity);
            ref double cRef = ref MemoryMarshal.GetReference(c);
            ref double vRef = ref MemoryMarshal.GetArrayDataReference(v);
            for (; j + 4 <= m; j += 4)
            {
                var cj = Vector256.LoadUnsafe(ref cRef, (nuint)j);
                var vj = Vector256.LoadUnsafe(ref vRef, (nuint)j);
                vWorst = Vector256.Max(vWorst, vUi + vj - cj);
                var abs = Vector256.Abs(cj);
                vScale = Vector256.Max(vScale, Vector256.ConditionalSelect(Vector256.LessThan(abs, vInf), abs, Vector256<double>.Zero));
            }
            for (int l = 0; l < 4; l++)
            {
                worst = Math.Max(worst, vWorst.GetElement(l));
                scale = Math.Max(scale, vScale.GetElement(l));
            }
        }
        for (; j < m; j++)
        {
            double cij = c[j];
            worst = Math.Max(worst, ui + v[j] - cij);
            if (!double.IsInfinity(cij)) scale = Math.Max(scale, Math.Abs(cij));
        }
        return (worst, scale);
    }

    private static ReadOnlySpan<double> RowOf(Array cost, int i, int m) =>
        MemoryMarshal.CreateReadOnlySpan(
            ref Unsafe.Add(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(cost)), (nint)i * m), m);
}
