namespace Verify.Networks.Tensors;

/// <summary>Shape arithmetic for rank ≤ 2 tensors and numpy-style broadcasting (a vector [n] acts as a row 1×n).</summary>
internal static class ShapeOps
{
    public static readonly int[] ScalarShape = [];

    public static int Count(int[] shape)
    {
        if (shape.Length > 2) throw new ArgumentException($"tensors have rank 0, 1 or 2; got shape [{string.Join(", ", shape)}]", nameof(shape));
        int n = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"shape [{string.Join(", ", shape)}] has a negative dimension", nameof(shape));
            n = checked(n * d);
        }
        return n;
    }

    public static (int Rows, int Cols) As2D(int[] shape) => shape.Length switch
    {
        0 => (1, 1),
        1 => (1, shape[0]),
        _ => (shape[0], shape[1]),
    };

    public static string Show(IReadOnlyList<int> shape) => "[" + string.Join(", ", shape) + "]";

    public static bool Same(int[] a, int[] b) => a.AsSpan().SequenceEqual(b);

    /// <summary>The broadcast shape of a and b (numpy rules, trailing dimensions aligned).</summary>
    public static int[] Broadcast(int[] a, int[] b, string op)
    {
        if (Same(a, b)) return a;
        int rank = Math.Max(a.Length, b.Length);
        var r = new int[rank];
        for (int k = 0; k < rank; k++)
        {
            int da = k < rank - a.Length ? 1 : a[k - (rank - a.Length)];
            int db = k < rank - b.Length ? 1 : b[k - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"{op}: shapes {Show(a)} and {Show(b)} do not broadcast");
            r[k] = da == 1 ? db : da;
        }
        return r;
    }

    /// <summary>True when <paramref name="small"/> broadcasts to <paramref name="big"/>.</summary>
    public static bool BroadcastsTo(int[] small, int[] big)
    {
        if (small.Length > big.Length) return false;
        for (int k = 0; k < small.Length; k++)
        {
            int ds = small[small.Length - 1 - k], db = big[big.Length - 1 - k];
            if (ds != db && ds != 1) return false;
        }
        return true;
    }

    /// <summary>2-D strides (row, col) of a tensor viewed inside a broadcast 2-D result (0 along broadcast dims).</summary>
    public static (int RowStride, int ColStride) Strides(int[] shape, int outRows, int outCols)
    {
        var (r, c) = As2D(shape);
        int cs = c == 1 && outCols != 1 ? 0 : 1;
        int rs = r == 1 && outRows != 1 ? 0 : c;
        return (rs, cs);
    }
}
