namespace Verify.Theory;

/// <summary>How an optimal-transport solve ended.</summary>
public enum TransportStatus
{
    /// <summary>Every arc prices out (c̄ᵢⱼ = cᵢⱼ − uᵢ − vⱼ ≥ −tol) and the plan is feasible: the value is the optimum.</summary>
    Optimal,

    /// <summary>The pivot cap was reached before optimality. The value is an upper bound only and must not be reported as Wₚ.</summary>
    IterationLimit,

    /// <summary>No plan meets the marginals on the allowed arcs (some pairs forbidden by an infinite cost).</summary>
    Infeasible,
}
