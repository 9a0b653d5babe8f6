using System.Collections.Concurrent;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.Properties.Catalogue;
using Verify.Properties.Critics;

namespace Verify.Properties.Gan;

/// <summary>
/// The set-up of Arjovsky &amp; Bottou (2017), Fig. 2, as a 1-D toy: a fixed generator G_θ(z) = b + w·z, θ = (w, b),
/// z ~ N(0, 1), and a discriminator (or a WGAN critic) trained from scratch against it; along the way, the norm of the
/// generator's gradient ∇_θ of each generator loss on a fixed batch of noise. Real law N(0, 0.5²); the generator makes
/// N(b, w²) — N(8, 0.5²) for the nearly disjoint pair (16σ apart, TV = 2Φ(8) − 1 ≈ 1 − 10⁻¹⁵) or N(0, 0.5²) for the same law.
/// </summary>
public static class FixedGeneratorRun
{
    /// <summary>Gradient norms at one discriminator step.</summary>
    /// <param name="Step">Discriminator steps taken.</param>
    /// <param name="Minimax">‖∇_θ E_z log(1 − D(G_θ(z)))‖.</param>
    /// <param name="NonSaturating">‖∇_θ E_z −log D(G_θ(z))‖.</param>
    public sealed record Point(int Step, double Minimax, double NonSaturating);

    /// <summary>A discriminator run: gradient norms along training.</summary>
    public sealed record Run(IReadOnlyList<Point> Points)
    {
        /// <summary>At step 0 (the untrained discriminator).</summary>
        public Point First => Points[0];

        /// <summary>After the last step.</summary>
        public Point Last => Points[^1];
    }

    private static readonly ConcurrentDictionary<(ClaimScale, long, double), Run> cache = new();

    /// <summary>Discriminator steps: 1000 (quick) or 4000 (full, as in Arjovsky &amp; Bottou's Fig. 2).</summary>
    public static int Steps(ClaimScale scale) => scale.Pick(1000, 4000);

    /// <summary>Minibatch size of every step.</summary>
    public const int Batch = 128;

    /// <summary>
    /// Trains a GAN discriminator (1-32-32-1 ReLU, Adam(1e-2, β = (0.9, 0.999)), batch 128) against the generator with mean
    /// <paramref name="fakeMean"/>; the same (scale, seed, mean) gives the same run (kept for the claims that share it).
    /// </summary>
    public static Run Discriminator(ClaimScale scale, long seed, double fakeMean) =>
        cache.GetOrAdd((scale, seed, fakeMean), key => Train(key.Item1, key.Item2, key.Item3));

    /// <summary>
    /// Trains a WGAN-LP critic (λ = 10, Adam(1e-3, β = (0.5, 0.9)), batch 128) against the generator and returns
    /// ‖∇_θ E_z −f(G_θ(z))‖ after training (the WGAN generator's gradient).
    /// </summary>
    public static double CriticGradientNorm(ClaimScale scale, long seed, double fakeMean)
    {
        var rng = new Rng(unchecked((ulong)seed));
        var (generator, noise, real) = Setup(rng, fakeMean);
        var options = new WganLpOptions { Batch = Batch, CriticOptimizer = OptimizerSettings.Adam(1e-3, 0.5, 0.9) };
        var objective = CriticObjective<double>.For(options);
        var critic = new MlpCritic<double>(Training.Small1D, rng.Split());
        var optimizer = options.CriticOptimizer.Create(critic.Parameters());
        for (int step = 0; step < Steps(scale); step++)
            CriticTraining.Step(objective, critic, optimizer, real.Batch(rng, Batch), Fake(generator, rng, Batch), rng, step);
        return Norm(generator, Tensor.Neg(Tensor.Mean(critic.Forward(generator.Forward(noise)))));
    }

    private static Run Train(ClaimScale scale, long seed, double fakeMean)
    {
        var rng = new Rng(unchecked((ulong)seed));
        var (generator, noise, real) = Setup(rng, fakeMean);
        var options = new GanOptions { Batch = Batch, CriticOptimizer = OptimizerSettings.Adam(1e-2, 0.9, 0.999) };
        var objective = CriticObjective<double>.For(options);
        var critic = new MlpCritic<double>(Training.Small1D, rng.Split());
        var optimizer = options.CriticOptimizer.Create(critic.Parameters());
        var points = new List<Point> { Measure(0, critic, generator, noise) };
        int steps = Steps(scale);
        for (int step = 0; step < steps; step++)
        {
            CriticTraining.Step(objective, critic, optimizer, real.Batch(rng, Batch), Fake(generator, rng, Batch), rng, step);
            if ((step + 1) % 50 == 0 || step + 1 == steps) points.Add(Measure(step + 1, critic, generator, noise));
        }
        return new Run(points);
    }

    private static (MlpGenerator<double> Generator, Tensor<double> Noise, SampleSet<double> Real) Setup(Rng rng, double fakeMean)
    {
        var generator = new MlpGenerator<double>([1, 1], Activation.ReLU, rng.Split());
        var parameters = generator.Parameters().ToList(); // "0.weight" [1, 1], "0.bias" [1]
        parameters[0].Span[0] = 0.5;
        parameters[1].Span[0] = fakeMean;
        var noise = generator.Noise(rng, 256);
        var real = new SampleSet<double>(Training.Normal(rng, 2000, 0.0, 0.5), 1);
        return (generator, noise, real);
    }

    private static Tensor<double> Fake(MlpGenerator<double> generator, Rng rng, int n)
    {
        using var _ = Autograd.NoGrad();
        return generator.Forward(generator.Noise(rng, n)).Detach();
    }

    private static Point Measure(int step, ICritic<double> critic, MlpGenerator<double> generator, Tensor<double> noise)
    {
        var logits = critic.Forward(generator.Forward(noise));
        double minimax = Norm(generator, Tensor.Neg(GanObjective<double>.Bce(logits, 0)));   // E log(1 − D)
        var logits2 = critic.Forward(generator.Forward(noise));
        double nonSaturating = Norm(generator, GanObjective<double>.Bce(logits2, 1));        // E −log D
        return new Point(step, minimax, nonSaturating);
    }

    private static double Norm(MlpGenerator<double> generator, Tensor<double> loss)
    {
        var grads = Autograd.Grad(loss, generator.Parameters().ToList());
        double s = 0;
        foreach (var g in grads) foreach (double v in g.ToDoubleArray()) s += v * v;
        return Math.Sqrt(s);
    }
}
