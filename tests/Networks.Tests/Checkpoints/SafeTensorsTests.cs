using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verify.Networks.Checkpoints;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Checkpoints;

public sealed class SafeTensorsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "verify-safetensors-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Builds a file by hand: 8-byte little-endian length, the header text as given, then the data bytes.</summary>
    internal static byte[] HandBuilt(string header, params byte[][] data)
    {
        byte[] h = Encoding.UTF8.GetBytes(header);
        var bytes = new List<byte>();
        ulong n = (ulong)h.Length;
        for (int i = 0; i < 8; i++) bytes.Add((byte)(n >> (8 * i)));
        bytes.AddRange(h);
        foreach (byte[] d in data) bytes.AddRange(d);
        return bytes.ToArray();
    }

    internal static byte[] F32(params float[] values)
    {
        var b = new List<byte>();
        foreach (float v in values)
        {
            uint bits = BitConverter.SingleToUInt32Bits(v);
            for (int i = 0; i < 4; i++) b.Add((byte)(bits >> (8 * i)));
        }
        return b.ToArray();
    }

    internal static byte[] F64(params double[] values)
    {
        var b = new List<byte>();
        foreach (double v in values)
        {
            ulong bits = BitConverter.DoubleToUInt64Bits(v);
            for (int i = 0; i < 8; i++) b.Add((byte)(bits >> (8 * i)));
        }
        return b.ToArray();
    }

    [Fact]
    public void ReadsAHandBuiltFileOfMixedTypes()
    {
        byte[] file = HandBuilt(
            "{\"__metadata__\":{\"format\":\"pt\"},\"0.weight\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}," +
            "\"0.bias\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[16,32]}}",
            F32(0.5f, -1.0f, 1.5f, 0.25f), F64(0.1, -0.2));
        SafeTensorsFile f = SafeTensors.Parse(file);
        Assert.Equal(["0.weight", "0.bias"], f.Names.ToArray());
        Assert.Equal("pt", f.Metadata["format"]);
        NamedArray w = f.Find("0.weight")!;
        Assert.Equal(SafeTensorsDType.F32, w.DType);
        Assert.Equal([2, 2], w.Shape);
        Assert.Equal([0.5, -1.0, 1.5, 0.25], w.Values);
        NamedArray b = f.Find("0.bias")!;
        Assert.Equal(SafeTensorsDType.F64, b.DType);
        Assert.Equal([0.1, -0.2], b.Values);
    }

    [Fact]
    public void DataOrderFollowsOffsetsNotHeaderOrder()
    {
        // The reference writer sorts its header keys; data order is given by the offsets alone.
        byte[] file = HandBuilt(
            "{\"b\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]},\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}",
            F64(1.0), F64(2.0));
        SafeTensorsFile f = SafeTensors.Parse(file);
        Assert.Equal(1.0, f.Find("a")!.Values[0]);
        Assert.Equal(2.0, f.Find("b")!.Values[0]);
    }

    [Fact]
    public void DecodesHalfAndBFloat16FromTheirBitPatterns()
    {
        // IEEE binary16: 0x3C00 = 1, 0xC000 = −2, 0x3555 = 0.333251953125; bfloat16: 0x3F80 = 1, 0x4049 = 3.140625.
        byte[] file = HandBuilt(
            "{\"h\":{\"dtype\":\"F16\",\"shape\":[3],\"data_offsets\":[0,6]},\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[6,10]}}",
            [0x00, 0x3C, 0x00, 0xC0, 0x55, 0x35], [0x80, 0x3F, 0x49, 0x40]);
        SafeTensorsFile f = SafeTensors.Parse(file);
        Assert.Equal([1.0, -2.0, 0.333251953125], f.Find("h")!.Values);
        Assert.Equal([1.0, 3.140625], f.Find("b")!.Values);
    }

    [Fact]
    public void WriterProducesTheExpectedBytes()
    {
        var file = new SafeTensorsFile([new NamedArray("w", SafeTensorsDType.F32, [2], [1.5, -2.0])]);
        byte[] actual = SafeTensors.Serialize(file);
        string header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        header += new string(' ', (8 - header.Length % 8) % 8); // padded to a multiple of 8 with spaces
        Assert.Equal(HandBuilt(header, F32(1.5f, -2.0f)), actual);
    }

    [Fact]
    public void RoundTripsF32AndF64ThroughAFileWithMetadata()
    {
        string path = Path.Combine(_dir, "sub", "model.safetensors");
        double third = 1.0 / 3.0;
        NamedArray[] arrays =
        [
            new("0.weight", SafeTensorsDType.F64, [2, 3], [third, -2, 3, 4e-300, double.Epsilon, -0.0]),
            new("0.bias", SafeTensorsDType.F32, [2], [third, 1e30]),
            new("scalar", SafeTensorsDType.F64, [], [42.0]),
            new("empty", SafeTensorsDType.F32, [0, 5], []),
        ];
        SafeTensors.Write(path, arrays, new Dictionary<string, string> { ["seed"] = "7", ["method"] = "wgan-gp" });
        SafeTensorsFile back = SafeTensors.Read(path);
        Assert.Equal(arrays.Select(a => a.Name), back.Names);
        Assert.Equal("7", back.Metadata["seed"]);
        Assert.Equal("wgan-gp", back.Metadata["method"]);
        Assert.Equal(arrays[0].Values, back.Find("0.weight")!.Values); // F64 bit-exact, including −0 and subnormals
        Assert.True(double.IsNegative(back.Find("0.weight")!.Values[5]));
        Assert.Equal([(double)(float)third, (double)1e30f], back.Find("0.bias")!.Values); // F32 rounds to nearest
        Assert.Equal([42.0], back.Find("scalar")!.Values);
        Assert.Empty(back.Find("scalar")!.Shape);
        Assert.Equal([0, 5], back.Find("empty")!.Shape);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left behind
    }

    [Property]
    public Property RoundTripProperty()
    {
        // Any list of F64 tensors with random shapes and values survives Serialize → Parse bit-exactly.
        Gen<NamedArray> tensor =
            from rows in Gen.Choose(0, 4)
            from cols in Gen.Choose(1, 4)
            from vals in Gen.ArrayOf(ArbMap.Default.GeneratorFor<NormalFloat>().Select(v => v.Get), rows * cols)
            from f32 in ArbMap.Default.GeneratorFor<bool>()
            select new NamedArray("t", f32 ? SafeTensorsDType.F32 : SafeTensorsDType.F64, [rows, cols],
                f32 ? vals.Select(v => (double)(float)v).ToArray() : vals);
        Gen<NamedArray[]> tensors = Gen.ListOf(tensor).Select(l => l.Select((t, i) => new NamedArray($"{i}.w", t.DType, t.Shape, t.Values)).ToArray());
        return Prop.ForAll(tensors.ToArbitrary(), arrays =>
        {
            SafeTensorsFile back = SafeTensors.Parse(SafeTensors.Serialize(new SafeTensorsFile(arrays)));
            return back.Tensors.Count == arrays.Length && arrays.All(a =>
            {
                NamedArray b = back.Find(a.Name)!;
                return b.DType == a.DType && b.Shape.SequenceEqual(a.Shape) &&
                       b.Values.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(a.Values.Select(BitConverter.DoubleToInt64Bits));
            });
        });
    }

    [Fact]
    public void AFailedWriteLeavesTheOldFileIntact()
    {
        string path = Path.Combine(_dir, "keep.safetensors");
        SafeTensors.Write(path, [new NamedArray("a", SafeTensorsDType.F64, [1], [1.0])]);
        byte[] before = File.ReadAllBytes(path);
        var e = Assert.Throws<ArgumentException>(() =>
            SafeTensors.Write(path, [new NamedArray("a", SafeTensorsDType.F64, [1], [1.0]), new NamedArray("a", SafeTensorsDType.F64, [1], [2.0])]));
        Assert.Contains("'a' appears twice", e.Message);
        Assert.Throws<ArgumentException>(() => SafeTensors.Write(path, [new NamedArray("i", SafeTensorsDType.I64, [1], [1.0])]));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_dir));
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "shorter than 8 bytes", [1, 0, 0], "fewer than the 8-byte header length" },
        { "header length past the end", HandBuilt("{}")[..6].Concat(new byte[] { 0, 0 }).ToArray(), "header length" },
        { "not JSON", HandBuilt("{\"a\":"), "not valid JSON" },
        { "not an object", HandBuilt("{\"a\":[1]}"), "tensor 'a': its header entry is not an object" },
        { "unknown dtype", HandBuilt("{\"w\":{\"dtype\":\"F33\",\"shape\":[1],\"data_offsets\":[0,4]}}", F32(1)), "tensor 'w': unknown dtype \"F33\"" },
        { "missing dtype", HandBuilt("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", F32(1)), "tensor 'w': no 'dtype'" },
        { "missing shape", HandBuilt("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", F32(1)), "tensor 'w': no 'shape'" },
        { "missing offsets", HandBuilt("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", F32(1)), "tensor 'w': no 'data_offsets'" },
        { "negative dimension", HandBuilt("{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", F32(1)), "tensor 'w': shape entry -1" },
        { "fractional dimension", HandBuilt("{\"w\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", F32(1)), "tensor 'w': shape entry 1.5" },
        { "size mismatch", HandBuilt("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", new byte[20]), "tensor 'w': shape [2, 3] of F32 needs 24 bytes, data_offsets [0, 20] give 20" },
        { "dtype size mismatch", HandBuilt("{\"w\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,4]}}", F32(1)), "tensor 'w': shape [1] of F64 needs 8 bytes" },
        { "offsets reversed", HandBuilt("{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[4,0]}}", F32(1)), "tensor 'w': data_offsets [4, 0] end before they begin" },
        { "three offsets", HandBuilt("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}", F32(1)), "tensor 'w': 'data_offsets' must be [begin, end]" },
        { "past the end", HandBuilt("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", F32(1)), "tensor 'w': data_offsets [0, 8] run past the end of the data (4 bytes)" },
        { "overlap", HandBuilt("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", F32(1, 2, 3)), "tensors 'a' [0, 8] and 'b' [4, 12] overlap" },
        { "hole", HandBuilt("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", F32(1, 2, 3)), "bytes [4, 8) of the data before tensor 'b' belong to no tensor" },
        { "trailing bytes", HandBuilt("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", F32(1, 2)), "bytes [4, 8) of the data after tensor 'a' belong to no tensor" },
        { "duplicate name", HandBuilt("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", F32(1, 2)), "'a' appears twice" },
        { "metadata not strings", HandBuilt("{\"__metadata__\":{\"k\":1}}"), "'__metadata__' entry 'k' is not a string" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void RefusesABadFileNamingTheProblem(string what, byte[] file, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => SafeTensors.Parse(file));
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{what}: message was \"{e.Message}\"");
    }

    [Fact]
    public void ReadNamesTheFileInItsRefusal()
    {
        string path = Path.Combine(_dir, "bad.safetensors");
        Directory.CreateDirectory(_dir);
        File.WriteAllBytes(path, HandBuilt("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", F32(1)));
        var e = Assert.Throws<InvalidDataException>(() => SafeTensors.Read(path));
        Assert.StartsWith(path + ": tensor 'w'", e.Message);
        Assert.Throws<FileNotFoundException>(() => SafeTensors.Read(Path.Combine(_dir, "missing.safetensors")));
    }
}
