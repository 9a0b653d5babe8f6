namespace Verify.Theory;

/// <summary>
/// Affine upper models of a per-point key (a potential) over the nodes of a <see cref="KdTree"/>:
/// keyₜ ≤ ⟨g_B, pₜ − o_B⟩ + β_B for every point pₜ of node B, with o_B the centre of B's box, g_B the least-squares
/// slope of the key over B, and β_B the largest residual (raised by a rounding margin, so that the inequality holds for
/// the real numbers). Any slope gives a valid model; a good one makes β small.
/// <para>
/// Why: the branch and bound of the matrix-free route bounds min over a box of c(x, y) − key(y). Bounding the two parts
/// separately (nearest point of the box, largest key in it) loses the key's variation over the box, about
/// |∇key|·diam B; when potentials are nearly affine — W₁ transports along rays, where c(x, y) − v(y) is flat — that
/// loss keeps a whole band of boxes along every ray from being skipped. With the affine model the loss is only the
/// residual β, and <see cref="AffineLower"/> gives min over the box of f·c(x, y) − ⟨g, y − o⟩ in closed form (W₂) or by a
/// supporting hyperplane of the norm (W₁).
/// </para>
/// </summary>
internal sealed class NodeModels
{
    private const double Margin = 9.094947017729282e-13; // 2⁻⁴⁰, relative rounding margin of the bounds

    private NodeModels(double[] slope, double[] beta, double[] centre)
    {
        Slope = slope;
        Beta = beta;
        Centre = centre;
    }

    /// <summary>g_B, node-major (NodeCount × d).</summary>
    public double[] Slope { get; }

    /// <summary>β_B.</summary>
    public double[] Beta { get; }

    /// <summary>o_B, the centre of each node's box, node-major.</summary>
    public double[] Centre { get; }

    /// <summary>Fits the models of <paramref name="keyInTreeOrder"/> (one key per tree position) over every node.</summary>
    public static NodeModels Fit(KdTree tree, double[] keyInTreeOrder)
    {
        int d = tree.Dimension, nodes = tree.NodeCount;
        var slope = new double[nodes * d];
        var beta = new double[nodes];
        var centre = new double[nodes * d];
        for (int b = 0; b < nodes; b++)
            for (int c = 0; c < d; c++) centre[b * d + c] = 0.5 * tree.Lo[b * d + c] + 0.5 * tree.Hi[b * d + c];
        Span<double> cov = stackalloc double[d * d];
        Span<double> rhs = stackalloc double[d];
        Span<double> mean = stackalloc double[d];
        double[] pts = tree.Points;
        for (int b = 0; b < nodes; b++)
        {
            int start = tree.Start(b), end = tree.End(b), count = end - start;
            if (count == 0) { beta[b] = double.NegativeInfinity; continue; }
            // Least squares around the node's centroid (two passes: means, then centred moments).
            mean.Clear();
            double keyMean = 0;
            for (int t = start; t < end; t++)
            {
                keyMean += keyInTreeOrder[t];
                for (int c = 0; c < d; c++) mean[c] += pts[t * d + c];
            }
            keyMean /= count;
            for (int c = 0; c < d; c++) mean[c] /= count;
            cov.Clear();
            rhs.Clear();
            if (count > d && double.IsFinite(keyMean))
            {
                for (int t = start; t < end; t++)
                {
                    double k = keyInTreeOrder[t] - keyMean;
                    for (int r = 0; r < d; r++)
                    {
                        double pr = pts[t * d + r] - mean[r];
                        rhs[r] += pr * k;
                        for (int c = 0; c <= r; c++) cov[r * d + c] += pr * (pts[t * d + c] - mean[c]);
                    }
                }
                Solve(cov, rhs, d, slope.AsSpan(b * d, d));
            }
            // β: the largest residual against the centre of the box; the rounding of ⟨g, p − o⟩ (2d + 2 operations on
            // terms at most |g|·|p − o|) is covered by the margin on the total of their magnitudes.
            double worst = double.NegativeInfinity;
            for (int t = start; t < end; t++)
            {
                double dot = 0, mag = 0;
                for (int c = 0; c < d; c++)
                {
                    double term = slope[b * d + c] * (pts[t * d + c] - centre[b * d + c]);
                    dot += term;
                    mag += Math.Abs(term);
                }
                double k = keyInTreeOrder[t];
                worst = Math.Max(worst, k - dot + Margin * (mag + Math.Abs(k)));
            }
            beta[b] = worst;
        }
        return new NodeModels(slope, beta, centre);
    }

