using System.Diagnostics;
using System.Globalization;
using Verify.Networks.Native;

namespace Verify.Bench;

/// <summary>
/// `verify-bench gemm [--seconds S] [--rounds R] [--no-python] [--no-reference]` (and `--workloads …`, see <see cref="GemmWorkloads"/>):
/// single-precision GEMM throughput (GFLOP/s = 2·m·n·k / time) on square sizes and on the shapes the trainers run, for
/// the managed kernel, for OpenBLAS as the machine sets it (OPENBLAS_CORETYPE untouched), and, as reference columns
/// only, for OpenBLAS in child processes started with OPENBLAS_CORETYPE=Haswell and =SkylakeX, beside NumPy's and
/// PyTorch's (2 threads) matmul as their users get them. Every column times each shape in turn, round after round, and
/// the table shows the median over rounds of each round's best time, so drifting machine load hits every column alike.
/// </summary>
public static class GemmBench
{
    /// <summary>(label, m, k, n, transA, transB): C[m×n] = op(A)·op(B).</summary>
    private static readonly (string Label, int M, int K, int N, bool TA, bool TB)[] Shapes =
    [
        ("square 256", 256, 256, 256, false, false),
        ("square 512", 512, 512, 512, false, false),
        ("square 1024", 1024, 1024, 1024, false, false),
        ("3x512 fwd x·Wᵀ (256×512·512×512)", 256, 512, 512, false, true),
        ("3x512 dx = G·W", 256, 512, 512, false, false),
        ("3x512 dW = Gᵀ·x", 512, 256, 512, true, false),
        ("3x512 input (256×2·2×512)", 256, 2, 512, false, true),
        ("3x128 fwd (256×128·128×128)", 256, 128, 128, false, true),
        ("3x128 dx = G·W", 256, 128, 128, false, false),
        ("3x128 dW = Gᵀ·x", 128, 256, 128, true, false),
        ("MNIST D in fwd (64×784·784×512)", 64, 784, 512, false, true),
        ("MNIST D in dx = G·W", 64, 512, 784, false, false),
        ("MNIST D in dW = Gᵀ·x", 512, 64, 784, true, false),
        ("MNIST G out fwd (64×1024·1024×784)", 64, 1024, 784, false, true),
        ("MNIST G out dx = G·W", 64, 784, 1024, false, false),
        ("MNIST G out dW = Gᵀ·x", 784, 64, 1024, true, false),
        ("MNIST G hidden (64×512·512×1024)", 64, 512, 1024, false, true),
    ];

    private static readonly string[] ReferenceCores = ["Haswell", "SkylakeX"];

