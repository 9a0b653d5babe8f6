using System.Globalization;
using System.IO.Compression;
using Verify.Figures.Io;
using Xunit;

namespace Verify.Figures.Tests.Io;

public sealed class NpzTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verify-npz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static Action<Stream> Array(double[] v, params long[] shape) => s => Npy.Write(s, v, shape);

    private string Zip(string name, params (string, Action<Stream>)[] arrays)
    {
        string path = PathOf(name);
        using (var f = File.Create(path)) Npz.Write(f, arrays);
        return path;
    }

    [Fact]
    public void PointsWeightsAndColumnsByName()
    {
        string path = Zip("s.npz", ("weights", Array([1, 3], 2)), ("points", Array([0, 1, 2, 3], 2, 2)), ("columns", s => Npy.WriteStrings(s, ["u", "v"])));
        SampleFile f = SampleFiles.Read(path);
        Assert.Equal(new[] { 0.0, 1, 2, 3 }, f.Distribution.Points.ToArray());
        Assert.Equal(new[] { 1.0, 3 }, f.Distribution.Weights.ToArray());
        Assert.True(f.HasWeights);
        Assert.True(f.NamedColumns);
        Assert.Equal(new[] { "u", "v" }, f.Columns);
        // stored entries with fixed times: the same arrays give the same bytes
        string again = Zip("t.npz", ("weights", Array([1, 3], 2)), ("points", Array([0, 1, 2, 3], 2, 2)), ("columns", s => Npy.WriteStrings(s, ["u", "v"])));
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
        using var zip = ZipFile.OpenRead(path);
        Assert.All(zip.Entries, e => Assert.Equal(e.Length, e.CompressedLength));
    }

    [Fact]
    public void ASingleArrayNeedNotBeCalledPoints()
    {
        SampleFile f = SampleFiles.Read(Zip("one.npz", ("arr_0", Array([5, 6, 7], 3))));
        Assert.Equal(new[] { 5.0, 6, 7 }, f.Distribution.Points.ToArray());
        Assert.False(f.NamedColumns);
    }

    [Fact]
    public void BadArchivesAreOneLineNamingTheFileAndTheArray()
    {
        string two = Zip("two.npz", ("a", Array([1], 1)), ("b", Array([2], 1)));
        Assert.Equal($"{two}: no array named 'points' among a, b; save the sample as np.savez(f, points=X) (optional: weights=w, columns=names)",
            Assert.Throws<UsageException>(() => SampleFiles.Read(two)).Message);
        string negative = Zip("neg.npz", ("points", Array([1, 2], 2)), ("weights", Array([1, -1], 2)));
        Assert.Equal($"{negative}, array 'weights': element 1: negative weight -1", Assert.Throws<UsageException>(() => SampleFiles.Read(negative)).Message);
        string count = Zip("count.npz", ("points", Array([1, 2], 2)), ("weights", Array([1], 1)));
        Assert.Equal($"{count}, array 'weights': 1 weights for 2 points", Assert.Throws<UsageException>(() => SampleFiles.Read(count)).Message);
        string names = Zip("names.npz", ("points", Array([1, 2], 2)), ("columns", s => Npy.WriteStrings(s, ["x", "y"])));
        Assert.Equal($"{names}, array 'columns': 2 names for 1 columns", Assert.Throws<UsageException>(() => SampleFiles.Read(names)).Message);
        string broken = PathOf("broken.npz");
        File.WriteAllBytes(broken, [(byte)'P', (byte)'K', 3, 4, 0, 0]);
        Assert.StartsWith($"{broken}: not a readable .npz (zip) archive", Assert.Throws<UsageException>(() => SampleFiles.Read(broken)).Message);
    }

    [NumPyFact]
    public void NumPyAndWeReadEachOthersArchives()
    {
        // np.savez (stored) and np.savez_compressed (deflated), with weights and names; then np.load of ours.
        string output = Repo.Python("""
            import sys, numpy as np
            d = sys.argv[1]
            rng = np.random.default_rng(2)
            x = rng.normal(size=(40, 2))
            w = rng.uniform(size=40)
            np.savez(d + "/stored.npz", points=x, weights=w, columns=np.array(["x", "y"]))
            np.savez_compressed(d + "/deflated.npz", points=x, weights=w, columns=np.array(["x", "y"]))
            print(" ".join(repr(v) for v in x.ravel().tolist()))
            print(" ".join(repr(v) for v in w.tolist()))
            """, _dir);
        double[][] rows = output.Trim().Split('\n').Select(l => l.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        foreach (string name in new[] { "stored.npz", "deflated.npz" })
        {
            SampleFile f = SampleFiles.Read(PathOf(name));
            Assert.Equal(rows[0], f.Distribution.Points.ToArray());
            Assert.Equal(rows[1], f.Distribution.Weights.ToArray());
            Assert.Equal(new[] { "x", "y" }, f.Columns);
        }
        string ours = PathOf("ours.npz");
        SampleFiles.Write(ours, TextWriter.Null, ["x", "y"], rows[0], rows[1], new Provenance("test"));
        string back = Repo.Python("""
            import sys, numpy as np
            z = np.load(sys.argv[1], allow_pickle=False)
            print(" ".join(sorted(z.files)), z["points"].shape, " ".join(z["columns"].tolist()))
            print(" ".join(repr(v) for v in z["points"].ravel().tolist()))
            print(" ".join(repr(v) for v in z["weights"].tolist()))
            """, ours);
        string[] lines = back.Trim().Split('\n');
        Assert.Equal("columns points weights (40, 2) x y", lines[0]);
        Assert.Equal(rows[0], lines[1].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        Assert.Equal(rows[1], lines[2].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    }
}
