using Verify.Figures.FigureSet.Experiments;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.TestSupport;
using Xunit;

namespace Verify.Figures.Tests.FigureSet.Experiments;

public sealed class CriticProbeTests
{
    private static MlpCritic<double> Logit(double a, double b)
    {
        var c = new MlpCritic<double>(new CriticArchitecture([1, 1]), new Rng(1));
        var p = c.NamedParameters().ToDictionary(x => x.Name, x => x.Parameter);
        p["0.weight"].Span[0] = a;
        p["0.bias"].Span[0] = b;
        return c;
    }

    [Fact]
    public void DiscriminatorSlopeKeepsFullPrecisionWhenSaturated()
    {
        // ℓ = 5x − 10: at x = 10, D = σ(40) = 1 − e⁻⁴⁰ (rounds to 1) and dD/dx = 5σ(40)σ(−40) ≈ 5e⁻⁴⁰, far below double's 1 − D.
        var (d, slope) = CriticProbe.Discriminator(Logit(5, -10), [10.0, -8.0, 2.0]);
        Tolerance.Close(5 * Math.Exp(-40) / Math.Pow(1 + Math.Exp(-40), 2), slope[0], rel: 1e-14);
        Tolerance.Close(Math.Exp(-50) / (1 + Math.Exp(-50)), d[1], rel: 1e-14);
        Tolerance.Close(0.5, d[2], rel: 1e-15);
        Tolerance.Close(1.25, slope[2], rel: 1e-15);
    }

    [Fact]
    public void EvaluateGivesValuesAndInputGradients()
    {
        var (v, g) = CriticProbe.Evaluate(Logit(-2, 1), [0.5, 3.0], 1);
        Assert.Equal([0.0, -5.0], v);
        Assert.Equal([-2.0, -2.0], g);
    }
}
