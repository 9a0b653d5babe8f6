using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Layers;

public sealed class ModuleTreeTests
{
    private static Sequential<double> Net() => new(
        new Linear<double>(4, 6, new Rng(1)), new BatchNorm1d<double>(6), new ReLU<double>(),
        new Sequential<double>(new Linear<double>(6, 6, new Rng(2)), new Tanh<double>()));

    [Fact]
    public void WalksEveryModuleParentsFirst()
    {
        Assert.Equal(new[] { "", "0", "1", "2", "3", "3.0", "3.1" }, ModuleTree.All(Net()).Select(m => m.Name));
    }

    [Fact]
    public void TrainAndEvalReachEveryModule()
    {
        var net = Net();
        net.Eval();
        Assert.All(ModuleTree.All(net), m => Assert.False(m.Module.Training));
        net.Train();
        Assert.All(ModuleTree.All(net), m => Assert.True(m.Module.Training));
    }

    [Fact]
    public void BatchNormIsRefusedWithTheLayerNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => ModuleTree.RefuseBatchNorm(Net(), "wgan-gp"));
        Assert.Contains("wgan-gp", e.Message);
        Assert.Contains("layer '1' is BatchNorm1d", e.Message);
        Assert.Contains("LayerNorm", e.Message);
        ModuleTree.RefuseBatchNorm(new Sequential<double>(new Linear<double>(2, 2, new Rng(0)), new LayerNorm<double>([2])), "wgan-gp");
    }

    [Fact]
    public void GradientPenaltyRefusesACriticWithBatchNorm()
    {
        var critic = new Verify.Networks.Architectures.DcganCritic<double>(new Rng(1), batchNorm: true);
        var points = Tensor.Zeros<double>(4, 784).RequireGrad();
        var e = Assert.Throws<ArgumentException>(() => GradientPenalty.At(critic, points, PenaltySide.TwoSided));
        Assert.Contains("BatchNorm2d", e.Message);
        Assert.Contains("layer '3'", e.Message);
    }
}
