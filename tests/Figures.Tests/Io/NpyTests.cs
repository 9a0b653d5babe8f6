using System.Globalization;
using System.Text;
using Verify.Figures.Io;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class NpyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-npy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    /// <summary>A .npy file built byte by byte from the format's specification (version 1.0 unless given).</summary>
    private static byte[] Build(string dict, byte[] data, int major = 1)
    {
        var header = Encoding.ASCII.GetBytes(dict + "\n");
        var s = new MemoryStream();
        s.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0]);
        if (major == 1) s.Write(BitConverter.GetBytes((ushort)header.Length));
        else s.Write(BitConverter.GetBytes((uint)header.Length));
        s.Write(header);
        s.Write(data);
        return s.ToArray();
    }

    private static byte[] Doubles(params double[] v) => v.SelectMany(BitConverter.GetBytes).ToArray();

    private SampleFile ReadBytes(string name, byte[] bytes)
    {
        string path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return SampleFiles.Read(path);
    }

    [Fact]
    public void ReadsTheSpecificationsLayoutInEveryVersion()
    {
        byte[] data = Doubles(1, 2, 3, 4, 5, 6);
        foreach (int major in new[] { 1, 2, 3 })
        {
            SampleFile f = ReadBytes($"v{major}.npy", Build("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", data, major));
            Assert.Equal(new[] { 1.0, 2, 3, 4, 5, 6 }, f.Distribution.Points.ToArray());
            Assert.Equal(2, f.Distribution.Dimension);
            Assert.False(f.NamedColumns);
            Assert.Equal(new[] { "0", "1" }, f.Columns);
        }
        // Fortran order: the same 3×2 array stored column by column
        SampleFile fo = ReadBytes("f.npy", Build("{'descr': '<f8', 'fortran_order': True, 'shape': (3, 2), }", Doubles(1, 3, 5, 2, 4, 6)));
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5, 6 }, fo.Distribution.Points.ToArray());
        // (n,) is n points on the line; big-endian, float32 and int64 convert exactly
        SampleFile line = ReadBytes("line.npy", Build("{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }",
            BitConverter.GetBytes(0.1).Reverse().Concat(BitConverter.GetBytes(-2.5).Reverse()).ToArray()));
        Assert.Equal(new[] { 0.1, -2.5 }, line.Distribution.Points.ToArray());
        Assert.Equal(1, line.Distribution.Dimension);
        SampleFile f4 = ReadBytes("f4.npy", Build("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
            BitConverter.GetBytes(0.1f).Concat(BitConverter.GetBytes(3f)).ToArray()));
        Assert.Equal(new[] { (double)0.1f, 3.0 }, f4.Distribution.Points.ToArray());
        SampleFile i8 = ReadBytes("i8.npy", Build("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }",
            BitConverter.GetBytes(-7L).Concat(BitConverter.GetBytes(1L << 53)).ToArray()));
        Assert.Equal(new[] { -7.0, 9007199254740992.0 }, i8.Distribution.Points.ToArray());
    }

    [Theory]
    [InlineData("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", 8, "dtype '|O' is not numeric (an object array, a pickle, is never loaded)")]
    [InlineData("{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,), }", 8, "a structured dtype (record array) is not supported")]
    [InlineData("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", 16, "dtype '<c16' is not numeric")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", 40, "shape (3, 2) of '<f8' needs 48 bytes of data, the file holds 40")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 8, "shape (); a sample is (n,) for points on a line or (n, d)")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }", 8, "shape (1, 1, 1); a sample is (n,)")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 2), }", 0, "shape (0, 2) holds no points")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3 }", 48, "the .npy header is not a dict literal")]
    [InlineData("{'descr': '<f8', 'fortran_order': False}", 8, "the .npy header has no valid 'shape'")]
    public void BadArraysAreOneLineNamingTheFile(string dict, int dataBytes, string expected)
    {
        string path = PathOf("bad.npy");
        File.WriteAllBytes(path, Build(dict, new byte[dataBytes]));
        var e = Assert.Throws<UsageException>(() => SampleFiles.Read(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void NonFiniteValuesAndInexactIntegersAreRefusedWithTheirPlace()
    {
        string path = PathOf("nan.npy");
        File.WriteAllBytes(path, Build("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", Doubles(0, 1, 2, double.NaN)));
        Assert.Equal($"{path}: row 2, column 2: NaN is not finite", Assert.Throws<UsageException>(() => SampleFiles.Read(path)).Message);
        File.WriteAllBytes(path, Build("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", BitConverter.GetBytes((1L << 53) + 1)));
        Assert.Contains("is not exactly representable as a double", Assert.Throws<UsageException>(() => SampleFiles.Read(path)).Message);
        File.WriteAllBytes(path, [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 4, 0, 0, 0]);
        Assert.Equal($"{path}: .npy format version 4.0 is not supported (1.0, 2.0, 3.0 are)", Assert.Throws<UsageException>(() => SampleFiles.Read(path)).Message);
    }

    [Fact]
    public void WritesAHeaderPaddedTo64BytesThatReadsBack()
    {
        var s = new MemoryStream();
        double[] v = [Math.PI, -0.0, double.Epsilon, 1e308];
        Npy.Write(s, v, 2, 2);
        byte[] bytes = s.ToArray();
        NpyHeader h = Npy.ReadHeader("mem", bytes);
        Assert.Equal(0, h.DataOffset % 64);
        Assert.Equal("<f8", h.Descr);
        Assert.Equal(new long[] { 2, 2 }, h.Shape);
        Assert.Equal(bytes.Length, h.DataOffset + 32);
        Assert.Equal(v, Npy.ReadDoubles("mem", h, bytes));
        Assert.StartsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", Encoding.ASCII.GetString(bytes, 10, h.DataOffset - 10));
        var names = new MemoryStream();
        Npy.WriteStrings(names, ["x", "yy", "λ"]);
        byte[] nb = names.ToArray();
        Assert.Equal(new[] { "x", "yy", "λ" }, Npy.ReadStrings("mem", Npy.ReadHeader("mem", nb), nb));
    }

    [NumPyFact]
    public void NumPyAndWeReadEachOthersFiles()
    {
        // NumPy writes every dtype, order and version we read; we write '<f8' that np.load reads back bit for bit.
        string output = Repo.Python("""
            import sys, numpy as np
            from numpy.lib import format as fmt
            d = sys.argv[1]
            rng = np.random.default_rng(11)
            a = rng.normal(size=(7, 3)) * 1e-3
            np.save(d + "/c.npy", a)
            np.save(d + "/f.npy", np.asfortranarray(a))
            np.save(d + "/be.npy", a.astype(">f8"))
            np.save(d + "/f4.npy", a.astype("<f4"))
            np.save(d + "/i8.npy", (a * 1e6).astype("<i8"))
            np.save(d + "/line.npy", a[:, 0])
            with open(d + "/v2.npy", "wb") as h:
                fmt.write_array(h, a, version=(2, 0))
            with open(d + "/v3.npy", "wb") as h:
                fmt.write_array(h, a, version=(3, 0))
            print(" ".join(repr(v) for v in a.ravel().tolist()))
            print(" ".join(repr(float(v)) for v in a.astype("<f4").ravel().tolist()))
            print(" ".join(repr(float(v)) for v in (a * 1e6).astype("<i8").ravel().tolist()))
            """, _dir);
        double[][] rows = output.Trim().Split('\n').Select(l => l.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        foreach (string name in new[] { "c", "f", "be", "v2", "v3" })
            Assert.Equal(rows[0], SampleFiles.Read(PathOf(name + ".npy")).Distribution.Points.ToArray());
        Assert.Equal(rows[1], SampleFiles.Read(PathOf("f4.npy")).Distribution.Points.ToArray());
        Assert.Equal(rows[2], SampleFiles.Read(PathOf("i8.npy")).Distribution.Points.ToArray());
        SampleFile line = SampleFiles.Read(PathOf("line.npy"));
        Assert.Equal(1, line.Distribution.Dimension);
        Assert.Equal(rows[0].Where((_, k) => k % 3 == 0).ToArray(), line.Distribution.Points.ToArray());

        string ours = PathOf("ours.npy");
        using (var s = File.Create(ours)) Npy.Write(s, rows[0], 7, 3);
        string back = Repo.Python("""
            import sys, numpy as np
            a = np.load(sys.argv[1], allow_pickle=False)
            print(a.dtype.str, a.shape, a.flags["C_CONTIGUOUS"])
            print(" ".join(repr(v) for v in a.ravel().tolist()))
            """, ours);
        string[] lines = back.Trim().Split('\n');
        Assert.Equal("<f8 (7, 3) True", lines[0]);
        Assert.Equal(rows[0], lines[1].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    }
}
