using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Critics;

public sealed class GanObjectiveTests
{
    /// <summary>A one-layer "discriminator" with logit ℓ(x) = a·x + b.</summary>
    private static MlpCritic<double> Affine(double a, double b)
    {
        var c = new MlpCritic<double>(new CriticArchitecture([1, 1]), new Rng(1));
        c.Linears[0].Weight.Span[0] = a;
        c.Linears[0].Bias!.Span[0] = b;
        return c;
    }

    private static double LogSigmoid(double l) => -Math.Log(1 + Math.Exp(-l));

    [Fact]
    public void LossAndJsEstimateFollowTheGanValueByHand()
    {
        // L(D) = mean log σ(ℓ(x)) + mean log(1 − σ(ℓ(y))); loss = −L(D); JS estimate = (L(D) + 2 log 2)/2.
        var d = Affine(1.5, -0.25);
        double[] x = [0.5, 2.0, -1.0], y = [-0.3, 0.1];
        double value = x.Average(v => LogSigmoid(1.5 * v - 0.25)) + y.Average(v => LogSigmoid(-(1.5 * v - 0.25)));
        var objective = new GanObjective<double>(new GanOptions());
        var step = objective.CriticLoss(d, Tensor.From(x, 3, 1), Tensor.From(y, 2, 1), new Rng(1));
        Tolerance.Close(-value, step.Loss.Item(), rel: 1e-14);
        Tolerance.Close((value + 2 * Math.Log(2)) / 2, step.Estimate, rel: 1e-14);
        Tolerance.Close((value + 2 * Math.Log(2)) / 2, objective.Estimate(d, Tensor.From(x, 3, 1), Tensor.From(y, 2, 1)), rel: 1e-14);
    }

    [Fact]
    public void GeneratorLossesAreMinimaxAndNonSaturating()
    {
        var d = Affine(-2.0, 0.5);
        double[] y = [0.3, 4.0];
        var fake = Tensor.From(y, 2, 1);
        double minimax = y.Average(v => LogSigmoid(-(-2.0 * v + 0.5))); // E log(1 − D)
        double ns = -y.Average(v => LogSigmoid(-2.0 * v + 0.5));          // −E log D
        Tolerance.Close(minimax, new GanObjective<double>(new GanOptions { GeneratorLoss = GeneratorLoss.Minimax }).GeneratorLoss(d, fake, fake).Item(), rel: 1e-14);
        Tolerance.Close(ns, new GanObjective<double>(new GanOptions()).GeneratorLoss(d, fake, fake).Item(), rel: 1e-14);
    }

    [Fact]
    public void StableForHugeLogits()
    {
        // ℓ = ±1000: a naive log(σ(ℓ)) gives −∞ or NaN; the stable form gives the exact loss 1000 for a wrong-way logit.
        var d = Affine(1000, 0);
        var step = new GanObjective<double>(new GanOptions()).CriticLoss(d, Tensor.From([-1.0], 1, 1), Tensor.From([-1.0], 1, 1), new Rng(1));
        Tolerance.Close(1000.0, step.Loss.Item(), rel: 1e-12);
    }
}
