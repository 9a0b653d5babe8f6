using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Init;
using Verify.Networks.Tensors;

namespace Verify.Networks.Layers;

/// <summary>
/// Spectral normalisation of one layer's weight (Miyato et al. 2018; PyTorch's torch.nn.utils.spectral_norm): the layer
/// runs with W/σ̂ where σ̂ = uᵀW'v, W' the weight as a matrix (rows: the output dimension, <see cref="IWeightedLayer{T}.OutputDim"/>;
/// columns: everything else), and u, v kept between forward passes. In training mode each forward pass first runs
/// <see cref="PowerIterations"/> steps v ← W'ᵀu/‖W'ᵀu‖, u ← W'v/‖W'v‖ (in double, unrecorded; ‖·‖ floored at 10⁻¹² as
/// PyTorch's normalize); in evaluation mode u and v stay as they are. u and v are constants for autodiff, so the gradient
/// flows through σ̂ = uᵀW'v as in the paper. Names as PyTorch's: parameter "weight_orig" (the raw W) and the layer's
/// others ("bias"); buffers "weight_u" [rows], "weight_v" [columns].
/// </summary>
public sealed class SpectralNormalized<T> : IModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IWeightedLayer<T> layer;
    private readonly int rows, cols;

    /// <summary>
    /// Wraps <paramref name="layer"/>: u starts as a normalised N(0, I) draw from <paramref name="rng"/>, then one power
    /// iteration defines v (and refines u), so evaluation mode is usable at once.
    /// </summary>
    public SpectralNormalized(IWeightedLayer<T> layer, Rng rng, int powerIterations = 1)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(rng);
        if (powerIterations < 1) throw new ArgumentException($"power iterations must be at least 1, got {powerIterations}", nameof(powerIterations));
        this.layer = layer;
        PowerIterations = powerIterations;
        var w = layer.Weight;
        rows = w.Shape[layer.OutputDim];
        cols = w.Length / Math.Max(rows, 1);
        var u = new double[rows];
        for (int i = 0; i < rows; i++) u[i] = rng.NextNormal();
        Normalize(u);
        U = Tensor.FromDouble<T>(u, rows);
        V = Tensor.Zeros<T>(cols);
        Iterate(1);
    }

    /// <summary>The wrapped layer (its own Forward ignores the normalisation).</summary>
    public IWeightedLayer<T> Layer => layer;

    /// <summary>Power-iteration steps per training-mode forward pass.</summary>
    public int PowerIterations { get; }

    /// <summary>u [rows] (the buffer weight_u).</summary>
    public Tensor<T> U { get; }

    /// <summary>v [columns] (the buffer weight_v).</summary>
    public Tensor<T> V { get; }

    /// <inheritdoc/>
    public bool Training { get; private set; } = true;

    /// <inheritdoc/>
    public void Train(bool mode = true)
    {
        Training = mode;
        layer.Train(mode);
    }

    /// <summary>Evaluation mode: the same as <c>Train(false)</c>.</summary>
    public void Eval() => Train(false);

    /// <summary>The current σ̂ = uᵀW'v (double, unrecorded).</summary>
    public double SigmaEstimate()
    {
        var w = Matrix(layer.Weight.Span);
        double s = 0;
        for (int i = 0; i < rows; i++)
        {
            double row = 0;
            for (int j = 0; j < cols; j++) row += double.CreateChecked(w[i * cols + j]) * double.CreateChecked(V.Span[j]);
            s += double.CreateChecked(U.Span[i]) * row;
        }
        return s;
    }

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input)
    {
        if (Training) Iterate(PowerIterations);
        return layer.Forward(input, NormalizedWeight());
    }

    /// <summary>W/σ̂ with σ̂ = uᵀW'v recorded as a function of W (u, v constants), in the weight's own shape.</summary>
    public Tensor<T> NormalizedWeight()
    {
        var w = layer.Weight;
        var matrix = layer.OutputDim == 0 ? Tensor.Reshape(w, rows, cols) : Tensor.Reshape(Tensor.Permute(w, [1, 0, .. Enumerable.Range(2, w.Rank - 2)]), rows, cols);
        var uc = Tensor.Reshape(U.Detach(), rows, 1);
        var vc = Tensor.Reshape(V.Detach(), cols, 1);
        var sigma = Tensor.Sum(Tensor.Mul(Tensor.MatMul(matrix, vc), uc));
        return Tensor.Div(w, sigma);
    }

    /// <summary>The weight as a rows × cols matrix (row-major copy when the output dimension is not the first).</summary>
    private T[] Matrix(ReadOnlySpan<T> data)
    {
        if (layer.OutputDim == 0) return data.ToArray();
        using var _ = Autograd.NoGrad();
        var w = layer.Weight;
        return Tensor.Permute(w, [1, 0, .. Enumerable.Range(2, w.Rank - 2)]).ToArray();
    }

    private void Iterate(int steps)
    {
        var w = Matrix(layer.Weight.Span);
        var u = U.ToDoubleArray();
        var v = new double[cols];
        for (int s = 0; s < steps; s++)
        {
            Array.Clear(v);
            for (int i = 0; i < rows; i++)
            {
                double ui = u[i];
                for (int j = 0; j < cols; j++) v[j] += double.CreateChecked(w[i * cols + j]) * ui;
            }
            Normalize(v);
            for (int i = 0; i < rows; i++)
            {
                double acc = 0;
                for (int j = 0; j < cols; j++) acc += double.CreateChecked(w[i * cols + j]) * v[j];
                u[i] = acc;
            }
            Normalize(u);
        }
        for (int i = 0; i < rows; i++) U.Span[i] = T.CreateChecked(u[i]);
        for (int j = 0; j < cols; j++) V.Span[j] = T.CreateChecked(v[j]);
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
    public IEnumerable<Tensor<T>> Parameters() => NamedParameters().Select(p => p.Parameter);

    /// <inheritdoc/>
    public IEnumerable<(string Name, Tensor<T> Parameter)> NamedParameters()
    {
        foreach (var (name, p) in layer.NamedParameters())
            yield return (name == "weight" ? "weight_orig" : name, p);
    }

    /// <inheritdoc/>
    public IEnumerable<(string Name, Tensor<T> Buffer)> NamedBuffers()
    {
        foreach (var b in layer.NamedBuffers()) yield return b;
        yield return ("weight_u", U);
        yield return ("weight_v", V);
    }

    /// <inheritdoc/>
    public IEnumerable<(string Name, IModule<T> Module)> NamedChildren() => [];

    /// <inheritdoc/>
    public void ZeroGrad() => layer.ZeroGrad();
}
