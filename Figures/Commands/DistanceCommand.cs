using System.CommandLine;
using System.Globalization;
using Verify.Figures.Io;
using Verify.Theory;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify distance P.csv Q.csv [--metric w1|w2|js|kl|tv|hellinger|all] [--route auto|dense|sparse] [--json] [--log]</c>: exact
/// distances between two sample files (CSV, .npy or .npz: <see cref="SampleFiles"/>; read in parallel), each read as a
/// probability law (weights, or uniform 1/n, normalised explicitly to total mass 1).
/// W1 and W2 come from exact optimal transport with a checked primal/dual certificate over all n·m pairs, by the route
/// <c>--route</c> names: <c>dense</c> (network simplex on the n×m cost matrix), <c>sparse</c> (matrix-free: candidate
/// arcs, every pair priced against the duals; memory O(n + m)) or <c>auto</c> (<see cref="TransportRouting.Choose(int, int, int, TransportRoute)"/>
/// from n·m and the memory available). The route taken is reported (<c>route</c>). With <c>auto</c>, in 1-D, when n·m
/// exceeds <see cref="MaxCertifiedPairs"/>, they come from the exact sorted-CDF formula instead (route
/// <c>sorted-cdf</c>: O(n log n), no dual potentials, so no certificate is reported). JS, KL, TV and Hellinger compare the two
/// laws atom by atom (atoms match when their coordinates are equal). A W1/W2 that cannot be certified (status other than
/// Optimal: the certificate's relative error bound above its tolerance) or, on the dense route, a problem too large for
/// the n×m matrix is refused in one line naming both files, exit code 2; no value is printed.
/// </summary>
public static class DistanceCommand
{
    public static readonly string[] Metrics = ["w1", "w2", "js", "kl", "tv", "hellinger", "all"];

    /// <summary>The values of <c>--route</c>.</summary>
    public static readonly string[] Routes = ["auto", "dense", "sparse"];

