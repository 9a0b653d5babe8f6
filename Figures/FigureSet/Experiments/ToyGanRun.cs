using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.Theory;
using Verify.Toys.Families;
using Verify.Toys.Modes;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// A generator trained against a toy mixture (the WGAN-GP toy set-up: 2-d N(0, I) noise, 3-hidden-layer ReLU MLPs for G
/// and the critic, no output activation), evaluated every few iterations on fresh samples drawn from a separate random
/// stream (so evaluating does not change the training): the exact W₁ between generated and real samples (Theory's
/// certified transport), the critic's estimate on the same samples, and mode coverage (Toys' ModeCoverage, 3σ).
/// </summary>
public static class ToyGanRun
{
    /// <summary>One evaluation.</summary>
    public sealed record Evaluation(int Iteration, double ExactW1, double Estimate, int ModesHit, double HighQuality);

    public static IReadOnlyList<Evaluation> Run(GaussianMixture real, MethodOptions options, int width, int iterations, int evalEvery, int evalSize, long seed)
    {
        ArgumentNullException.ThrowIfNull(real);
        var rng = new Rng(unchecked((ulong)seed));
        var evalRng = new Rng(unchecked((ulong)Core.FigureRun.Derive(seed, "evaluation")));
        var objective = CriticObjective<float>.For(options);
        var critic = objective.CreateCritic(CriticArchitecture.Mlp(2, width, 3), rng.Split());
        var generator = new MlpGenerator<float>([2, width, width, width, 2], Activation.ReLU, rng.Split());
        var evaluations = new List<Evaluation> { Evaluate(real, objective, critic, generator, evalSize, evalRng, 0) };
        GanTraining.Run(objective, critic, generator, GanTraining.FromLaw<float>(real), iterations, rng, exactEvery: 0, onIteration: (record, _, _) =>
        {
            int done = record.Iteration + 1;
            if (done % evalEvery == 0 || done == iterations) evaluations.Add(Evaluate(real, objective, critic, generator, evalSize, evalRng, done));
        });
        return evaluations;
    }

    /// <summary>Exact W₁ between two independent real samples of the evaluation size: the floor a perfect generator would show.</summary>
    public static double RealFloor(GaussianMixture real, int evalSize, long seed, int pairs = 5)
    {
        double total = 0;
        for (int k = 0; k < pairs; k++)
        {
            var a = real.Sample(evalSize, Core.FigureRun.Derive(seed, $"floor/{k}/a"));
            var b = real.Sample(evalSize, Core.FigureRun.Derive(seed, $"floor/{k}/b"));
            total += Transport.W1(a, b);
        }
        return total / pairs;
    }

    private static Evaluation Evaluate(GaussianMixture real, CriticObjective<float> objective, ICritic<float> critic, MlpGenerator<float> generator,
        int n, Rng rng, int iteration)
    {
        double[] r = real.SamplePoints(n, (long)(rng.NextUInt64() >> 1));
        Tensor<float> fake;
        using (Autograd.NoGrad()) fake = generator.Forward(generator.Noise(rng, n));
        double[] g = fake.ToDoubleArray();
        double exact = Transport.W1(new DiscreteDistribution(g, 2), new DiscreteDistribution(r, 2));
        double estimate = objective.Estimate(critic, Tensor.FromDouble<float>(r, n, 2), fake);
        ModeCoverageResult coverage = ModeCoverage.Evaluate(g, 2, real.Modes);
        return new Evaluation(iteration, exact, estimate, coverage.ModesHit, coverage.HighQualityFraction);
    }
}