    public static int Run(string[] args)
    {
        double seconds = 0.3;
        bool python = true, workloads = false, reference = true;
        int iterations = 5, rounds = 3;
        string referenceCore = "SkylakeX";
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length) seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--no-python") python = false;
            else if (args[i] == "--no-reference") reference = false;
            else if (args[i] == "--workloads") workloads = true;
            else if (args[i] == "--child") return RunChild(seconds);
            else if (args[i] == "--iterations" && i + 1 < args.Length) iterations = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--rounds" && i + 1 < args.Length) rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--reference-core" && i + 1 < args.Length) referenceCore = args[++i];
            else { Console.Error.WriteLine($"verify-bench: error: unknown gemm option {args[i]}"); return 2; }
        }
        if (iterations < 1 || rounds < 1) { Console.Error.WriteLine("verify-bench: error: --iterations and --rounds must be ≥ 1"); return 2; }
        if (workloads) return GemmWorkloads.Run(iterations, rounds, python, reference ? referenceCore : null);
        bool blas = Gemm.CoreName != "unavailable";
        Console.WriteLine($"# sgemm GFLOP/s; engine back end: {Gemm.Describe()}; OPENBLAS_CORETYPE = {Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE") ?? "(unset)"}; {Environment.ProcessorCount} cores");
        Console.WriteLine($"# median over {rounds} interleaved rounds of the best time in {seconds} s per shape and column; openblas/<core> = reference child processes");
        Console.WriteLine("# with OPENBLAS_CORETYPE=<core>; numpy/torch = /usr/bin/python3 (torch.set_num_threads(2)) as their users get them");
        using var children = new Children(reference && blas ? ReferenceCores.Select(c => Child.Start(seconds, c)).ToArray() : []);
        using var anchor = python ? Anchor.Start(seconds, null) : null;
        var cols = new List<string> { "managed" };
        if (blas) cols.Add("openblas");
        cols.AddRange(children.Items.Select(c => "openblas/" + c.Core));
        if (anchor is not null) { cols.Add("numpy"); cols.Add("torch"); }
        var samples = Shapes.Select(_ => cols.ToDictionary(c => c, _ => new List<double>())).ToArray();
        for (int round = 0; round < rounds; round++)
            for (int i = 0; i < Shapes.Length; i++)
            {
                var s = Shapes[i];
                samples[i]["managed"].Add(Measure(s.M, s.K, s.N, s.TA, s.TB, seconds, ManagedGemm.Run));
                if (blas) samples[i]["openblas"].Add(Measure(s.M, s.K, s.N, s.TA, s.TB, seconds, Gemm.OpenBlasRun));
                foreach (var c in children.Items)
                    if (c.Ask(s.M, s.K, s.N, s.TA, s.TB) is { } g) samples[i]["openblas/" + c.Core].Add(g.Numpy);
                if (anchor?.Ask(s.M, s.K, s.N, s.TA, s.TB) is { } x) { samples[i]["numpy"].Add(x.Numpy); samples[i]["torch"].Add(x.Torch); }
            }
        Console.WriteLine($"{"shape (GFLOP/s)",-38}" + string.Concat(cols.Select(c => $" {c,17}")));
        for (int i = 0; i < Shapes.Length; i++)
            Console.WriteLine($"{Shapes[i].Label,-38}" + string.Concat(cols.Select(c => $" {F(Median(samples[i][c])),17}")));
        return 0;
    }

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("F1", CultureInfo.InvariantCulture);

    internal static double Median(List<double> v)
    {
        if (v.Count == 0) return double.NaN;
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private delegate void Sgemm(bool ta, bool tb, int m, int n, int k, float alpha, ReadOnlySpan<float> a, ReadOnlySpan<float> b, float beta, Span<float> c);

    private static double Measure(int m, int k, int n, bool ta, bool tb, double seconds, Sgemm gemm)
    {
        var rng = new Verify.Networks.Init.Rng(1);
        var a = new float[m * k]; var b = new float[k * n]; var c = new float[m * n];
        rng.FillUniform<float>(a, -1, 1); rng.FillUniform<float>(b, -1, 1);
        for (int w = 0; w < 3; w++) gemm(ta, tb, m, n, k, 1f, a, b, 0f, c.AsSpan());
        double best = double.MaxValue;
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds)
        {
            int reps = Math.Max(1, (int)(2e8 / (2.0 * m * n * k)));
            var sw = Stopwatch.StartNew();
            for (int r = 0; r < reps; r++) gemm(ta, tb, m, n, k, 1f, a, b, 0f, c.AsSpan());
            best = Math.Min(best, sw.Elapsed.TotalSeconds / reps);
        }
        return 2.0 * m * n * k / best / 1e9;
    }

    /// <summary>`gemm --child`: time OpenBLAS (as this process's environment sets it) for one shape per stdin line.</summary>
    private static int RunChild(double seconds)
    {
        Console.Error.WriteLine($"child: OpenBLAS {Gemm.CoreName}");
        for (string? line; (line = Console.In.ReadLine()) is not null;)
        {
            var v = line.Split(' ').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            double g = Measure(v[0], v[1], v[2], v[3] == 1, v[4] == 1, seconds, Gemm.OpenBlasRun);
            Console.WriteLine($"{g.ToString("R", CultureInfo.InvariantCulture)} nan");
        }
        return 0;
    }

    private sealed class Children(Anchor[] items) : IDisposable
    {
        public Anchor[] Items { get; } = items.Where(x => x is not null).ToArray();

        public void Dispose()
        {
            foreach (var c in Items) c.Dispose();
        }
    }

    /// <summary>A reference child: this benchmark re-run as `gemm --child` with OPENBLAS_CORETYPE set.</summary>
    private static class Child
    {
        public static Anchor Start(double seconds, string core)
        {
            string self = Environment.ProcessPath!;
            var args = new List<string>();
            if (Path.GetFileNameWithoutExtension(self) == "dotnet") args.Add(typeof(GemmBench).Assembly.Location);
            args.AddRange(["gemm", "--seconds", seconds.ToString(CultureInfo.InvariantCulture), "--child"]);
            var psi = new ProcessStartInfo(self, args) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            psi.Environment["OPENBLAS_CORETYPE"] = core;
            return new Anchor(Process.Start(psi)!, core);
        }
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

    /// <summary>A long-lived process (Python, or this benchmark as a child) timing numpy and torch matmul for one shape per request line.</summary>
    private sealed class Anchor : IDisposable
    {
        private readonly Process process;

        public Anchor(Process process, string? core = null) { this.process = process; Core = core; }

        /// <summary>The OPENBLAS_CORETYPE the process was started with (null: as the machine sets it).</summary>
        public string? Core { get; }

        public static Anchor? Start(double seconds, string? coreType)
        {
            try
            {
                var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", Script, seconds.ToString(CultureInfo.InvariantCulture)])
                { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false };
                if (coreType is not null) psi.Environment["OPENBLAS_CORETYPE"] = coreType;
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
