using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;

namespace Verify.Networks.Checkpoints;

/// <summary>
/// A critic found in a safetensors file: the tensors, the prefix its names carry ("" for a PyTorch
/// <c>nn.Sequential</c> state dict, "critic." for <c>verify train</c>'s checkpoint), and the architecture they form.
/// <see cref="Create{T}"/> builds the critic with those weights (shapes, dtypes and values checked).
/// </summary>
/// <param name="File">The file's contents.</param>
/// <param name="Prefix">The prefix of the critic's tensor names.</param>
/// <param name="Architecture">Widths (inferred from the weight shapes unless declared), activation and slope.</param>
/// <param name="Source">Where the file came from (a path), for messages.</param>
public sealed record LoadedCritic(SafeTensorsFile File, string Prefix, CriticArchitecture Architecture, string Source)
{
    /// <summary>An MLP critic of <see cref="Architecture"/> holding the file's weights (InvalidDataException naming a bad tensor).</summary>
    public MlpCritic<T> Create<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var critic = new MlpCritic<T>(Architecture, new Rng(0));
        try
        {
            Checkpoint.LoadInto(File, critic, Prefix);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{Source}: {e.Message}", e);
        }
        return critic;
    }
}

/// <summary>
/// Reading a critic back from a safetensors file, whichever of the two layouts it has: a PyTorch <c>nn.Sequential</c>
/// state dict ("0.weight" [out, in], "0.bias", "2.weight", …) or <c>verify train</c>'s checkpoint (the same names under
/// "critic."; the generator under "generator."). The widths are read from the weight shapes; the hidden activation and
/// LeakyReLU slope from the file's metadata when Verify wrote it (<see cref="Metadata"/>), otherwise from the caller.
/// PyTorch's <c>nn.LeakyReLU()</c> defaults to slope 0.01 and Verify's critics to 0.2, so a leaky-relu critic whose file
/// does not record its slope is refused unless the slope is given: it is never silently evaluated as another function.
/// </summary>
public static class CriticCheckpoint
{
    /// <summary>Metadata key of the critic's widths, e.g. "2,512,512,512,1".</summary>
    public const string SizesKey = "critic_sizes";

    /// <summary>Metadata key of the critic's hidden activation ("relu", "leaky-relu", "tanh", "sigmoid").</summary>
    public const string ActivationKey = "critic_activation";

    /// <summary>Metadata key of the critic's LeakyReLU slope (written for every activation; used by leaky-relu).</summary>
    public const string NegativeSlopeKey = "critic_negative_slope";

    /// <summary>The prefix of the critic in <c>verify train</c>'s checkpoint.</summary>
    public const string TrainPrefix = "critic.";

    private static readonly Regex LayerName = new(@"^(?<prefix>.*?)(?<index>\d+)\.(weight|bias)$", RegexOptions.CultureInvariant);

