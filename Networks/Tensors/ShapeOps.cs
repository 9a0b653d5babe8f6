namespace Verify.Networks.Tensors;

/// <summary>
/// Shape arithmetic and numpy-style broadcasting for tensors of rank 0 … <see cref="MaxRank"/>. A vector [n] acts as a
/// row 1×n in the 2-D view; a tensor of rank ≥ 3 has the 2-D view [shape[0], shape[1]·…·shape[^1]] (rows are samples).
/// </summary>
internal static class ShapeOps
{
    /// <summary>The largest rank a tensor may have.</summary>
    public const int MaxRank = 8;

    public static readonly int[] ScalarShape = [];

    public static int Count(int[] shape)
    {
        if (shape.Length > MaxRank) throw new ArgumentException($"tensors have rank 0 … {MaxRank}; got shape [{string.Join(", ", shape)}]", nameof(shape));
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
        2 => (shape[0], shape[1]),
        _ => (shape[0], Product(shape, 1, shape.Length)),
    };

    /// <summary>shape[from] · … · shape[to − 1] (1 for an empty range).</summary>
    public static int Product(int[] shape, int from, int to)
    {
        int p = 1;
        for (int k = from; k < to; k++) p *= shape[k];
        return p;
    }

    public static string Show(IReadOnlyList<int> shape) => "[" + string.Join(", ", shape) + "]";

    public static bool Same(int[] a, int[] b) => a.AsSpan().SequenceEqual(b);

    /// <summary>An axis in −rank … rank−1 as a non-negative index; throws naming <paramref name="op"/> otherwise.</summary>
    public static int Axis(int axis, int rank, string op)
    {
        if (axis < -rank || axis >= rank)
            throw new ArgumentException($"{op}: axis {axis} is outside a tensor of rank {rank}", nameof(axis));
        return axis < 0 ? axis + rank : axis;
    }

    /// <summary>Row-major strides of a contiguous tensor of <paramref name="shape"/>.</summary>
    public static int[] ContiguousStrides(int[] shape)
    {
        var s = new int[shape.Length];
        int acc = 1;
        for (int k = shape.Length - 1; k >= 0; k--)
        {
            s[k] = acc;
            acc *= shape[k];
        }
        return s;
    }

    /// <summary>
    /// Strides of a contiguous tensor of <paramref name="shape"/> read inside a broadcast result of shape
    /// <paramref name="outShape"/> (trailing dimensions aligned): 0 along broadcast or missing dimensions.
    /// </summary>
    public static int[] BroadcastStrides(int[] shape, int[] outShape)
    {
        var own = ContiguousStrides(shape);
        var s = new int[outShape.Length];
        int offset = outShape.Length - shape.Length;
        for (int k = 0; k < outShape.Length; k++)
        {
            int j = k - offset;
            s[k] = j < 0 || (shape[j] == 1 && outShape[k] != 1) ? 0 : own[j];
        }
        return s;
    }

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

    /// <summary>
    /// The loop over an iteration space of <paramref name="shape"/> with one stride array per operand, simplified:
    /// unit dimensions dropped and neighbouring dimensions merged wherever every operand steps through them as one.
    /// Always returns at least one dimension (the innermost, whose strides the caller's inner kernel sees).
    /// </summary>
    public static (int[] Dims, int[][] Strides) Coalesce(int[] shape, params int[][] strides)
    {
        var dims = new List<int>(shape.Length);
        var st = new List<int>[strides.Length];
        for (int o = 0; o < strides.Length; o++) st[o] = new List<int>(shape.Length);
        for (int k = 0; k < shape.Length; k++)
        {
            if (shape[k] == 1) continue;
            if (dims.Count > 0)
            {
                int last = dims.Count - 1;
                bool merge = true;
                for (int o = 0; o < strides.Length && merge; o++) merge = st[o][last] == strides[o][k] * shape[k];
                if (merge)
                {
                    dims[last] *= shape[k];
                    for (int o = 0; o < strides.Length; o++) st[o][last] = strides[o][k];
                    continue;
                }
            }
            dims.Add(shape[k]);
            for (int o = 0; o < strides.Length; o++) st[o].Add(strides[o][k]);
        }
        if (dims.Count == 0)
        {
            dims.Add(1);
            for (int o = 0; o < strides.Length; o++) st[o].Add(0);
        }
        return (dims.ToArray(), st.Select(l => l.ToArray()).ToArray());
    }

    /// <summary>
    /// Calls <paramref name="body"/>(offsets) once per position of the outer dimensions (all but the last) of a coalesced
    /// loop, with each operand's element offset; the body handles the innermost dimension itself.
    /// </summary>
    public static void ForOuter(int[] dims, int[][] strides, Action<int[]> body)
    {
        int rank = dims.Length, ops = strides.Length;
        var off = new int[ops];
        var idx = new int[Math.Max(rank - 1, 0)];
        long outer = 1;
        for (int k = 0; k < rank - 1; k++) outer *= dims[k];
        for (long t = 0; t < outer; t++)
        {
            body(off);
            for (int k = rank - 2; k >= 0; k--)
            {
                idx[k]++;
                for (int o = 0; o < ops; o++) off[o] += strides[o][k];
                if (idx[k] < dims[k]) break;
                for (int o = 0; o < ops; o++) off[o] -= strides[o][k] * dims[k];
                idx[k] = 0;
            }
        }
    }
}
