namespace Verify.Theory;

/// <summary>
/// The coarse-to-fine start of the matrix-free route (after Schmitzer 2016, "A sparse multiscale algorithm for dense
/// optimal transport": solve on clustered points, then refine around the coarse plan's support).
/// <list type="number">
/// <item>Clusters: the nodes of each k-d tree <see cref="LevelsUp"/> levels above the leaves (16–32 points each),
/// each a point at its clusters' barycentre carrying their total mass.</item>
/// <item>The coarse problem is solved through the front door (<see cref="Transport.Solve(DiscreteDistribution, DiscreteDistribution, GroundCost, TransportOptions?)"/>),
/// so a large coarse problem is itself solved matrix-free and multiscale, recursively.</item>
/// <item>The fine start: every coarse arc (I, J, Γ) is spread over the points of I and J by the north-west-corner rule
/// in tree order, each cluster's points consumed in turn by its arcs, which gives a plan whose support is a forest (it is
/// checked: <see cref="NetworkSimplex.StartFrom"/> refuses cycles). Only its support matters: the simplex recomputes
/// the flows from the exact masses.</item>
/// <item>Candidates around the coarse plan: for each point, its k nearest partners around where its cluster is sent,
/// x + (T(I) − x̄_I) with T(I) = Σ_J Γ_IJ ȳ_J / Σ_J Γ_IJ the barycentre of I's image (and the same for targets).</item>
/// </list>
/// </summary>
internal static class Multiscale
{
    /// <summary>Clusters are the tree nodes this many levels above the leaves.</summary>
    public const int LevelsUp = 0;

    /// <summary>Below this many fine pairs the start is the plain one (no coarse level).</summary>
    public const long MinPairs = 250_000;

    /// <summary>A solved coarse level: the cluster depths, centres and masses on both sides, and the coarse optimum.</summary>
    internal sealed record Level(int DepthX, int DepthY, double[] Px, double[] Ax, double[] Py, double[] Ay, TransportResult Result);

    /// <summary>
    /// The coarse level <paramref name="levelsUp"/> levels above the leaves, solved through the front door (a large
    /// coarse level is itself solved matrix-free and multiscale); null when the problem is too small for a coarse level
    /// to pay off.
    /// </summary>
    public static Level? Coarse(TreeCosts costs, double[] a, double[] b, TransportOptions o, int levelsUp = LevelsUp)
    {
        if ((long)costs.N * costs.M < MinPairs) return null;
        KdTree xt = costs.SourceTree, yt = costs.TargetTree;
        int lx = Math.Max(0, xt.Depth - levelsUp), ly = Math.Max(0, yt.Depth - levelsUp);
        var (px, ax) = Clusters(xt, a, lx);
        var (py, ay) = Clusters(yt, b, ly);
        int d = costs.Dimension;
        TransportResult coarse = Transport.Solve(new DiscreteDistribution(px, d, ax), new DiscreteDistribution(py, d, ay), costs.Cost,
            o with { Route = TransportRoute.Auto });
        return new Level(lx, ly, px, ax, py, ay, coarse);
    }

    /// <summary>The start refined from a coarse level: a plan (its support, arcs (i, j)) and candidate arcs.</summary>
    public static (List<(int I, int J)> Plan, List<(int I, int J)> Candidates) Start(TreeCosts costs, Level level, double[] a, double[] b, int k)
    {
        KdTree xt = costs.SourceTree, yt = costs.TargetTree;
        int lx = level.DepthX, ly = level.DepthY, d = costs.Dimension;
        double[] px = level.Px, py = level.Py;
        TransportResult coarse = level.Result;
        int cx = 1 << lx, cy = 1 << ly;
        int firstX = cx - 1, firstY = cy - 1;
        // Fine plan: north-west corner per coarse arc, each cluster's points (tree order) consumed in turn.
        var curX = new int[cx];
        var curY = new int[cy];
        var leftX = new double[costs.N];
        var leftY = new double[costs.M];
        for (int c = 0; c < cx; c++) curX[c] = xt.Start(firstX + c);
        for (int c = 0; c < cy; c++) curY[c] = yt.Start(firstY + c);
        for (int t = 0; t < costs.N; t++) leftX[t] = a[xt.Index[t]];
        for (int t = 0; t < costs.M; t++) leftY[t] = b[yt.Index[t]];
        var plan = new List<(int, int)>(costs.N + costs.M);
        var image = new double[cx * d];
        var imageMass = new double[cx];
        var source = new double[cy * d];
        var sourceMass = new double[cy];
        foreach (var (I, J, g) in coarse.Plan)
        {
            for (int c = 0; c < d; c++)
            {
                image[I * d + c] += g * py[J * d + c];
                source[J * d + c] += g * px[I * d + c];
            }
            imageMass[I] += g;
            sourceMass[J] += g;
            double rem = g;
            int endX = xt.End(firstX + I), endY = yt.End(firstY + J);
            while (rem > 1e-12 * g && curX[I] < endX && curY[J] < endY)
            {
                int tx = curX[I], ty = curY[J];
                double t = Math.Min(rem, Math.Min(leftX[tx], leftY[ty]));
                if (t > 0) plan.Add((xt.Index[tx], yt.Index[ty]));
                rem -= t;
                leftX[tx] -= t;
                leftY[ty] -= t;
                if (!(leftX[tx] > 1e-12 * a[xt.Index[tx]])) curX[I]++;
                if (!(leftY[ty] > 1e-12 * b[yt.Index[ty]])) curY[J]++;
            }
        }

        // Candidates: each point's k nearest partners around where its cluster was sent.
        var candidates = new List<(int, int)>(plan);
        double[] qx = Shifted(xt, firstX, cx, image, imageMass, px, d);
        double[] qy = Shifted(yt, firstY, cy, source, sourceMass, py, d);
        int kx = Math.Min(k, costs.M), ky = Math.Min(k, costs.N);
        var nx = new int[costs.N * kx];
        var ny = new int[costs.M * ky];
        costs.NearestTo(qx, targets: true, kx, nx);
        costs.NearestTo(qy, targets: false, ky, ny);
        for (int t = 0; t < costs.N; t++)
            for (int s = 0; s < kx; s++) if (nx[t * kx + s] >= 0) candidates.Add((xt.Index[t], nx[t * kx + s]));
        for (int t = 0; t < costs.M; t++)
            for (int s = 0; s < ky; s++) if (ny[t * ky + s] >= 0) candidates.Add((ny[t * ky + s], yt.Index[t]));
        return (plan, candidates);
    }

