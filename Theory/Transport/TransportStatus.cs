namespace Verify.Theory;

/// <summary>How an optimal-transport solve ended.</summary>
public enum TransportStatus
{
    /// <summary>
    /// No arc prices negative, the plan is feasible and its certificate holds: the value is the optimum to within
    /// <see cref="TransportOptions.Tolerance"/> relative to itself (see <see cref="TransportCertificate"/>).
    /// </summary>
    Optimal,

    /// <summary>
    /// The pivot cap was reached before optimality. The plan is completed to a feasible one, so the value is its cost,
    /// a true upper bound on the optimum (+∞ if the completion needed a forbidden pair); it must not be reported as Wₚ.
    /// </summary>
    IterationLimit,

    /// <summary>No plan meets the marginals on the allowed arcs (some pairs forbidden by an infinite cost). The value is +∞.</summary>
    Infeasible,

    /// <summary>
    /// The solver found no improving arc, but in double precision the certificate cannot bound the value's error by
    /// <see cref="TransportOptions.Tolerance"/>·max(|value|, floor): potentials that must span very different cost
    /// scales (for instance two heavy clusters much farther apart than their own size) do not resolve the smaller one.
    /// The value is the cost of a feasible plan (an upper bound) with the bound the certificate could prove
    /// (<see cref="TransportCertificate.ErrorBound"/>); it must not be reported as Wₚ.
    /// </summary>
    Uncertified,
}
