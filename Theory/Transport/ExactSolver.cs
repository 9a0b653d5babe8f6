namespace Verify.Theory;

/// <summary>
/// Runs the chosen exact route on a validated problem and reads the result off the final basis: flows recomputed from
/// the supplies, the plan (completed to a feasible one at the pivot cap), the potentials (polished if the certificate
/// needs it), the value and its certificate. The certificate is computed from the plan and the potentials alone
/// (<see cref="Certifier"/>).
/// </summary>
internal static class ExactSolver
{
    /// <summary>
    /// Solves min Σcᵢⱼγᵢⱼ for masses a, b (totals within <see cref="TransportOptions.Tolerance"/>) on a row-major cost
    /// array with max |c| = <paramref name="maxAbsCost"/> and min c = <paramref name="minCost"/> over finite entries.
    /// </summary>
    public static TransportResult Solve(double[] a, double[] b, Array cost, int n, int m, double maxAbsCost, double minCost, TransportOptions o)
    {
        if (o.Route == TransportRoute.SparsePricing) return SparsePricing.Solve(a, b, cost, n, m, maxAbsCost, minCost, o);
        var ns = new NetworkSimplex(new DenseArcs(cost, n, m, maxAbsCost, o.SinglePrecisionPricingFrom), a, b, maxAbsCost, minCost);
        TransportStatus status = ns.Run(o.MaxIterations);
        return Finish(ns, status, a, b, new MatrixCosts(cost, n, m), o, rounds: 1, TransportRoute.NetworkSimplex);
    }

    /// <summary>The result of a finished run: see the class remarks.</summary>
    internal static TransportResult Finish(NetworkSimplex ns, TransportStatus status, double[] a, double[] b, PairCosts cost,
        TransportOptions o, int rounds, TransportRoute route)
    {
        ns.RecomputeFlows();
        double mass = Math.Max(ns.Mass, Total(b));
        if (status == TransportStatus.Optimal && ns.ArtificialFlow > o.Tolerance * mass) status = TransportStatus.Infeasible;
        List<(int I, int J, double Mass)> plan = ns.Plan();
        if (status == TransportStatus.IterationLimit) plan = PlanCompletion.Complete(plan, a, b);
        var (u, v) = ns.Duals();
        var (certificate, value) = Certifier.Certify(a, b, cost, u, v, plan, o.Tolerance);
        if (status == TransportStatus.Optimal && !certificate.Holds)
        {
            DualPolish.Run(ns, cost, cost.PolishBudget);
            (u, v) = ns.Duals();
            (certificate, value) = Certifier.Certify(a, b, cost, u, v, plan, o.Tolerance);
            if (!certificate.Holds) status = TransportStatus.Uncertified;
        }
        if (status == TransportStatus.Infeasible) value = double.PositiveInfinity;
        return new TransportResult(value, status, u, v, plan, certificate, ns.Iterations, rounds, route);
    }

    private static double Total(double[] x)
    {
        var s = new CompensatedSum();
        foreach (double t in x) s.Add(t);
        return s.Value;
    }
}
