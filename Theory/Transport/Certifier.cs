using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        var rowViolation = new double[n];
        var rowScale = new double[n];
        void Row(int i)
        {
            ReadOnlySpan<double> c = RowOf(cost, i, m);
            double ui = u[i], worst = double.NegativeInfinity, scale = 0;
            for (int j = 0; j < m; j++)
            {
                double cij = c[j];
                double s = ui + v[j] - cij;
                if (s > worst || double.IsNaN(s)) worst = double.IsNaN(s) ? double.PositiveInfinity : s;
                if (!double.IsInfinity(cij)) scale = Math.Max(scale, Math.Abs(cij));
            }
            rowViolation[i] = worst;
            rowScale[i] = scale;
        }
        RowParallel.For(n, (long)n * m, Row);
        double violation = 0, costScale = 0;
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

    private static ReadOnlySpan<double> RowOf(Array cost, int i, int m) =>
        MemoryMarshal.CreateReadOnlySpan(
            ref Unsafe.Add(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(cost)), (nint)i * m), m);
}
