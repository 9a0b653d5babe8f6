using System.Runtime.InteropServices;

namespace Verify.Figures.Tests;

/// <summary>The POSIX calls tests need that .NET does not offer: mkfifo(3) and kill(2).</summary>
internal static partial class Posix
{
    public const int SigInt = 2, SigKill = 9, SigTerm = 15;

    /// <summary>Creates a FIFO at <paramref name="path"/> (mode 0600).</summary>
    public static void MakeFifo(string path)
    {
        if (MkFifo(path, 0x180) != 0) throw new IOException($"mkfifo {path} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Sends <paramref name="signal"/> to process <paramref name="pid"/>.</summary>
    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0) throw new IOException($"kill {pid} {signal} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MkFifo(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
