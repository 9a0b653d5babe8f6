using System.Globalization;

namespace Verify.Figures.Io;

/// <summary>
/// The temporary files this process is writing (<c>TARGET.tmp-PID</c>, see <see cref="AtomicFile"/>): registered while
/// they exist, so that an interruption that cannot wait for the writer (<see cref="Interruption"/>, a second signal or the
/// grace period running out) and the process's exit delete them. Files left by a process that was killed outright
/// (SIGKILL, power loss) are swept by the next write to the same target (<see cref="SweepStale"/>).
/// </summary>
public static class TempFiles
{
    private static readonly HashSet<string> s_live = [];
    private static readonly object s_lock = new();
    private static bool s_closed;

    static TempFiles() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();

    /// <summary>The temporary name beside <paramref name="target"/> (a full path): <c>TARGET.tmp-PID</c>.</summary>
    public static string NameFor(string target) => target + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Registers <paramref name="path"/> before it is created. Throws <see cref="OperationCanceledException"/> once the
    /// process is being stopped (after <see cref="DeleteAll"/>), so no temporary file appears after the clean-up.
    /// </summary>
    public static void Add(string path)
    {
        lock (s_lock)
        {
            if (s_closed) throw new OperationCanceledException("the process is stopping; no new temporary file");
            s_live.Add(path);
        }
    }

    /// <summary>Forgets <paramref name="path"/> (renamed over its target, or deleted by its writer).</summary>
    public static void Remove(string path)
    {
        lock (s_lock) s_live.Remove(path);
    }

    /// <summary>The temporary files registered now.</summary>
    public static IReadOnlyList<string> Live
    {
        get { lock (s_lock) return s_live.ToArray(); }
    }

    /// <summary>Deletes every registered temporary file and refuses new ones: the process is about to stop.</summary>
    public static void DeleteAll()
    {
        lock (s_lock)
        {
            s_closed = true;
            foreach (string path in s_live)
            {
                try { File.Delete(path); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
            s_live.Clear();
        }
    }

    /// <summary>
    /// Deletes <c>TARGET.tmp-PID</c> files beside <paramref name="target"/> (a full path) whose process is gone: what a
    /// killed run left behind. A file whose PID is alive (another run writing the same target now) is kept.
    /// </summary>
    public static void SweepStale(string target)
    {
        string? dir = Path.GetDirectoryName(target);
        if (string.IsNullOrEmpty(dir) || !Directory.Exists(dir)) return;
        string prefix = Path.GetFileName(target) + ".tmp-";
        IEnumerable<string> candidates;
        try { candidates = Directory.EnumerateFiles(dir, prefix + "*").ToArray(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        foreach (string file in candidates)
        {
            string pidText = Path.GetFileName(file)[prefix.Length..];
            if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId) continue;
            if (IsAlive(pid)) continue;
            try { File.Delete(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux()) return Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
