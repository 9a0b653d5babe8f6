using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Critics;

public sealed class CriticAuditTests
{
    [Fact]
    public void LinearCriticHasEveryBoundEqualToItsGradientNorm()
    {
        // f(x) = a·x + b with a = (3, −4): ∇f = a everywhere, so max‖∇f‖ = σ(a) = 5 and the pairwise ratio ≤ 5.
        var critic = new MlpCritic<double>(new CriticArchitecture([2, 1], Activation.ReLU), new Rng(3));
        new[] { 3.0, -4.0 }.CopyTo(critic.Linears[0].Weight.Span);
        var rng = new Rng(11);
        var p = Tensor.Normal<double>(rng, 0, 1, 40, 2);
        var q = Tensor.Normal<double>(rng, 1, 1, 40, 2);
        CriticAuditResult a = CriticAudit.Run(critic, p, q, new Rng(2));
        Tolerance.Close(5.0, a.MaxGradientNorm, rel: 1e-12);
        Tolerance.Close(5.0, a.SpectralBound, rel: 1e-12);
        Tolerance.AtMost(5.0, a.PairwiseRatio, abs: 1e-12);
        Assert.True(a.PairwiseRatio > 0.5 * 5.0, $"80 Gaussian points give some pair roughly along a; ratio {a.PairwiseRatio}");
        Assert.Equal(120, a.Points);
        Assert.Equal(80, a.PairPoints);
    }

    [Fact]
    public void LowerBoundsNeverExceedTheSpectralUpperBound()
    {
        var critic = new MlpCritic<double>(ArchitectureOf(2), new Rng(4));
        var rng = new Rng(12);
        var p = Tensor.Normal<double>(rng, 0, 2, 100, 2);
        var q = Tensor.Normal<double>(rng, 1, 2, 100, 2);
        CriticAuditResult a = CriticAudit.Run(critic, p, q, new Rng(5));
        Tolerance.AtMost(a.SpectralBound, a.MaxGradientNorm, abs: 1e-12, what: "max gradient norm");
        Tolerance.AtMost(a.SpectralBound, a.PairwiseRatio, abs: 1e-12, what: "pairwise ratio");
        Assert.Equal(Math.Max(a.MaxGradientNorm, a.PairwiseRatio), a.Empirical);
    }

    [Fact]
    public void SpectralBoundNeverFallsBelowTheGradientNorm()
    {
        // Issue 7: a linear critic whose weight is orthogonal to the old fixed start vector (1 + 0.1·sin(1 + j)) got a
        // "spectral upper bound" of 0 while its gradient norm is ‖a‖ > 0.
        int d = 3;
        var v0 = Enumerable.Range(0, d).Select(j => 1.0 + 0.1 * Math.Sin(1.0 + j)).ToArray();
        var a = new[] { v0[1], -v0[0], 0.0 }; // a ⟂ v₀
        var critic = new MlpCritic<double>(new CriticArchitecture([d, 1], Activation.ReLU), new Rng(3));
        a.CopyTo(critic.Linears[0].Weight.Span);
        var rng = new Rng(11);
        CriticAuditResult r = CriticAudit.Run(critic, Tensor.Normal<double>(rng, 0, 1, 20, d), Tensor.Normal<double>(rng, 1, 1, 20, d), new Rng(2));
        Tolerance.Close(Math.Sqrt(a.Sum(x => x * x)), r.MaxGradientNorm, rel: 1e-12);
        Tolerance.AtMost(r.SpectralBound, r.MaxGradientNorm, abs: 1e-12, what: "max gradient norm vs the spectral upper bound");
    }

    private static CriticArchitecture ArchitectureOf(int d) => CriticArchitecture.Mlp(d, 16, 2, Activation.LeakyReLU, 0.2);
}
