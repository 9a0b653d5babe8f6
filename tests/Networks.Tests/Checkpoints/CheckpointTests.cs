using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Tests.Critics;
using Verify.TestSupport;
using Xunit;
using static Verify.Networks.Tests.Checkpoints.SafeTensorsTests;

namespace Verify.Networks.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "verify-checkpoint-" + Guid.NewGuid().ToString("N"));

    public CheckpointTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    /// <summary>
    /// The reference critic as a PyTorch user saves it: nn.Sequential(Linear(2, 3), LeakyReLU(0.2), Linear(3, 1)),
    /// state-dict keys "0.weight" [3, 2], "0.bias" [3], "2.weight" [1, 3], "2.bias" [1]; header keys in sorted order as
    /// the reference writer emits them. Built byte by byte here, independently of the writer under test.
    /// </summary>
    private static byte[] TorchStyleFile(bool f32)
    {
        string dt = f32 ? "F32" : "F64";
        int s = f32 ? 4 : 8;
        byte[] Enc(double[] v) => f32 ? F32(v.Select(x => (float)x).ToArray()) : F64(v);
        string header = "{" +
            $"\"0.bias\":{{\"dtype\":\"{dt}\",\"shape\":[3],\"data_offsets\":[0,{3 * s}]}}," +
            $"\"0.weight\":{{\"dtype\":\"{dt}\",\"shape\":[3,2],\"data_offsets\":[{3 * s},{9 * s}]}}," +
            $"\"2.bias\":{{\"dtype\":\"{dt}\",\"shape\":[1],\"data_offsets\":[{9 * s},{10 * s}]}}," +
            $"\"2.weight\":{{\"dtype\":\"{dt}\",\"shape\":[1,3],\"data_offsets\":[{10 * s},{13 * s}]}}}}";
        header += new string(' ', (8 - header.Length % 8) % 8);
        return HandBuilt(header, Enc(CriticTestKit.B1), Enc(CriticTestKit.W1), Enc(CriticTestKit.B2), Enc(CriticTestKit.W2));
    }

    [Fact]
    public void PyTorchStyleF64CriticLoadsAndReproducesThePyTorchPenalty()
    {
        File.WriteAllBytes(PathOf("torch64.safetensors"), TorchStyleFile(f32: false));
        var critic = Checkpoint.LoadCritic<double>(PathOf("torch64.safetensors"), CriticTestKit.ReferenceArchitecture);
        var x = Tensor.From(CriticTestKit.X, 2, 2).RequireGrad();
        // The PyTorch 1.13 reference value of the Networks issue §4.
        Tolerance.Close(0.0006275667999867852, GradientPenalty.At(critic, x, PenaltySide.TwoSided).Item(), rel: 1e-12);
    }

    [Fact]
    public void PyTorchStyleF32CriticComputesTheSameFunction()
    {
        File.WriteAllBytes(PathOf("torch32.safetensors"), TorchStyleFile(f32: true));
        var critic = Checkpoint.LoadCritic<double>(PathOf("torch32.safetensors"), CriticTestKit.ReferenceArchitecture);
        // The float32 weights, widened exactly: f by hand with those weights.
        double[] w1 = CriticTestKit.W1.Select(v => (double)(float)v).ToArray(), b1 = CriticTestKit.B1.Select(v => (double)(float)v).ToArray();
        double[] w2 = CriticTestKit.W2.Select(v => (double)(float)v).ToArray();
        double b2 = (float)CriticTestKit.B2[0];
        double[] xs = [0.2, -0.4, 1.0, 0.5, -3.0, 2.0];
        double[] got = critic.Forward(Tensor.From(xs, 3, 2)).ToArray();
        for (int r = 0; r < 3; r++)
        {
            double f = b2;
            for (int i = 0; i < 3; i++)
            {
                double h = w1[2 * i] * xs[2 * r] + w1[2 * i + 1] * xs[2 * r + 1] + b1[i];
                f += w2[i] * (h > 0 ? h : 0.2 * h);
            }
            Tolerance.Close(f, got[r], rel: 1e-14, abs: 1e-15);
        }
    }

    [Fact]
    public void SaveThenLoadRoundTripsACriticUnderAPrefix()
    {
        var arch = CriticArchitecture.Mlp(3, 7, 2, Activation.Tanh);
        var critic = new MlpCritic<float>(arch, new Rng(4));
        var generator = new MlpGenerator<float>([2, 5, 3], Activation.ReLU, new Rng(5));
        string path = PathOf("both.safetensors");
        Checkpoint.Save(path, critic.ExportParameters().Select(p => ("critic." + p.Name, p.Value))
            .Concat(generator.NamedParameters().Select(p => ("generator." + p.Name, p.Parameter))), new Dictionary<string, string> { ["seed"] = "4" });
        var back = Checkpoint.LoadCritic<float>(path, arch, prefix: "critic.");
        Assert.Equal(critic.Parameters().SelectMany(p => p.ToArray()), back.Parameters().SelectMany(p => p.ToArray()));
        var g2 = new MlpGenerator<float>([2, 5, 3], Activation.ReLU, new Rng(99));
        Checkpoint.Load(path, g2, prefix: "generator.");
        Assert.Equal(generator.Parameters().SelectMany(p => p.ToArray()), g2.Parameters().SelectMany(p => p.ToArray()));
        Assert.Equal("4", SafeTensors.Read(path).Metadata["seed"]);
        Assert.All(SafeTensors.Read(path).Tensors, t => Assert.Equal(SafeTensorsDType.F32, t.DType));
    }

    [Fact]
    public void SpectrallyNormalisedCriticExportsAsThePlainMlpItComputes()
    {
        var arch = CriticArchitecture.Mlp(2, 6, 2);
        var sn = new SpectralNormCritic<double>(arch, new Rng(8));
        sn.Training = false;
        string path = PathOf("sn.safetensors");
        Checkpoint.Save(path, sn.ExportParameters());
        var plain = Checkpoint.LoadCritic<double>(path, arch);
        var x = Tensor.Normal<double>(new Rng(1), 0, 1, 5, 2);
        Tolerance.Close(sn.Forward(x).ToArray(), plain.Forward(x).ToArray(), rel: 1e-12, abs: 1e-15);
    }

    public static TheoryData<string, string> Mismatches => new()
    {
        { "missing", "tensor '2.bias' is missing from the checkpoint" },
        { "extra", "tensor '4.weight' in the checkpoint has no place in the declared architecture" },
        { "shape", "tensor '0.weight' has shape [2, 3], the declared architecture needs [3, 2]" },
        { "dtype", "tensor '0.bias' has dtype F16, expected F32 or F64" },
        { "nan", "tensor '2.weight' holds NaN at index 1" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void AMismatchedCheckpointIsRefusedNamingTheTensor(string kind, string expected)
    {
        var arrays = new List<NamedArray>
        {
            new("0.weight", SafeTensorsDType.F64, kind == "shape" ? [2, 3] : [3, 2], CriticTestKit.W1),
            new("0.bias", kind == "dtype" ? SafeTensorsDType.F32 : SafeTensorsDType.F64, [3], CriticTestKit.B1),
            new("2.weight", SafeTensorsDType.F64, [1, 3], kind == "nan" ? [1.0, double.NaN, 2.0] : CriticTestKit.W2),
        };
        if (kind != "missing") arrays.Add(new("2.bias", SafeTensorsDType.F64, [1], CriticTestKit.B2));
        if (kind == "extra") arrays.Add(new("4.weight", SafeTensorsDType.F64, [1, 1], [1.0]));
        string path = PathOf(kind + ".safetensors");
        if (kind == "dtype")
        {
            // The writer emits only F32/F64, so an F16 bias is written by hand: 1.0, −2.0, 0.5 in binary16.
            File.WriteAllBytes(path, SafeTensors.Serialize(new SafeTensorsFile(arrays)));
            var f = SafeTensors.Parse(File.ReadAllBytes(path));
            byte[] half = [0x00, 0x3C, 0x00, 0xC0, 0x00, 0x38];
            string header = "{" + string.Join(",", new[]
            {
                "\"0.weight\":{\"dtype\":\"F64\",\"shape\":[3,2],\"data_offsets\":[0,48]}",
                "\"0.bias\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[48,54]}",
                "\"2.weight\":{\"dtype\":\"F64\",\"shape\":[1,3],\"data_offsets\":[54,78]}",
                "\"2.bias\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[78,86]}",
            }) + "}";
            File.WriteAllBytes(path, HandBuilt(header, F64(f.Find("0.weight")!.Values), half, F64(CriticTestKit.W2), F64(CriticTestKit.B2)));
        }
        else SafeTensors.Write(path, arrays);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.LoadCritic<double>(path, CriticTestKit.ReferenceArchitecture));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
