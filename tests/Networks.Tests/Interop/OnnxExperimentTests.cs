using System.Text.Json;
using Verify.Networks.Experiments;
using Verify.Networks.Init;
using Verify.Networks.Interop;
using Verify.Networks.Training;
using Verify.Theory;
using Xunit;

namespace Verify.Networks.Tests.Interop;

public sealed class OnnxExperimentTests
{
    private static (DiscreteDistribution P, DiscreteDistribution Q) Lines(double theta, int n)
    {
        // Parallel lines by hand: P = (θ, zᵢ), Q = (0, zᵢ) with common zᵢ.
        var rng = new Rng(9);
        double[] z = Enumerable.Range(0, n).Select(_ => (double)(float)rng.NextDouble()).ToArray();
        return (new DiscreteDistribution(z.SelectMany(v => new[] { theta, v }).ToArray(), 2), new DiscreteDistribution(z.SelectMany(v => new[] { 0.0, v }).ToArray(), 2));
    }

    [Fact]
    public void TheLinearCriticEstimatesTheShiftOnTheHeldOutHalves()
    {
        var (p, q) = Lines(0.5, 64);
        OnnxExperimentResult r = OnnxExperiment.Run(p, q, new WganGpOptions(), OnnxFixtures.PathOf("critic_linear.onnx"), 3);
        Assert.Equal(0.5, r.Estimate);
        Assert.Equal(32, r.PHeldOut);
        Assert.Equal(1.0, r.Audit.FiniteDifference);
        // The exact W1 is that of the same held-out halves as CriticExperiment.Split draws them (rows of P, then of Q).
        var rng = new Rng(3);
        var (_, ph) = CriticExperiment.Split(p, rng);
        var (_, qh) = CriticExperiment.Split(q, rng);
        Assert.Equal(Transport.W1(ph.Normalized(), qh.Normalized()), r.Exact);
        using var doc = JsonDocument.Parse(r.ToJson());
        Assert.Equal(0.5, doc.RootElement.GetProperty("estimate").GetDouble());
        Assert.Contains("forward only", r.ToText());
    }

    [Fact]
    public void GanHasNoExactValueOnContinuousSamples()
    {
        var (p, q) = Lines(2.0, 16);
        OnnxExperimentResult r = OnnxExperiment.Run(p, q, new GanOptions(), OnnxFixtures.PathOf("critic_linear.onnx"), 1);
        Assert.Null(r.Exact);
        Assert.Null(r.RelativeError);
        using var doc = JsonDocument.Parse(r.ToJson());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("exact").ValueKind);
    }

    [Fact]
    public void AModelOfAnotherDimensionIsRefused()
    {
        var one = DiscreteDistribution.OneD([1.0, 2.0, 3.0]);
        var e = Assert.Throws<ArgumentException>(() => OnnxExperiment.Run(one, one, new WganLpOptions(), OnnxFixtures.PathOf("critic_linear.onnx"), 1));
        Assert.Contains("takes 2 inputs", e.Message);
    }
}
