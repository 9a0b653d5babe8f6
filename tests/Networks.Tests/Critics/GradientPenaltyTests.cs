using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Critics;

public sealed class GradientPenaltyTests
{
    [Fact]
    public void TwoSidedPenaltyAndItsWeightGradientsMatchPyTorch()
    {
        // Reference values of the Networks issue §4 (PyTorch 1.13, float64).
        var critic = CriticTestKit.ReferenceCritic();
        var x = Tensor.From(CriticTestKit.X, 2, 2).RequireGrad();
        var gp = GradientPenalty.At(critic, x, PenaltySide.TwoSided);
        Tolerance.Close(0.0006275667999867852, gp.Item(), rel: 1e-12, what: "GP");
        critic.ZeroGrad();
        gp.Backward();
        Tolerance.Close([0.02826447306489286, 0.04136891057679773, -0.01413223653244643, -0.020684455288398865,
            0.011305789225957145, 0.016547564230719094], critic.Linears[0].Weight.Grad!.ToArray(), rel: 1e-10, what: "dGP/dW1");
        Tolerance.Close([-0.0272366740443513, 0.052738937241538726, 0.002379354732553708],
            critic.Linears[1].Weight.Grad!.ToArray(), rel: 1e-10, what: "dGP/dw2");
        Tolerance.Close([0.0, 0.0, 0.0], critic.Linears[0].Bias!.Grad?.ToArray() ?? [0.0, 0.0, 0.0], abs: 1e-15, what: "dGP/db1");
    }

    [Fact]
    public void OneSidedPenaltyCountsOnlyNormsAboveOne()
    {
        // Input gradient of the reference critic by hand: ∇f(x) = Σᵢ w2ᵢ·s(hᵢ)·W1ᵢ with s = 1 or 0.2.
        var critic = CriticTestKit.ReferenceCritic();
        double[] pts = [0.2, -0.4, 1.0, 0.5, -2.0, 3.0, 0.0, 0.0];
        double expected = 0;
        for (int r = 0; r < 4; r++)
        {
            double g0 = 0, g1 = 0;
            for (int i = 0; i < 3; i++)
            {
                double h = CriticTestKit.W1[2 * i] * pts[2 * r] + CriticTestKit.W1[2 * i + 1] * pts[2 * r + 1] + CriticTestKit.B1[i];
                double s = CriticTestKit.W2[i] * (h > 0 ? 1 : 0.2);
                g0 += s * CriticTestKit.W1[2 * i];
                g1 += s * CriticTestKit.W1[2 * i + 1];
            }
            double excess = Math.Sqrt(g0 * g0 + g1 * g1) - 1;
            expected += Math.Max(0, excess) * Math.Max(0, excess) / 4;
        }
        var x = Tensor.From(pts, 4, 2).RequireGrad();
        Tolerance.Close(expected, GradientPenalty.At(critic, x, PenaltySide.OneSided).Item(), rel: 1e-12);
    }

    [Fact]
    public void InterpolatesLieOnTheSegments()
    {
        var real = Tensor.From([0.0, 0.0, 1.0, 1.0], 2, 2);
        var fake = Tensor.From([2.0, 4.0, 1.0, 3.0], 2, 2);
        var xh = GradientPenalty.Interpolates(real, fake, new Rng(5));
        Assert.True(xh.RequiresGrad && xh.IsLeaf);
        // Row 0 is (1 − ε)(2, 4): second coordinate twice the first; row 1 is (1, 1 + 2(1 − ε)).
        Tolerance.Close(2 * xh[0, 0], xh[0, 1], rel: 1e-15);
        Tolerance.Close(1.0, xh[1, 0], rel: 1e-15);
        Assert.InRange(xh[1, 1], 1.0, 3.0);
    }
}
