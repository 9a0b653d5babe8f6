using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.Toys.Images;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// The experiment of Arjovsky &amp; Bottou (2017), Fig. 2, on MNIST with MLPs: train a GAN for a number of generator
/// iterations, freeze the generator, train a fresh discriminator (or WGAN critic) against it from scratch, and record the
/// norm of the gradient the frozen generator would receive, ‖∇_θ L_G‖ over all its parameters, as the critic trains.
/// For the GAN, L_G is the minimax loss E log(1 − D(G(z))); for the WGAN critic, −E f(G(z)). Measured on one fixed batch
/// of noise, in float32 (as the MNIST benchmark).
/// </summary>
public static class FrozenGenerator
{
    public static readonly int[] GeneratorSizes = [100, 256, 512, 1024, 784];
    public static readonly CriticArchitecture CriticArchitecture = new([784, 512, 256, 1], Activation.LeakyReLU, 0.2);

    /// <summary>One measurement while a fresh critic trains against the frozen generator.</summary>
    /// <param name="Iteration">Critic iterations taken before the measurement.</param>
    /// <param name="GradientNorm">‖∇_θ L_G‖ of the frozen generator.</param>
    /// <param name="Accuracy">The GAN discriminator's accuracy on the measurement batch and as many real images (NaN for a critic).</param>
    public sealed record Measurement(int Iteration, double GradientNorm, double Accuracy);

    private static readonly Lazy<SampleSet<float>> Digits = new(() =>
    {
        MnistSet set = Mnist.Load(symmetric: true);
        return new SampleSet<float>(set.AllPixels.ToArray(), MnistSet.Pixels);
    });

    /// <summary>The generator after <paramref name="iterations"/> GAN iterations (non-saturating loss, the DCGAN settings).</summary>
    public static MlpGenerator<float> Train(int iterations, long seed, Action<int>? progress = null)
    {
        var rng = new Rng(unchecked((ulong)seed));
        var objective = CriticObjective<float>.For(new GanOptions());
        var critic = objective.CreateCritic(CriticArchitecture, rng.Split());
        var generator = new MlpGenerator<float>(GeneratorSizes, Activation.ReLU, rng.Split(), Activation.Tanh);
        GanTraining.Run(objective, critic, generator, GanTraining.FromSet(Digits.Value), iterations, rng, exactEvery: 0,
            onIteration: progress is null ? null : (record, _, _) => progress(record.Iteration + 1));
        return generator;
    }

    /// <summary>
    /// Trains a fresh critic of <paramref name="options"/> against the frozen <paramref name="generator"/> for
    /// <paramref name="iterations"/> steps, measuring at each of <paramref name="checkpoints"/> (iteration counts).
    /// </summary>
    public static IReadOnlyList<Measurement> Probe(MlpGenerator<float> generator, MethodOptions options, int iterations, IReadOnlyCollection<int> checkpoints,
        long seed, Action<int>? progress = null)
    {
        var rng = new Rng(unchecked((ulong)seed));
        var objective = CriticObjective<float>.For(options);
        var critic = objective.CreateCritic(CriticArchitecture, rng.Split());
        var optimizer = options.CriticOptimizer.Create(critic.Parameters());
        CriticObjective<float> generatorLoss = options is GanOptions ? new GanObjective<float>(new GanOptions { GeneratorLoss = GeneratorLoss.Minimax }) : objective;
        Tensor<float> noise = generator.Noise(rng, 256);
        Tensor<float> realProbe = Digits.Value.Batch(rng, 256);
        var result = new List<Measurement>();
        for (int it = 0; it <= iterations; it++)
        {
            if (checkpoints.Contains(it)) result.Add(Measure(generator, critic, generatorLoss, noise, realProbe, options is GanOptions, it));
            if (it == iterations) break;
            Tensor<float> fake;
            using (Autograd.NoGrad()) fake = generator.Forward(generator.Noise(rng, options.Batch));
            CriticTraining.Step(objective, critic, optimizer, Digits.Value.Batch(rng, options.Batch), fake, rng, it);
            progress?.Invoke(it + 1);
        }
        return result;
    }

    private static Measurement Measure(MlpGenerator<float> generator, ICritic<float> critic, CriticObjective<float> loss, Tensor<float> noise,
        Tensor<float> real, bool gan, int iteration)
    {
        generator.ZeroGrad();
        var generated = generator.Forward(noise);
        loss.GeneratorLoss(critic, generated, real).Backward();
        double norm = GanTraining.GradNorm(generator.Parameters());
        generator.ZeroGrad();
        critic.ZeroGrad();
        double accuracy = double.NaN;
        if (gan)
        {
            using var _ = Autograd.NoGrad();
            double[] onReal = critic.Forward(real).ToDoubleArray(), onFake = critic.Forward(generated.Detach()).ToDoubleArray();
            accuracy = (onReal.Count(l => l > 0) + onFake.Count(l => l < 0)) / (double)(onReal.Length + onFake.Length);
        }
        return new Measurement(iteration, norm, accuracy);
    }

    /// <summary>0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, … up to <paramref name="last"/>, and <paramref name="last"/>.</summary>
    public static int[] LogCheckpoints(int last)
    {
        var set = new SortedSet<int> { 0, last };
        for (long decade = 1; decade <= last; decade *= 10)
            foreach (int m in new[] { 10, 15, 20, 30, 50, 70 })
                if (decade * m / 10 is var v and >= 1 && v <= last) set.Add((int)v);
        return [.. set];
    }
}
