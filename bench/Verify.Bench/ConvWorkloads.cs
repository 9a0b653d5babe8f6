using Verify.Networks.Architectures;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Optim;
using Verify.Networks.Tensors;

namespace Verify.Bench;

/// <summary>
/// The convolution workloads of `verify-bench conv` (the same as bench/conv/anchor.py), float32:
/// the four convolutions of the DCGAN pair (d1 Conv2d 1→64 on 28×28, d2 Conv2d 64→128 on 14×14, g1 ConvTranspose2d
/// 128→64 on 7×7, g2 ConvTranspose2d 64→1 on 14×14; all k4 s2 p1), forward and forward + backward (input, weight, bias);
/// and `dcgan-gp`, one WGAN-GP generator iteration of the DCGAN pair (5 critic steps with the penalty, λ = 10, then one
/// generator step with gradients for G only; Adam(1e-4, (0.5, 0.9)); real batch fixed).
/// </summary>
public static class ConvWorkloads
{
    public static readonly string[] Ops = ["d1", "d2", "g1", "g2"];

    private static (bool Transposed, int Cin, int Cout, int Size) Shape(string op) => op switch
    {
        "d1" => (false, 1, 64, 28),
        "d2" => (false, 64, 128, 14),
        "g1" => (true, 128, 64, 7),
        "g2" => (true, 64, 1, 14),
        _ => throw new ArgumentException($"unknown op {op}"),
    };

    /// <summary>
    /// FLOPs of one pass (forward, or each of the two backward products): 2·N·Cout·OH·OW·Cin·k² for a convolution,
    /// 2·N·Cin·H·W·Cout·k² for a transposed one (H×W its input) — the multiply-adds of the GEMM that carries it.
    /// </summary>
    public static double PassFlops(string op, int batch)
    {
        var (transposed, cin, cout, size) = Shape(op);
        int windows = transposed ? size * size : (size / 2) * (size / 2);
        return 2.0 * batch * windows * cin * cout * 16;
    }

    /// <summary>The op's forward pass and its forward + backward pass, as closures over fixed inputs.</summary>
    public static (Action Forward, Action ForwardBackward) Op(string op, int batch)
    {
        var (transposed, cin, cout, size) = Shape(op);
        var rng = new Rng(1);
        var x = Tensor.Uniform<float>(rng, -1, 1, batch, cin, size, size);
        var w = transposed ? Tensor.Uniform<float>(rng, -0.05, 0.05, cin, cout, 4, 4) : Tensor.Uniform<float>(rng, -0.05, 0.05, cout, cin, 4, 4);
        var b = Tensor.Zeros<float>(cout);
        Tensor<float> F(Tensor<float> xi, Tensor<float> wi, Tensor<float> bi) =>
            transposed ? Tensor.ConvTranspose2d(xi, wi, bi, 2, 1) : Tensor.Conv2d(xi, wi, bi, 2, 1);
        var g = Tensor.Uniform<float>(rng, 0, 1, [.. F(x, w, b).Shape]);
        var (xg, wg, bg) = (x.Detach().RequireGrad(), w.Detach().RequireGrad(), b.Detach().RequireGrad());
        return (() => { using (Autograd.NoGrad()) F(x, w, b); },
                () => Autograd.Grad([F(xg, wg, bg)], [xg, wg, bg], [g]));
    }

    /// <summary>One WGAN-GP generator iteration of the DCGAN pair per call.</summary>
    public static Action DcganGp(int batch)
    {
        var rng = new Rng(0);
        var g = new DcganGenerator<float>(rng.Split());
        var d = new DcganCritic<float>(rng.Split());
        var od = new Adam<float>(d.Parameters(), 1e-4, 0.5, 0.9);
        var og = new Adam<float>(g.Parameters(), 1e-4, 0.5, 0.9);
        var gParams = g.Parameters().ToArray();
        var real = Tensor.Uniform<float>(rng, -1, 1, batch, 784);
        return () =>
        {
            for (int s = 0; s < 5; s++)
            {
                Tensor<float> fake;
                using (Autograd.NoGrad()) fake = g.Forward(g.Noise(rng, batch));
                var eps = Tensor.Uniform<float>(rng, 0, 1, batch, 1);
                Tensor<float> xh;
                using (Autograd.NoGrad()) xh = (eps * real + (1f - eps) * fake).Detach().RequireGrad();
                var grad = Autograd.Grad(Tensor.Sum(d.Forward(xh)), xh, createGraph: true);
                var penalty = Tensor.Mean(Tensor.Square(Tensor.RowNorm(grad) - 1f));
                var loss = Tensor.Mean(d.Forward(fake)) - Tensor.Mean(d.Forward(real)) + 10f * penalty;
                od.ZeroGrad();
                loss.Backward();
                od.Step();
            }
            var lg = -Tensor.Mean(d.Forward(g.Forward(g.Noise(rng, batch))));
            og.ZeroGrad();
            var grads = Autograd.Grad(lg, gParams);
            for (int i = 0; i < gParams.Length; i++) gParams[i].Grad = grads[i];
            og.Step();
        };
    }

    /// <summary>Milliseconds of each of <paramref name="iterations"/> calls after <paramref name="warmup"/> untimed ones.</summary>
    public static double[] Time(Action a, int iterations, int warmup)
    {
        for (int i = 0; i < warmup; i++) a();
        var ms = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            long t = System.Diagnostics.Stopwatch.GetTimestamp();
            a();
            ms[i] = System.Diagnostics.Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        return ms;
    }
}
