using System.Numerics;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Training;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>A critic (or GAN discriminator) trained on a real and a fake sample, with its held-out estimate.</summary>
/// <param name="Critic">The trained network.</param>
/// <param name="Objective">The method's objective (its estimate and its generator loss).</param>
/// <param name="Estimate">The method's estimate on the held-out halves: E_P f − E_Q f (W₁) or JS ≥ (L(D) + 2 log 2)/2.</param>
/// <param name="RealHeldOut">The held-out real rows.</param>
/// <param name="FakeHeldOut">The held-out fake rows.</param>
public sealed record TrainedCritic<T>(ICritic<T> Critic, CriticObjective<T> Objective, double Estimate, SampleSet<T> RealHeldOut, SampleSet<T> FakeHeldOut)
    where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>
/// The critic experiment of <c>verify critic</c>, for sample arrays: each sample is shuffled with the seed and cut in two
/// (the first ⌈n/2⌉ rows train, the rest are held out; real first, then fake, from one generator seeded with the seed), the
/// critic is fitted on the training halves, and the estimate is taken on the held-out halves.
/// <para>
/// An adapter over the Networks API, kept small so that it switches to the shared experiment library
/// (Networks/Experiments, issue 8 §5) in one place once that exists.
/// </para>
/// </summary>
public static class CriticExperiment
{
    public static TrainedCritic<T> Run<T>(MethodOptions options, CriticArchitecture architecture, double[] real, double[] fake, int dimension,
        int steps, long seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(options);
        var rng = new Rng(unchecked((ulong)seed));
        var (realTrain, realHeld) = new SampleSet<T>(real, dimension).Split(rng);
        var (fakeTrain, fakeHeld) = new SampleSet<T>(fake, dimension).Split(rng);
        var objective = CriticObjective<T>.For(options);
        var fit = CriticTraining.Fit(objective, architecture, realTrain, fakeTrain, steps, rng);
        double estimate = objective.Estimate(fit.Critic, realHeld.Data, fakeHeld.Data);
        return new TrainedCritic<T>(fit.Critic, objective, estimate, realHeld, fakeHeld);
    }
}
