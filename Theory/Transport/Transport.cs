namespace Verify.Theory;

/// <summary>
/// Exact optimal transport — the front door.
/// <para>
/// For measures P = Σᵢ aᵢδ_{xᵢ} and Q = Σⱼ bⱼδ_{yⱼ} of equal total mass M and a ground cost c, the transport problem is
/// T_c(P, Q) = min { Σᵢⱼ cᵢⱼγᵢⱼ : γ ≥ 0, Σⱼγᵢⱼ = aᵢ, Σᵢγᵢⱼ = bⱼ } = max { Σᵢaᵢuᵢ + Σⱼbⱼvⱼ : uᵢ + vⱼ ≤ cᵢⱼ },
/// and Wₚ(P, Q) = T_{‖x−y‖ᵖ}(P, Q)^{1/p}. For probability laws (M = 1) these are the usual Wasserstein distances;
/// masses are never normalised silently — totals that differ by more than <see cref="TransportOptions.Tolerance"/>
/// (relative) are an error, normalise explicitly with <see cref="DiscreteDistribution.Normalized"/>.
/// </para>
/// <para>
/// Every general solve returns a <see cref="TransportResult"/> whose <see cref="TransportCertificate"/> has been
/// checked: it bounds the error of the value relative to the value itself. A solve that cannot prove that bound
/// reports <see cref="TransportStatus.Uncertified"/>, never <see cref="TransportStatus.Optimal"/>. The distance
/// functions (<see cref="W1"/>, <see cref="Wp"/>) throw unless the status is Optimal, so they never return a
/// non-optimal value.
/// </para>
/// <para>
/// Size: between point clouds, large problems take the matrix-free route (memory O((n + m)·k), no n × m matrix), so
/// only time limits them. The dense route, and <see cref="Solve(double[], double[], double[,], TransportOptions?)"/>
/// with a given matrix, refuse (ArgumentException, before allocating) n·m above 2³¹ − 1 or 8·n·m bytes above the
/// available memory; <see cref="Wp"/> first drops atoms of zero weight (so binned laws keep only their non-empty bins).
/// </para>
/// </summary>
public static class Transport
{
    /// <summary>
    /// Solves the transport problem between P and Q under <paramref name="cost"/>, by the route
    /// <see cref="TransportOptions.Route"/> names or, for <see cref="TransportRoute.Auto"/>, the one
    /// <see cref="TransportRouting.Choose(int, int, int, TransportRoute)"/> picks from n·m, the dimension and the memory available: the dense network
    /// simplex on the n × m cost matrix built in memory, or the matrix-free sparse route (candidate arcs, every pair
    /// priced against the duals by k-d tree branch and bound or blocked passes, certified over all pairs; memory
    /// O((n + m)·k)). <see cref="TransportResult.Route"/> says which one ran. Throws <see cref="ArgumentException"/> on a dimension mismatch, unequal masses, points too far apart
    /// for the cost to be a double, or (dense route) a matrix that will not fit. When the costs are representable but too large for
    /// the solver's artificial cost (W₂ on coordinates near 1e153), the points are scaled by a power of two inside,
    /// which scales the optimum exactly by its p-th power; the result is given in the original units.
    /// </summary>
    public static TransportResult Solve(DiscreteDistribution p, DiscreteDistribution q, GroundCost cost, TransportOptions? o = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(cost);
        o ??= TransportOptions.Default;
        o.Validate();
        Guard.SameDimension(p, q);
        Guard.SameMass(p, q, o.Tolerance);
        TransportRoute route = TransportRouting.Choose(p.Count, q.Count, p.Dimension, o.Route);
        if (route == TransportRoute.NetworkSimplex) Guard.PairsFit(p.Count, q.Count);
        var (logCost, widest) = Guard.CostsRepresentable(p.Points, q.Points, p.Dimension, cost);
        double shrink = 1.0;
        if (logCost + Math.Log(p.Count + q.Count + 1.0) > Math.Log(double.MaxValue / 16))
        {
            shrink = Math.ScaleB(1.0, -Math.ILogB(widest)); // widest side becomes [1, 2): exact, a power of two
            p = ScaledPoints(p, shrink);
            q = ScaledPoints(q, shrink);
        }
        TransportResult r;
        if (route == TransportRoute.SparsePricing) r = CloudTransport.Solve(p, q, cost, o);
        else
        {
            double[,] matrix = cost.Matrix(p, q);
            r = SolveChecked(p.Weights.ToArray(), q.Weights.ToArray(), matrix, o with { Route = TransportRoute.NetworkSimplex });
        }
        return shrink == 1.0 ? r : r.Rescaled(1.0 / Math.Pow(shrink, cost.Power));
    }

