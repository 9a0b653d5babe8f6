using System.Diagnostics;
using System.Globalization;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Native;
using Verify.Networks.Optim;
using Verify.Networks.Tensors;

namespace Verify.Bench;

/// <summary>
/// `verify-bench gemm --workloads [--iterations N] [--rounds R]`: the issue-4 §5 training workloads written directly against
/// the engine (no trainer code, GEMM back end as <see cref="Gemm.Backend"/> chooses; force one with VERIFY_GEMM), timed per
/// generator iteration beside the same loops in PyTorch 1.13 (2 threads) as the machine sets OPENBLAS_CORETYPE and, as a
/// reference column only, with OPENBLAS_CORETYPE=&lt;reference core&gt; (default SkylakeX); engine → torch → torch/core per
/// round, so load drift hits all.
/// <list type="bullet">
/// <item>wgan-gp-512 / wgan-gp-128: toy WGAN-GP, G z(2)→H→H→H→2 and D 2→H→H→H→1 (ReLU), batch 256, n_critic 5,
/// λ = 10 on random interpolates, Adam(1e-4, β = (0.5, 0.9)); data N((2, 2), I).</item>
/// <item>mnist-gan: G 100→256→512→1024→784 (LeakyReLU 0.2, tanh out), D 784→512→256→1 (LeakyReLU 0.2), batch 64,
/// BCE with logits, Adam(2e-4, β = (0.5, 0.999)); a fixed batch in [−1, 1] stands in for MNIST (the cost is the same).</item>
/// </list>
/// </summary>
public static class GemmWorkloads
{
    private static readonly string[] Names = ["wgan-gp-512", "wgan-gp-128", "mnist-gan"];