    /// <summary>The metadata that records <paramref name="architecture"/> (merged into every checkpoint Verify writes).</summary>
    public static Dictionary<string, string> Metadata(CriticArchitecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return new Dictionary<string, string>
        {
            [SizesKey] = string.Join(',', architecture.Sizes),
            [ActivationKey] = CriticArchitecture.NameOf(architecture.Activation),
            [NegativeSlopeKey] = architecture.NegativeSlope.ToString("R", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Reads <paramref name="path"/> and finds its critic (see <see cref="Find"/>).</summary>
    /// <exception cref="InvalidDataException">The file is not valid safetensors, or holds no critic that fits (message names the file).</exception>
    /// <exception cref="ArgumentException">A declared setting contradicts the file or is missing (message names the option).</exception>
    public static LoadedCritic Open(string path, IReadOnlyList<int>? sizes = null, Activation? activation = null, double? negativeSlope = null)
    {
        SafeTensorsFile file = SafeTensors.Read(path);
        return Find(file, path, sizes, activation, negativeSlope);
    }

    /// <summary>
    /// The critic in <paramref name="file"/>: its prefix (<see cref="PrefixOf"/>), its widths (<paramref name="sizes"/> when
    /// given, else inferred from the shapes), its activation and slope (given, else the file's metadata, else ReLU; a
    /// leaky-relu slope must come from one of the two, and the two must agree).
    /// </summary>
    public static LoadedCritic Find(SafeTensorsFile file, string source, IReadOnlyList<int>? sizes = null, Activation? activation = null, double? negativeSlope = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(source);
        string prefix = PrefixOf(file, source);
        IReadOnlyList<int> widths = sizes ?? InferSizes(file, prefix, source);

        Activation? stored = file.Metadata.TryGetValue(ActivationKey, out string? a) ? CriticArchitecture.ParseActivation(a) : null;
        double? storedSlope = file.Metadata.TryGetValue(NegativeSlopeKey, out string? s)
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
        if (activation is { } given && stored is { } had && given != had)
            throw new ArgumentException($"--activation {CriticArchitecture.NameOf(given)} contradicts {source}, whose metadata says the critic uses {CriticArchitecture.NameOf(had)}");
        Activation act = activation ?? stored ?? Activation.ReLU;
        double slope = 0.2;
        if (act == Activation.LeakyReLU)
        {
            if (negativeSlope is { } g && storedSlope is { } h && g != h)
                throw new ArgumentException($"--negative-slope {Show(g)} contradicts {source}, whose metadata says the critic's LeakyReLU slope is {Show(h)}");
            slope = negativeSlope ?? storedSlope
                ?? throw new ArgumentException($"--negative-slope: {source} does not record its LeakyReLU slope; give it " +
                                               "(PyTorch's nn.LeakyReLU() uses 0.01, Verify's critics 0.2)");
        }
        else if (negativeSlope is not null)
            throw new ArgumentException($"--negative-slope applies to a leaky-relu critic; this one uses {CriticArchitecture.NameOf(act)}");
        return new LoadedCritic(file, prefix, new CriticArchitecture(widths, act, slope), source);
    }

    /// <summary>
    /// The prefix of the critic's names: "" when the file has "0.weight" (a PyTorch state dict), "critic." when it has
    /// "critic.0.weight" (<c>verify train</c>). Otherwise an <see cref="InvalidDataException"/> that lists the prefixes the
    /// file does hold.
    /// </summary>
    public static string PrefixOf(SafeTensorsFile file, string source)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Find("0.weight") is not null) return "";
        if (file.Find(TrainPrefix + "0.weight") is not null) return TrainPrefix;
        var prefixes = file.Names.Select(n => LayerName.Match(n)).Where(m => m.Success).Select(m => m.Groups["prefix"].Value).Distinct()
            .Select(p => p.Length == 0 ? "(no prefix)" : $"'{p}'").ToList();
        string holds = file.Tensors.Count == 0 ? "no tensors"
            : prefixes.Count > 0 ? "layers under the prefixes " + string.Join(", ", prefixes) + $" but none starting at index 0 under '' or '{TrainPrefix}'"
            : "the tensors " + string.Join(", ", file.Names.Take(8).Select(n => $"'{n}'")) + (file.Tensors.Count > 8 ? ", …" : "");
        throw new InvalidDataException($"{source}: no critic found: expected '0.weight', '0.bias', '2.weight', … (a PyTorch nn.Sequential " +
                                       $"state dict) or the same under '{TrainPrefix}' (verify train's checkpoint); the file holds {holds}");
    }

    /// <summary>
    /// The widths of the MLP whose Linear layers are <paramref name="prefix"/> + "0.weight", "2.weight", … ([out, in] each,
    /// consecutive even indices as nn.Sequential numbers them with activations between): input first, output last.
    /// </summary>
    public static int[] InferSizes(SafeTensorsFile file, string prefix, string source)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sizes = new List<int>();
        for (int k = 0; ; k++)
        {
            string name = prefix + CriticArchitecture.SequentialIndex(k).ToString(CultureInfo.InvariantCulture) + ".weight";
            NamedArray? w = file.Find(name);
            if (w is null) break;
            if (w.Shape.Length != 2)
                throw new InvalidDataException($"{source}: tensor '{name}' has shape {w.ShapeText}; a Linear weight is [out, in]");
            if (k == 0) sizes.Add(w.Shape[1]);
            else if (w.Shape[1] != sizes[^1])
                throw new InvalidDataException($"{source}: tensor '{name}' takes {w.Shape[1]} inputs but the layer before it gives {sizes[^1]}");
            sizes.Add(w.Shape[0]);
        }
        if (sizes.Count == 0) throw new InvalidDataException($"{source}: no tensor '{prefix}0.weight'");
        return sizes.ToArray();
    }

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
