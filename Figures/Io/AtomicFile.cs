namespace Verify.Figures.Io;

/// <summary>Writes files to a temporary name beside the target and renames, so an interrupted run leaves no half-written file.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<TextWriter> write) =>
        Commit(path, tmp =>
        {
            using var w = new StreamWriter(tmp, false, new System.Text.UTF8Encoding(false));
            write(w);
        });

    public static void WriteBytes(string path, ReadOnlySpan<byte> bytes)
    {
        byte[] copy = bytes.ToArray();
        Commit(path, tmp =>
        {
            using var f = File.Create(tmp);
            f.Write(copy);
        });
    }

    // Creates the folder, lets `fill` write the temporary file beside the target, then renames it over the target;
    // the temporary file never outlives a failure.
    private static void Commit(string path, Action<string> fill)
    {
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        string tmp = full + ".tmp-" + Environment.ProcessId;
        try
        {
            fill(tmp);
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