    /// <summary>Solves the symmetric system (lower triangle of <paramref name="a"/>) by Cholesky with a small ridge; g = 0 when singular.</summary>
    private static void Solve(Span<double> a, Span<double> rhs, int d, Span<double> g)
    {
        double trace = 0;
        for (int r = 0; r < d; r++) trace += a[r * d + r];
        if (!(trace > 0) || !double.IsFinite(trace)) return;
        double ridge = 1e-12 * trace;
        Span<double> l = stackalloc double[d * d];
        for (int r = 0; r < d; r++)
            for (int c = 0; c <= r; c++)
            {
                double s = a[r * d + c] + (r == c ? ridge : 0);
                for (int k = 0; k < c; k++) s -= l[r * d + k] * l[c * d + k];
                if (r == c)
                {
                    if (!(s > 0)) return;
                    l[r * d + r] = Math.Sqrt(s);
                }
                else l[r * d + c] = s / l[c * d + c];
            }
        Span<double> y = stackalloc double[d];
        for (int r = 0; r < d; r++)
        {
            double s = rhs[r];
            for (int k = 0; k < r; k++) s -= l[r * d + k] * y[k];
            y[r] = s / l[r * d + r];
        }
        for (int r = d - 1; r >= 0; r--)
        {
            double s = y[r];
            for (int k = r + 1; k < d; k++) s -= l[k * d + r] * g[k];
            g[r] = s / l[r * d + r];
        }
        for (int r = 0; r < d; r++) if (!double.IsFinite(g[r])) { g.Clear(); return; }
    }

    /// <summary>
    /// A lower bound on min over y in node B's box of f·ĉ(x, y) − ⟨g_B, y − o_B⟩, with ĉ the cost as computed, or −∞
    /// where no closed form applies (then only the separate bounds are used). Euclidean power 2 (W₂):
    /// f·dist²(B, x + g/(2f)) − ⟨g, x − o⟩ − ‖g‖²/(4f), exact. Power 1 (W₁): for the unit vector e from x to the box
    /// centre, ‖z‖ ≥ ⟨e, z⟩, so the bound is the minimum over the box of the linear function ⟨f·e − g, y − x⟩, at a
    /// corner. Both are lowered by 2⁻⁴⁰ of the magnitudes involved (plus the cost's own rounding, (d + 4)·2⁻⁵³ relative
    /// of the largest cost in the box), which covers every rounding in them many times over.
    /// </summary>
    public double AffineLower(GroundCost cost, ReadOnlySpan<double> x, ReadOnlySpan<double> lo, ReadOnlySpan<double> hi, int node, double f, double costHigh)
    {
        if (cost.IsManhattan || (cost.Power != 1.0 && cost.Power != 2.0)) return double.NegativeInfinity;
        int d = x.Length;
        ReadOnlySpan<double> g = Slope.AsSpan(node * d, d), o = Centre.AsSpan(node * d, d);
        double costRound = (d + 4) * 1.1102230246251565e-16 * f * costHigh;
        if (cost.Power == 2.0)
        {
            double dist2 = 0, gx = 0, gg = 0, mag = 0;
            for (int k = 0; k < d; k++)
            {
                double z = x[k] + g[k] / (2 * f);
                double t = z < lo[k] ? lo[k] - z : z > hi[k] ? z - hi[k] : 0.0;
                dist2 += t * t;
                double xo = x[k] - o[k];
                gx += g[k] * xo;
                gg += g[k] * g[k];
                double span = Math.Abs(z) + Math.Abs(lo[k]) + Math.Abs(hi[k]);
                mag += f * span * span + Math.Abs(g[k] * xo);
            }
            double value = f * dist2 - gx - gg / (4 * f);
            return value - Margin * (mag + gg / f) - costRound;
        }
        // W₁: e = (o − x)/‖o − x‖; when x is at the centre, the plain bound is as good.
        double norm = 0;
        for (int k = 0; k < d; k++) norm += (o[k] - x[k]) * (o[k] - x[k]);
        norm = Math.Sqrt(norm);
        if (!(norm > 0)) return double.NegativeInfinity;
        double lin = 0, mag1 = 0, gxo = 0;
        for (int k = 0; k < d; k++)
        {
            double h = f * (o[k] - x[k]) / norm - g[k];
            double a = h * (lo[k] - x[k]), b = h * (hi[k] - x[k]);
            lin += Math.Min(a, b);
            double xo = x[k] - o[k];
            gxo += g[k] * xo;
            double span = Math.Abs(x[k]) + Math.Abs(lo[k]) + Math.Abs(hi[k]) + Math.Abs(o[k]);
            mag1 += (f + Math.Abs(h) + Math.Abs(g[k])) * span;
        }
        return lin - gxo - Margin * mag1 - costRound;
    }
}
