using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;

namespace Verify.Bench;

/// <summary>
/// The training workloads of the Networks issue §5, built from the library's own trainer (GanTraining.Run, float32), the
/// same shapes and optimisers as bench/train/anchor.py:
/// toy512 / toy128: toy 2-D WGAN-GP, G 2→W→W→W→2 and D 2→W→W→W→1 (ReLU), batch 256, n_critic 5, λ = 10,
/// Adam(1e-4, (0.5, 0.9)); one generator iteration = 5 critic steps + 1 generator step.
/// mnist: MLP GAN, G 100→256→512→1024→784 (ReLU, tanh output), D 784→512→256→1 (LeakyReLU 0.2), batch 64,
/// Adam(2e-4, (0.5, 0.999)), BCE with logits, non-saturating generator loss; one iteration = 1 D step + 1 G step.
/// The real batch is drawn from a fixed set (the anchor reuses one fixed batch); no exact-W₁ logging.
/// </summary>
public static class TrainWorkloads
{
    public static readonly string[] Names = ["toy512", "toy128", "mnist", "critic64"];

    /// <summary>Milliseconds of each of <paramref name="iterations"/> generator iterations (critic steps for critic64), after <paramref name="warmup"/> untimed ones.</summary>
    public static double[] Time(string name, int iterations, int warmup)
    {
        if (name == "critic64") return TimeCritic(iterations, warmup);
        var rng = new Rng(0);
        (CriticObjective<float> objective, ICritic<float> critic, IGenerator<float> generator, SampleSet<float> real) = Build(name, rng);
        var stamps = new List<double>();
        GanTraining.Run(objective, critic, generator, GanTraining.FromSet(real), warmup + iterations, rng, exactEvery: 0,
            onIteration: (r, _, _) => stamps.Add(r.Seconds));
        var ms = new double[iterations];
        for (int i = 0; i < iterations; i++) ms[i] = 1e3 * (stamps[warmup + i] - stamps[warmup + i - 1 < 0 ? 0 : warmup + i - 1]);
        if (warmup == 0) ms[0] = 1e3 * stamps[0];
        return ms;
    }

    /// <summary>
    /// critic64, verify critic's default: a 2-64-64-1 ReLU WGAN-GP critic (λ = 10, Adam(1e-4, (0.5, 0.9)), batch 64) on two
    /// fixed sets of 4096 points, as CriticTraining.Fit runs it; milliseconds per critic step.
    /// </summary>
    private static double[] TimeCritic(int iterations, int warmup)
    {
        var rng = new Rng(0);
        var objective = CriticObjective<float>.For(new WganGpOptions());
        var critic = objective.CreateCritic(CriticArchitecture.Mlp(2, 64, 2), rng.Split());
        var optimizer = objective.Options.CriticOptimizer.Create(critic.Parameters());
        var real = new SampleSet<float>(Enumerable.Range(0, 2 * 4096).Select(_ => rng.NextNormal()).ToArray(), 2);
        var fake = new SampleSet<float>(Enumerable.Range(0, 2 * 4096).Select(_ => 1 + rng.NextNormal()).ToArray(), 2);
        var ms = new double[iterations];
        var clock = new System.Diagnostics.Stopwatch();
        for (int s = 0; s < warmup + iterations; s++)
        {
            clock.Restart();
            CriticTraining.Step(objective, critic, optimizer, real.Batch(rng, 64), fake.Batch(rng, 64), rng, s);
            if (s >= warmup) ms[s - warmup] = clock.Elapsed.TotalMilliseconds;
        }
        return ms;
    }

    /// <summary>Matrix-multiply FLOPs of one generator iteration (see <see cref="FlopModel"/>).</summary>
    public static double Flops(string name)
    {
        static double Pass(int batch, int[] sizes)
        {
            double f = 0;
            for (int i = 0; i + 1 < sizes.Length; i++) f += 2.0 * batch * sizes[i] * sizes[i + 1];
            return f;
        }
        if (name == "critic64") return 12 * Pass(64, [2, 64, 64, 1]);
        if (name == "mnist")
        {
            double fg = Pass(64, [100, 256, 512, 1024, 784]), fd = Pass(64, [784, 512, 256, 1]);
            return 3 * fg + 8 * fd;
        }
        int w = name == "toy512" ? 512 : 128;
        double g = Pass(256, [2, w, w, w, 2]), d = Pass(256, [2, w, w, w, 1]);
        return 5 * (g + 12 * d) + 3 * g + 2 * d;
    }

    /// <summary>How <see cref="Flops"/> counts.</summary>
    public const string FlopModel =
        "matmul FLOPs, forward F = Σ 2·batch·in·out, backward 2F; WGAN-GP critic step = F_G + 12·F_D (forward real, fake, x̂; " +
        "backward of both; ∇ₓ and its backward), generator step = 3·F_G + 2·F_D (gradients for G only); GAN iteration = 3·F_G + 8·F_D; " +
        "critic64 step = 12·F_D";

    private static (CriticObjective<float>, ICritic<float>, IGenerator<float>, SampleSet<float>) Build(string name, Rng rng)
    {
        switch (name)
        {
            case "toy512":
            case "toy128":
            {
                int w = name == "toy512" ? 512 : 128;
                var options = new WganGpOptions { Batch = 256 };
                var objective = CriticObjective<float>.For(options);
                var critic = objective.CreateCritic(new CriticArchitecture([2, w, w, w, 1], Activation.ReLU), rng.Split());
                var generator = new MlpGenerator<float>([2, w, w, w, 2], Activation.ReLU, rng.Split());
                var real = new SampleSet<float>(Enumerable.Range(0, 2 * 256).Select(_ => rng.NextNormal()).ToArray(), 2);
                return (objective, critic, generator, real);
            }
            case "mnist":
            {
                var objective = CriticObjective<float>.For(new GanOptions());
                var critic = objective.CreateCritic(new CriticArchitecture([784, 512, 256, 1], Activation.LeakyReLU, 0.2), rng.Split());
                var generator = new MlpGenerator<float>([100, 256, 512, 1024, 784], Activation.ReLU, rng.Split(), Activation.Tanh);
                var real = new SampleSet<float>(Enumerable.Range(0, 64 * 784).Select(_ => rng.NextUniform(-1, 1)).ToArray(), 784);
                return (objective, critic, generator, real);
            }
            default:
                throw new ArgumentException($"unknown workload '{name}' (known: {string.Join(", ", Names)})");
        }
    }
}
