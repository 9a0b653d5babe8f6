using Verify.Networks.Architectures;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Optim;
using Verify.Networks.Tensors;
using Verify.Networks.Training;

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

    /// <summary>
    /// The GEMM FLOPs of one `dcgan-gp` iteration, layer by layer and phase by phase: (layer, phase, passes, FLOPs of one
    /// pass). One pass of a layer is one product the size of its forward GEMM: 2·N·(windows)·Cin·Cout·k² for a convolution
    /// (windows of its output, or of its input for a transposed one), 2·N·in·out for a linear layer. Per critic step
    /// (5 per iteration): G forward without grad (1 pass each of g0, g1, g2); D on the interpolates, the fakes and the reals
    /// (3 forward passes of d1, d2, d3); ∂D/∂x̂ with create_graph (1 input-gradient pass per D layer, weights pruned);
    /// the penalty's double backward (per D layer, gᵀ·U for the weight and U·Wᵀ for the incoming gradient: 2 passes; d3's
    /// incoming gradient is a constant, so 1); the loss's backward through D(fake) and D(real) (each: weight and input
    /// gradient of d3 and d2, weight gradient of d1, whose input is a constant: 2·2 passes for d2 and d3, 2 for d1).
    /// Generator step: G and D forward (1 pass each), then gradients for G only: input gradients of d3, d2, d1 (1 each),
    /// input and weight gradients of g2 and g1 (2 each), the weight gradient of g0 (1). Element-wise work is not counted.
    /// </summary>
    public static IReadOnlyList<(string Layer, string Phase, int Passes, double PassFlops)> IterationFlops(int batch)
    {
        double d1 = PassFlops("d1", batch), d2 = PassFlops("d2", batch), g1 = PassFlops("g1", batch), g2 = PassFlops("g2", batch);
        double d3 = 2.0 * batch * 6272, g0 = 2.0 * batch * 100 * 6272;
        return
        [
            ("g0 Linear 100→6272", "critic steps: G forward (no grad), 5×1", 5, g0),
            ("g1 ConvT 128→64", "critic steps: G forward (no grad), 5×1", 5, g1),
            ("g2 ConvT 64→1", "critic steps: G forward (no grad), 5×1", 5, g2),
            ("d1 Conv 1→64", "critic steps: forward x̂, fake, real, 5×3", 15, d1),
            ("d2 Conv 64→128", "critic steps: forward x̂, fake, real, 5×3", 15, d2),
            ("d3 Linear 6272→1", "critic steps: forward x̂, fake, real, 5×3", 15, d3),
            ("d1 Conv 1→64", "critic steps: ∂D/∂x̂ (create_graph), 5×1", 5, d1),
            ("d2 Conv 64→128", "critic steps: ∂D/∂x̂ (create_graph), 5×1", 5, d2),
            ("d3 Linear 6272→1", "critic steps: ∂D/∂x̂ (create_graph), 5×1", 5, d3),
            ("d1 Conv 1→64", "critic steps: penalty double backward, 5×2", 10, d1),
            ("d2 Conv 64→128", "critic steps: penalty double backward, 5×2", 10, d2),
            ("d3 Linear 6272→1", "critic steps: penalty double backward, 5×1", 5, d3),
            ("d1 Conv 1→64", "critic steps: backward of D(fake), D(real), 5×2", 10, d1),
            ("d2 Conv 64→128", "critic steps: backward of D(fake), D(real), 5×4", 20, d2),
            ("d3 Linear 6272→1", "critic steps: backward of D(fake), D(real), 5×4", 20, d3),
            ("g0 Linear 100→6272", "generator step: forward 1, weight gradient 1", 2, g0),
            ("g1 ConvT 128→64", "generator step: forward 1, backward 2", 3, g1),
            ("g2 ConvT 64→1", "generator step: forward 1, backward 2", 3, g2),
            ("d1 Conv 1→64", "generator step: forward 1, input gradient 1", 2, d1),
            ("d2 Conv 64→128", "generator step: forward 1, input gradient 1", 2, d2),
            ("d3 Linear 6272→1", "generator step: forward 1, input gradient 1", 2, d3),
        ];
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

    /// <summary>
    /// WGAN-GP generator iterations of the DCGAN pair through the product's training loop (<see cref="GanTraining.Run"/>,
    /// as `verify images train` runs them, with no exact W₁): a call runs n iterations and returns the milliseconds of
    /// each. The critic and generator (and the pool of step buffers) carry over from call to call; each call starts its
    /// optimisers afresh, which costs what a later Adam step costs.
    /// </summary>
    public static Func<int, double[]> DcganGp(int batch)
    {
        var rng = new Rng(0);
        var g = new DcganGenerator<float>(rng.Split());
        var d = new DcganCritic<float>(rng.Split());
        var objective = new WassersteinObjective<float>(new WganGpOptions { Batch = batch });
        var real = Tensor.Uniform<float>(rng, -1, 1, batch, 784);
        return n =>
        {
            var ms = new double[n];
            long t = System.Diagnostics.Stopwatch.GetTimestamp();
            GanTraining.Run(objective, d, g, (_, _) => real, n, rng, exactEvery: 0, onIteration: (r, _, _) =>
            {
                long now = System.Diagnostics.Stopwatch.GetTimestamp();
                ms[r.Iteration] = System.Diagnostics.Stopwatch.GetElapsedTime(t, now).TotalMilliseconds;
                t = now;
            });
            return ms;
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
