using System.Diagnostics;
using System.Globalization;
using Verify.Theory;

namespace Verify.Bench;

/// <summary>
/// Our side of bench/ot.sh: the same workloads as bench/ot/anchor.py on the same files. Prints
/// "ours &lt;workload&gt; &lt;rep&gt; &lt;milliseconds&gt; &lt;value&gt;" per timed run (Stopwatch, in-process, after one warm-up);
/// only the solve is timed, the cost matrix is built outside the timer as on the anchor side.
/// </summary>
public static class OtWorkloads
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: verify-bench ot <data-dir> <reps> [workload,...]");
            return 2;
        }
        string data = args[0];
        int reps = int.Parse(args[1], CultureInfo.InvariantCulture);
        var only = args.Length > 2 ? new HashSet<string>(args[2].Split(',')) : null;
        // OT_ROUTE=dense|sparse pins a route (for comparing routes); the default is the automatic choice.
        var options = new TransportOptions
        {
            Route = Environment.GetEnvironmentVariable("OT_ROUTE") switch
            {
                "dense" => TransportRoute.NetworkSimplex,
                "sparse" => TransportRoute.SparsePricing,
                _ => TransportRoute.Auto,
            },

        };
        bool Want(string name) => only is null ? name != "cap-5000" : only.Contains(name);

        foreach (string name in new[] { "g2d-1000", "g2d-2000", "g2d-4000", "u784" })
        {
            if (!Want(name)) continue;
            var (x, y) = Read(Path.Combine(data, name + ".bin"));
            double[,] c = GroundCost.Euclidean.Matrix(x, y);
            double[] a = Uniform(x.Count), b = Uniform(y.Count);
            Time(name, reps, () =>
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                TransportResult r = Transport.Solve(a, b, c, options);
                if (Environment.GetEnvironmentVariable("OT_VERBOSE") == "1")
                    Console.Error.WriteLine($"  {name}: pivots {r.Iterations}, rounds {r.Rounds}, plan {r.Plan.Count}, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms");
                return r.Cost;
            });
        }
        if (Want("line-1e6"))
        {
            var (x, y) = Read(Path.Combine(data, "line-1e6.bin"));
            double[] u = x.Points.ToArray(), v = y.Points.ToArray();
            Time("line-1e6", reps, () => Transport.W1OneD(u, v));
        }
        if (Want("cap-5000"))
        {
            var (x, y) = Read(Path.Combine(data, "cap-5000.bin"));
            double[,] c = GroundCost.SquaredEuclidean.Matrix(x, y);
            double[] a = Uniform(x.Count);
            var sw = Stopwatch.StartNew();
            TransportResult r = Transport.Solve(a, a, c, options);
            sw.Stop();
            Console.WriteLine(FormattableString.Invariant(
                $"ours cap-5000-exact 0 {sw.Elapsed.TotalMilliseconds:F3} {r.Cost:R} status={r.Status} certificate={(r.Certificate.Holds ? "holds" : "fails")} pivots={r.Iterations} rounds={r.Rounds}"));
        }
        return 0;
    }

    private static void Time(string name, int reps, Func<double> solve)
    {
        solve(); // warm-up (JIT)
        for (int r = 0; r < reps; r++)
        {
            var sw = Stopwatch.StartNew();
            double value = solve();
            sw.Stop();
            Console.WriteLine(FormattableString.Invariant($"ours {name} {r} {sw.Elapsed.TotalMilliseconds:F3} {value:R}"));
        }
    }

    private static double[] Uniform(int n)
    {
        var w = new double[n];
        Array.Fill(w, 1.0 / n);
        return w;
    }

    private static (DiscreteDistribution X, DiscreteDistribution Y) Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        int n = reader.ReadInt32(), m = reader.ReadInt32(), d = reader.ReadInt32();
        var x = new double[n * d];
        var y = new double[m * d];
        for (int k = 0; k < x.Length; k++) x[k] = reader.ReadDouble();
        for (int k = 0; k < y.Length; k++) y[k] = reader.ReadDouble();
        return (new DiscreteDistribution(x, d), new DiscreteDistribution(y, d));
    }
}
