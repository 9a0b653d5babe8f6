using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Verify.Networks.Native;

namespace Verify.Bench;

/// <summary>
/// `verify-bench train [--rounds R] [--anchor bench/train/anchor.py] [--anchor-coretype SkylakeX] [--no-python] [--workloads toy512,toy128,mnist,critic64]`:
/// ms per generator iteration of the training workloads (<see cref="TrainWorkloads"/>), run side by side with the PyTorch
/// anchor in one run: each round times ours, then the anchor, workload by workload; prints the median over all timed
/// iterations of all rounds, the ratio ours/PyTorch and the model GFLOP/s each reaches.
/// </summary>
public static class TrainBench
{
    private static readonly Dictionary<string, int> Iterations = new() { ["toy512"] = 10, ["toy128"] = 30, ["mnist"] = 60, ["critic64"] = 200 };

    public static int Run(string[] args)
    {
        int rounds = 3;
        string anchor = Path.Combine("bench", "train", "anchor.py");
        bool python = true;
        string[] workloads = TrainWorkloads.Names;
        string? coretype = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds" when i + 1 < args.Length: rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--anchor" when i + 1 < args.Length: anchor = args[++i]; break;
                case "--no-python": python = false; break;
                case "--workloads" when i + 1 < args.Length: workloads = args[++i].Split(','); break;
                case "--anchor-coretype" when i + 1 < args.Length: coretype = args[++i]; break;
                default: Console.Error.WriteLine($"verify-bench: error: unknown train option {args[i]}"); return 2;
            }
        }
        foreach (string w in workloads)
            if (!TrainWorkloads.Names.Contains(w)) { Console.Error.WriteLine($"verify-bench: error: unknown workload {w}"); return 2; }
        if (python && !File.Exists(anchor)) { Console.Error.WriteLine($"verify-bench: error: anchor script {anchor} not found (give --anchor or --no-python)"); return 2; }

        Console.WriteLine($"# training workloads in process, ms per generator iteration (critic64: per critic step); engine GEMM: {Gemm.Describe()}; " +
                          $"OPENBLAS_CORETYPE={Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") ?? "(unset)"}, anchor's {coretype ?? "the same"}; " +
                          $"{Environment.ProcessorCount} cores; {rounds} rounds, ours then PyTorch per workload");
        var ours = workloads.ToDictionary(w => w, _ => new List<double>());
        var torch = workloads.ToDictionary(w => w, _ => new List<double>());
        for (int r = 1; r <= rounds; r++)
        {
            foreach (string w in workloads)
            {
                int[] gc0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
                double[] t = TrainWorkloads.Time(w, Iterations[w], warmup: 3);
                ours[w].AddRange(t);
                string gcs = $"{GC.CollectionCount(0) - gc0[0]}/{GC.CollectionCount(1) - gc0[1]}/{GC.CollectionCount(2) - gc0[2]}";
                string line = $"round {r} {w,-7} ours  median {Median(t),9:F2} ms (GCs gen0/1/2 {gcs})";
                if (python)
                {
                    double[]? a = Anchor(anchor, w, Iterations[w], coretype);
                    if (a is not null) { torch[w].AddRange(a); line += $" | torch median {Median(a),9:F2} ms"; }
                }
                Console.Error.WriteLine(line);
            }
        }
        Console.WriteLine($"{"workload",-8} {"ours ms",10} {"torch ms",10} {"ours/torch",11} {"ours GFLOP/s",13} {"torch GFLOP/s",14}");
        foreach (string w in workloads)
        {
            double o = Median([.. ours[w]]);
            double? p = torch[w].Count > 0 ? Median([.. torch[w]]) : null;
            double gf = TrainWorkloads.Flops(w) / 1e9;
            string F(double? v, string fmt) => v is { } x ? x.ToString(fmt, CultureInfo.InvariantCulture) : "-";
            Console.WriteLine($"{w,-8} {o,10:F2} {F(p, "F2"),10} {F(p is { } q ? o / q : null, "F3"),11} {gf / (o / 1e3),13:F1} {F(p is { } q2 ? gf / (q2 / 1e3) : null, "F1"),14}");
        }
        Console.WriteLine($"# GFLOP/s: {TrainWorkloads.FlopModel}");
        return 0;
    }

    private static double[]? Anchor(string script, string workload, int iterations, string? coretype)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (coretype is not null) psi.Environment["OPENBLAS_CORETYPE"] = coretype; // the anchor's process only
        foreach (string a in new[] { script, "--workload", workload, "--iters", iterations.ToString(CultureInfo.InvariantCulture), "--warmup", "3", "--threads", "2" })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) { Console.Error.WriteLine($"anchor failed ({p.ExitCode}): {err.Trim()}"); return null; }
        using var doc = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        return doc.RootElement.GetProperty("times_ms").EnumerateArray().Select(e => e.GetDouble()).ToArray();
    }

    private static double Median(double[] xs)
    {
        var s = xs.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
