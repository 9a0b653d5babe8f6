namespace Verify.Theory;

/// <summary>
/// An exact transport solution: the cost Σᵢⱼ cᵢⱼγᵢⱼ, the sparse plan γ, dual potentials (u, v) with uᵢ + vⱼ ≤ cᵢⱼ,
/// and the checked <see cref="TransportCertificate"/>. <see cref="Status"/> = <see cref="TransportStatus.Optimal"/>
/// always comes with a holding certificate: the value is right to the tolerance relative to itself.
/// </summary>
public sealed class TransportResult
{
    internal TransportResult(double cost, TransportStatus status, double[] u, double[] v,
        IReadOnlyList<(int I, int J, double Mass)> plan, TransportCertificate certificate, long iterations, int rounds,
        TransportRoute route)
    {
        Route = route;
        Cost = cost;
        Status = status;
        U = u;
        V = v;
        Plan = plan;
        Certificate = certificate;
        Iterations = iterations > int.MaxValue ? int.MaxValue : (int)iterations;
        Rounds = rounds;
    }

    /// <summary>
    /// Σᵢⱼ cᵢⱼ γᵢⱼ summed with compensation (= Σaᵢuᵢ + Σbⱼvⱼ at optimality). For <see cref="TransportStatus.IterationLimit"/>
    /// and <see cref="TransportStatus.Uncertified"/> the cost of a feasible plan, an upper bound; +∞ when Infeasible.
    /// </summary>
    public double Cost { get; }

    /// <summary>How the solve ended.</summary>
    public TransportStatus Status { get; }

    /// <summary>
    /// Dual potential uᵢ of each source point. The potentials are fixed up to a constant (uᵢ + k, vⱼ − k); the solver
    /// anchors them at an atom near the median of the potentials (weighted half by mass, half by count), whose potential is 0.
    /// </summary>
    public double[] U { get; }

    /// <summary>Dual potential vⱼ of each target point.</summary>
    public double[] V { get; }

    /// <summary>The non-zero entries γᵢⱼ of the plan (at most n + m − 1 of them: a basic solution).</summary>
    public IReadOnlyList<(int I, int J, double Mass)> Plan { get; }

    /// <summary>The optimality certificate, checked over all n·m pairs.</summary>
    public TransportCertificate Certificate { get; }

    /// <summary>Simplex pivots performed (over all pricing rounds).</summary>
    public int Iterations { get; }

    /// <summary>Pricing rounds of the sparse route (1 for the dense network simplex).</summary>
    public int Rounds { get; }

    /// <summary>
    /// The route that solved it: <see cref="TransportRoute.NetworkSimplex"/> (all n·m arcs, from the cost matrix) or
    /// <see cref="TransportRoute.SparsePricing"/> (candidate arcs, every pair priced against the duals; between point
    /// clouds without any n × m matrix). Never <see cref="TransportRoute.Auto"/>.
    /// </summary>
    public TransportRoute Route { get; }

    /// <summary>Σaᵢuᵢ + Σbⱼvⱼ, the dual objective (summed with compensation).</summary>
    public double DualValue(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != U.Length || b.Length != V.Length)
            throw new ArgumentException($"marginal lengths {a.Length}, {b.Length} do not match the potentials {U.Length}, {V.Length}");
        var s = new CompensatedSum();
        for (int i = 0; i < a.Length; i++) s.Add(a[i] * U[i]);
        for (int j = 0; j < b.Length; j++) s.Add(b[j] * V[j]);
        return s.Value;
    }

    /// <summary>
    /// The same solution for the problem whose source k is source <paramref name="sources"/>[k] of the caller's numbering
    /// (and likewise for targets): potentials and plan entries are moved back; value and certificate do not change.
    /// </summary>
    internal TransportResult Renumbered(int[] sources, int[] targets)
    {
        var u = new double[U.Length];
        var v = new double[V.Length];
        for (int k = 0; k < U.Length; k++) u[sources[k]] = U[k];
        for (int k = 0; k < V.Length; k++) v[targets[k]] = V[k];
        var plan = Plan.Select(e => (sources[e.I], targets[e.J], e.Mass)).OrderBy(e => e.Item1).ThenBy(e => e.Item2).ToList();
        return new TransportResult(Cost, Status, u, v, plan, Certificate, Iterations, Rounds, Route);
    }

    /// <summary>
    /// The same solution for the costs multiplied by <paramref name="factor"/> &gt; 0: cost and potentials scale, the plan
    /// and the relative certificate do not (its scale and floor do).
    /// </summary>
    internal TransportResult Rescaled(double factor)
    {
        double[] u = U.Select(x => x * factor).ToArray(), v = V.Select(x => x * factor).ToArray();
        var c = Certificate with { Scale = Certificate.Scale * factor, Floor = Certificate.Floor * factor };
        return new TransportResult(Cost * factor, Status, u, v, Plan, c, Iterations, Rounds, Route);
    }
}
