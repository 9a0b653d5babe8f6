using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Checkpoints;

public sealed class CriticCheckpointTests
{
    private static NamedArray A(string name, int[] shape, params double[] values) => new(name, SafeTensorsDType.F32, shape, values);

    /// <summary>A 2 → 3 → 1 MLP's tensors under a prefix (values 0.1, 0.2, …).</summary>
    private static List<NamedArray> Mlp231(string prefix) =>
    [
        A(prefix + "0.weight", [3, 2], 0.1, 0.2, 0.3, 0.4, 0.5, 0.6), A(prefix + "0.bias", [3], 0.1, 0.2, 0.3),
        A(prefix + "2.weight", [1, 3], 0.1, -0.2, 0.3), A(prefix + "2.bias", [1], 0.5),
    ];

    [Theory]
    [InlineData("")]
    [InlineData("critic.")]
    public void FindsTheCriticInEitherLayoutAndInfersItsWidths(string prefix)
    {
        // verify train's checkpoint also holds the generator: its tensors must not be taken for the critic's.
        var tensors = Mlp231(prefix);
        if (prefix.Length > 0) tensors.AddRange([A("generator.0.weight", [4, 2], 1, 2, 3, 4, 5, 6, 7, 8), A("generator.0.bias", [4], 1, 2, 3, 4)]);
        var loaded = CriticCheckpoint.Find(new SafeTensorsFile(tensors), "f.safetensors");
        Assert.Equal(prefix, loaded.Prefix);
        Assert.Equal([2, 3, 1], loaded.Architecture.Sizes);
        Assert.Equal(Activation.ReLU, loaded.Architecture.Activation);
        var critic = loaded.Create<double>();
        // f(1, 1) by hand: h = relu(W·x + b) = (0.4, 0.9, 1.4); f = 0.1·0.4 − 0.2·0.9 + 0.3·1.4 + 0.5 = 0.78.
        double f = 0.1 * (0.1 + 0.2 + 0.1) - 0.2 * (0.3 + 0.4 + 0.2) + 0.3 * (0.5 + 0.6 + 0.3) + 0.5;
        Tolerance.Close(f, critic.Forward(Tensor.From(new[] { 1.0, 1.0 }, 1, 2)).Item(), rel: 1e-14);
    }

    [Fact]
    public void WhenNoLayoutFitsTheMessageListsThePrefixesTheFileHolds()
    {
        var file = new SafeTensorsFile([.. Mlp231("model.net."), A("generator.0.weight", [1, 1], 1)]);
        var e = Assert.Throws<InvalidDataException>(() => CriticCheckpoint.Find(file, "mine.safetensors"));
        Assert.StartsWith("mine.safetensors: no critic found", e.Message);
        Assert.Contains("'model.net.'", e.Message);
        Assert.Contains("'generator.'", e.Message);
        Assert.Contains("'critic.'", e.Message);
        var empty = Assert.Throws<InvalidDataException>(() => CriticCheckpoint.Find(new SafeTensorsFile([A("w", [1], 1)]), "x"));
        Assert.Contains("'w'", empty.Message);
    }

    [Fact]
    public void ArchitectureMetadataRoundTripsThroughAFile()
    {
        var arch = new CriticArchitecture([2, 3, 1], Activation.LeakyReLU, 0.05);
        var file = new SafeTensorsFile(Mlp231("critic."), CriticCheckpoint.Metadata(arch));
        var loaded = CriticCheckpoint.Find(file, "run/checkpoint.safetensors");
        Assert.Equal(arch, loaded.Architecture);
        Assert.Equal(Activation.LeakyReLU, loaded.Architecture.Activation);
        Assert.Equal(0.05, loaded.Architecture.NegativeSlope);
    }

    [Fact]
    public void ALeakyReluSlopeIsNeverGuessed()
    {
        // No metadata: PyTorch's nn.LeakyReLU() uses 0.01, Verify's 0.2; the file cannot say which, so the caller must.
        var bare = new SafeTensorsFile(Mlp231(""));
        var e = Assert.Throws<ArgumentException>(() => CriticCheckpoint.Find(bare, "torch.safetensors", activation: Activation.LeakyReLU));
        Assert.StartsWith("--negative-slope: torch.safetensors does not record", e.Message);
        Assert.Equal(0.01, CriticCheckpoint.Find(bare, "t", activation: Activation.LeakyReLU, negativeSlope: 0.01).Architecture.NegativeSlope);
        // Given and recorded values must agree; a slope for a relu critic is a mistake too.
        var recorded = new SafeTensorsFile(Mlp231(""), CriticCheckpoint.Metadata(new CriticArchitecture([2, 3, 1], Activation.LeakyReLU, 0.2)));
        Assert.Contains("contradicts", Assert.Throws<ArgumentException>(() => CriticCheckpoint.Find(recorded, "t", negativeSlope: 0.01)).Message);
        Assert.Contains("contradicts", Assert.Throws<ArgumentException>(() => CriticCheckpoint.Find(recorded, "t", activation: Activation.Tanh)).Message);
        Assert.Contains("applies to a leaky-relu", Assert.Throws<ArgumentException>(() => CriticCheckpoint.Find(bare, "t", negativeSlope: 0.01)).Message);
    }

    [Fact]
    public void DeclaredWidthsAreCheckedAgainstTheShapes()
    {
        var loaded = CriticCheckpoint.Find(new SafeTensorsFile(Mlp231("")), "f", sizes: [2, 4, 1]);
        var e = Assert.Throws<InvalidDataException>(() => loaded.Create<float>());
        Assert.Equal("f: tensor '0.weight' has shape [3, 2], the declared architecture needs [4, 2]", e.Message);
        var broken = new SafeTensorsFile([A("0.weight", [3, 2], 1, 2, 3, 4, 5, 6), A("2.weight", [1, 4], 1, 2, 3, 4)]);
        Assert.Contains("takes 4 inputs but the layer before it gives 3", Assert.Throws<InvalidDataException>(() => CriticCheckpoint.Find(broken, "f")).Message);
    }

    [Fact]
    public void ASavedCriticLoadsBackWithoutDeclaringAnything()
    {
        var arch = CriticArchitecture.Mlp(3, 5, 2, Activation.LeakyReLU, 0.1);
        var critic = new MlpCritic<float>(arch, new Rng(2));
        var file = SafeTensors.Parse(SafeTensors.Serialize(new SafeTensorsFile(
            critic.ExportParameters().Select(p => new NamedArray(p.Name, SafeTensorsDType.F32, p.Value.Shape.ToArray(), p.Value.ToDoubleArray())).ToList(),
            CriticCheckpoint.Metadata(arch))));
        var back = CriticCheckpoint.Find(file, "c").Create<float>();
        var x = Tensor.From(new[] { 0.5f, -1f, 2f, -0.3f, 0.2f, -4f }, 2, 3);
        Assert.Equal(critic.Forward(x).ToArray(), back.Forward(x).ToArray());
    }
}
