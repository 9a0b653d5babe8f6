using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Verify.Networks.Native;

namespace Verify.Bench;

/// <summary>
/// `verify-bench conv [--rounds R] [--iters N] [--batch B] [--anchor bench/conv/anchor.py] [--no-python] [--no-iteration] [--iteration-only] [--threads T]`:
/// GFLOP/s of the DCGAN pair's convolutions (<see cref="ConvWorkloads"/>), forward and forward + backward, ours and
/// PyTorch's side by side (each round: ours, then the anchor), beside the engine's sgemm on the largest conv GEMM and on a
/// 1024² square (its peak here); then ms per WGAN-GP generator iteration of the DCGAN pair, ours vs PyTorch.
/// Medians over all timed calls of all rounds. `--threads T` runs the engine (GEMMs and element-wise loops) on T threads
/// (default: all cores) and the anchor likewise — one thread gives steadier A/B figures on a busy machine.
/// </summary>
public static class ConvBench
{
    public static int Run(string[] args)
    {
        int rounds = 3, iters = 10, batch = 64, threads = Environment.ProcessorCount;
        string anchor = Path.Combine("bench", "conv", "anchor.py");
        bool python = true, iteration = true, ops = true;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds" when i + 1 < args.Length: rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--iters" when i + 1 < args.Length: iters = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--batch" when i + 1 < args.Length: batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--anchor" when i + 1 < args.Length: anchor = args[++i]; break;
                case "--no-python": python = false; break;
                case "--no-iteration": iteration = false; break;
                case "--iteration-only": ops = false; break;
                case "--threads" when i + 1 < args.Length: threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"verify-bench: error: unknown conv option {args[i]}"); return 2;
            }
        }
        if (rounds < 1 || iters < 1 || batch < 1 || threads < 1) { Console.Error.WriteLine("verify-bench: error: --rounds, --iters, --batch and --threads must be ≥ 1"); return 2; }
        ManagedGemm.Threads = threads;
        Parallelism.Threads = threads;
        if (python && !File.Exists(anchor)) { Console.Error.WriteLine($"verify-bench: error: anchor script {anchor} not found (give --anchor or --no-python)"); return 2; }
        Console.WriteLine($"# DCGAN convolutions, float32, batch {batch}; engine GEMM: {Gemm.Describe()}; element-wise threads {Parallelism.Threads}; " +
                          $"OPENBLAS_CORETYPE={Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") ?? "(unset)"}; {rounds} rounds × {iters} calls");
        Console.WriteLine("# FLOPs per pass = 2·N·(windows)·Cin·Cout·k² (the GEMM's multiply-adds); fwd+bwd counts 3 passes");
        var ours = new Dictionary<string, List<double>>();
        var torch = new Dictionary<string, List<double>>();
        var peak = new List<double>();
        var convGemm = new List<double>();
        for (int r = 1; r <= (ops ? rounds : 0); r++)
        {
            foreach (string op in ConvWorkloads.Ops)
            {
                var (fwd, fwdbwd) = ConvWorkloads.Op(op, batch);
                Add(ours, op + ".fwd", ConvWorkloads.Time(fwd, iters, 2));
                Add(ours, op + ".fwdbwd", ConvWorkloads.Time(fwdbwd, iters, 2));
            }
            peak.Add(SgemmGflops(1024, 1024, 1024, false, true, iters));
            convGemm.Add(SgemmGflops(batch * 49, 1024, 128, false, true, iters));
            if (python)
                foreach (var (op, t) in Anchor(anchor, $"--ops {string.Join(',', ConvWorkloads.Ops)} --iters {iters} --batch {batch} --threads {threads}"))
                    Add(torch, op, t);
            Console.Error.WriteLine($"round {r}: " + string.Join(", ", ours.Select(kv => $"{kv.Key} {Median(kv.Value):F2} ms")));
        }
        if (ops) PrintOps(ours, torch, peak, convGemm, batch);
        if (iteration)
        {
            var it = new List<double>();
            var ti = new List<double>();
            var cpu = new List<double>(); // per round: CPU ms of the whole process (all threads, spinning included) per iteration
            var paired = new List<double>(); // per round: our median / the anchor's median, measured back to back
            var allocated = new List<double>(); // per round: MB the managed heap handed out per iteration (all threads)
            var step = ConvWorkloads.DcganGp(batch);
            for (int r = 1; r <= rounds; r++)
            {
                step(1);
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                long bytes0 = GC.GetTotalAllocatedBytes(precise: true);
                var round = step(Math.Max(2, iters / 3));
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / round.Length);
                allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - bytes0) / 1e6 / round.Length);
                it.AddRange(round);
                if (python)
                    foreach (var (_, t) in Anchor(anchor, $"--workload dcgan-gp --iters {Math.Max(2, iters / 3)} --warmup 1 --batch {batch} --threads {threads}"))
                    {
                        ti.AddRange(t);
                        paired.Add(Median([.. round]) / Median([.. t]));
                    }
                Console.Error.WriteLine($"round {r}: dcgan-gp ours {Median(it):F0} ms" + (python ? $", torch {Median(ti):F0} ms" : ""));
            }
            double tm = ti.Count > 0 ? Median(ti) : double.NaN;
            var table = ConvWorkloads.IterationFlops(batch);
            double total = table.Sum(r => r.Passes * r.PassFlops);
            Console.WriteLine("# dcgan-gp GEMM FLOPs per iteration (passes × FLOPs of one pass; see ConvWorkloads.IterationFlops):");
            foreach (var (layer, phase, passes, pass) in table)
                Console.WriteLine($"#   {layer,-20} {phase,-52} {passes,3} × {pass / 1e6,8:F1} MFLOP = {passes * pass / 1e9,7:F3} GFLOP");
            Console.WriteLine($"#   total {total / 1e9:F2} GFLOP");
            Console.WriteLine($"dcgan-gp (one WGAN-GP generator iteration, n_critic 5): ours {Median(it):F0} ms (min {it.Min():F0}, max {it.Max():F0}), " +
                              $"torch {F(tm)} ms (min {(ti.Count > 0 ? F(ti.Min()) : "-")}, max {(ti.Count > 0 ? F(ti.Max()) : "-")}), ours/torch {F(Median(it) / tm)}; " +
                              $"GFLOP/s ours {total / Median(it) / 1e6:F1}, torch {F(total / tm / 1e6)}" +
                              (paired.Count > 0 ? $"; paired per-round ratios {string.Join(" ", paired.Select(F))}" : "") +
                              $"; ours CPU ms per iteration (all threads) {string.Join(" ", cpu.Select(F))}" +
                              $"; ours MB allocated per iteration {string.Join(" ", allocated.Select(F))}");
        }
        return 0;
    }

    private static void PrintOps(Dictionary<string, List<double>> ours, Dictionary<string, List<double>> torch, List<double> peak, List<double> convGemm, int batch)
    {
        Console.WriteLine($"engine sgemm peak (1024² · 1024², B transposed): {Median(peak):F1} GFLOP/s; on d2's GEMM ({batch * 49}×1024 · 1024×128): {Median(convGemm):F1} GFLOP/s");
        Console.WriteLine($"{"op",-10} {"GFLOP",8} {"ours ms",9} {"torch ms",9} {"ours/torch",11} {"ours GFLOP/s",13} {"torch GFLOP/s",14} {"ours/peak",10}");
        foreach (string op in ConvWorkloads.Ops)
            foreach (string kind in new[] { "fwd", "fwdbwd" })
            {
                string key = op + "." + kind;
                double flops = ConvWorkloads.PassFlops(op, batch) * (kind == "fwd" ? 1 : 3);
                double o = Median(ours[key]), t = torch.TryGetValue(key, out var tl) ? Median(tl) : double.NaN;
                Console.WriteLine($"{key,-10} {flops / 1e9,8:F3} {o,9:F2} {F(t),9} {F(o / t),11} {flops / o / 1e6,13:F1} {F(flops / t / 1e6),14} {flops / o / 1e6 / Median(peak),10:P0}");
            }
    }

    private static void Add(Dictionary<string, List<double>> d, string key, IEnumerable<double> v)
    {
        if (!d.TryGetValue(key, out var l)) d[key] = l = [];
        l.AddRange(v);
    }

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString(v < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static double Median(List<double> v) => GemmBench.Median(v);

    private static double SgemmGflops(int m, int k, int n, bool ta, bool tb, int iters)
    {
        var rng = new Verify.Networks.Init.Rng(2);
        var a = new float[m * k]; var b = new float[k * n]; var c = new float[m * n];
        rng.FillUniform<float>(a, -1, 1); rng.FillUniform<float>(b, -1, 1);
        Gemm.Run(ta, tb, m, n, k, 1f, a, b, 0f, c);
        double best = double.PositiveInfinity;
        for (int i = 0; i < iters; i++)
        {
            long t = Stopwatch.GetTimestamp();
            Gemm.Run(ta, tb, m, n, k, 1f, a, b, 0f, c);
            best = Math.Min(best, Stopwatch.GetElapsedTime(t).TotalSeconds);
        }
        return 2.0 * m * n * k / best / 1e9;
    }

    private static IEnumerable<(string Op, double[] Times)> Anchor(string script, string arguments)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3", $"{script} {arguments}") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.Environment["OPENBLAS_CORETYPE"] = "SkylakeX";
        using var p = Process.Start(psi)!;
        var results = new List<(string, double[])>();
        string? line;
        while ((line = p.StandardOutput.ReadLine()) is not null)
        {
            using var doc = JsonDocument.Parse(line);
            results.Add((doc.RootElement.GetProperty("op").GetString()!, doc.RootElement.GetProperty("times_ms").EnumerateArray().Select(e => e.GetDouble()).ToArray()));
        }
        p.WaitForExit();
        return results;
    }
}
