using Verify.Networks.Architectures;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Architectures;

/// <summary>The DCGAN generator against the PyTorch nn.Sequential it documents (torch_architectures.py, float64).</summary>
public sealed class DcganGeneratorTests
{
    [Fact]
    public void StateDictHasPyTorchsNamesAndShapes()
    {
        var g = new DcganGenerator<double>(new Rng(0));
        TorchFill.SameLayout(TorchArchitectures.GeneratorStateDict, g.StateDict());
        Assert.Equal(100, g.NoiseDimension);
        Assert.Equal(784, g.OutputDimension);
    }

    [Fact]
    public void OutputsMatchPyTorchInTrainingAndEvaluationMode()
    {
        var g = new DcganGenerator<double>(new Rng(0));
        TorchFill.Fill(g);
        var z = TorchFill.Grid([3, 100], 31, 7, 8);
        var y = g.Forward(z);
        Assert.Equal(new[] { 3, 784 }, y.Shape);
        Tolerance.Close(TorchArchitectures.GeneratorTrainSample, [y[0, 0], y[0, 100], y[1, 391], y[2, 783]], 1e-12, 1e-14, "samples");
        var v = y.ToArray();
        Tolerance.Close(TorchArchitectures.GeneratorTrainMoments, [v.Sum(), v.Sum(a => a * a)], 1e-12, 0, "Σy, Σy²");
        var bn1 = (Verify.Networks.Layers.BatchNorm<double>)g.Body[1];
        var bn5 = (Verify.Networks.Layers.BatchNorm<double>)g.Body[5];
        Tolerance.Close(TorchArchitectures.GeneratorRunningVar1, [bn1.RunningVar[0], bn1.RunningVar[6271], bn5.RunningVar[63]], 1e-13, 0, "running_var");
        g.Eval();
        var e = g.Forward(z).ToArray();
        Tolerance.Close(TorchArchitectures.GeneratorEvalMoments, [e.Sum(), e.Sum(a => a * a)], 1e-12, 0, "evaluation Σy, Σy²");
        Assert.Equal(new[] { 3, 1, 28, 28 }, g.Images(z).Shape);
    }

    [Fact]
    public void SameSeedSameGeneratorAndBadNoiseIsRefused()
    {
        var a = new DcganGenerator<float>(new Rng(5));
        var b = new DcganGenerator<float>(new Rng(5));
        Assert.Equal(a.Parameters().SelectMany(p => p.ToArray()), b.Parameters().SelectMany(p => p.ToArray()));
        Assert.Contains("[N, 100]", Assert.Throws<ArgumentException>(() => a.Forward(Tensor.Zeros<float>(2, 99))).Message);
        Assert.Equal(new[] { 4, 100 }, a.Noise(new Rng(1), 4).Shape);
    }
}
