using Verify.Networks.Critics;
using Verify.Networks.Experiments;
using Verify.Networks.Training;
using Verify.Theory;

namespace Verify.Figures.FigureSet.Experiments;

/// <summary>
/// The figures' critics come from Networks' critic experiment, the one code path behind <c>verify critic</c>, the claims
/// and <c>verify regress</c>: seeded split into training and held-out halves, fit, held-out estimate, exact value between
/// the held-out halves (W₁; for the GAN only when the halves share atoms), Lipschitz audit. This builds its request for
/// figure work (the exact value between all rows is not needed).
/// </summary>
public static class CriticFit
{
    public static CriticExperimentResult Run(MethodOptions options, CriticArchitecture architecture, double[] real, double[] fake, int dimension,
        int steps, long seed, Precision precision) =>
        CriticExperiment.Run(new CriticExperimentRequest(new DiscreteDistribution(real, dimension), new DiscreteDistribution(fake, dimension), options)
        {
            Architecture = architecture,
            Steps = steps,
            Seed = seed,
            Precision = precision,
            ExactAllRows = false,
        }, Core.JobProgress.Steps(steps));
}
