using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Networks.Critics;

/// <summary>
/// Spectral normalisation (Miyato et al. 2018) of an MLP critic: each weight W is applied as W/σ̂(W) with
/// σ̂ = uᵀWv from power iteration — in training mode <see cref="PowerIterations"/> steps v ← Wᵀu/‖Wᵀu‖, u ← Wv/‖Wv‖
/// per forward pass, u kept between passes; u and v are constants for autodiff, so the gradient flows through
/// σ̂ = uᵀWv as in the paper. In evaluation mode (<see cref="Training"/> false) the stored u, v are used unchanged.
/// With 1-Lipschitz activations the critic's Lipschitz constant is at most ∏ σ(W/σ̂) ≈ 1.
/// The trainable parameters are the raw W and b, under the same names as the plain MLP.
/// </summary>
public sealed class SpectralNormCritic<T> : ICritic<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly MlpCritic<T> inner;
    private readonly IModule<T> activation;
    private readonly double[][] u, v;

    /// <summary>A spectrally normalised critic of the given architecture; u starts as a normalised N(0, I) draw.</summary>
    public SpectralNormCritic(CriticArchitecture architecture, Rng rng, int powerIterations = 1)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (powerIterations < 1) throw new ArgumentException($"power iterations must be at least 1, got {powerIterations}", nameof(powerIterations));
        inner = new MlpCritic<T>(architecture, rng);
        activation = Layers.Mlp.Make<T>(architecture.Activation, architecture.NegativeSlope);
        PowerIterations = powerIterations;
        int layers = inner.Linears.Count;
        u = new double[layers][];
        v = new double[layers][];
        for (int k = 0; k < layers; k++)
        {
            var w = inner.Linears[k].Weight;
            u[k] = new double[w.Rows];
            for (int i = 0; i < u[k].Length; i++) u[k][i] = rng.NextNormal();
            Normalize(u[k]);
            v[k] = new double[w.Cols];
            Iterate(k, 1); // so that v is defined before the first evaluation-mode pass
        }
    }

    /// <summary>Power-iteration steps per training-mode forward pass.</summary>
    public int PowerIterations { get; }

    /// <summary>Training mode (update u, v on every forward pass); false for evaluation.</summary>
    public bool Training { get; set; } = true;

    /// <summary>The architecture.</summary>
    public CriticArchitecture Architecture => inner.Architecture;

    /// <inheritdoc/>
    public int InputDimension => inner.InputDimension;

    /// <inheritdoc/>
    public double ActivationLipschitz => inner.ActivationLipschitz;

    /// <summary>The current estimate σ̂ = uᵀWv of layer <paramref name="layer"/>.</summary>
    public double SigmaEstimate(int layer)
    {
        var w = inner.Linears[layer].Weight;
        double s = 0;
        for (int i = 0; i < w.Rows; i++)
        {
            double row = 0;
            for (int j = 0; j < w.Cols; j++) row += double.CreateChecked(w[i, j]) * v[layer][j];
            s += u[layer][i] * row;
        }
        return s;
    }

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input)
    {
        var x = input;
        for (int k = 0; k < inner.Linears.Count; k++)
        {
            var layer = inner.Linears[k];
            if (Training) Iterate(k, PowerIterations);
            x = Tensor.Linear(x, Normalized(k), layer.Bias);
            if (k + 1 < inner.Linears.Count) x = activation.Forward(x);
        }
        return x;
    }

    /// <summary>W/σ̂ with σ̂ = uᵀWv recorded as a function of W (u, v constants).</summary>
    private Tensor<T> Normalized(int k)
    {
        var w = inner.Linears[k].Weight;
        var uc = Tensor.FromDouble<T>(u[k], w.Rows, 1);
        var vc = Tensor.FromDouble<T>(v[k], w.Cols, 1);
        var sigma = Tensor.Sum(Tensor.Mul(Tensor.MatMul(w, vc), uc));
        return Tensor.Div(w, sigma);
    }

    private void Iterate(int k, int steps)
    {
        var w = inner.Linears[k].Weight;
        int rows = w.Rows, cols = w.Cols;
        ReadOnlySpan<T> data = w.Span;
        double[] uk = u[k], vk = v[k];
        for (int s = 0; s < steps; s++)
        {
            Array.Clear(vk);
            for (int i = 0; i < rows; i++)
            {
                double ui = uk[i];
                for (int j = 0; j < cols; j++) vk[j] += double.CreateChecked(data[i * cols + j]) * ui;
            }
            Normalize(vk);
            for (int i = 0; i < rows; i++)
            {
                double acc = 0;
                for (int j = 0; j < cols; j++) acc += double.CreateChecked(data[i * cols + j]) * vk[j];
                uk[i] = acc;
            }
            Normalize(uk);
        }
    }

    private static void Normalize(double[] x)
    {
        double n = 0;
        foreach (double a in x) n += a * a;
        n = Math.Sqrt(n);
        double scale = 1.0 / Math.Max(n, 1e-12); // PyTorch's eps in normalize
        for (int i = 0; i < x.Length; i++) x[i] *= scale;
    }

    /// <inheritdoc/>
    public IEnumerable<Tensor<T>> Parameters() => inner.Parameters();

    /// <inheritdoc/>
    public IEnumerable<(string Name, Tensor<T> Parameter)> NamedParameters() => inner.NamedParameters();

    /// <inheritdoc/>
    public void ZeroGrad() => inner.ZeroGrad();

    /// <inheritdoc/>
    public IReadOnlyList<Tensor<T>> EffectiveWeights()
    {
        using var _ = Autograd.NoGrad();
        return Enumerable.Range(0, inner.Linears.Count).Select(Normalized).ToArray();
    }

    /// <inheritdoc/>
    public IReadOnlyList<(string Name, Tensor<T> Value)> ExportParameters()
    {
        var weights = EffectiveWeights();
        var list = new List<(string, Tensor<T>)>();
        for (int k = 0; k < weights.Count; k++)
        {
            int index = CriticArchitecture.SequentialIndex(k);
            list.Add(($"{index}.weight", weights[k]));
            if (inner.Linears[k].Bias is { } b) list.Add(($"{index}.bias", b.Detach()));
        }
        return list;
    }
}
