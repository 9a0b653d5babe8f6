namespace Verify.Networks.Native;

/// <summary>
/// How the engine's non-GEMM work (element-wise ops, Im2Col/Col2Im, permutes) is spread over the cores. Work is cut at
/// boundaries that depend on the sizes only, never on the number of threads, and no value is summed across pieces, so
/// results are bit-identical for any <see cref="Threads"/>. Small work stays on the calling thread: below
/// <see cref="ElementwiseThreshold"/> elements (element-wise) or <see cref="WorkThreshold"/> element-visits (loops over
/// images) the cost of waking a second thread exceeds the gain (measured by `verify-bench elementwise`).
/// </summary>
public static class Parallelism
{
    private static int threads = Environment.ProcessorCount;

    /// <summary>Number of threads used (default: all cores); 1 turns the engine's own parallel loops off.</summary>
    public static int Threads
    {
        get => threads;
        set
        {
            if (value < 1) throw new ArgumentException("Threads must be at least 1", nameof(value));
            threads = value;
        }
    }

    /// <summary>Element-wise ops on fewer elements than this run on the calling thread.</summary>
    public static int ElementwiseThreshold { get; set; } = 1 << 17;

    /// <summary>Piece length of parallel element-wise ops (a multiple of every vector width).</summary>
    public const int Chunk = 1 << 13;

    /// <summary>Loops over images with fewer element-visits than this run on the calling thread.</summary>
    public const long WorkThreshold = 1 << 16;

    /// <summary>body(i) for i in [0, count), in parallel when <paramref name="work"/> ≥ <see cref="WorkThreshold"/>.</summary>
    public static void For(int count, long work, Action<int> body)
    {
        if (threads <= 1 || count <= 1 || work < WorkThreshold)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }

    /// <summary>
    /// body(state, start, length) over [0, length): one call on the calling thread below <see cref="ElementwiseThreshold"/>,
    /// otherwise pieces of whole <see cref="Chunk"/>s spread over the threads (a static lambda with a state tuple allocates
    /// nothing per call).
    /// </summary>
    public static void Elementwise<TState>(int length, TState state, Action<TState, int, int> body)
    {
        if (threads <= 1 || length < ElementwiseThreshold || length <= Chunk)
        {
            body(state, 0, length);
            return;
        }
        int pieces = (length + Chunk - 1) / Chunk;
        int parts = Math.Min(threads, pieces);
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, t =>
        {
            int lo = (int)((long)pieces * t / parts) * Chunk, hi = Math.Min(length, (int)((long)pieces * (t + 1) / parts) * Chunk);
            if (hi > lo) body(state, lo, hi - lo);
        });
    }

    /// <summary>
    /// body(start, length) over [0, length) in pieces of <see cref="Chunk"/> elements (the last one shorter), in parallel
    /// when length ≥ <see cref="ElementwiseThreshold"/>; one call over everything otherwise.
    /// </summary>
    public static void Elementwise(int length, Action<int, int> body)
    {
        if (threads <= 1 || length < ElementwiseThreshold || length <= Chunk)
        {
            body(0, length);
            return;
        }
        int pieces = (length + Chunk - 1) / Chunk;
        int parts = Math.Min(threads, pieces);
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, t =>
        {
            // Contiguous runs of whole chunks per thread: the boundaries inside are still multiples of Chunk.
            int lo = (int)((long)pieces * t / parts) * Chunk, hi = Math.Min(length, (int)((long)pieces * (t + 1) / parts) * Chunk);
            if (hi > lo) body(lo, hi - lo);
        });
    }
}
