namespace Verify.Theory;

/// <summary>Runs the chosen exact route on a validated problem and attaches the checked certificate.</summary>
internal static class ExactSolver
{
    public static TransportResult Solve(double[] a, double[] b, Array cost, int n, int m, double maxAbsCost, TransportOptions o)
    {
        if (o.Route == TransportRoute.SparsePricing) return SparsePricing.Solve(a, b, cost, n, m, maxAbsCost, o);
        var ns = new NetworkSimplex(new DenseArcs(cost, n, m, maxAbsCost, o.SinglePrecisionPricingFrom), a, b, maxAbsCost);
        TransportStatus status = ns.Run(o.MaxIterations);
        int rounds = 1;
        return Finish(ns, status, a, b, cost, n, m, o, rounds);
    }

    internal static TransportResult Finish(NetworkSimplex ns, TransportStatus status, double[] a, double[] b, Array cost,
        int n, int m, TransportOptions o, int rounds)
    {
        if (status == TransportStatus.Optimal && ns.ArtificialFlow > o.Tolerance * ns.Mass) status = TransportStatus.Infeasible;
        var (u, v) = ns.Duals(a);
        var (plan, value) = ns.Plan();
        var cert = Certifier.Certify(a, b, cost, n, m, u, v, plan, value, o.Tolerance);
        if (status == TransportStatus.Infeasible) value = double.PositiveInfinity;
        else if (status == TransportStatus.Optimal && !cert.Holds)
            throw new InvalidOperationException($"transport solve claimed optimality but its certificate fails: {cert.Violation}");
        return new TransportResult(value, status, u, v, plan, cert, ns.Iterations, rounds);
    }
}