    /// <summary>
    /// Prices for the targets from a coarse level's duals: pⱼ = −min_I (c(x̄_I, yⱼ) − U_I), the c-transform of the coarse
    /// source potentials evaluated at the fine targets (<see cref="CTransform"/>), so that c(xᵢ, yⱼ) + pⱼ is least, up to
    /// about a cluster's size, where the coarse plan sends xᵢ's cluster — along the whole transport ray under W₁.
    /// </summary>
    public static double[] Prices(TreeCosts costs, Level level)
    {
        int d = costs.Dimension, m = costs.M;
        double[] u = level.Result.U, ax = level.Ax;
        var centres = new List<double>();
        var potential = new List<double>();
        for (int c = 0; c < ax.Length; c++)
        {
            if (!(ax[c] > 0)) continue;
            for (int q = 0; q < d; q++) centres.Add(level.Px[c * d + q]);
            potential.Add(u[c]);
        }
        var prices = new double[m];
        new CTransform(centres.ToArray(), potential.ToArray(), d, costs.Cost).Apply(costs.Ys, prices);
        for (int j = 0; j < m; j++) prices[j] = -prices[j];
        return prices;
    }

    /// <summary>The clusters at depth <paramref name="level"/>: barycentres (mass-weighted; plain for a massless cluster) and masses.</summary>
    private static (double[] Points, double[] Masses) Clusters(KdTree tree, double[] w, int level)
    {
        int count = 1 << level, first = count - 1, d = tree.Dimension;
        var pts = new double[count * d];
        var mass = new double[count];
        for (int c = 0; c < count; c++)
        {
            int node = first + c, start = tree.Start(node), end = tree.End(node);
            var sum = new CompensatedSum();
            for (int t = start; t < end; t++) sum.Add(w[tree.Index[t]]);
            mass[c] = sum.Value;
            for (int q = 0; q < d; q++)
            {
                double acc = 0, plain = 0;
                for (int t = start; t < end; t++)
                {
                    acc += w[tree.Index[t]] * tree.Points[t * d + q];
                    plain += tree.Points[t * d + q];
                }
                pts[c * d + q] = mass[c] > 0 ? acc / mass[c] : plain / Math.Max(1, end - start);
            }
        }
        return (pts, mass);
    }

    /// <summary>
    /// The tree's points (in tree order), each moved by its cluster's displacement: the centroid of where the cluster's
    /// mass went (<paramref name="sent"/> ÷ <paramref name="sentMass"/>) minus the cluster's centre; unmoved when no mass went.
    /// </summary>
    private static double[] Shifted(KdTree tree, int firstNode, int clusters, double[] sent, double[] sentMass, double[] centres, int d)
    {
        var shifted = new double[tree.Points.Length];
        for (int c = 0; c < clusters; c++)
        {
            int node = firstNode + c;
            for (int t = tree.Start(node); t < tree.End(node); t++)
                for (int q = 0; q < d; q++)
                {
                    double shift = sentMass[c] > 0 ? sent[c * d + q] / sentMass[c] - centres[c * d + q] : 0;
                    shifted[t * d + q] = tree.Points[t * d + q] + shift;
                }
        }
        return shifted;
    }
}