    /// <summary>Largest n·m for which a 1-D pair is solved by the certified network simplex rather than by sorted CDFs.</summary>
    public const long MaxCertifiedPairs = 4_000_000;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var pArg = new Argument<string>("P.csv")
        {
            Description = "first sample file: CSV (header row; coordinate columns; optional 'weight'), .npy (n,) or (n, d), or .npz (points, weights, columns)",
        };
        var qArg = new Argument<string>("Q.csv") { Description = "second sample file, with the same coordinate columns" };
        var metric = Cli.Choice("--metric", "which distance: w1, w2, js, kl (both directions), tv, hellinger or all", Metrics, "all");
        var route = Cli.Choice("--route",
            "exact transport route for W1/W2: dense (n×m cost matrix in memory), sparse (matrix-free: k-d tree or blocked " +
            "pricing of every pair, memory O(n + m)) or auto (dense up to 10⁶ pairs when the matrix fits, else sparse)",
            Routes, "auto");
        var json = new Option<bool>("--json") { Description = "print one JSON object instead of a table" };
        var log = new Option<bool>("--log")
        {
            Description = "write the matrix-free transport route's stages (candidates, auction and simplex rounds, pricing " +
                "passes, certificate) with the seconds elapsed to standard error",
        };
        var cmd = new Command("distance",
            "Exact W1, W2, JS, KL, TV and Hellinger between two sample files, each normalised to a probability law. " +
            "W1/W2: exact optimal transport with a checked certificate. JS/KL/TV/Hellinger: atoms match only at equal " +
            "coordinates, so samples of a continuous law are disjoint (JS = log 2, KL = Infinity).") { pArg, qArg, metric, route, json, log };
        cmd.SetAction(parse =>
        {
            var (p, q) = SampleFiles.ReadPair(parse.GetRequiredValue(pArg), parse.GetRequiredValue(qArg)); // both parsed at once
            var result = Compute(p, q, parse.GetValue(metric) ?? "all", parse.GetValue(route) ?? "auto", parse.GetValue(log) ? stderr : null);
            stdout.Write(parse.GetValue(json) ? result.ToJson() : result.ToTable());
            return Cli.Ok;
        });
        return cmd;
    }

    /// <summary>
    /// Computes the requested metrics between two files (columns matched by name, or by position for a bare .npy), W1 and
    /// W2 by <paramref name="route"/> (auto, dense or sparse).
    /// </summary>
    public static DistanceResult Compute(SampleFile pFile, SampleFile qFile, string metric, string route = "auto", TextWriter? log = null)
    {
        metric = Cli.MatchName(metric, Metrics) ?? throw new UsageException(Cli.NotOneOf("--metric", metric, Metrics));
        route = Cli.MatchName(route, Routes) ?? throw new UsageException(Cli.NotOneOf("--route", route, Routes));
        var requested = route switch
        {
            "dense" => TransportRoute.NetworkSimplex,
            "sparse" => TransportRoute.SparsePricing,
            _ => TransportRoute.Auto,
        };
        SampleCsv.ColumnMap(pFile, qFile); // the columns must match before anything is computed
        bool all = metric == "all";
        var r = new DistanceResult { NP = pFile.Count, NQ = qFile.Count, Dim = pFile.Dimension };
        bool sortedCdf = requested == TransportRoute.Auto && pFile.Dimension == 1 && (long)pFile.Count * qFile.Count > MaxCertifiedPairs;
        DiscreteDistribution? p = null, q = null;
        try
        {
            if (sortedCdf) SortedCdf(pFile, qFile, all, metric, r);
            else
            {
                (p, q) = Laws(pFile, qFile);
                Transports(p, q, all, metric, new TransportOptions { Route = requested, Log = log }, r);
            }
        }
        catch (ArgumentException e)
        {
            // Both laws are validated and normalised here, so what Transport refuses is the data itself (points too far
            // apart for the cost in doubles, a cost matrix that will not fit on the dense route): bad input, reported with
            // the files.
            throw new UsageException($"{pFile.Path}, {qFile.Path}: {Cli.Describe(e)}");
        }
        catch (NotCertifiedException e)
        {
            throw new UsageException($"{pFile.Path}, {qFile.Path}: {e.Message}");
        }
        if (metric is "w1" or "w2") return r;
        if (p is null || q is null) (p, q) = Laws(pFile, qFile);
        if (all || metric == "js") r.JS = Divergences.JS(p, q);
        if (all || metric == "kl") (r.KLPQ, r.KLQP) = Divergences.KLBoth(p, q);
        if (all || metric == "tv") r.TV = Divergences.TV(p, q);
        if (all || metric == "hellinger") r.Hellinger = Divergences.Hellinger(p, q);
        return r;
    }

    // The two files as probability laws, Q's columns in P's order.
    private static (DiscreteDistribution P, DiscreteDistribution Q) Laws(SampleFile pFile, SampleFile qFile) =>
        (pFile.Distribution.Normalized(), SampleCsv.AlignColumns(pFile, qFile).Normalized());

    /// <summary>
    /// W1 and W2 of large 1-D files by the exact sorted-CDF formula, straight from the numbers read (each side's weights
    /// normalised inside, as for the laws): no law, no cost matrix, no certificate.
    /// </summary>
    private static void SortedCdf(SampleFile p, SampleFile q, bool all, string metric, DistanceResult r)
    {
        if (all || metric is "w1" or "w2") r.Route = SortedCdfRoute;
        if (all || metric == "w1") r.W1 = Transport.W1OneD(p.PointArray, q.PointArray, p.WeightArray, q.WeightArray);
        if (all || metric == "w2") r.W2 = Transport.WpOneD(p.PointArray, q.PointArray, 2, p.WeightArray, q.WeightArray);
    }

    /// <summary>W1 and W2 when requested, exact and certified.</summary>
    private static void Transports(DiscreteDistribution p, DiscreteDistribution q, bool all, string metric, TransportOptions o,
        DistanceResult r)
    {
        if (all || metric == "w1")
        {
            var t = Certified(p, q, GroundCost.Euclidean, "W1", o);
            r.Route = RouteName(t.Route);
            r.W1 = t.Cost;
            r.W1Certificate = t.Certificate;
        }
        if (all || metric == "w2")
        {
            var t = Certified(p, q, GroundCost.SquaredEuclidean, "W2", o);
            r.Route = RouteName(t.Route);
            r.W2 = Math.Sqrt(Math.Max(t.Cost, 0));
            r.W2Certificate = t.Certificate;
        }
    }

    /// <summary>An exact solve whose certificate holds; anything else is refused in one line, never a printed number.</summary>
    private static TransportResult Certified(DiscreteDistribution p, DiscreteDistribution q, GroundCost cost, string name,
        TransportOptions o)
    {
        TransportResult t = Transport.Solve(p, q, cost, o);
        if (t.Status != TransportStatus.Optimal || !t.Certificate.Holds)
            throw new NotCertifiedException(
                $"{name} is not reported: the exact solve ended with status {t.Status} ({t.Certificate.Violation ?? "certificate holds"})");
        return t;
    }

    /// <summary>The <c>route</c> reported for the 1-D sorted-CDF formula.</summary>
    public const string SortedCdfRoute = "sorted-cdf";

    /// <summary>The <c>route</c> reported for a solver route: "dense" or "sparse".</summary>
    public static string RouteName(TransportRoute route) => route == TransportRoute.SparsePricing ? "sparse" : "dense";

    private sealed class NotCertifiedException(string message) : Exception(message);
}

