using Verify.Networks.Checkpoints;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.Properties.Regression;
using Xunit;

namespace Verify.Properties.Tests.Regression;

public sealed class UserCriticTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "verify-user-critic-" + Guid.NewGuid().ToString("N"));

    public UserCriticTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixture(string name) =>
        Verify.TestSupport.RepositoryRoot.Combine("tests", "Networks.Tests", "Interop", "Fixtures", name);

    [Fact]
    public void AnOnnxCriticIsAuditedFromItsValues()
    {
        using var critic = UserCritic.Open(Fixture("critic_linear.onnx"));
        Assert.Equal(2, critic.Dimension);
        Assert.StartsWith("onnx", critic.Kind);
        Assert.Equal([0.5, -3.0], critic.Evaluate([0.5, 9.0, -3.0, 1.0]));
        UserCriticAudit a = critic.Audit([0.0, 0.0, 1.0, 0.5], [2.0, 1.0, 3.0, 0.0], new Rng(1));
        Assert.Null(a.UpperBound);
        Assert.Equal(1.0, a.Lipschitz);
    }

    [Fact]
    public void ASafetensorsMlpTakesItsWidthsFromTheWeights()
    {
        string path = Path.Combine(_dir, "mlp.safetensors");
        Checkpoint.Save(path, [("0.weight", Tensor.From([1.0, 2.0, 3.0, 4.0], 2, 2)), ("0.bias", Tensor.From([0.0, 1.0], 2)),
                               ("2.weight", Tensor.From([1.0, -1.0], 1, 2)), ("2.bias", Tensor.From([0.5], 1))]);
        using var critic = UserCritic.Open(path);
        Assert.Equal("mlp 2-2-1 relu", critic.Kind);
        // f(x) = relu(x₁ + 2x₂) − relu(3x₁ + 4x₂ + 1) + 0.5 at (1, 1): 3 − 8 + 0.5.
        Assert.Equal([-4.5], critic.Evaluate([1.0, 1.0]));
    }

    [Fact]
    public void MlpOptionsDoNotApplyToOnnx() =>
        Assert.Throws<ArgumentException>(() => UserCritic.Open(Fixture("critic_linear.onnx"), sizes: [2, 1]));
}
