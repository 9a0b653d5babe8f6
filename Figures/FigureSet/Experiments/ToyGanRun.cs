using Verify.Networks.Experiments;
using Verify.Networks.Training;
using Verify.Theory;
using Verify.Toys.Families;
using Verify.Toys.Modes;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// A generator trained against a toy mixture by Networks' generator experiment (the code path of <c>verify train</c>: the
/// WGAN-GP toy set-up, 2-d N(0, I) noise, ReLU MLPs for G and the critic, no output activation). Every few iterations the
/// experiment logs the exact W₁ between that iteration's generated batch and real batch (Theory's certified transport)
/// beside the critic's estimate on its last batch; at the end, mode coverage of fresh generated samples (Toys'
/// ModeCoverage, 3σ).
/// </summary>
public static class ToyGanRun
{
    /// <summary>One logged iteration with an exact W₁.</summary>
    public sealed record Evaluation(int Iteration, double ExactW1, double Estimate);

    /// <summary>The run: its evaluations and the final mode coverage.</summary>
    public sealed record Outcome(IReadOnlyList<Evaluation> Evaluations, int ModesHit, double HighQuality);

    public const int FinalSamples = 2000;

    public static Outcome Run(GaussianMixture real, MethodOptions options, int width, int iterations, int evalEvery, long seed)
    {
        ArgumentNullException.ThrowIfNull(real);
        var result = GeneratorExperiment.Run(new GeneratorExperimentRequest(real, options)
        {
            Iterations = iterations,
            Hidden = width,
            Layers = 3,
            ExactEvery = evalEvery,
            Samples = FinalSamples,
            Seed = seed,
            Precision = Precision.Single,
        }, record => Core.JobProgress.Report((record.Iteration + 1) / (double)iterations));
        var evaluations = result.Records.Where(r => r.ExactW1 is not null)
            .Select(r => new Evaluation(r.Iteration, r.ExactW1!.Value, r.Estimate)).ToArray();
        ModeCoverageResult coverage = ModeCoverage.Evaluate(result.Samples, 2, real.Modes);
        return new Outcome(evaluations, coverage.ModesHit, coverage.HighQualityFraction);
    }

    /// <summary>Exact W₁ between two independent real samples of the batch size: the floor a perfect generator would show.</summary>
    public static double RealFloor(GaussianMixture real, int size, long seed, int pairs = 5)
    {
        double total = 0;
        for (int k = 0; k < pairs; k++)
        {
            var a = real.Sample(size, Core.FigureRun.Derive(seed, $"floor/{k}/a"));
            var b = real.Sample(size, Core.FigureRun.Derive(seed, $"floor/{k}/b"));
            total += Transport.W1(a, b);
        }
        return total / pairs;
    }
}
