using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Xunit;

namespace Verify.Networks.Tests.Critics;

public sealed class CriticArchitectureTests
{
    [Fact]
    public void MlpCriticHasPyTorchSequentialNamesAndShapes()
    {
        var arch = CriticArchitecture.Mlp(3, 8, 2, Activation.LeakyReLU, 0.2);
        Assert.Equal([3, 8, 8, 1], arch.Sizes);
        Assert.Equal("3-8-8-1 leakyrelu(0.2)", arch.ToString());
        var critic = new MlpCritic<double>(arch, new Rng(1));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"], critic.NamedParameters().Select(p => p.Name));
        Assert.Equal([8, 3], critic.NamedParameters().First().Parameter.Shape);
        Assert.Equal(1.0, arch.ActivationLipschitz);
        Assert.Equal(0.25, new CriticArchitecture([2, 4, 1], Activation.Sigmoid).ActivationLipschitz);
    }

    [Fact]
    public void RefusesMeaninglessArchitectures()
    {
        Assert.Throws<ArgumentException>(() => new CriticArchitecture([2]));
        Assert.Throws<ArgumentException>(() => new CriticArchitecture([2, 0, 1]));
        Assert.Throws<ArgumentException>(() => new CriticArchitecture([2, 4, 1], Activation.None));
        Assert.Contains("unknown activation 99", Assert.Throws<ArgumentException>(() => new CriticArchitecture([2, 4, 1], (Activation)99)).Message);
        Assert.Throws<ArgumentException>(() => new CriticArchitecture([2, 4, 1], Activation.LeakyReLU, double.NaN));
        Assert.Throws<ArgumentException>(() => new CriticArchitecture([2, 4, 1], Activation.LeakyReLU, 1.5));
        Assert.Throws<ArgumentException>(() => CriticArchitecture.Mlp(2, 4, 0));
        Assert.Throws<ArgumentException>(() => new MlpCritic<double>(new CriticArchitecture([2, 4, 3]), new Rng(1)));
    }

    [Fact]
    public void EqualityComparesWidthsByValue()
    {
        Assert.Equal(CriticArchitecture.Mlp(2, 4, 2), new CriticArchitecture([2, 4, 4, 1]));
        Assert.Equal(CriticArchitecture.Mlp(2, 4, 2).GetHashCode(), new CriticArchitecture(new List<int> { 2, 4, 4, 1 }).GetHashCode());
        Assert.NotEqual(CriticArchitecture.Mlp(2, 4, 2), CriticArchitecture.Mlp(2, 4, 3));
        Assert.NotEqual(CriticArchitecture.Mlp(2, 4, 2, Activation.LeakyReLU, 0.2), CriticArchitecture.Mlp(2, 4, 2, Activation.LeakyReLU, 0.01));
    }

    [Fact]
    public void ActivationNamesRoundTrip()
    {
        foreach (string name in CriticArchitecture.ActivationNames)
            Assert.Equal(name, CriticArchitecture.NameOf(CriticArchitecture.ParseActivation(name)));
        Assert.Equal(Activation.LeakyReLU, CriticArchitecture.ParseActivation("Leaky-ReLU"));
        Assert.Contains("allowed: relu, leaky-relu, tanh, sigmoid", Assert.Throws<ArgumentException>(() => CriticArchitecture.ParseActivation("elu")).Message);
    }
}
