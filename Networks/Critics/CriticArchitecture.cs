using Verify.Networks.Layers;

namespace Verify.Networks.Critics;

/// <summary>
/// The declared architecture of an MLP: layer widths (input first, 1 last for a critic) and the activation after every
/// hidden layer — the PyTorch nn.Sequential(Linear, act, Linear, act, …, Linear) with parameter names "0.weight",
/// "0.bias", "2.weight", … (activations take the odd indices).
/// </summary>
public sealed record CriticArchitecture
{
    /// <summary>An MLP with the given widths and hidden activation.</summary>
    public CriticArchitecture(IReadOnlyList<int> sizes, Activation activation = Activation.ReLU, double negativeSlope = 0.2)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Count < 2) throw new ArgumentException($"an MLP needs at least an input and an output width, got {sizes.Count}", nameof(sizes));
        for (int i = 0; i < sizes.Count; i++)
            if (sizes[i] < 1) throw new ArgumentException($"layer width {i} must be at least 1, got {sizes[i]}", nameof(sizes));
        if (!Enum.IsDefined(activation)) throw new ArgumentException($"unknown activation {(int)activation}", nameof(activation));
        if (activation == Activation.None) throw new ArgumentException("the hidden activation cannot be None", nameof(activation));
        if (activation == Activation.LeakyReLU && !(negativeSlope >= 0 && negativeSlope <= 1))
            throw new ArgumentException($"LeakyReLU slope must lie in [0, 1], got {negativeSlope}", nameof(negativeSlope));
        Sizes = sizes.ToArray();
        Activation = activation;
        NegativeSlope = negativeSlope;
    }

    /// <summary>A critic d → H → … → H → 1 with <paramref name="layers"/> hidden layers of width <paramref name="hidden"/>.</summary>
    public static CriticArchitecture Mlp(int inputDimension, int hidden, int layers, Activation activation = Activation.ReLU, double negativeSlope = 0.2)
    {
        if (inputDimension < 1) throw new ArgumentException($"input dimension must be at least 1, got {inputDimension}", nameof(inputDimension));
        if (hidden < 1) throw new ArgumentException($"hidden width must be at least 1, got {hidden}", nameof(hidden));
        if (layers < 1) throw new ArgumentException($"layers must be at least 1, got {layers}", nameof(layers));
        var sizes = new List<int> { inputDimension };
        for (int i = 0; i < layers; i++) sizes.Add(hidden);
        sizes.Add(1);
        return new CriticArchitecture(sizes, activation, negativeSlope);
    }

    /// <summary>Widths, input first.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>The activation after each hidden layer.</summary>
    public Activation Activation { get; }

    /// <summary>The LeakyReLU slope (ignored by other activations).</summary>
    public double NegativeSlope { get; }

    /// <summary>Number of Linear layers.</summary>
    public int LinearLayers => Sizes.Count - 1;

    /// <summary>The nn.Sequential index of Linear layer <paramref name="k"/> (activations sit between them).</summary>
    public static int SequentialIndex(int k) => 2 * k;

    /// <summary>A Lipschitz constant of the activation.</summary>
    public double ActivationLipschitz => Activation switch
    {
        Activation.Sigmoid => 0.25,
        Activation.LeakyReLU => Math.Max(1.0, NegativeSlope),
        _ => 1.0,
    };

    /// <summary>The command-line spelling of each hidden activation, in the order they are listed.</summary>
    public static IReadOnlyList<string> ActivationNames { get; } = ["relu", "leaky-relu", "tanh", "sigmoid"];

    /// <summary>"relu", "leaky-relu", "tanh" or "sigmoid" (the spelling of <see cref="ActivationNames"/>).</summary>
    public static string NameOf(Activation activation) => activation switch
    {
        Activation.ReLU => "relu",
        Activation.LeakyReLU => "leaky-relu",
        Activation.Tanh => "tanh",
        Activation.Sigmoid => "sigmoid",
        _ => throw new ArgumentException($"{activation} is not a hidden activation", nameof(activation)),
    };

    /// <summary>The activation spelled <paramref name="name"/> (case-insensitive), or an <see cref="ArgumentException"/> listing the names.</summary>
    public static Activation ParseActivation(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "relu" => Activation.ReLU,
            "leaky-relu" => Activation.LeakyReLU,
            "tanh" => Activation.Tanh,
            "sigmoid" => Activation.Sigmoid,
            _ => throw new ArgumentException($"'{name}' is not an activation; allowed: {string.Join(", ", ActivationNames)}", nameof(name)),
        };
    }

    /// <summary>Equal widths (element by element), activation and slope.</summary>
    public bool Equals(CriticArchitecture? other) =>
        other is not null && Sizes.SequenceEqual(other.Sizes) && Activation == other.Activation && NegativeSlope.Equals(other.NegativeSlope);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (int s in Sizes) h.Add(s);
        h.Add(Activation);
        h.Add(NegativeSlope);
        return h.ToHashCode();
    }

    /// <summary>e.g. "2-64-64-1 relu".</summary>
    public override string ToString() =>
        string.Join('-', Sizes) + " " + Activation.ToString().ToLowerInvariant() +
        (Activation == Activation.LeakyReLU ? $"({NegativeSlope.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : "");
}
