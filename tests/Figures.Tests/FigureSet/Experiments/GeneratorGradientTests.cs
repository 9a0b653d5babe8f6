using Verify.Figures.FigureSet.Experiments;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Training;
using Verify.TestSupport;
using Verify.Toys;
using Xunit;

namespace Verify.Figures.Tests.FigureSet.Experiments;

public sealed class GeneratorGradientTests
{
    /// <summary>A critic f(x) = a·x₁ + b (one Linear layer 2 → 1).</summary>
    private static MlpCritic<double> Linear(double a, double b)
    {
        var c = new MlpCritic<double>(new CriticArchitecture([2, 1]), new Rng(1));
        var p = c.NamedParameters().ToDictionary(x => x.Name, x => x.Parameter);
        p["0.weight"].Span[0] = a;
        p["0.weight"].Span[1] = 0;
        p["0.bias"].Span[0] = b;
        return c;
    }

    [Fact]
    public void AWganCriticLinearInX1GivesMinusItsSlopeOnTheParallelLines()
    {
        var sample = ToyFamilies.ParallelLines().SampleWithTangent(64, 0.4, 3);
        var objective = CriticObjective<double>.For(MethodOptions.Default("wgan-gp"));
        Tolerance.Close(-2.5, GeneratorGradient.Of(objective, Linear(2.5, 0.3), sample), rel: 1e-14);
    }

    [Fact]
    public void GanLossesGiveTheirClosedFormDerivatives()
    {
        // ℓ(x) = a·x₁ + b at x₁ = θ: d/dθ log(1 − σ(aθ + b)) = −a·σ(aθ + b); d/dθ −log σ(aθ + b) = −a·(1 − σ(aθ + b)).
        const double a = -3, b = 0.5, theta = 0.7;
        var sample = ToyFamilies.ParallelLines().SampleWithTangent(16, theta, 5);
        double s = 1 / (1 + Math.Exp(-(a * theta + b)));
        var critic = Linear(a, b);
        Tolerance.Close(-a * s, GeneratorGradient.Of(new GanObjective<double>(new GanOptions { GeneratorLoss = GeneratorLoss.Minimax }), critic, sample), rel: 1e-13);
        Tolerance.Close(-a * (1 - s), GeneratorGradient.Of(new GanObjective<double>(new GanOptions { GeneratorLoss = GeneratorLoss.NonSaturating }), critic, sample), rel: 1e-13);
    }
}
