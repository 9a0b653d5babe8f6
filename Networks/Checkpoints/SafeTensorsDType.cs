namespace Verify.Networks.Checkpoints;

/// <summary>
/// The element types of the safetensors format, spelled as in a file's header ("F32", "F64", …).
/// Verify writes <see cref="F32"/> and <see cref="F64"/>; the reader accepts every type listed here and
/// widens the values to double (exactly, for all but the 64-bit integers beyond 2⁵³).
/// </summary>
public enum SafeTensorsDType
{
    Bool, U8, I8, U16, I16, F16, BF16, U32, I32, F32, U64, I64, F64,
}

/// <summary>Sizes and names of <see cref="SafeTensorsDType"/> values.</summary>
public static class SafeTensorsDTypes
{
    /// <summary>Bytes per element.</summary>
    public static int Size(this SafeTensorsDType dtype) => dtype switch
    {
        SafeTensorsDType.Bool or SafeTensorsDType.U8 or SafeTensorsDType.I8 => 1,
        SafeTensorsDType.U16 or SafeTensorsDType.I16 or SafeTensorsDType.F16 or SafeTensorsDType.BF16 => 2,
        SafeTensorsDType.U32 or SafeTensorsDType.I32 or SafeTensorsDType.F32 => 4,
        SafeTensorsDType.U64 or SafeTensorsDType.I64 or SafeTensorsDType.F64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown safetensors dtype"),
    };

    /// <summary>The header spelling ("F32", "BOOL", …).</summary>
    public static string HeaderName(this SafeTensorsDType dtype) => dtype == SafeTensorsDType.Bool ? "BOOL" : dtype.ToString();

    /// <summary>Parses a header spelling; false when the name is not a safetensors dtype.</summary>
    public static bool TryParse(string name, out SafeTensorsDType dtype)
    {
        foreach (SafeTensorsDType d in Enum.GetValues<SafeTensorsDType>())
        {
            if (d.HeaderName() == name) { dtype = d; return true; }
        }
        dtype = default;
        return false;
    }

    /// <summary>All header spellings, for error messages.</summary>
    public static string KnownNames => string.Join(", ", Enum.GetValues<SafeTensorsDType>().Select(d => d.HeaderName()));
}