    public static int Run(int iterations, int rounds, bool python = true, string? referenceCore = "SkylakeX")
    {
        Console.WriteLine($"# training workloads (issue 4 §5), float32, GEMM: {Gemm.Describe()}; " +
                          $"median ms per generator iteration over {rounds} interleaved rounds × {iterations} iterations (+2 warm-up)");
        using var asIs = python ? TorchProcess.Start(null) : null;
        using var same = !python || referenceCore is null ? null : TorchProcess.Start(referenceCore);
        var results = Names.ToDictionary(n => n, _ => (Engine: new List<double>(), Torch: new List<double>(), Same: new List<double>()));
        for (int r = 0; r < rounds; r++)
            foreach (var name in Names)
            {
                var res = results[name];
                res.Engine.AddRange(Engine(name, iterations, seed: r));
                if (asIs?.Time(name, iterations) is { } t) res.Torch.AddRange(t);
                if (same?.Time(name, iterations) is { } s) res.Same.AddRange(s);
            }
        string core = referenceCore ?? "-";
        Console.WriteLine($"{"workload",-14} {"engine",9} {"torch",9} {"ratio",7} {"torch/" + core,16} {"ratio",7}");
        foreach (var name in Names)
        {
            var (e, t, s) = results[name];
            double me = Median(e), mt = Median(t), ms = Median(s);
            Console.WriteLine($"{name,-14} {me,9:F1} {F(mt),9} {F(me / mt),7} {F(ms),16} {F(me / ms),7}");
        }
        return 0;
    }

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString(v < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static double Median(List<double> v)
    {
        if (v.Count == 0) return double.NaN;
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private static List<double> Engine(string name, int iterations, int seed)
    {
        var rng = new Rng(1000 + seed);
        Action step = name switch
        {
            "wgan-gp-512" => WganGp(rng, 512),
            "wgan-gp-128" => WganGp(rng, 128),
            _ => MnistGan(rng),
        };
        var times = new List<double>();
        for (int i = 0; i < iterations + 2; i++)
        {
            var sw = Stopwatch.StartNew();
            step();
            if (i >= 2) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static Action WganGp(Rng rng, int hidden)
    {
        const int batch = 256, zdim = 2, nCritic = 5;
        const float lambda = 10f;
        var g = Mlp.Build<float>([zdim, hidden, hidden, hidden, 2], Activation.ReLU, rng);
        var d = Mlp.Build<float>([2, hidden, hidden, hidden, 1], Activation.ReLU, rng);
        var optG = new Adam<float>(g.Parameters(), 1e-4, 0.5, 0.9);
        var optD = new Adam<float>(d.Parameters(), 1e-4, 0.5, 0.9);
        return () =>
        {
            for (int c = 0; c < nCritic; c++)
            {
                var real = Tensor.Normal<float>(rng, 2, 1, batch, 2);
                Tensor<float> fake;
                using (Autograd.NoGrad()) fake = g.Forward(Tensor.Normal<float>(rng, 0, 1, batch, zdim));
                var eps = Tensor.Uniform<float>(rng, 0, 1, batch, 1);
                Tensor<float> xhat;
                using (Autograd.NoGrad()) xhat = eps * real + (1f - eps) * fake;
                xhat.RequiresGrad = true;
                var grad = Autograd.Grad(Tensor.Sum(d.Forward(xhat)), xhat, createGraph: true);
                var gp = Tensor.Mean(Tensor.Square(Tensor.RowNorm(grad) - 1f));
                var loss = Tensor.Mean(d.Forward(fake)) - Tensor.Mean(d.Forward(real)) + lambda * gp;
                optD.ZeroGrad();
                loss.Backward();
                optD.Step();
            }
            var lossG = -Tensor.Mean(d.Forward(g.Forward(Tensor.Normal<float>(rng, 0, 1, batch, zdim))));
            optG.ZeroGrad();
            lossG.Backward();
            optG.Step();
        };
    }

    private static Action MnistGan(Rng rng)
    {
        const int batch = 64;
        var g = Mlp.Build<float>([100, 256, 512, 1024, 784], Activation.LeakyReLU, rng, Activation.Tanh, 0.2);
        var d = Mlp.Build<float>([784, 512, 256, 1], Activation.LeakyReLU, rng, Activation.None, 0.2);
        var optG = new Adam<float>(g.Parameters(), 2e-4, 0.5, 0.999);
        var optD = new Adam<float>(d.Parameters(), 2e-4, 0.5, 0.999);
        var data = Tensor.Uniform<float>(rng, -1, 1, batch, 784);
        var ones = Tensor.Ones<float>(batch, 1);
        var zeros = Tensor.Zeros<float>(batch, 1);
        return () =>
        {
            var fake = g.Forward(Tensor.Normal<float>(rng, 0, 1, batch, 100));
            var lossD = Tensor.Mean(Tensor.BceWithLogits(d.Forward(data), ones)) + Tensor.Mean(Tensor.BceWithLogits(d.Forward(fake.Detach()), zeros));
            optD.ZeroGrad();
            lossD.Backward();
            optD.Step();
            var lossG = Tensor.Mean(Tensor.BceWithLogits(d.Forward(fake), ones));
            optG.ZeroGrad();
            lossG.Backward();
            optG.Step();
        };
    }

    private const string Script = """
import sys, time, torch
torch.set_num_threads(2)
nn = torch.nn
def mlp(sizes, act, out=None):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i + 2 < len(sizes): layers.append(act())
    if out is not None: layers.append(out())
    return nn.Sequential(*layers)
def wgan_gp(hidden):
    batch, zdim = 256, 2
    G = mlp([zdim, hidden, hidden, hidden, 2], nn.ReLU); D = mlp([2, hidden, hidden, hidden, 1], nn.ReLU)
    oG = torch.optim.Adam(G.parameters(), 1e-4, betas=(0.5, 0.9)); oD = torch.optim.Adam(D.parameters(), 1e-4, betas=(0.5, 0.9))
    def step():
        for _ in range(5):
            real = torch.randn(batch, 2) + 2
            with torch.no_grad(): fake = G(torch.randn(batch, zdim))
            eps = torch.rand(batch, 1)
            xh = (eps * real + (1 - eps) * fake).requires_grad_(True)
            g = torch.autograd.grad(D(xh).sum(), xh, create_graph=True)[0]
            gp = ((g.norm(dim=1) - 1) ** 2).mean()
            loss = D(fake).mean() - D(real).mean() + 10 * gp
            oD.zero_grad(); loss.backward(); oD.step()
        lg = -D(G(torch.randn(batch, zdim))).mean()
        oG.zero_grad(); lg.backward(); oG.step()
    return step
def mnist_gan():
    lrelu = lambda: nn.LeakyReLU(0.2)
    G = mlp([100, 256, 512, 1024, 784], lrelu, nn.Tanh); D = mlp([784, 512, 256, 1], lrelu)
    oG = torch.optim.Adam(G.parameters(), 2e-4, betas=(0.5, 0.999)); oD = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
    bce = nn.BCEWithLogitsLoss(); data = torch.rand(64, 784) * 2 - 1; ones = torch.ones(64, 1); zeros = torch.zeros(64, 1)
    def step():
        fake = G(torch.randn(64, 100))
        ld = bce(D(data), ones) + bce(D(fake.detach()), zeros)
        oD.zero_grad(); ld.backward(); oD.step()
        lg = bce(D(fake), ones)
        oG.zero_grad(); lg.backward(); oG.step()
    return step
for line in sys.stdin:
    name, iters = line.split(); iters = int(iters)
    step = {"wgan-gp-512": lambda: wgan_gp(512), "wgan-gp-128": lambda: wgan_gp(128), "mnist-gan": mnist_gan}[name]()
    ts = []
    for i in range(iters + 2):
        t0 = time.perf_counter(); step()
        if i >= 2: ts.append((time.perf_counter() - t0) * 1000)
    print(" ".join(f"{t:.3f}" for t in ts), flush=True)
""";

    /// <summary>A long-lived Python process running the PyTorch version of a workload per request line.</summary>
    private sealed class TorchProcess : IDisposable
    {
        private readonly Process process;

        private TorchProcess(Process process) => this.process = process;

        public static TorchProcess? Start(string? coreType)
        {
            try
            {
                var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", Script])
                { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
                if (coreType is not null) psi.Environment["OPENBLAS_CORETYPE"] = coreType;
                return new TorchProcess(Process.Start(psi)!);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"verify-bench: PyTorch anchor unavailable ({e.Message.Split('\n')[0]})");
                return null;
            }
        }

        public List<double>? Time(string name, int iterations)
        {
            try
            {
                process.StandardInput.WriteLine($"{name} {iterations}");
                process.StandardInput.Flush();
                var line = process.StandardOutput.ReadLine();
                return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
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
