using System.CommandLine;
using System.Globalization;
using Verify.Figures.Io;
using Verify.Theory;

namespace Verify.Figures.Commands;

/// <summary>
/// <c>verify distance P.csv Q.csv [--metric w1|w2|js|kl|tv|hellinger|all] [--json]</c>: exact distances between two
/// sample files (CSV, .npy or .npz: <see cref="SampleFiles"/>; read in parallel), each read as a probability law (weights, or uniform 1/n, normalised explicitly to total mass 1).
/// W1 and W2 come from exact optimal transport with a checked primal/dual certificate (network simplex on the n×m cost
/// matrix); in 1-D, when n·m exceeds <see cref="MaxCertifiedPairs"/>, they come from the exact sorted-CDF formula
/// instead (O(n log n), no dual potentials, so no certificate is reported). JS, KL, TV and Hellinger compare the two
/// laws atom by atom (atoms match when their coordinates are equal).
/// </summary>
public static class DistanceCommand
{
    public static readonly string[] Metrics = ["w1", "w2", "js", "kl", "tv", "hellinger", "all"];

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
        var json = new Option<bool>("--json") { Description = "print one JSON object instead of a table" };
        var cmd = new Command("distance",
            "Exact W1, W2, JS, KL, TV and Hellinger between two sample files, each normalised to a probability law. " +
            "W1/W2: exact optimal transport with a checked certificate. JS/KL/TV/Hellinger: atoms match only at equal " +
            "coordinates, so samples of a continuous law are disjoint (JS = log 2, KL = Infinity).") { pArg, qArg, metric, json };
        cmd.SetAction(parse =>
        {
            var (p, q) = SampleFiles.ReadPair(parse.GetRequiredValue(pArg), parse.GetRequiredValue(qArg)); // both parsed at once
            var result = Compute(p, q, parse.GetValue(metric) ?? "all");
            stdout.Write(parse.GetValue(json) ? result.ToJson() : result.ToTable());
            return Cli.Ok;
        });
        return cmd;
    }

    /// <summary>Computes the requested metrics between two files (columns matched by name).</summary>
    public static DistanceResult Compute(SampleFile pFile, SampleFile qFile, string metric)
    {
        metric = Cli.MatchName(metric, Metrics) ?? throw new UsageException(Cli.NotOneOf("--metric", metric, Metrics));
        DiscreteDistribution q = SampleCsv.AlignColumns(pFile, qFile);
        DiscreteDistribution p = pFile.Distribution.Normalized();
        q = q.Normalized();
        bool all = metric == "all";
        var r = new DistanceResult { NP = p.Count, NQ = q.Count, Dim = p.Dimension };
        try
        {
            Transports(p, q, all, metric, r);
        }
        catch (ArgumentException e)
        {
            // Both laws are validated and normalised here, so what Transport refuses is the data itself (e.g. points too far
            // apart for the cost in doubles): bad input, reported with the files.
            throw new UsageException($"{pFile.Path}, {qFile.Path}: {Cli.Describe(e)}");
        }
        if (all || metric == "js") r.JS = Divergences.JS(p, q);
        if (all || metric == "kl") (r.KLPQ, r.KLQP) = Divergences.KLBoth(p, q);
        if (all || metric == "tv") r.TV = Divergences.TV(p, q);
        if (all || metric == "hellinger") r.Hellinger = Divergences.Hellinger(p, q);
        return r;
    }

    /// <summary>W1 and W2 when requested: exact and certified, or by the sorted-CDF route for large 1-D files.</summary>
    private static void Transports(DiscreteDistribution p, DiscreteDistribution q, bool all, string metric, DistanceResult r)
    {
        bool sortedCdf = p.Dimension == 1 && (long)p.Count * q.Count > MaxCertifiedPairs;
        if (all || metric == "w1")
        {
            if (sortedCdf) r.W1 = Transport.W1(p, q);
            else
            {
                var t = Certified(p, q, GroundCost.Euclidean);
                r.W1 = t.Cost;
                r.W1Certificate = t.Certificate;
            }
        }
        if (all || metric == "w2")
        {
            if (sortedCdf) r.W2 = Transport.Wp(p, q, 2);
            else
            {
                var t = Certified(p, q, GroundCost.SquaredEuclidean);
                r.W2 = Math.Sqrt(Math.Max(t.Cost, 0));
                r.W2Certificate = t.Certificate;
            }
        }
    }

    /// <summary>An exact solve whose certificate holds; anything else is an internal failure, never a printed number.</summary>
    private static TransportResult Certified(DiscreteDistribution p, DiscreteDistribution q, GroundCost cost)
    {
        TransportResult t = Transport.Solve(p, q, cost);
        if (t.Status != TransportStatus.Optimal || !t.Certificate.Holds)
            throw new InvalidOperationException($"the transport solve ended with status {t.Status}; certificate: {t.Certificate.Violation ?? "holds"}");
        return t;
    }
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
    public TransportCertificate? W1Certificate { get; set; }
    public TransportCertificate? W2Certificate { get; set; }

    public string ToJson()
    {
        using var j = new JsonOut();
        j.Begin();
        Put(j, "w1", W1); Put(j, "w2", W2); Put(j, "js", JS); Put(j, "kl_pq", KLPQ); Put(j, "kl_qp", KLQP);
        Put(j, "tv", TV); Put(j, "hellinger", Hellinger);
        j.Number("n_p", NP).Number("n_q", NQ).Number("dim", Dim);
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
        foreach (var (name, value) in rows) sb.AppendLine($"  {name,-10} {value}");
        if (W1Certificate is { } c)
            sb.AppendLine($"  W1 certificate: duality gap {Format(c.DualityGap)}, max dual violation {Format(c.MaxDualViolation)}");
        return sb.ToString();
    }

    private static void Put(JsonOut j, string name, double? v) { if (v is { } x) j.Number(name, x); }

    private static void Certificate(JsonOut j, string name, TransportCertificate c) =>
        j.Begin(name).Number("duality_gap", c.DualityGap).Number("max_dual_violation", c.MaxDualViolation)
            .Number("primal_residual", c.PrimalResidual).Number("tolerance", c.Tolerance).Bool("holds", c.Holds).End();

    private static string Format(double x) =>
        double.IsPositiveInfinity(x) ? "Infinity" : x.ToString("R", CultureInfo.InvariantCulture);
}
