namespace Verify.Networks.Checkpoints;

/// <summary>
/// One tensor of a safetensors file: its name, element type, shape (row-major, last index fastest) and values
/// widened to double. An empty shape is a scalar (one value).
/// </summary>
public sealed class NamedArray
{
    /// <summary>Creates the array; throws <see cref="ArgumentException"/> when the values do not fill the shape.</summary>
    public NamedArray(string name, SafeTensorsDType dtype, int[] shape, double[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(values);
        long count = 1;
        foreach (int s in shape)
        {
            if (s < 0) throw new ArgumentException($"tensor '{name}': negative dimension in shape [{string.Join(',', shape)}]", nameof(shape));
            count *= s;
        }
        if (count != values.Length)
            throw new ArgumentException($"tensor '{name}': shape [{string.Join(',', shape)}] holds {count} values, {values.Length} given", nameof(values));
        Name = name;
        DType = dtype;
        Shape = (int[])shape.Clone();
        Values = values;
    }

    /// <summary>The tensor's key in the header (PyTorch's state-dict name, e.g. "0.weight").</summary>
    public string Name { get; }

    /// <summary>The element type stored in (or to be written to) the file.</summary>
    public SafeTensorsDType DType { get; }

    /// <summary>The shape; [out, in] for a PyTorch Linear weight.</summary>
    public int[] Shape { get; }

    /// <summary>The values, row-major.</summary>
    public double[] Values { get; }

    /// <summary>The shape as text, e.g. "[3, 2]".</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
