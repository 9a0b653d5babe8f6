using Verify.Networks.Architectures;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Xunit;

namespace Verify.Networks.Tests.Architectures;

public sealed class WganMlpTests
{
    [Fact]
    public void PairHasFourHiddenLayersOf512WithPyTorchsNames()
    {
        var g = WganMlp.Generator<double>(new Rng(0));
        var d = WganMlp.Critic<double>(new Rng(1));
        TorchFill.SameLayout(TorchArchitectures.MlpGeneratorStateDict, g.NamedParameters());
        TorchFill.SameLayout(TorchArchitectures.MlpCriticStateDict, d.NamedParameters());
        Assert.Equal(Activation.None, g.OutputActivation);
        Assert.Equal(Activation.Tanh, WganMlp.Generator<float>(new Rng(0), output: Activation.Tanh).OutputActivation);
        Assert.Equal(784, d.InputDimension);
    }
}
