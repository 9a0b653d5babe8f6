using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Interop;

/// <summary>
/// A critic of any architecture — conv net, ResNet, MLP — exported to ONNX (e.g. PyTorch's <c>torch.onnx.export</c> with a
/// dynamic batch axis), evaluated by ONNX Runtime. Forward only: no gradient flows through it, so gradient-based audits
/// and training refuse it, and its Lipschitz constant is audited from values alone (<see cref="ForwardAudit"/>).
/// <para>
/// The model must have one input of shape [batch, d] (batch symbolic or fixed; d fixed) with float or double elements,
/// and one output of shape [batch, 1] or [batch]. Rows are converted to the model's element type on the way in and widened
/// to double on the way out; a model with a fixed batch size is run in chunks of that size. One intra-op thread, so the
/// same input gives the same output.
/// </para>
/// </summary>
public sealed class OnnxCritic<T> : ICritic<T>, IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly InferenceSession session;
    private readonly string inputName, outputName;
    private readonly bool single;
    private readonly int fixedBatch;

    private OnnxCritic(InferenceSession session, string path, string inputName, string outputName, bool single, int inputDimension, int fixedBatch)
    {
        this.session = session;
        this.inputName = inputName;
        this.outputName = outputName;
        this.single = single;
        this.fixedBatch = fixedBatch;
        Source = path;
        InputDimension = inputDimension;
    }

    /// <summary>
    /// Opens an ONNX model. A missing file throws <see cref="FileNotFoundException"/>; a file ONNX Runtime cannot load, or a
    /// model whose inputs and outputs are not those of a critic, throws <see cref="InvalidDataException"/> naming the file
    /// and what is wrong.
    /// </summary>
    public static OnnxCritic<T> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        InferenceSession session;
        try
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{path}: not an ONNX model ONNX Runtime can load ({FirstLine(e.Message)})", e);
        }
        try
        {
            return Describe(session, path);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static OnnxCritic<T> Describe(InferenceSession session, string path)
    {
        if (session.InputMetadata.Count != 1)
            throw new InvalidDataException($"{path}: a critic takes one input, the model has {session.InputMetadata.Count} ({string.Join(", ", session.InputMetadata.Keys)})");
        if (session.OutputMetadata.Count != 1)
            throw new InvalidDataException($"{path}: a critic gives one output, the model has {session.OutputMetadata.Count} ({string.Join(", ", session.OutputMetadata.Keys)})");
        var (inputName, input) = session.InputMetadata.Single();
        var (outputName, output) = session.OutputMetadata.Single();
        if (!input.IsTensor || (input.ElementType != typeof(float) && input.ElementType != typeof(double)))
            throw new InvalidDataException($"{path}: input '{inputName}' must be a float or double tensor, it is {input.ElementType.Name}");
        int[] dims = input.Dimensions;
        if (dims.Length != 2 || dims[1] < 1)
            throw new InvalidDataException($"{path}: input '{inputName}' must have shape [batch, d] with a fixed d, it has [{Shape(input)}]");
        int[] outDims = output.Dimensions;
        bool column = outDims.Length == 2 && outDims[1] == 1, vector = outDims.Length == 1;
        if (!output.IsTensor || !(column || vector))
            throw new InvalidDataException($"{path}: output '{outputName}' must have shape [batch, 1] or [batch], it has [{Shape(output)}]");
        if (output.ElementType != input.ElementType)
            throw new InvalidDataException($"{path}: output '{outputName}' is {output.ElementType.Name} but input '{inputName}' is {input.ElementType.Name}");
        return new OnnxCritic<T>(session, path, inputName, outputName, input.ElementType == typeof(float), dims[1], dims[0] > 0 ? dims[0] : 0);
    }

    /// <summary>The file the model came from.</summary>
    public string Source { get; }

    /// <inheritdoc/>
    public int InputDimension { get; }

    /// <summary>True when the model computes in float32 (its outputs then carry float rounding, about 6·10⁻⁸ relative).</summary>
    public bool SinglePrecision => single;

    /// <summary>Unknown for an ONNX graph: NaN.</summary>
    public double ActivationLipschitz => double.NaN;

    /// <summary>f at each row of <paramref name="points"/> (row-major, <see cref="InputDimension"/> per row), widened to double.</summary>
    public double[] Evaluate(ReadOnlySpan<double> points)
    {
        int d = InputDimension;
        if (points.Length % d != 0) throw new ArgumentException($"{points.Length} coordinates are not rows of dimension {d}", nameof(points));
        int n = points.Length / d;
        var values = new double[n];
        int chunk = fixedBatch > 0 ? fixedBatch : Math.Max(1, 65536 / d);
        for (int start = 0; start < n; start += chunk)
        {
            int rows = Math.Min(chunk, n - start);
            int batch = fixedBatch > 0 ? fixedBatch : rows; // a fixed batch is padded with copies of the last row
            ReadOnlySpan<double> slice = points.Slice(start * d, rows * d);
            if (single) Run<float>(slice, rows, batch, values.AsSpan(start, rows));
            else Run<double>(slice, rows, batch, values.AsSpan(start, rows));
        }
        return values;
    }

    private void Run<TModel>(ReadOnlySpan<double> rowsIn, int rows, int batch, Span<double> result) where TModel : unmanaged, IFloatingPointIeee754<TModel>
    {
        int d = InputDimension;
        var buffer = new TModel[batch * d];
        for (int k = 0; k < batch * d; k++) buffer[k] = TModel.CreateTruncating(rowsIn[Math.Min(k, rows * d - d + k % d)]);
        using var input = OrtValue.CreateTensorValueFromMemory(buffer, [batch, d]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [inputName], [input], [outputName]);
        ReadOnlySpan<TModel> f = outputs[0].GetTensorDataAsSpan<TModel>();
        if (f.Length != batch)
            throw new InvalidDataException($"{Source}: output '{outputName}' gave {f.Length} values for {batch} rows; a critic gives one value per row");
        for (int i = 0; i < rows; i++)
        {
            double v = double.CreateTruncating(f[i]);
            if (!double.IsFinite(v)) throw new InvalidDataException($"{Source}: the model's output is {v} at row {i}");
            result[i] = v;
        }
    }

    /// <summary>
    /// f on a batch (rows are samples) as a [n, 1] tensor that carries no graph. Throws <see cref="InvalidOperationException"/>
    /// when asked to record a gradient (an input that requires grad with recording on): nothing can flow through ONNX.
    /// </summary>
    public Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.RequiresGrad && Autograd.IsGradEnabled)
            throw new InvalidOperationException($"{Source}: an ONNX critic is evaluated forward only; no gradient flows through it (audit it with ForwardAudit)");
        if (input.Cols != InputDimension)
            throw new ArgumentException($"{Source}: the model takes rows of dimension {InputDimension}, got {input.Cols}");
        return Tensor.FromDouble<T>(Evaluate(input.ToDoubleArray()), input.Rows, 1);
    }

    /// <summary>None: the graph's weights are not trained here.</summary>
    public IEnumerable<Tensor<T>> Parameters() => [];

    /// <summary>Always false: the exported graph is frozen in the mode it was exported in (torch.onnx.export uses eval mode).</summary>
    public bool Training => false;

    /// <summary>Evaluation mode is accepted (it is the graph's own); training mode is refused, since nothing here trains.</summary>
    public void Train(bool mode = true)
    {
        if (mode) throw new InvalidOperationException($"{Source}: an ONNX critic is forward-only and cannot enter training mode");
    }

    /// <summary>None.</summary>
    public IEnumerable<(string Name, Tensor<T> Parameter)> NamedParameters() => [];

    /// <summary>Nothing to clear.</summary>
    public void ZeroGrad() { }

    /// <summary>Not available: an ONNX graph is not an MLP whose weight matrices could be listed.</summary>
    public IReadOnlyList<Tensor<T>> EffectiveWeights() =>
        throw new NotSupportedException($"{Source}: the weights of an ONNX graph are not exposed; there is no spectral bound, audit it with ForwardAudit");

    /// <summary>Not available (see <see cref="EffectiveWeights"/>).</summary>
    public IReadOnlyList<(string Name, Tensor<T> Value)> ExportParameters() =>
        throw new NotSupportedException($"{Source}: an ONNX graph cannot be exported as an MLP checkpoint");

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => session.Dispose();

    private static string Shape(NodeMetadata m) =>
        string.Join(", ", m.Dimensions.Select((x, i) => x > 0 ? x.ToString(System.Globalization.CultureInfo.InvariantCulture) : m.SymbolicDimensions.ElementAtOrDefault(i) is { Length: > 0 } s ? s : "?"));

    private static string FirstLine(string s)
    {
        int nl = s.IndexOfAny(['\r', '\n']);
        return nl < 0 ? s : s[..nl];
    }
}
