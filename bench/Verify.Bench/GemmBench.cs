using System.Diagnostics;
using System.Globalization;
using Verify.Networks.Native;

namespace Verify.Bench;

/// <summary>
/// `verify-bench gemm [--seconds S] [--no-python]`: single-precision GEMM throughput (GFLOP/s = 2·m·n·k / time) of the
/// engine's OpenBLAS path on square sizes and on the shapes the trainers run, beside NumPy's and PyTorch's (2 threads)
/// matmul on the same shapes, timed the same way in one run.
/// </summary>
public static class GemmBench
{
    /// <summary>(label, m, k, n, transA, transB): C[m×n] = op(A)·op(B).</summary>
    private static readonly (string Label, int M, int K, int N, bool TA, bool TB)[] Shapes =
    [
        ("square 256", 256, 256, 256, false, false),
        ("square 512", 512, 512, 512, false, false),
        ("square 1024", 1024, 1024, 1024, false, false),
        ("WGAN 3x512 hidden fwd x·Wᵀ (256×512·512×512)", 256, 512, 512, false, true),
        ("WGAN 3x512 hidden dW = Gᵀ·x", 512, 256, 512, true, false),
        ("WGAN 3x512 hidden dx = G·W", 256, 512, 512, false, false),
        ("WGAN 3x512 input layer (256×2·2×512)", 256, 2, 512, false, true),
        ("WGAN 3x128 hidden (256×128·128×128)", 256, 128, 128, false, true),
        ("MNIST D in (64×784·784×512)", 64, 784, 512, false, true),
        ("MNIST D dW (512×64·64×784)", 512, 64, 784, true, false),
        ("MNIST G out (64×1024·1024×784)", 64, 1024, 784, false, true),
        ("MNIST G hidden (64×512·512×1024)", 64, 512, 1024, false, true),
    ];

    public static int Run(string[] args)
    {
        double seconds = 0.4;
        bool python = true;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length) seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--no-python") python = false;
            else { Console.Error.WriteLine($"verify-bench: error: unknown gemm option {args[i]}"); return 2; }
        }
        Console.WriteLine($"# sgemm throughput, OpenBLAS {Gemm.CoreName} kernels (OPENBLAS_CORETYPE set by the engine: {Gemm.ChosenCoreType ?? "no"}), threads = {Gemm.Threads}, {Environment.ProcessorCount} cores, best of runs over {seconds} s per shape");
        var engine = Shapes.Select(s => Measure(s.M, s.K, s.N, s.TA, s.TB, seconds)).ToArray();
        // The anchors run twice: as their users get them (OpenBLAS's own kernel choice, Prescott on this machine) and with
        // the same OPENBLAS_CORETYPE as the engine (same kernels: a like-for-like comparison).
        var asIs = python ? PythonAnchors(seconds, null) : null;
        var same = python && Gemm.ChosenCoreType is not null ? PythonAnchors(seconds, Gemm.ChosenCoreType) : null;
        string core = Gemm.ChosenCoreType ?? "-";
        Console.WriteLine($"{"shape (GFLOP/s)",-48} {"engine",8} {"numpy",8} {"torch",8} {"numpy/" + core,16} {"torch/" + core,16}");
        static string F(double? v) => v is null ? "-" : v.Value.ToString("F1", CultureInfo.InvariantCulture);
        for (int i = 0; i < Shapes.Length; i++)
            Console.WriteLine($"{Shapes[i].Label,-48} {engine[i],8:F1} {F(asIs?[i].Numpy),8} {F(asIs?[i].Torch),8} {F(same?[i].Numpy),16} {F(same?[i].Torch),16}");
        return 0;
    }

    private static double Measure(int m, int k, int n, bool ta, bool tb, double seconds)
    {
        var rng = new Verify.Networks.Init.Rng(1);
        var a = new float[m * k]; var b = new float[k * n]; var c = new float[m * n];
        rng.FillUniform<float>(a, -1, 1); rng.FillUniform<float>(b, -1, 1);
        for (int w = 0; w < 3; w++) Gemm.Run(ta, tb, m, n, k, 1f, a, b, 0f, c.AsSpan());
        double best = double.MaxValue;
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds)
        {
            int reps = Math.Max(1, (int)(2e8 / (2.0 * m * n * k)));
            var sw = Stopwatch.StartNew();
            for (int r = 0; r < reps; r++) Gemm.Run(ta, tb, m, n, k, 1f, a, b, 0f, c.AsSpan());
            best = Math.Min(best, sw.Elapsed.TotalSeconds / reps);
        }
        return 2.0 * m * n * k / best / 1e9;
    }

    private const string Script = """
import sys, time
import numpy as np
try:
    import torch
    torch.set_num_threads(2)
except Exception:
    torch = None
seconds = float(sys.argv[1])
for line in sys.stdin:
    m, k, n, ta, tb = (int(v) for v in line.split())
    rng = np.random.default_rng(1)
    a = rng.uniform(-1, 1, (k, m) if ta else (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, k) if tb else (k, n)).astype(np.float32)
    def best(f):
        for _ in range(3): f()
        reps = max(1, int(2e8 / (2.0 * m * n * k)))
        t_best = float('inf'); start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            t0 = time.perf_counter()
            for _ in range(reps): f()
            t_best = min(t_best, (time.perf_counter() - t0) / reps)
        return 2.0 * m * n * k / t_best / 1e9
    A = a.T if ta else a; B = b.T if tb else b
    g_np = best(lambda: A @ B)
    if torch is not None:
        ta_, tb_ = torch.from_numpy(a), torch.from_numpy(b)
        TA = ta_.t() if ta else ta_; TB = tb_.t() if tb else tb_
        with torch.no_grad():
            g_t = best(lambda: TA @ TB)
    else:
        g_t = float('nan')
    print(f"{g_np} {g_t}", flush=True)
""";

    private static (double Numpy, double Torch)[]? PythonAnchors(double seconds, string? coreType)
    {
        try
        {
            var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", Script, seconds.ToString(CultureInfo.InvariantCulture)])
            { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (coreType is null) psi.Environment.Remove("OPENBLAS_CORETYPE");
            else psi.Environment["OPENBLAS_CORETYPE"] = coreType;
            using var p = Process.Start(psi)!;
            var results = new (double, double)[Shapes.Length];
            for (int i = 0; i < Shapes.Length; i++)
            {
                var s = Shapes[i];
                p.StandardInput.WriteLine($"{s.M} {s.K} {s.N} {(s.TA ? 1 : 0)} {(s.TB ? 1 : 0)}");
                p.StandardInput.Flush();
                var parts = (p.StandardOutput.ReadLine() ?? throw new InvalidOperationException(p.StandardError.ReadToEnd())).Split(' ');
                results[i] = (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
            }
            p.StandardInput.Close();
            p.WaitForExit();
            return results;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"verify-bench: numpy/torch anchors unavailable ({e.Message.Split('\n')[0]})");
            return null;
        }
    }
}
