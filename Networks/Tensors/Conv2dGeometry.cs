namespace Verify.Networks.Tensors;

/// <summary>
/// The geometry of a 2-D convolution over images of <see cref="Channels"/>×<see cref="Height"/>×<see cref="Width"/>
/// (PyTorch's nn.Conv2d conventions, dilation 1): a <see cref="KernelH"/>×<see cref="KernelW"/> window moved by
/// (<see cref="StrideH"/>, <see cref="StrideW"/>) over the image zero-padded by (<see cref="PadH"/>, <see cref="PadW"/>)
/// on each side, giving OutH = ⌊(H + 2·padH − kH)/strideH⌋ + 1 rows and OutW columns of windows.
/// It is what <see cref="Tensor.Im2Col{T}"/> and <see cref="Tensor.Col2Im{T}"/> share.
/// </summary>
public readonly record struct Conv2dGeometry
{
    /// <summary>A geometry; throws ArgumentException naming the first bad value.</summary>
    public Conv2dGeometry(int channels, int height, int width, int kernelH, int kernelW, int strideH = 1, int strideW = 1, int padH = 0, int padW = 0)
    {
        Positive(channels, nameof(channels));
        Positive(height, nameof(height));
        Positive(width, nameof(width));
        Positive(kernelH, nameof(kernelH));
        Positive(kernelW, nameof(kernelW));
        Positive(strideH, nameof(strideH));
        Positive(strideW, nameof(strideW));
        if (padH < 0) throw new ArgumentException($"padH must be ≥ 0, got {padH}", nameof(padH));
        if (padW < 0) throw new ArgumentException($"padW must be ≥ 0, got {padW}", nameof(padW));
        if (height + 2 * padH < kernelH || width + 2 * padW < kernelW)
            throw new ArgumentException($"a {kernelH}×{kernelW} kernel does not fit in a {height}×{width} image padded by ({padH}, {padW})", nameof(kernelH));
        (Channels, Height, Width, KernelH, KernelW, StrideH, StrideW, PadH, PadW) = (channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW);
        OutH = (height + 2 * padH - kernelH) / strideH + 1;
        OutW = (width + 2 * padW - kernelW) / strideW + 1;
        _ = checked(OutH * OutW * channels * kernelH * kernelW);
    }

    /// <summary>A square kernel, stride and padding.</summary>
    public static Conv2dGeometry Square(int channels, int height, int width, int kernel, int stride = 1, int padding = 0)
        => new(channels, height, width, kernel, kernel, stride, stride, padding, padding);

    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
    public int KernelH { get; }
    public int KernelW { get; }
    public int StrideH { get; }
    public int StrideW { get; }
    public int PadH { get; }
    public int PadW { get; }

    /// <summary>Rows of windows: ⌊(H + 2·padH − kH)/strideH⌋ + 1.</summary>
    public int OutH { get; }

    /// <summary>Columns of windows: ⌊(W + 2·padW − kW)/strideW⌋ + 1.</summary>
    public int OutW { get; }

    /// <summary>Values in one window (a row of the Im2Col matrix): C·kH·kW.</summary>
    public int PatchSize => Channels * KernelH * KernelW;

    /// <summary>Windows per image: OutH·OutW.</summary>
    public int Windows => OutH * OutW;

    /// <summary>
    /// The largest number of windows any one pixel lies in, ≤ ⌈kH/strideH⌉·⌈kW/strideW⌉; √ of it bounds the operator
    /// norm of Im2Col (each pixel is copied into at most that many rows).
    /// </summary>
    public int MaxMultiplicity => Cover(Height, KernelH, StrideH, PadH, OutH) * Cover(Width, KernelW, StrideW, PadW, OutW);

    private static int Cover(int size, int kernel, int stride, int pad, int outs)
    {
        int best = 0;
        for (int i = 0; i < size; i++)
        {
            int c = 0;
            for (int o = 0; o < outs; o++)
            {
                int k = i + pad - o * stride;
                if (k >= 0 && k < kernel) c++;
            }
            best = Math.Max(best, c);
        }
        return best;
    }

    public override string ToString() =>
        $"{Channels}×{Height}×{Width}, kernel {KernelH}×{KernelW}, stride ({StrideH}, {StrideW}), padding ({PadH}, {PadW}) → {OutH}×{OutW} windows";

    private static void Positive(int v, string name)
    {
        if (v < 1) throw new ArgumentException($"{name} must be at least 1, got {v}", name);
    }
}
