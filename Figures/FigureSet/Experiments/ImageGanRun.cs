using System.Globalization;
using Verify.Networks.Architectures;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.Theory;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// One GAN/WGAN run on the MNIST digits (<see cref="Digits"/>), with the code path of <see cref="GanTraining.Run"/>:
/// DCGAN pair (critic with LayerNorm for wgan-gp, none otherwise) or the WGAN paper's MLP pair (tanh output), each
/// method with its paper's options. Every <c>evalEvery</c> iterations (and at the last) a fresh generated batch and a
/// held-out real batch of the training batch size are drawn; on that very pair the log records the critic's estimate
/// (E_real f − E_fake f for the WGANs, the discriminator's JS bound for the GAN) and the exact W₁ (784-D Euclidean,
/// Theory's certified solver), so the two are comparable number for number.
/// </summary>
public static class ImageGanRun
{
    public static readonly string[] Architectures = ["dcgan", "mlp"];
    public static readonly string[] Methods = ["gan", "wgan-clip", "wgan-gp"];

    /// <summary>Generated digits kept at the end of a run (for the coverage and the sample grids).</summary>
    public const int FinalSamples = 1000;

    /// <summary>One logged iteration.</summary>
    public sealed record Row(int Iteration, int CriticSteps, double CriticLoss, double Penalty, double GeneratorLoss, double TrainEstimate,
        double? HeldOutEstimate, double? ExactW1, double GeneratorGradNorm, double Seconds)
    {
        public const string CsvHeader =
            "iteration,critic_steps,critic_loss,penalty,generator_loss,critic_estimate_train,critic_estimate_heldout,exact_w1_batch,generator_grad_norm,seconds";

        public string ToCsv()
        {
            static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
            return string.Join(',', Iteration.ToString(CultureInfo.InvariantCulture), CriticSteps.ToString(CultureInfo.InvariantCulture),
                F(CriticLoss), F(Penalty), F(GeneratorLoss), F(TrainEstimate), HeldOutEstimate is { } h ? F(h) : "", ExactW1 is { } w ? F(w) : "",
                F(GeneratorGradNorm), F(Seconds));
        }
    }

    /// <summary>A run: its rows, the generated batches of the fixed grid noise at the checkpoints, and <see cref="FinalSamples"/> generated digits.</summary>
    public sealed record Outcome(string Architecture, string Method, MethodOptions Options, IReadOnlyList<Row> Rows,
        IReadOnlyList<(int Iteration, double[] Images)> Grids, double[] Samples, bool Interrupted, double Seconds);

    /// <summary>The method's options (its paper's defaults) with the given batch.</summary>
    public static MethodOptions Options(string method, int? batch = null)
    {
        MethodOptions o = method switch
        {
            "gan" => new GanOptions(),
            "wgan-clip" => new WganClipOptions(),
            "wgan-gp" => new WganGpOptions(),
            _ => throw new ArgumentException($"unknown method '{method}' (allowed: {string.Join(", ", Methods)})", nameof(method)),
        };
        return batch is { } b ? o switch
        {
            GanOptions g => g with { Batch = b },
            WganClipOptions c => c with { Batch = b },
            WganGpOptions p => p with { Batch = b },
            _ => o,
        } : o;
    }

    /// <summary>The networks of an architecture and a method.</summary>
    public static (ICritic<float> Critic, IGenerator<float> Generator) Networks(string architecture, string method, Rng rng) => architecture switch
    {
        "dcgan" => (new DcganCritic<float>(rng.Split(), method == "wgan-gp" ? CriticNormalization.LayerNorm : CriticNormalization.None),
                    new DcganGenerator<float>(rng.Split())),
        "mlp" => (WganMlp.Critic<float>(rng.Split()), WganMlp.Generator<float>(rng.Split(), output: Activation.Tanh)),
        _ => throw new ArgumentException($"unknown architecture '{architecture}' (allowed: {string.Join(", ", Architectures)})", nameof(architecture)),
    };

