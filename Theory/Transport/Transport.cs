namespace Verify.Theory;

/// <summary>
/// Exact optimal transport — the front door.
/// <para>
/// For measures P = Σᵢ aᵢδ_{xᵢ} and Q = Σⱼ bⱼδ_{yⱼ} of equal total mass M and a ground cost c, the transport problem is
/// T_c(P, Q) = min { Σᵢⱼ cᵢⱼγᵢⱼ : γ ≥ 0, Σⱼγᵢⱼ = aᵢ, Σᵢγᵢⱼ = bⱼ } = max { Σᵢaᵢuᵢ + Σⱼbⱼvⱼ : uᵢ + vⱼ ≤ cᵢⱼ },
/// and Wₚ(P, Q) = T_{‖x−y‖ᵖ}(P, Q)^{1/p}. For probability laws (M = 1) these are the usual Wasserstein distances;
/// masses are never normalised silently — unequal masses are an error, normalise explicitly with
/// <see cref="DiscreteDistribution.Normalized"/>.
/// </para>
/// <para>
/// Every general solve returns a <see cref="TransportResult"/> whose <see cref="TransportCertificate"/> (primal
/// feasibility, dual feasibility over all pairs, zero gap, complementary slackness) has been checked; a solve that
/// claims optimality with a failing certificate throws <see cref="InvalidOperationException"/>. The distance
/// functions (<see cref="W1"/>, <see cref="Wp"/>) throw unless the status is <see cref="TransportStatus.Optimal"/>,
/// so they never return a non-optimal value.
/// </para>
/// </summary>
public static class Transport
{
    /// <summary>
    /// Solves the transport problem between P and Q under <paramref name="cost"/> (the n × m cost matrix is built
    /// in memory). Throws <see cref="ArgumentException"/> on a dimension mismatch or unequal masses.
    /// </summary>
    public static TransportResult Solve(DiscreteDistribution p, DiscreteDistribution q, GroundCost cost, TransportOptions? o = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(cost);
        Guard.SameDimension(p, q);
        Guard.SameMass(p, q);
        Guard.CostsRepresentable(p.Points, q.Points, p.Dimension, cost);
        return Solve(p.Weights.ToArray(), q.Weights.ToArray(), cost.Matrix(p, q), o);
    }

    /// <summary>
    /// Solves min Σ cᵢⱼγᵢⱼ over couplings of the masses a (length n) and b (length m) for a given n × m cost matrix
    /// (like POT's <c>ot.emd</c>). Entries must be finite, except +∞, which forbids a pair (the status is then
    /// <see cref="TransportStatus.Infeasible"/> if no plan avoids the forbidden pairs, with Cost = +∞).
    /// Throws <see cref="ArgumentException"/> on a size mismatch, a negative or non-finite mass, unequal totals
    /// (1e-9 relative), or a NaN / −∞ cost. Returns <see cref="TransportStatus.IterationLimit"/> (with a certificate
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
        Guard.SameMass(ma, mb, "a and b");
        var (maxAbs, _) = CostMatrix.Check(CostMatrix.Span(cost), b.Length, nameof(cost));
        return ExactSolver.Solve(a, b, cost, a.Length, b.Length, maxAbs, o);
    }

    /// <summary>
    /// W₁(P, Q) = min_γ Σᵢⱼ ‖xᵢ − yⱼ‖₂ γᵢⱼ in any dimension; in 1-D by the sorted-CDF route
    /// W₁ = M·∫|F − G|, otherwise by the certified exact solver. Throws <see cref="InvalidOperationException"/>
    /// if the solver does not reach a certified optimum.
    /// </summary>
    public static double W1(DiscreteDistribution p, DiscreteDistribution q) => Wp(p, q, 1.0);

    /// <summary>
    /// Wₚ(P, Q) = (min_γ Σᵢⱼ ‖xᵢ − yⱼ‖₂ᵖ γᵢⱼ)^{1/p} for p ≥ 1; 1-D by the quantile route, otherwise exact and certified.
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
        TransportResult r = Solve(p, q, GroundCost.EuclideanPower(p_));
        if (r.Status != TransportStatus.Optimal)
            throw new InvalidOperationException($"the exact transport solve ended with status {r.Status}; no distance is reported");
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
    /// <see cref="TransportCertificate"/>): γ ≥ 0 with marginals a, b; uᵢ + vⱼ ≤ cᵢⱼ over all pairs; zero gap
    /// between Σcᵢⱼγᵢⱼ and Σaᵢuᵢ + Σbⱼvⱼ; complementary slackness. Use it to check a plan from any source.
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
        double primal = 0;
        foreach (var (i, j, g) in plan)
        {
            if ((uint)i >= (uint)n || (uint)j >= (uint)m)
                throw new ArgumentException($"plan entry ({i}, {j}) is outside the {n}×{m} problem", nameof(plan));
            primal += cost[i, j] * g;
        }
        return Certifier.Certify(a, b, cost, n, m, u, v, plan, primal, tolerance);
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
