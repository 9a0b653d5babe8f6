using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Interop;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Interop;

public sealed class ForwardAuditTests
{
    private static double[] Points(Rng rng, int n, int d, double shift) =>
        Enumerable.Range(0, n * d).Select(_ => shift + rng.NextNormal()).ToArray();

    [Fact]
    public void TheLinearCriticAuditsToLipschitzOneExactly()
    {
        // f(x) = x₁: every ratio is |Δx₁|/‖Δx‖ ≤ 1, and the finite difference along the gradient (1, 0) is exactly 1.
        using var critic = OnnxCritic<double>.Load(OnnxFixtures.PathOf("critic_linear.onnx"));
        var rng = new Rng(1);
        ForwardAuditResult a = ForwardAudit.Run(critic, Points(rng, 200, 2, 0), Points(rng, 200, 2, 1), new Rng(2), singlePrecisionInputs: true);
        Assert.Equal(1.0, a.FiniteDifference);
        Assert.InRange(a.PairwiseData, 0.9, 1.0);
        Assert.InRange(a.PairwiseInterpolates, 0.9, 1.0);
        Assert.Equal(1.0, a.Empirical);
    }

    [Fact]
    public void OnAnMlpItAgreesWithTheAutodiffAuditAndStaysUnderTheSpectralBound()
    {
        // Independent routes: the largest gradient norm by autodiff (CriticAudit) and ∏σ(W) ≥ Lip f.
        var critic = new MlpCritic<double>(CriticArchitecture.Mlp(2, 16, 2, Verify.Networks.Layers.Activation.Tanh), new Rng(5));
        var rng = new Rng(3);
        double[] p = Points(rng, 300, 2, 0), q = Points(rng, 300, 2, 2);
        ForwardAuditResult a = ForwardAudit.Run(critic, p, q, new Rng(4));
        var all = Tensor.From([.. p, .. q], 600, 2);
        double gradient = CriticAudit.MaxGradientNorm(critic, all);
        double bound = CriticAudit.SpectralBound(critic);
        Tolerance.AtMost(bound, a.Empirical, abs: 1e-12, what: "forward audit vs spectral bound");
        // Smooth (tanh) critic: the directional difference at h = 1e-3 is the gradient norm to O(h²) — within 1% of the
        // autodiff maximum over the same kind of points (probes are a subsample of data and interpolates).
        Assert.InRange(a.FiniteDifference, 0.9 * gradient, gradient * (1 + 1e-3));
    }

    [Fact]
    public void BadSamplesAreRefused()
    {
        var critic = new MlpCritic<double>(CriticArchitecture.Mlp(2, 4, 1), new Rng(1));
        Assert.Throws<ArgumentException>(() => ForwardAudit.Run(critic, [1.0, 2.0, 3.0], [1.0, 2.0], new Rng(1)));
        Assert.Throws<ArgumentException>(() => ForwardAudit.Run(critic, [], [1.0, 2.0], new Rng(1)));
    }
}
