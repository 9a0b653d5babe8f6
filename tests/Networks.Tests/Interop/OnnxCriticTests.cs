using Verify.Networks.Interop;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Interop;

/// <summary>Models exported by PyTorch for these tests, in one python3 run (importing torch costs seconds).</summary>
public sealed class TorchExports : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "verify-onnx-torch-" + Guid.NewGuid().ToString("N"));

    public TorchExports()
    {
        Directory.CreateDirectory(Folder);
        if (!OnnxFixtures.TorchAvailable) return;
        OnnxFixtures.Python("""
            import torch

            def export(m, d, path, batch=2, dynamic=True, names=("x",), args=None):
                kw = {"dynamic_axes": {"x": {0: "batch"}, "f": {0: "batch"}}} if dynamic else {}
                torch.onnx.export(m, args if args is not None else torch.zeros(batch, d), path, input_names=list(names),
                                  output_names=["f"], opset_version=13, **kw)

            # A fresh 3-input MLP with tanh and its outputs in float64.
            torch.manual_seed(3)
            m = torch.nn.Sequential(torch.nn.Linear(3, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))
            export(m, 3, "fresh.onnx")
            x = torch.linspace(-2, 2, 30).reshape(10, 3)
            with torch.no_grad():
                y = m.double()(x.double()).reshape(-1)
            open("points.txt", "w").write("\n".join(repr(float(v)) for v in x.reshape(-1)))
            open("values.txt", "w").write("\n".join(repr(float(v)) for v in y))

            # One model with a fixed batch of 4 and the same with a dynamic batch.
            torch.manual_seed(4)
            m = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.ReLU(), torch.nn.Linear(4, 1))
            export(m, 2, "fixed.onnx", batch=4, dynamic=False)
            export(m, 2, "dynamic.onnx", batch=4)

            # Two models that are not critics.
            class Two(torch.nn.Module):
                def forward(self, x, y):
                    return (x * y).sum(1, keepdim=True)
            torch.onnx.export(Two(), (torch.zeros(2, 3), torch.zeros(2, 3)), "two_inputs.onnx", input_names=["x", "y"], opset_version=13)
            export(torch.nn.Linear(3, 2), 3, "wide_output.onnx")
            """, Folder);
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

public sealed class OnnxCriticTests(TorchExports torch) : IClassFixture<TorchExports>, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "verify-onnx-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("critic_mlp.onnx", "mlp")]
    [InlineData("critic_conv.onnx", "conv")]
    public void APyTorchExportEvaluatesToFloatPrecision(string file, string model)
    {
        var (points, d, f32, f64) = OnnxFixtures.Reference(model);
        using var critic = OnnxCritic<double>.Load(OnnxFixtures.PathOf(file));
        Assert.Equal(d, critic.InputDimension);
        Assert.True(critic.SinglePrecision);
        double[] values = critic.Evaluate(points);
        // Against PyTorch's own float32 run: the same arithmetic up to summation order, a few ulps of float.
        Tolerance.Close(f32, values, rel: 1e-6, abs: 1e-7, what: $"{model} vs PyTorch float32");
        // Against the same weights in float64: float32 rounding of inputs, weights and sums, about 1e-7 relative.
        Tolerance.Close(f64, values, rel: 1e-5, abs: 1e-6, what: $"{model} vs PyTorch float64");
    }

    [Fact]
    public void TheLinearCriticIsTheFirstCoordinateExactly()
    {
        var (points, _, _, _) = OnnxFixtures.Reference("linear");
        using var critic = OnnxCritic<double>.Load(OnnxFixtures.PathOf("critic_linear.onnx"));
        double[] values = critic.Evaluate(points);
        for (int i = 0; i < values.Length; i++) Assert.Equal(points[2 * i], values[i]); // the points are floats already
    }

    [Fact]
    public void ForwardGivesAColumnWithoutAGraphAndRefusesToRecordAGradient()
    {
        using var critic = OnnxCritic<float>.Load(OnnxFixtures.PathOf("critic_linear.onnx"));
        var x = Tensor.From([0.5f, 2f, -1f, 3f], 2, 2);
        Tensor<float> f = critic.Forward(x);
        Assert.Equal([2, 1], f.Shape);
        Assert.Equal([0.5f, -1f], f.ToArray());
        Assert.False(f.RequiresGrad);
        Assert.Throws<InvalidOperationException>(() => critic.Forward(x.Detach().RequireGrad()));
        Assert.Throws<NotSupportedException>(() => critic.EffectiveWeights());
        Assert.Empty(critic.Parameters());
        Assert.True(double.IsNaN(critic.ActivationLipschitz));
        Assert.Throws<ArgumentException>(() => critic.Forward(Tensor.From([1f, 2f, 3f], 1, 3)));
    }

    [Fact]
    public void AMissingFileAndAFileThatIsNotOnnxAreNamed()
    {
        Directory.CreateDirectory(_dir);
        string missing = Path.Combine(_dir, "none.onnx");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => OnnxCritic<double>.Load(missing)).Message);
        string garbage = Path.Combine(_dir, "garbage.onnx");
        File.WriteAllBytes(garbage, [1, 2, 3, 4, 5, 6, 7, 8]);
        var e = Assert.Throws<InvalidDataException>(() => OnnxCritic<double>.Load(garbage));
        Assert.StartsWith(garbage + ": not an ONNX model", e.Message);
    }

    [TorchFact]
    public void AModelExportedNowByPyTorchEvaluatesToFloatPrecision()
    {
        // A fresh export (not the checked-in fixture): a 3-input MLP with tanh, dynamic batch, and its outputs in float64.
        double[] points = ReadNumbers("points.txt"), expected = ReadNumbers("values.txt");
        using var critic = OnnxCritic<double>.Load(torch.PathOf("fresh.onnx"));
        Tolerance.Close(expected, critic.Evaluate(points), rel: 1e-5, abs: 1e-6, what: "fresh export vs PyTorch float64");
    }

    [TorchFact]
    public void AFixedBatchModelIsRunInChunksOfItsBatch()
    {
        double[] points = Enumerable.Range(0, 22).Select(i => (i - 11) / 4.0).ToArray(); // 11 rows: two full chunks of 4 and one of 3
        using var fixedBatch = OnnxCritic<double>.Load(torch.PathOf("fixed.onnx"));
        using var dynamic = OnnxCritic<double>.Load(torch.PathOf("dynamic.onnx"));
        Assert.Equal(dynamic.Evaluate(points), fixedBatch.Evaluate(points));
    }

    [TorchFact]
    public void ModelsThatAreNotCriticsAreRefusedNamingWhatIsWrong()
    {
        Assert.Contains("takes one input, the model has 2", Assert.Throws<InvalidDataException>(() => OnnxCritic<double>.Load(torch.PathOf("two_inputs.onnx"))).Message);
        Assert.Contains("output 'f' must have shape [batch, 1] or [batch], it has [batch, 2]",
            Assert.Throws<InvalidDataException>(() => OnnxCritic<double>.Load(torch.PathOf("wide_output.onnx"))).Message);
    }

    private double[] ReadNumbers(string name) =>
        File.ReadAllLines(torch.PathOf(name)).Select(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
