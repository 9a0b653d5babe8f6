namespace Verify.Networks.Checkpoints;

/// <summary>The contents of a safetensors file: its tensors in header order and its optional string metadata.</summary>
public sealed class SafeTensorsFile
{
    private readonly Dictionary<string, NamedArray> _byName;

    /// <summary>Creates the contents; throws <see cref="ArgumentException"/> on a repeated tensor name.</summary>
    public SafeTensorsFile(IReadOnlyList<NamedArray> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        _byName = new Dictionary<string, NamedArray>(StringComparer.Ordinal);
        foreach (NamedArray t in tensors)
        {
            if (t.Name == SafeTensors.MetadataKey)
                throw new ArgumentException($"'{SafeTensors.MetadataKey}' is reserved for metadata and cannot name a tensor", nameof(tensors));
            if (!_byName.TryAdd(t.Name, t))
                throw new ArgumentException($"tensor '{t.Name}' appears twice", nameof(tensors));
        }
        Tensors = tensors.ToArray();
        Metadata = metadata is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>(metadata, StringComparer.Ordinal);
    }

    /// <summary>The tensors, in the order of their data in the file.</summary>
    public IReadOnlyList<NamedArray> Tensors { get; }

    /// <summary>The "__metadata__" map (empty when absent).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensor called <paramref name="name"/>, or null.</summary>
    public NamedArray? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The tensor names.</summary>
    public IEnumerable<string> Names => Tensors.Select(t => t.Name);
}
