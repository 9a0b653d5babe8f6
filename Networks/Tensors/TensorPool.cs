using System.Numerics;

namespace Verify.Networks.Tensors;

/// <summary>
/// Reuse of the large buffers a backward pass allocates and drops (per thread, per element type).
/// While a backward pass runs without building a graph, every buffer it allocates is logged; when it ends, the buffers
/// that do not back any gradient it hands out (a leaf's .Grad, a requested gradient) cannot be reached by anyone and
/// go back to a free list that later allocations of the same length draw from. Unrecorded ops may also hand back their own
/// temporaries (<see cref="Return"/>, e.g. a convolution's Im2Col matrix). Nothing else is pooled, so a
/// tensor the caller can still see never shares storage with a new one. Only buffers of ≥ 4096 elements are pooled (small ones are
/// cheap for the GC); the free list keeps at most 256 MiB per thread and type (a DCGAN generator step alone logs 130 MB).
/// </summary>
internal static class TensorPool<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int MinLength = 4096;
    private static readonly long MaxElements = (256L << 20) / System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    [ThreadStatic] private static Dictionary<int, Stack<T[]>>? free;
    [ThreadStatic] private static List<T[]>? log;
    [ThreadStatic] private static long freeElements;

    /// <summary>An uninitialised buffer of exactly <paramref name="length"/> elements (recycled when possible).</summary>
    public static T[] Rent(int length)
    {
        if (length < MinLength) return GC.AllocateUninitializedArray<T>(length);
        T[] a;
        if (free is not null && free.TryGetValue(length, out var stack) && stack.Count > 0)
        {
            a = stack.Pop();
            freeElements -= length;
        }
        else a = GC.AllocateUninitializedArray<T>(length);
        log?.Add(a);
        return a;
    }

    /// <summary>
    /// Hands back a buffer its caller alone holds (a temporary inside an op, e.g. a convolution's Im2Col matrix) for later
    /// allocations of its length. While a backward pass logs allocations the buffer is taken off the log first, so it is
    /// never recycled twice.
    /// </summary>
    public static void Return(T[] buffer)
    {
        if (buffer.Length < MinLength || freeElements + buffer.Length > MaxElements) return;
        if (log is not null)
        {
            int i = log.Count - 1;
            while (i >= 0 && !ReferenceEquals(log[i], buffer)) i--;
            if (i >= 0) log.RemoveAt(i);
        }
        free ??= [];
        if (!free.TryGetValue(buffer.Length, out var stack)) free[buffer.Length] = stack = new Stack<T[]>();
        stack.Push(buffer);
        freeElements += buffer.Length;
    }

    /// <summary>Starts logging allocations; false (and no logging) when a log is already open on this thread.</summary>
    public static bool BeginLog()
    {
        if (log is not null) return false;
        log = [];
        return true;
    }

    /// <summary>Stops logging without recycling anything (e.g. after an exception).</summary>
    public static void AbandonLog() => log = null;

    /// <summary>Stops logging and recycles every logged buffer not in <paramref name="escaping"/>.</summary>
    public static void EndLog(IEnumerable<T[]> escaping)
    {
        var created = log;
        log = null;
        if (created is null || created.Count == 0) return;
        var keep = new HashSet<T[]>(escaping, ReferenceEqualityComparer.Instance as IEqualityComparer<T[]>);
        free ??= [];
        foreach (var a in created)
        {
            if (keep.Contains(a) || freeElements + a.Length > MaxElements) continue;
            if (!free.TryGetValue(a.Length, out var stack)) free[a.Length] = stack = new Stack<T[]>();
            stack.Push(a);
            freeElements += a.Length;
        }
    }
}
