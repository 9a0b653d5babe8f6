using System.Diagnostics;
using System.Globalization;
using Verify.Networks.Native;

namespace Verify.Bench;

/// <summary>
/// `verify-bench gemm [--seconds S] [--no-python]` (and `--workloads [--iterations N] [--rounds R]`, see <see cref="GemmWorkloads"/>): single-precision GEMM throughput (GFLOP/s = 2·m·n·k / time) of the
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
        bool python = true, workloads = false;
        int iterations = 5, rounds = 2;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length) seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--no-python") python = false;
            else if (args[i] == "--workloads") workloads = true;
            else if (args[i] == "--iterations" && i + 1 < args.Length) iterations = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else { Console.Error.WriteLine($"verify-bench: error: unknown gemm option {args[i]}"); return 2; }
        }
        if (iterations < 1 || rounds < 1) { Console.Error.WriteLine("verify-bench: error: --iterations and --rounds must be ≥ 1"); return 2; }
        if (workloads) return GemmWorkloads.Run(iterations, rounds, python);
        Console.WriteLine($"# sgemm throughput, OpenBLAS {Gemm.CoreName} kernels (OPENBLAS_CORETYPE set by the engine: {Gemm.ChosenCoreType ?? "no"}), threads = {Gemm.Threads}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"# best of {Rounds} interleaved rounds × {seconds} s per shape and column; anchors: /usr/bin/python3 numpy and torch (torch.set_num_threads(2)),");
        Console.WriteLine("# as their users get them (OpenBLAS's own kernel choice) and with the engine's OPENBLAS_CORETYPE (same kernels)");
        // The anchors run in two long-lived Python processes; each shape is timed engine → as-is → same-core in turn,
        // and the rounds repeat, so that drifting machine load hits every column alike.
        using var asIs = python ? Anchor.Start(seconds, null) : null;
        using var same = python && Gemm.ChosenCoreType is not null ? Anchor.Start(seconds, Gemm.ChosenCoreType) : null;
        var engine = new double[Shapes.Length];
        var a = new (double Numpy, double Torch)[Shapes.Length];
        var b = new (double Numpy, double Torch)[Shapes.Length];
        for (int round = 0; round < Rounds; round++)
            for (int i = 0; i < Shapes.Length; i++)
            {
                var s = Shapes[i];
                engine[i] = Math.Max(engine[i], Measure(s.M, s.K, s.N, s.TA, s.TB, seconds));
                if (asIs?.Ask(s.M, s.K, s.N, s.TA, s.TB) is { } x) a[i] = (Math.Max(a[i].Numpy, x.Numpy), Math.Max(a[i].Torch, x.Torch));
                if (same?.Ask(s.M, s.K, s.N, s.TA, s.TB) is { } y) b[i] = (Math.Max(b[i].Numpy, y.Numpy), Math.Max(b[i].Torch, y.Torch));
            }
        string core = Gemm.ChosenCoreType ?? "-";
        Console.WriteLine($"{"shape (GFLOP/s)",-48} {"engine",8} {"numpy",8} {"torch",8} {"numpy/" + core,16} {"torch/" + core,16}");
        string F(double v, bool ok) => ok ? v.ToString("F1", CultureInfo.InvariantCulture) : "-";
        for (int i = 0; i < Shapes.Length; i++)
            Console.WriteLine($"{Shapes[i].Label,-48} {engine[i],8:F1} {F(a[i].Numpy, asIs is not null),8} {F(a[i].Torch, asIs is not null),8} {F(b[i].Numpy, same is not null),16} {F(b[i].Torch, same is not null),16}");
        return 0;
    }

    private const int Rounds = 3;

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

    /// <summary>A long-lived Python process timing numpy and torch matmul for one shape per request line.</summary>
    private sealed class Anchor : IDisposable
    {
        private readonly Process process;

        private Anchor(Process process) => this.process = process;

        public static Anchor? Start(double seconds, string? coreType)
        {
            try
            {
                var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", Script, seconds.ToString(CultureInfo.InvariantCulture)])
                { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false };
                if (coreType is null) psi.Environment.Remove("OPENBLAS_CORETYPE");
                else psi.Environment["OPENBLAS_CORETYPE"] = coreType;
                return new Anchor(Process.Start(psi)!);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"verify-bench: numpy/torch anchors unavailable ({e.Message.Split('\n')[0]})");
                return null;
            }
        }

        public (double Numpy, double Torch)? Ask(int m, int k, int n, bool ta, bool tb)
        {
            try
            {
                process.StandardInput.WriteLine($"{m} {k} {n} {(ta ? 1 : 0)} {(tb ? 1 : 0)}");
                process.StandardInput.Flush();
                var line = process.StandardOutput.ReadLine();
                if (line is null) return null;
                var parts = line.Split(' ');
                return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                return null;
            }
        }

        public void Dispose()
        {
            try { process.StandardInput.Close(); process.WaitForExit(5000); }
            catch (InvalidOperationException) { }
            process.Dispose();
        }
    }
}
