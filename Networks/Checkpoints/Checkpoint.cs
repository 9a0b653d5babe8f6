using System.Numerics;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Networks.Checkpoints;

/// <summary>
/// Checkpoints of modules in the safetensors format, written atomically. Names are PyTorch's state-dict names
/// ("0.weight" [out, in], "0.bias" [out], …), optionally under a prefix ("critic.0.weight"), so a PyTorch user's
/// nn.Sequential MLP saved with <c>safetensors.torch.save_file(model.state_dict(), path)</c> loads as a Verify critic
/// ("bring your own critic"). Loading is strict: a missing tensor, an extra tensor, a wrong shape, a dtype other than
/// F32/F64, or a NaN/∞ value is refused with an <see cref="InvalidDataException"/> naming the tensor.
/// </summary>
public static class Checkpoint
{
    /// <summary>Writes named tensors (F32 for float, F64 for double) with optional metadata, atomically.</summary>
    public static void Save<T>(string path, IEnumerable<(string Name, Tensor<T> Value)> tensors, IReadOnlyDictionary<string, string>? metadata = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var dtype = typeof(T) == typeof(float) ? SafeTensorsDType.F32 : SafeTensorsDType.F64;
        var arrays = tensors.Select(t => new NamedArray(t.Name, dtype, t.Value.Shape.ToArray(), t.Value.ToDoubleArray())).ToList();
        SafeTensors.Write(path, arrays, metadata);
    }

    /// <summary>Writes a module's <see cref="IModule{T}.NamedParameters"/> under <paramref name="prefix"/> (e.g. "critic.").</summary>
    public static void Save<T>(string path, IModule<T> module, IReadOnlyDictionary<string, string>? metadata = null, string prefix = "")
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        Save(path, module.NamedParameters().Select(p => (prefix + p.Name, p.Parameter)), metadata);
    }

    /// <summary>
    /// Copies the tensors of <paramref name="file"/> named <paramref name="prefix"/> + parameter name into the module's
    /// parameters, after checking that the two match exactly (names, shapes, dtypes, finite values). Tensors of the file
    /// outside the prefix are ignored; inside it, any tensor the module lacks is refused.
    /// </summary>
    public static void LoadInto<T>(SafeTensorsFile file, IModule<T> module, string prefix = "") where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(module);
        var parameters = module.NamedParameters().ToList();
        var expected = parameters.Select(p => prefix + p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, p) in parameters)
        {
            string key = prefix + name;
            NamedArray a = file.Find(key)
                ?? throw new InvalidDataException($"tensor '{key}' is missing from the checkpoint (it holds: {Listing(file, prefix)})");
            if (a.DType is not (SafeTensorsDType.F32 or SafeTensorsDType.F64))
                throw new InvalidDataException($"tensor '{key}' has dtype {a.DType.HeaderName()}, expected F32 or F64");
            if (!a.Shape.SequenceEqual(p.Shape))
                throw new InvalidDataException($"tensor '{key}' has shape {a.ShapeText}, the declared architecture needs [{string.Join(", ", p.Shape)}]");
            for (int i = 0; i < a.Values.Length; i++)
                if (!double.IsFinite(a.Values[i]))
                    throw new InvalidDataException($"tensor '{key}' holds {a.Values[i]} at index {i}");
        }
        foreach (NamedArray a in file.Tensors)
            if (a.Name.StartsWith(prefix, StringComparison.Ordinal) && !expected.Contains(a.Name))
                throw new InvalidDataException($"tensor '{a.Name}' in the checkpoint has no place in the declared architecture (expected: {string.Join(", ", expected)})");
        foreach (var (name, p) in parameters)
        {
            double[] values = file.Find(prefix + name)!.Values;
            Span<T> dest = p.Span;
            for (int i = 0; i < values.Length; i++) dest[i] = T.CreateChecked(values[i]);
        }
    }

    /// <summary>Reads <paramref name="path"/> into <paramref name="module"/> (see <see cref="LoadInto{T}(SafeTensorsFile, IModule{T}, string)"/>).</summary>
    public static void Load<T>(string path, IModule<T> module, string prefix = "") where T : unmanaged, IFloatingPointIeee754<T>
    {
        SafeTensorsFile file = SafeTensors.Read(path);
        try
        {
            LoadInto(file, module, prefix);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// "Bring your own critic": an MLP critic of the declared <paramref name="architecture"/> with the weights of a
    /// safetensors file (PyTorch nn.Sequential names, optionally under <paramref name="prefix"/>).
    /// </summary>
    public static MlpCritic<T> LoadCritic<T>(string path, CriticArchitecture architecture, string prefix = "")
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var critic = new MlpCritic<T>(architecture, new Rng(0));
        Load(path, critic, prefix);
        return critic;
    }

    private static string Listing(SafeTensorsFile file, string prefix)
    {
        var names = file.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return names.Count == 0 ? "no tensors" : string.Join(", ", names);
    }
}
