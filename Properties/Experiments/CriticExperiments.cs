using Verify.Networks.Critics;
using Verify.Networks.Experiments;
using Verify.Networks.Training;
using Verify.Theory;
using Verify.Toys.Families;

namespace Verify.Properties.Experiments;

/// <summary>A critic experiment to run: two sample sets, the method, the critic to train and for how long, the seed.</summary>
/// <param name="Real">Samples of P (the real law).</param>
/// <param name="Fake">Samples of Q (the generated law), same dimension.</param>
/// <param name="Options">The method and its settings.</param>
/// <param name="Architecture">The critic to train.</param>
/// <param name="Steps">Critic training steps.</param>
/// <param name="Seed">Seed of the split, the initialisation, the minibatches and the audit.</param>
public sealed record CriticExperimentSpec(DiscreteDistribution Real, DiscreteDistribution Fake, MethodOptions Options,
    CriticArchitecture Architecture, int Steps, long Seed);

/// <summary>What a critic experiment found.</summary>
/// <param name="Estimate">The method's estimate on the held-out halves (W₁, or JS in nats for gan).</param>
/// <param name="ExactHeldOut">The exact value between the held-out halves: W₁ for the Wasserstein methods; for gan the JS of
/// the halves when they share atoms, NaN otherwise (two samples of continuous laws are disjoint as empirical laws).</param>
/// <param name="Audit">The Lipschitz audit on the held-out halves.</param>
/// <param name="Critic">The trained critic (double precision).</param>
/// <param name="Seconds">Wall time of training, estimate and audit.</param>
public sealed record CriticExperimentOutcome(double Estimate, double ExactHeldOut, CriticAuditResult Audit, ICritic<double> Critic, double Seconds);

/// <summary>
/// The one seam between Properties (the trained-network claims and <c>verify regress</c>) and the experiment library
/// (<see cref="CriticExperiment"/> and <see cref="GeneratorExperiment"/> in Networks/Experiments, issue 8 §5), so that
/// <c>verify critic</c>, <c>verify train</c>, the claims and <c>regress</c> run one code path. Everything here runs in double
/// precision: the claims compare with exact values to tolerances that float32 rounding would blur.
/// </summary>
public static class CriticExperiments
{
    /// <summary>Runs the critic experiment (split with the seed, train, estimate and audit on the held-out halves).</summary>
    public static CriticExperimentOutcome Run(CriticExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var request = new CriticExperimentRequest(spec.Real, spec.Fake, spec.Options)
        {
            Architecture = spec.Architecture,
            Steps = spec.Steps,
            Seed = spec.Seed,
            Precision = Precision.Double,
            ExactAllRows = false,
        };
        CriticExperimentResult r = CriticExperiment.Run(request);
        return new CriticExperimentOutcome(r.Estimate, r.Exact ?? double.NaN, r.Audit, r.Critic.As<double>(), r.Seconds);
    }

    /// <summary>
    /// Trains a generator (N(0, I) noise of <paramref name="noiseDimension"/> → <paramref name="hidden"/> × <paramref name="layers"/>
    /// ReLU → d) against a critic of the same width and depth on <paramref name="law"/>, recording each generator iteration
    /// with the exact W₁ between its generated batch and a real batch.
    /// </summary>
    public static IReadOnlyList<IterationRecord> TrainGenerator(IToyDistribution law, MethodOptions options, int hidden, int layers,
        int noiseDimension, int iterations, long seed)
    {
        var request = new GeneratorExperimentRequest(law, options)
        {
            Iterations = iterations,
            Hidden = hidden,
            Layers = layers,
            NoiseDimension = noiseDimension,
            ExactEvery = 1,
            Samples = 1,
            Seed = seed,
            Precision = Precision.Double,
        };
        return GeneratorExperiment.Run(request).Records;
    }
}
