using System.Text.Json;
using Verify.Toys.Images;
using Verify.Toys.Tests.Support;
using Xunit;

namespace Verify.Toys.Tests.Images;

public sealed class MnistTests
{
    private static readonly Lazy<MnistSet> Set = new(() => Mnist.Load(TestData.MnistDirectory()));

    [Fact]
    public void ReadsTheTenThousandShippedDigits()
    {
        MnistSet set = Set.Value;
        Assert.Equal(10_000, set.Count);
        Assert.Equal(10_000 * 784, set.AllPixels.Length);
        Assert.Equal(784, set.Image(9_999).Length);
        Assert.False(set.IsSymmetric);
    }

    [Fact]
    public void ClassCountsMatchAnIndependentCountOfTheJsonFiles()
    {
        // Independent route: System.Text.Json's DOM, length of "data" / 784, per file.
        string dir = TestData.MnistDirectory();
        var expected = new int[10];
        for (int d = 0; d < 10; d++)
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, $"{d}.json")));
            int len = doc.RootElement.GetProperty("data").GetArrayLength();
            Assert.Equal(0, len % 784);
            expected[d] = len / 784;
        }
        Assert.Equal(10_000, expected.Sum());
        Assert.Equal(expected, Set.Value.ClassCounts());
        // Labels come class by class in file order and cover 0–9.
        Assert.Equal(0, Set.Value.Label(0));
        Assert.Equal(9, Set.Value.Label(9_999));
        Assert.Equal(Enumerable.Range(0, 10), Set.Value.Labels.ToArray().Distinct().Order());
    }

    [Fact]
    public void PixelsAreInTheUnitIntervalRoundedToThreeDecimalsAndNotTrivial()
    {
        ReadOnlySpan<double> p = Set.Value.AllPixels;
        double min = double.MaxValue, max = double.MinValue, sum = 0;
        foreach (double v in p)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
            Assert.True(Math.Abs(v * 1000 - Math.Round(v * 1000)) < 1e-6, $"pixel {v} is not rounded to 3 decimals");
        }
        Assert.Equal(0.0, min);
        Assert.Equal(1.0, max);
        // MNIST digits are mostly background: the mean grey level is about 0.13.
        Assert.InRange(sum / p.Length, 0.10, 0.16);
        // The first image matches the first values of 0.json (an independent read).
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestData.MnistDirectory(), "0.json")));
        double[] first = doc.RootElement.GetProperty("data").EnumerateArray().Take(784).Select(e => e.GetDouble()).ToArray();
        Assert.Equal(first, Set.Value.Image(0).ToArray());
    }

    [Fact]
    public void SymmetricScalingMapsToMinusOneOne()
    {
        MnistSet s = Mnist.Load(TestData.MnistDirectory(), symmetric: true);
        Assert.True(s.IsSymmetric);
        ReadOnlySpan<double> a = Set.Value.AllPixels, b = s.AllPixels;
        double min = double.MaxValue, max = double.MinValue;
        for (int k = 0; k < a.Length; k++)
        {
            Assert.Equal(2 * a[k] - 1, b[k]);
            min = Math.Min(min, b[k]);
            max = Math.Max(max, b[k]);
        }
        Assert.Equal(-1.0, min);
        Assert.Equal(1.0, max);
    }

    [Fact]
    public void AMissingFileNamesItAndTheInstallCommand()
    {
        string dir = CopyOfData(upTo: 6);   // 0.json … 6.json: the loader reads in order and stops at 7.json
        var e = Assert.Throws<FileNotFoundException>(() => Mnist.Load(dir));
        Assert.Contains("7.json is missing", e.Message);
        Assert.Contains("bash scripts/setup", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        var d = Assert.Throws<DirectoryNotFoundException>(() => Mnist.Load(Path.Combine(dir, "nowhere")));
        Assert.Contains("bash scripts/setup", d.Message);
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData("{\"data\": [0, 0.5", "invalid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{\"pixels\": []}", "no \"data\" array")]
    [InlineData("{\"data\": [0, 1.5]}", "outside [0, 1]")]
    [InlineData("{\"data\": [0, \"x\"]}", "is not a number")]
    [InlineData("{\"data\": [0, 0.5, 1]}", "not a positive multiple of 784")]
    public void ACorruptFileNamesItTheProblemAndTheFix(string content, string problem)
    {
        string dir = CopyOfData(upTo: 2);
        File.WriteAllText(Path.Combine(dir, "3.json"), content);
        var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(dir));
        Assert.Contains("3.json", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.Contains("bash scripts/setup", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void FindDirectoryPrefersVerifyDataThenWalksUp()
    {
        string data = Path.GetDirectoryName(TestData.MnistDirectory())!;
        Assert.Equal(Path.Combine(data, "mnist"), Mnist.FindDirectory(data, ["/"]));
        var e = Assert.Throws<DirectoryNotFoundException>(() => Mnist.FindDirectory(Path.Combine(data, "no-such-folder"), ["/"]));
        Assert.Contains("VERIFY_DATA=", e.Message);
        Assert.Contains("bash scripts/setup", e.Message);
        string nested = Path.Combine(Path.GetDirectoryName(data)!, "a", "b");
        Assert.Equal(Path.Combine(Path.GetDirectoryName(data)!, "data", "mnist"), Mnist.FindDirectory(null, [nested]));
        string empty = TestData.TempDirectory();
        var n = Assert.Throws<DirectoryNotFoundException>(() => Mnist.FindDirectory(null, [empty]));
        Assert.Contains("no data/mnist folder above", n.Message);
        Directory.Delete(empty);
    }

    // A temporary folder with the class files 0.json … upTo.json.
    private static string CopyOfData(int upTo)
    {
        string dir = TestData.TempDirectory();
        for (int d = 0; d <= upTo; d++)
            File.Copy(Path.Combine(TestData.MnistDirectory(), $"{d}.json"), Path.Combine(dir, $"{d}.json"));
        return dir;
    }
}