    /// <summary>
    /// Solves min Σ cᵢⱼγᵢⱼ over couplings of the masses a (length n) and b (length m) for a given n × m cost matrix
    /// (like POT's <c>ot.emd</c>). Entries must be finite, except +∞, which forbids a pair (the status is then
    /// <see cref="TransportStatus.Infeasible"/> if no plan avoids the forbidden pairs, with Cost = +∞).
    /// Throws <see cref="ArgumentException"/> on a size mismatch, a negative or non-finite mass, totals that differ by
    /// more than <see cref="TransportOptions.Tolerance"/> (relative), a NaN / −∞ cost, more than 2³¹ − 1 entries, or
    /// costs so large that (n + m + 1)·max|cᵢⱼ| approaches the double range. Returns
    /// <see cref="TransportStatus.IterationLimit"/> (the cost of a feasible plan, an upper bound, with a certificate
    /// that does not hold) when <see cref="TransportOptions.MaxIterations"/> pivots did not suffice.
    /// </summary>
    public static TransportResult Solve(double[] a, double[] b, double[,] cost, TransportOptions? o = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(cost);
        o ??= TransportOptions.Default;
        o.Validate();
        double ma = Guard.Marginal(a, nameof(a));
        double mb = Guard.Marginal(b, nameof(b));
        if (cost.GetLength(0) != a.Length || cost.GetLength(1) != b.Length)
            throw new ArgumentException(
                $"the cost matrix is {cost.GetLength(0)}×{cost.GetLength(1)} but the masses have lengths {a.Length} (rows) and {b.Length} (columns)",
                nameof(cost));
        Guard.SameMass(ma, mb, o.Tolerance, "a and b");
        if ((long)a.Length * b.Length > int.MaxValue) Guard.PairsFit(a.Length, b.Length);
        return SolveChecked(a, b, cost, o);
    }

    /// <summary>Validates the cost entries and their range, then solves.</summary>
    private static TransportResult SolveChecked(double[] a, double[] b, double[,] cost, TransportOptions o)
    {
        var (maxAbs, min, _) = CostMatrix.Check(CostMatrix.Span(cost), b.Length, nameof(cost));
        Guard.SolverCosts(maxAbs, a.Length, b.Length, nameof(cost));
        return ExactSolver.Solve(a, b, cost, a.Length, b.Length, maxAbs, min, o);
    }

    private static DiscreteDistribution ScaledPoints(DiscreteDistribution d, double factor)
    {
        double[] pts = d.Points.ToArray();
        for (int k = 0; k < pts.Length; k++) pts[k] *= factor;
        return new DiscreteDistribution(pts, d.Dimension, d.Weights.ToArray());
    }

    /// <summary>The same law without its atoms of zero weight (itself when it has none).</summary>
    private static DiscreteDistribution WithoutZeroWeights(DiscreteDistribution d)
    {
        ReadOnlySpan<double> w = d.Weights;
        int kept = 0;
        foreach (double x in w) if (x > 0) kept++;
        if (kept == d.Count) return d;
        int dim = d.Dimension;
        var pts = new double[kept * dim];
        var weights = new double[kept];
        for (int i = 0, k = 0; i < d.Count; i++)
        {
            if (!(w[i] > 0)) continue;
            d.Point(i).CopyTo(pts.AsSpan(k * dim, dim));
            weights[k++] = w[i];
        }
        return new DiscreteDistribution(pts, dim, weights);
    }

    /// <summary>
    /// W₁(P, Q) = min_γ Σᵢⱼ ‖xᵢ − yⱼ‖₂ γᵢⱼ in any dimension; in 1-D by the sorted-CDF route
    /// W₁ = M·∫|F − G|, otherwise by the certified exact solver. Throws <see cref="InvalidOperationException"/>
    /// if the solver does not reach a certified optimum.
    /// </summary>
    public static double W1(DiscreteDistribution p, DiscreteDistribution q) => Wp(p, q, 1.0);