/// <summary>The metrics computed by <see cref="DistanceCommand"/>; null where not requested.</summary>
public sealed class DistanceResult
{
    public double? W1 { get; set; }
    public double? W2 { get; set; }
    public double? JS { get; set; }
    public double? KLPQ { get; set; }
    public double? KLQP { get; set; }
    public double? TV { get; set; }
    public double? Hellinger { get; set; }
    public int NP { get; set; }
    public int NQ { get; set; }
    public int Dim { get; set; }

    /// <summary>How W1/W2 were computed: "dense", "sparse" or "sorted-cdf"; null when neither was requested.</summary>
    public string? Route { get; set; }
    public TransportCertificate? W1Certificate { get; set; }
    public TransportCertificate? W2Certificate { get; set; }

    public string ToJson()
    {
        using var j = new JsonOut();
        j.Begin();
        Put(j, "w1", W1); Put(j, "w2", W2); Put(j, "js", JS); Put(j, "kl_pq", KLPQ); Put(j, "kl_qp", KLQP);
        Put(j, "tv", TV); Put(j, "hellinger", Hellinger);
        j.Number("n_p", NP).Number("n_q", NQ).Number("dim", Dim);
        if (Route is { } route) j.String("route", route);
        if (W1Certificate is { } c1) Certificate(j, "certificate", c1);
        if (W2Certificate is { } c2) Certificate(j, "certificate_w2", c2);
        j.End();
        return j + Environment.NewLine;
    }

    public string ToTable()
    {
        var rows = new List<(string, string)>();
        void Row(string name, double? v) { if (v is { } x) rows.Add((name, Format(x))); }
        Row("W1", W1); Row("W2", W2); Row("JS (nats)", JS); Row("KL(P‖Q)", KLPQ); Row("KL(Q‖P)", KLQP); Row("TV", TV); Row("Hellinger", Hellinger);
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"P: {NP} points, Q: {NQ} points, dimension {Dim}");
        if (Route is { } route) sb.AppendLine($"  route      {route}");
        foreach (var (name, value) in rows) sb.AppendLine($"  {name,-10} {value}");
        if (W1Certificate is { } c)
            sb.AppendLine($"  W1 certificate: relative error ≤ {Format(c.ErrorBound)} (duality gap {Format(c.DualityGap)}, " +
                $"dual violation {Format(c.DualViolation)}; relative to max(|W1|, floor {Format(c.Floor)}))");
        return sb.ToString();
    }

    private static void Put(JsonOut j, string name, double? v) { if (v is { } x) j.Number(name, x); }

    // Every field but scale and floor is relative to scale = max(|value|, floor), floor = 2⁻⁵²·M·max|c| (TransportCertificate).
    private static void Certificate(JsonOut j, string name, TransportCertificate c) =>
        j.Begin(name).Number("error_bound", c.ErrorBound).Number("duality_gap", c.DualityGap)
            .Number("dual_violation", c.DualViolation).Number("max_dual_violation", c.MaxDualViolation)
            .Number("primal_residual", c.PrimalResidual).Number("scale", c.Scale).Number("floor", c.Floor)
            .Number("tolerance", c.Tolerance).Bool("holds", c.Holds).End();

    private static string Format(double x) =>
        double.IsPositiveInfinity(x) ? "Infinity" : x.ToString("R", CultureInfo.InvariantCulture);
}
