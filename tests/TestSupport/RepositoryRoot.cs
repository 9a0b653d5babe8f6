namespace Verify.TestSupport;

/// <summary>
/// The folder holding Verify.sln, found by walking up from the test binaries. Tests locate their fixtures through it,
/// never through [CallerFilePath]: a deterministic CI build maps source paths to /_/, which exists nowhere on disk.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The absolute path of the repository's root folder.</summary>
    public static string Path { get; } = Find();

    /// <summary>A path inside the repository, from its parts relative to the root.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Verify.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Verify.sln not found above " + AppContext.BaseDirectory);
    }
}
