using System.Diagnostics;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.Theory;

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
/// <param name="ExactHeldOut">Exact W₁ between the held-out halves (for gan as well: a reference scale).</param>
/// <param name="Audit">The Lipschitz audit on the held-out halves.</param>
/// <param name="Critic">The trained critic.</param>
/// <param name="Seconds">Wall time of training, estimate and audit.</param>
public sealed record CriticExperimentOutcome(double Estimate, double ExactHeldOut, CriticAuditResult Audit, ICritic<double> Critic, double Seconds);

/// <summary>
/// The one seam between Properties (the trained-network claims and <c>verify regress</c>) and the critic-experiment
/// library of issue 8 §5. Until <c>Networks/Experiments</c> lands, this file runs the experiment on Networks' own pieces
/// with the library's semantics: <c>rng = new Rng(seed)</c>; P's rows split by <c>rng.Permutation</c>, then Q's (first
/// ⌈n/2⌉ train, the rest are held out); <see cref="CriticTraining.Fit"/> with the same rng; the estimate and the audit on
/// the held-out halves; exact W₁ between the held-out halves. Switching to the library changes this file only.
/// </summary>
public static class CriticExperiments
{
    /// <summary>Runs the experiment in double precision.</summary>
    public static CriticExperimentOutcome Run(CriticExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rng = new Rng(unchecked((ulong)spec.Seed));
        var (pTrain, pHeld) = Set(spec.Real).Split(rng);
        var (qTrain, qHeld) = Set(spec.Fake).Split(rng);
        var objective = CriticObjective<double>.For(spec.Options);
        var clock = Stopwatch.StartNew();
        ICritic<double> critic = CriticTraining.Fit(objective, spec.Architecture, pTrain, qTrain, spec.Steps, rng).Critic;
        double estimate = objective.Estimate(critic, pHeld.Data, qHeld.Data, pHeld.Weights, qHeld.Weights);
        CriticAuditResult audit = CriticAudit.Run(critic, pHeld.Data, qHeld.Data, rng);
        double seconds = clock.Elapsed.TotalSeconds;
        double exact = Transport.W1(Law(pHeld), Law(qHeld));
        return new CriticExperimentOutcome(estimate, exact, audit, critic, seconds);
    }

    /// <summary>
    /// Trains a generator against a real law for <paramref name="iterations"/> generator iterations (WGAN's Algorithm 1
    /// shape), recording each iteration with the exact W₁ between the generated and the real batch.
    /// </summary>
    public static GanRun<double> TrainGenerator(MethodOptions options, CriticArchitecture critic, IReadOnlyList<int> generatorSizes,
        Func<Rng, int, Tensor<double>> realBatch, int iterations, long seed)
    {
        var rng = new Rng(unchecked((ulong)seed));
        var objective = CriticObjective<double>.For(options);
        ICritic<double> d = objective.CreateCritic(critic, rng.Split());
        var g = new MlpGenerator<double>(generatorSizes, Networks.Layers.Activation.ReLU, rng.Split());
        return GanTraining.Run(objective, d, g, realBatch, iterations, rng);
    }

    private static SampleSet<double> Set(DiscreteDistribution d) =>
        new(d.Points.ToArray(), d.Dimension, d.IsUniform ? null : d.Weights.ToArray());

    private static DiscreteDistribution Law(SampleSet<double> s) =>
        new DiscreteDistribution(s.Data.ToDoubleArray(), s.Dimension, s.Weights).Normalized();
}