    /// <summary>Describes the networks of an architecture, for settings.</summary>
    public static string Describe(string architecture) => architecture == "dcgan"
        ? "DCGAN pair: G z(100) → Linear 6272 + BN + ReLU → ConvT(128→64, k4 s2 p1) + BN + ReLU → ConvT(64→1, k4 s2 p1) + tanh; D Conv(1→64) + LReLU 0.2 → Conv(64→128) [+ LayerNorm for wgan-gp] + LReLU 0.2 → Linear(6272→1)"
        : "WGAN paper's MLP pair: 4 hidden layers of 512, ReLU; G with tanh output";

    /// <summary>
    /// Trains for <paramref name="iterations"/> generator iterations. <paramref name="gridAt"/>: iterations after which the
    /// fixed 64-noise grid batch is generated (the iteration count done; 0 = before training).
    /// </summary>
    public static Outcome Run(string architecture, string method, int iterations, int? batch, int evalEvery, IReadOnlyCollection<int> gridAt, long seed,
        Action<Row>? onRow = null, CancellationToken cancellation = default)
    {
        if (iterations < 1) throw new ArgumentException($"iterations must be at least 1, got {iterations}", nameof(iterations));
        if (evalEvery < 1) throw new ArgumentException($"evalEvery must be at least 1, got {evalEvery}", nameof(evalEvery));
        MethodOptions options = Options(method, batch);
        options.Validate();
        var rng = new Rng(unchecked((ulong)seed));
        var (critic, generator) = Networks(architecture, method, rng);
        var objective = CriticObjective<float>.For(options);
        var evalRng = rng.Split();
        Tensor<float> gridNoise = Tensor.Normal<float>(evalRng.Split(), 0, 1, 64, generator.NoiseDimension);
        var grids = new List<(int, double[])>();
        double[] Generate(Tensor<float> z)
        {
            using var _ = Autograd.NoGrad();
            return generator.Forward(z).ToDoubleArray();
        }
        if (gridAt.Contains(0)) grids.Add((0, Generate(gridNoise)));
        var rows = new List<Row>();
        int b = options.Batch, d = generator.OutputDimension;
        GanRun<float> run = GanTraining.Run(objective, critic, generator, GanTraining.FromSet(Digits.Train), iterations, rng, exactEvery: 0,
            onIteration: (rec, _, _) =>
            {
                int done = rec.Iteration + 1;
                double? heldOut = null, exact = null;
                if (rec.Iteration % evalEvery == 0 || done == iterations)
                {
                    Tensor<float> fake;
                    using (Autograd.NoGrad()) fake = generator.Forward(Tensor.Normal<float>(evalRng, 0, 1, b, generator.NoiseDimension));
                    Tensor<float> real = Digits.HeldOut.Batch(evalRng, b);
                    heldOut = objective.Estimate(critic, real, fake);
                    exact = Transport.W1(new DiscreteDistribution(fake.ToDoubleArray(), d), new DiscreteDistribution(real.ToDoubleArray(), d));
                }
                if (gridAt.Contains(done)) grids.Add((done, Generate(gridNoise)));
                var row = new Row(rec.Iteration, rec.CriticSteps, rec.CriticLoss, rec.Penalty, rec.GeneratorLoss, rec.Estimate, heldOut, exact,
                    rec.GeneratorGradNorm, rec.Seconds);
                rows.Add(row);
                onRow?.Invoke(row);
            }, cancellation: cancellation);
        var samples = new List<double>(FinalSamples * d);
        for (int k = 0; k < FinalSamples; k += 100) samples.AddRange(Generate(Tensor.Normal<float>(evalRng, 0, 1, 100, generator.NoiseDimension)));
        return new Outcome(architecture, method, options, rows, grids, samples.ToArray(), run.Interrupted, run.Seconds);
    }

    /// <summary>Exact W₁ between two disjoint real batches of <paramref name="batch"/> (a held-out batch and a training batch): the floor a perfect generator reaches.</summary>
    public static double RealFloor(int batch, long seed)
    {
        var rng = new Rng(unchecked((ulong)seed));
        return Transport.W1(new DiscreteDistribution(Digits.HeldOut.Batch(rng, batch).ToDoubleArray(), 784),
            new DiscreteDistribution(Digits.Train.Batch(rng, batch).ToDoubleArray(), 784));
    }
}
