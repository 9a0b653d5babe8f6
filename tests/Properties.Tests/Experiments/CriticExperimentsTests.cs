using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Training;
using Verify.Properties.Critics;
using Verify.Properties.Experiments;
using Verify.Theory;
using Xunit;

namespace Verify.Properties.Tests.Experiments;

public sealed class CriticExperimentsTests
{
    private static CriticExperimentSpec Spec(int steps, long seed) => new(
        DiscreteDistribution.OneD(Training.Normal(new Rng(1), 101, 0, 1)), DiscreteDistribution.OneD(Training.Normal(new Rng(2), 80, 1, 1)),
        new WganLpOptions { Batch = 32 }, Training.Small1D, steps, seed);

    [Fact]
    public void TheSameSpecGivesTheSameNumbers()
    {
        var a = CriticExperiments.Run(Spec(20, 4));
        var b = CriticExperiments.Run(Spec(20, 4));
        Assert.Equal(a.Estimate, b.Estimate);
        Assert.Equal(a.ExactHeldOut, b.ExactHeldOut);
        Assert.Equal(a.Audit, b.Audit);
        Assert.NotEqual(a.Estimate, CriticExperiments.Run(Spec(20, 5)).Estimate);
    }

    [Fact]
    public void TheSplitHoldsOutTheLastFloorHalfOfEachShuffledSet()
    {
        // Redo the split by hand: rng = new Rng(seed); P's permutation, then Q's; the held-out halves are the rows after ⌈n/2⌉.
        var spec = Spec(0, 9);
        var rng = new Rng(9);
        int[] pp = rng.Permutation(101), qp = rng.Permutation(80);
        double[] p = spec.Real.Points.ToArray(), q = spec.Fake.Points.ToArray();
        double exact = Transport.W1OneD(pp[51..].Select(i => p[i]).ToArray(), qp[40..].Select(i => q[i]).ToArray());
        Assert.Equal(exact, CriticExperiments.Run(spec).ExactHeldOut, 14);
    }

    [Fact]
    public void TheEstimateIsTheMethodsEstimateOfTheCritic()
    {
        var r = CriticExperiments.Run(Spec(10, 3));
        Assert.True(r.Audit.Empirical <= r.Audit.SpectralBound * (1 + 1e-12));
        Assert.IsType<MlpCritic<double>>(r.Critic);
    }
}
