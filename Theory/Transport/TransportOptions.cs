namespace Verify.Theory;

/// <summary>Which exact solver <see cref="Transport.Solve(double[], double[], double[,], TransportOptions?)"/> uses.</summary>
public enum TransportRoute
{
    /// <summary>
    /// The automatic choice (<see cref="TransportRouting.Choose(int, int, int, TransportRoute)"/>): between point clouds, the dense network simplex
    /// while n·m is at most <see cref="TransportRouting.DensePairs"/> and the matrix takes at most a quarter of the memory
    /// available, otherwise the matrix-free sparse route; for a given cost matrix, the dense network simplex.
    /// </summary>
    Auto,

    /// <summary>The primal network simplex on all n·m arcs (block-search pivoting, strongly feasible trees).</summary>
    NetworkSimplex,

    /// <summary>
    /// The network simplex on a sparse set of candidate arcs, then every pair priced with the duals and the violators
    /// added, re-solved warm, until none remain; certified over all pairs. Between point clouds
    /// (<see cref="Transport.Solve(DiscreteDistribution, DiscreteDistribution, GroundCost, TransportOptions?)"/>) it never
    /// builds the n × m matrix: candidates from k-d trees and a coarse-to-fine start, pricing by k-d tree branch and bound
    /// (d ≤ 8) or by blocks of rows from dot products (higher d); memory O((n + m)·k). For a given matrix, the candidates
    /// are the k cheapest per row and per column plus a feasible start.
    /// </summary>
    SparsePricing,
}

/// <summary>Options of an exact transport solve.</summary>
public sealed record TransportOptions
{
    /// <summary>The default options: no practical pivot cap, certificate tolerance 1e-9, automatic route.</summary>
    public static TransportOptions Default { get; } = new();

    /// <summary>Maximum number of simplex pivots (over all rounds). Reaching it gives <see cref="TransportStatus.IterationLimit"/>.</summary>
    public long MaxIterations { get; init; } = long.MaxValue;

    /// <summary>
    /// The one relative tolerance ε of a solve: the certificate holds when the bound on the value's error is at most
    /// ε·max(|value|, floor) (floor 2⁻⁵²·M·max|cᵢⱼ|, see <see cref="TransportCertificate"/>) and the marginal residuals at
    /// most ε·M; the total masses may differ by ε relative (the guard refuses more, the solver leaves the difference at one
    /// atom); more than ε·M left on artificial arcs means Infeasible.
    /// </summary>
    public double Tolerance { get; init; } = 1e-9;

    /// <summary>The solver route.</summary>
    public TransportRoute Route { get; init; } = TransportRoute.Auto;

    /// <summary>Candidate arcs per row and per column for <see cref="TransportRoute.SparsePricing"/>.</summary>
    public int Neighbours { get; init; } = 8;

    /// <summary>
    /// Dense problems with at least this many arcs first price in single precision (half the memory traffic); only arcs
    /// whose exact reduced cost is provably negative are pivoted on, and the final pricing is exact, so the result is
    /// the same exact optimum. Off by default (<c>long.MaxValue</c>): on the 2-D and 784-D benchmark workloads the copy
    /// and the exact clean-up phase cost more than the halved traffic saved.
    /// </summary>
    public long SinglePrecisionPricingFrom { get; init; } = long.MaxValue;

    /// <summary>
    /// Where the matrix-free route writes one line per stage (candidates, auction rounds, simplex rounds, pricing passes,
    /// certificate) with the seconds elapsed, to see where the time goes; null (the default) writes nothing.
    /// </summary>
    public TextWriter? Log { get; init; }

    /// <summary>
    /// Equal uniform clouds under W₁ with at least this many pairs add least-value candidates to the auction start of the
    /// matrix-free route (see CloudTransport.LeastValues) and run the auction to a finer ε; internal, so that the tests
    /// can reach that path at small sizes.
    /// </summary>
    internal long LeastValuesFrom { get; init; } = 1_000_000_000;

    internal void Validate()
    {
        if (MaxIterations < 0) throw new ArgumentException($"MaxIterations must be non-negative, got {MaxIterations}", nameof(MaxIterations));
        if (!(Tolerance > 0) || !(Tolerance < 1)) throw new ArgumentException($"Tolerance must lie in (0, 1), got {Tolerance:R}", nameof(Tolerance));
        if (SinglePrecisionPricingFrom < 0) throw new ArgumentException($"SinglePrecisionPricingFrom must be non-negative, got {SinglePrecisionPricingFrom}", nameof(SinglePrecisionPricingFrom));
        if (Neighbours < 1) throw new ArgumentException($"Neighbours must be at least 1, got {Neighbours}", nameof(Neighbours));
    }
}