    /// <summary>
    /// Wₚ(P, Q) = (min_γ Σᵢⱼ ‖xᵢ − yⱼ‖₂ᵖ γᵢⱼ)^{1/p} for p ≥ 1; 1-D by the quantile route, otherwise exact and certified
    /// (atoms of zero weight are dropped first: they change nothing but the size of the cost matrix).
    /// </summary>
    public static double Wp(DiscreteDistribution p, DiscreteDistribution q, double p_)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        CheckOrder(p_, "p_");
        Guard.SameDimension(p, q);
        Guard.SameMass(p, q);
        double mass = p.TotalMass;
        if (p.Dimension == 1)
        {
            Guard.CostsRepresentable(p.Points, q.Points, 1, p_, sumsSquares: false, $"|x − y|^{p_:R}");
            double w = OneDimensional.Wp(p.Points, q.Points, p_, p.Weights, q.Weights, p.IsUniform, q.IsUniform);
            return p_ == 1.0 ? mass * w : Math.Pow(mass, 1.0 / p_) * w;
        }
        TransportResult r = Solve(WithoutZeroWeights(p), WithoutZeroWeights(q), GroundCost.EuclideanPower(p_));
        if (r.Status != TransportStatus.Optimal)
            throw new InvalidOperationException(
                $"the exact transport solve ended with status {r.Status} ({r.Certificate.Violation ?? "certificate holds"}); no distance is reported");
        return p_ == 1.0 ? r.Cost : Math.Pow(r.Cost, 1.0 / p_);
    }

    /// <summary>
    /// W₁ between the empirical laws of two 1-D weighted samples, ∫₀¹ |F⁻¹(t) − G⁻¹(t)| dt = ∫ |F(x) − G(x)| dx,
    /// O(n log n). Each side's weights (uniform when null) are normalised to sum to 1, as SciPy's
    /// <c>wasserstein_distance</c> does. Throws <see cref="ArgumentException"/> on empty input, a non-finite value or
    /// weight, a negative weight, a zero total weight, or a weight vector of the wrong length.
    /// </summary>
    public static double W1OneD(double[] u, double[] v, double[]? uWeights = null, double[]? vWeights = null) =>
        WpOneD(u, v, 1.0, uWeights, vWeights);

    /// <summary>Wₚ = (∫₀¹ |F⁻¹(t) − G⁻¹(t)|ᵖ dt)^{1/p}, p ≥ 1, between two normalised 1-D weighted samples.</summary>
    public static double WpOneD(double[] u, double[] v, double p, double[]? uWeights = null, double[]? vWeights = null)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        CheckOrder(p, nameof(p));
        Guard.FiniteValues(u, nameof(u));
        Guard.FiniteValues(v, nameof(v));
        CheckWeights(uWeights, u.Length, nameof(uWeights));
        CheckWeights(vWeights, v.Length, nameof(vWeights));
        Guard.CostsRepresentable(u, v, 1, p, sumsSquares: false, $"|x − y|^{p:R}");
        return OneDimensional.Wp(u, v, p, uWeights, vWeights, uWeights is null, vWeights is null);
    }

    /// <summary>
    /// Sliced W₁: the mean over <paramref name="directions"/> seeded directions θ, uniform on the unit sphere, of the
    /// exact 1-D W₁(θ#P, θ#Q) (scaled by the common mass M). The same seed gives the same value.
    /// </summary>
    public static double SlicedW1(DiscreteDistribution p, DiscreteDistribution q, int directions, int seed)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (directions < 1) throw new ArgumentException($"directions must be at least 1, got {directions}", nameof(directions));
        Guard.SameDimension(p, q);
        Guard.SameMass(p, q);
        Guard.CostsRepresentable(p.Points, q.Points, p.Dimension, GroundCost.Euclidean);
        return SlicedWasserstein.W1(p, q, directions, seed);
    }

    /// <summary>
    /// Checks a plan γ and potentials (u, v) against a cost matrix and returns the certificate (see
    /// <see cref="TransportCertificate"/>): γ ≥ 0 with marginals a, b, and the bound on the error of Σcᵢⱼγᵢⱼ relative
    /// to itself from the duality gap and the (mass-weighted) violations of uᵢ + vⱼ ≤ cᵢⱼ over all pairs. Use it to
    /// check a plan from any source.
    /// </summary>
    public static TransportCertificate Certify(double[] a, double[] b, double[,] cost,
        IReadOnlyList<(int I, int J, double Mass)> plan, double[] u, double[] v, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        Guard.Marginal(a, nameof(a));
        Guard.Marginal(b, nameof(b));
        int n = a.Length, m = b.Length;
        if (cost.GetLength(0) != n || cost.GetLength(1) != m)
            throw new ArgumentException($"the cost matrix is {cost.GetLength(0)}×{cost.GetLength(1)}, expected {n}×{m}", nameof(cost));
        if (u.Length != n || v.Length != m)
            throw new ArgumentException($"potentials of lengths {u.Length}, {v.Length} given for {n} sources and {m} targets");
        foreach (var (i, j, _) in plan)
            if ((uint)i >= (uint)n || (uint)j >= (uint)m)
                throw new ArgumentException($"plan entry ({i}, {j}) is outside the {n}×{m} problem", nameof(plan));
        if (!(tolerance > 0) || !(tolerance < 1)) throw new ArgumentException($"tolerance must lie in (0, 1), got {tolerance:R}", nameof(tolerance));
        return Certifier.Certify(a, b, new MatrixCosts(cost, n, m), u, v, plan, tolerance).Certificate;
    }

    private static void CheckOrder(double p, string name)
    {
        if (!(p >= 1) || double.IsInfinity(p))
            throw new ArgumentException($"the order p must be finite and at least 1, got {p:R}", name);
    }

    private static void CheckWeights(double[]? w, int n, string name)
    {
        if (w is null) return;
        if (w.Length != n) throw new ArgumentException($"{name} has {w.Length} entries for {n} values", name);
        Guard.Marginal(w, name);
    }
}
