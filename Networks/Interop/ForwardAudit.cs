using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;

namespace Verify.Networks.Interop;

/// <summary>The forward-only Lipschitz audit of a critic.</summary>
/// <param name="PairwiseData">max |f(x) − f(y)|/‖x − y‖ over pairs of the data points (at most <see cref="ForwardAudit.MaxPairPoints"/>).</param>
/// <param name="PairwiseInterpolates">The same over random interpolates εx + (1 − ε)y of a real and a fake point.</param>
/// <param name="FiniteDifference">
/// max over probe points of |f(x + h·u) − f(x − h·u)| / ‖(x + h·u) − (x − h·u)‖ with u the direction of the central-difference
/// gradient at x: a slope between two points, so a lower bound on Lip f, and ≈ ‖∇f(x)‖ where f is smooth at scale h.
/// </param>
/// <param name="ProbePoints">Points at which the finite-difference gradient was taken.</param>
public sealed record ForwardAuditResult(double PairwiseData, double PairwiseInterpolates, double FiniteDifference, int ProbePoints)
{
    /// <summary>The empirical Lipschitz constant: the largest of the three lower bounds.</summary>
    public double Empirical => Math.Max(FiniteDifference, Math.Max(PairwiseData, PairwiseInterpolates));
}

/// <summary>
/// Audits a critic's Lipschitz constant from its values alone (no gradient through the network): pairwise ratios on the
/// data and on random interpolates, and central-difference slopes. Every number is a ratio |f(a) − f(b)|/‖a − b‖ of two
/// points actually evaluated, so each is a lower bound on Lip f whatever the network (ONNX graph, conv net, …). For a
/// float32 model the points are rounded to float before evaluation and the ratios use the rounded points.
/// </summary>
public static class ForwardAudit
{
    /// <summary>Largest number of points in an O(n²) pairwise ratio (a seeded subsample beyond it).</summary>
    public const int MaxPairPoints = 2000;

    /// <summary>Largest number of rows evaluated for the finite differences (2d + 2 rows per probe point).</summary>
    public const int MaxProbeRows = 65536;

    /// <summary>Relative step of the central differences: h = 10⁻³·max(1, |xₖ|) per coordinate.</summary>
    public const double Step = 1e-3;

    /// <summary>Audits <paramref name="critic"/> on the rows of <paramref name="p"/> and <paramref name="q"/> (row-major, dimension d).</summary>
    public static ForwardAuditResult Run<T>(ICritic<T> critic, double[] p, double[] q, Rng rng, bool singlePrecisionInputs = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(critic);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(rng);
        int d = critic.InputDimension;
        if (p.Length % d != 0 || q.Length % d != 0 || p.Length == 0 || q.Length == 0)
            throw new ArgumentException($"the samples must be non-empty rows of the critic's dimension {d}");
        Func<double, double> round = singlePrecisionInputs ? x => (float)x : x => x;
        double[] data = Subsample([.. p, .. q], d, rng).Select(round).ToArray();
        double pairData = PairwiseLipschitz.Ratio(data, d, Values(critic, data, d));

        int n = Math.Min(p.Length, q.Length) / d;
        int[] pi = rng.Permutation(p.Length / d)[..n], qi = rng.Permutation(q.Length / d)[..n];
        var mix = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            double e = rng.NextDouble();
            for (int k = 0; k < d; k++) mix[i * d + k] = round(e * p[pi[i] * d + k] + (1 - e) * q[qi[i] * d + k]);
        }
        double[] mixed = Subsample(mix, d, rng);
        double pairMix = PairwiseLipschitz.Ratio(mixed, d, Values(critic, mixed, d));

        double[] probes = Subsample([.. data, .. mixed], d, rng, Math.Max(1, MaxProbeRows / (2 * d + 2)));
        double fd = FiniteDifference(critic, probes, d, round);
        return new ForwardAuditResult(pairData, pairMix, fd, probes.Length / d);
    }

    private static double FiniteDifference<T>(ICritic<T> critic, double[] probes, int d, Func<double, double> round) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = probes.Length / d;
        // Rows 2k, 2k+1 of block i: x ± h_k e_k (rounded as the model sees them).
        var rows = new double[m * 2 * d * d];
        var steps = new double[m * d];
        for (int i = 0; i < m; i++)
            for (int k = 0; k < d; k++)
            {
                double x = probes[i * d + k], h = Step * Math.Max(1, Math.Abs(x));
                int up = ((i * d + k) * 2) * d, down = up + d;
                for (int j = 0; j < d; j++) rows[up + j] = rows[down + j] = probes[i * d + j];
                rows[up + k] = round(x + h);
                rows[down + k] = round(x - h);
                steps[i * d + k] = rows[up + k] - rows[down + k];
            }
        double[] f = Values(critic, rows, d);
        // Along u = ĝ/‖ĝ‖ at each probe: one more pair of points, whose ratio is a lower bound on Lip f.
        var along = new double[m * 2 * d];
        for (int i = 0; i < m; i++)
        {
            var g = new double[d];
            double norm = 0;
            for (int k = 0; k < d; k++)
            {
                int idx = i * d + k;
                g[k] = steps[idx] > 0 ? (f[2 * idx] - f[2 * idx + 1]) / steps[idx] : 0;
                norm += g[k] * g[k];
            }
            norm = Math.Sqrt(norm);
            double scale = 0;
            for (int k = 0; k < d; k++) scale = Math.Max(scale, Math.Abs(probes[i * d + k]));
            double h = Step * Math.Max(1, scale);
            for (int k = 0; k < d; k++)
            {
                double u = norm > 0 ? g[k] / norm : (k == 0 ? 1 : 0);
                along[(2 * i) * d + k] = round(probes[i * d + k] + h * u);
                along[(2 * i + 1) * d + k] = round(probes[i * d + k] - h * u);
            }
        }
        double[] fa = Values(critic, along, d);
        double best = 0;
        for (int i = 0; i < m; i++)
        {
            double dist = 0;
            for (int k = 0; k < d; k++)
            {
                double t = along[(2 * i) * d + k] - along[(2 * i + 1) * d + k];
                dist += t * t;
            }
            dist = Math.Sqrt(dist);
            if (dist > 0) best = Math.Max(best, Math.Abs(fa[2 * i] - fa[2 * i + 1]) / dist);
        }
        return best;
    }

    private static double[] Values<T>(ICritic<T> critic, double[] rows, int d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (critic is OnnxCritic<T> onnx) return onnx.Evaluate(rows);
        using var _ = Autograd.NoGrad();
        return critic.Forward(Tensor.FromDouble<T>(rows, rows.Length / d, d)).ToDoubleArray();
    }

    private static double[] Subsample(double[] rows, int d, Rng rng, int max = MaxPairPoints)
    {
        int n = rows.Length / d;
        if (n <= max) return rows;
        int[] keep = rng.Permutation(n)[..max];
        var result = new double[max * d];
        for (int i = 0; i < max; i++) Array.Copy(rows, keep[i] * d, result, i * d, d);
        return result;
    }
}
