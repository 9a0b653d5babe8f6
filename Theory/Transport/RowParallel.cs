namespace Verify.Theory;

/// <summary>
/// Row loops over a cost matrix: sequential below a few million entries (thread start-up then costs more than it
/// saves, and more so on a loaded machine), otherwise one contiguous range of rows per core.
/// </summary>
internal static class RowParallel
{
    internal const long Threshold = 4_000_000;

    public static void For(int rows, long entries, Action<int> row)
    {
        int parts = Environment.ProcessorCount;
        if (entries < Threshold || parts < 2 || rows < 2)
        {
            for (int i = 0; i < rows; i++) row(i);
            return;
        }
        parts = Math.Min(parts, rows);
        Parallel.For(0, parts, p =>
        {
            int i0 = (int)((long)rows * p / parts), i1 = (int)((long)rows * (p + 1) / parts);
            for (int i = i0; i < i1; i++) row(i);
        });
    }
}
