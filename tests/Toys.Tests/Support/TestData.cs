namespace Verify.Toys.Tests.Support;

/// <summary>Where the MNIST files are: $VERIFY_DATA/mnist (set by scripts/test), else data/mnist above the test directory.</summary>
internal static class TestData
{
    public static string MnistDirectory()
    {
        string? env = Environment.GetEnvironmentVariable("VERIFY_DATA");
        if (!string.IsNullOrWhiteSpace(env)) return Path.Combine(env, "mnist");
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "data", "mnist");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("data/mnist not found above the test directory; run `bash scripts/setup`");
    }

    /// <summary>A fresh empty temporary directory.</summary>
    public static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "verify-toys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
