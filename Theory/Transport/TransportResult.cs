namespace Verify.Theory;

/// <summary>
/// An exact transport solution: the cost Σᵢⱼ cᵢⱼγᵢⱼ, the sparse plan γ, dual potentials (u, v) with uᵢ + vⱼ ≤ cᵢⱼ,
/// and the checked <see cref="TransportCertificate"/>. Only a result with <see cref="Status"/> =
/// <see cref="TransportStatus.Optimal"/> and a holding certificate is ever returned as optimal.
/// </summary>
public sealed class TransportResult
{
    internal TransportResult(double cost, TransportStatus status, double[] u, double[] v,
        IReadOnlyList<(int I, int J, double Mass)> plan, TransportCertificate certificate, long iterations, int rounds)
    {
        Cost = cost;
        Status = status;
        U = u;
        V = v;
        Plan = plan;
        Certificate = certificate;
        Iterations = iterations > int.MaxValue ? int.MaxValue : (int)iterations;
        Rounds = rounds;
    }

    /// <summary>Σᵢⱼ cᵢⱼ γᵢⱼ (= Σaᵢuᵢ + Σbⱼvⱼ at optimality).</summary>
    public double Cost { get; }

    /// <summary>How the solve ended.</summary>
    public TransportStatus Status { get; }

    /// <summary>Dual potential uᵢ of each source point (normalised so that the first source with positive mass has uᵢ = 0).</summary>
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

    /// <summary>Σaᵢuᵢ + Σbⱼvⱼ, the dual objective.</summary>
    public double DualValue(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != U.Length || b.Length != V.Length)
            throw new ArgumentException($"marginal lengths {a.Length}, {b.Length} do not match the potentials {U.Length}, {V.Length}");
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * U[i];
        for (int j = 0; j < b.Length; j++) s += b[j] * V[j];
        return s;
    }
}
