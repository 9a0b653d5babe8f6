using FsCheck;
using FsCheck.Fluent;
using Verify.Networks.Native;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

/// <summary>
/// Im2Col/Col2Im and the convolutions built on them: values against the index definitions (direct sums), the adjoint
/// identities, gradients of first and second order against finite differences on generated geometries.
/// </summary>
public sealed class TensorConvTests
{
    /// <summary>A batch, channel counts and a geometry that fits (input H×W, kernel, stride, padding).</summary>
    public sealed record ConvCase(int N, int C, int O, int H, int W, int KH, int KW, int SH, int SW, int PH, int PW)
    {
        public Conv2dGeometry Geometry => new(C, H, W, KH, KW, SH, SW, PH, PW);
        public int[] XShape => [N, C, H, W];
        public int[] WShape => [O, C, KH, KW];
    }

    public static Gen<ConvCase> Cases(int maxSide = 6) =>
        from n in Gen.Choose(1, 2) from c in Gen.Choose(1, 3) from o in Gen.Choose(1, 3)
        from h in Gen.Choose(1, maxSide) from w in Gen.Choose(1, maxSide)
        from kh in Gen.Choose(1, 3) from kw in Gen.Choose(1, 3) from sh in Gen.Choose(1, 3) from sw in Gen.Choose(1, 3)
        from ph in Gen.Choose(0, 2) from pw in Gen.Choose(0, 2)
        where h + 2 * ph >= kh && w + 2 * pw >= kw
        select new ConvCase(n, c, o, h, w, kh, kw, sh, sw, ph, pw);

    /// <summary>x[n, c, i, j] or 0 outside the image.</summary>
    private static double At(double[] x, int[] s, int n, int c, int i, int j) =>
        i < 0 || j < 0 || i >= s[2] || j >= s[3] ? 0 : x[((n * s[1] + c) * s[2] + i) * s[3] + j];

    [Fact]
    public void Im2ColMatchesTheDefinition()
    {
        var cases = from k in Cases() from x in Gens.Flat(k.XShape, Gens.Any) select (k, x);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var (k, g) = (t.k, t.k.Geometry);
            var cols = Tensor.Im2Col(Tensor.Reshape(t.x.Tensor(), k.XShape), g);
            Assert.Equal(new[] { k.N * g.OutH * g.OutW, k.C * k.KH * k.KW }, cols.Shape);
            for (int n = 0; n < k.N; n++)
                for (int oh = 0; oh < g.OutH; oh++)
                    for (int ow = 0; ow < g.OutW; ow++)
                        for (int c = 0; c < k.C; c++)
                            for (int i = 0; i < k.KH; i++)
                                for (int j = 0; j < k.KW; j++)
                                    Assert.Equal(At(t.x.V, k.XShape, n, c, oh * k.SH - k.PH + i, ow * k.SW - k.PW + j),
                                        cols[(n * g.OutH + oh) * g.OutW + ow, (c * k.KH + i) * k.KW + j]);
            return true;
        }));
    }

    [Fact]
    public void Im2ColAndCol2ImAreAdjoint()
    {
        // ⟨Im2Col(x), Y⟩ = ⟨x, Col2Im(Y)⟩ for every geometry: the two rules are each other's transposes.
        var cases = from k in Cases() from x in Gens.Flat(k.XShape, Gens.Any)
                    from y in Gens.Flat([k.N * k.Geometry.Windows, k.Geometry.PatchSize], Gens.Any) select (k, x, y);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var g = t.k.Geometry;
            var x = Tensor.Reshape(t.x.Tensor(), t.k.XShape);
            var y = Tensor.Reshape(t.y.Tensor(), t.k.N * g.Windows, g.PatchSize);
            double lhs = Tensor.Sum(Tensor.Im2Col(x, g) * y).Item(), rhs = Tensor.Sum(x * Tensor.Col2Im(y, g, t.k.N)).Item();
            return Tolerance.IsClose(lhs, rhs, 1e-12, 1e-12);
        }));
    }

    [Fact]
    public void Im2ColGradients()
    {
        var cases = from k in Cases(5) from x in Gens.Flat(k.XShape, Gens.Any) select (k, x);
        GradCheck.Property(cases, t => [t.x], (t, xs) => Tensor.Im2Col(Tensor.Reshape(xs[0], t.k.XShape), t.k.Geometry), maxTest: 15);
    }

    [Fact]
    public void Col2ImGradients()
    {
        var cases = from k in Cases(5) from y in Gens.Flat([k.N * k.Geometry.Windows, k.Geometry.PatchSize], Gens.Any) select (k, y);
        GradCheck.Property(cases, t => [t.y], (t, xs) =>
            Tensor.Col2Im(Tensor.Reshape(xs[0], t.k.N * t.k.Geometry.Windows, t.k.Geometry.PatchSize), t.k.Geometry, t.k.N), maxTest: 15);
    }

    /// <summary>y[n, o, oh, ow] = b[o] + Σ_{c,i,j} W[o, c, i, j]·x[n, c, oh·sH − pH + i, ow·sW − pW + j].</summary>
    private static double[] DirectConv(ConvCase k, double[] x, double[] w, double[]? b)
    {
        var g = k.Geometry;
        var y = new double[k.N * k.O * g.OutH * g.OutW];
        for (int n = 0; n < k.N; n++)
            for (int o = 0; o < k.O; o++)
                for (int oh = 0; oh < g.OutH; oh++)
                    for (int ow = 0; ow < g.OutW; ow++)
                    {
                        double s = b?[o] ?? 0;
                        for (int c = 0; c < k.C; c++)
                            for (int i = 0; i < k.KH; i++)
                                for (int j = 0; j < k.KW; j++)
                                    s += w[((o * k.C + c) * k.KH + i) * k.KW + j] * At(x, k.XShape, n, c, oh * k.SH - k.PH + i, ow * k.SW - k.PW + j);
                        y[((n * k.O + o) * g.OutH + oh) * g.OutW + ow] = s;
                    }
        return y;
    }

    [Fact]
    public void Conv2dMatchesTheDirectSum()
    {
        var cases = from k in Cases() from x in Gens.Flat(k.XShape, Gens.Any) from w in Gens.Flat(k.WShape, Gens.Any)
                    from b in Gens.Flat([k.O], Gens.Any) from bias in Gen.Elements(false, true) select (k, x, w, b, bias);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var k = t.k;
            var y = Tensor.Conv2d(Tensor.Reshape(t.x.Tensor(), k.XShape), Tensor.Reshape(t.w.Tensor(), k.WShape),
                t.bias ? Tensor.Reshape(t.b.Tensor(), k.O) : null, (k.SH, k.SW), (k.PH, k.PW));
            Assert.Equal(new[] { k.N, k.O, k.Geometry.OutH, k.Geometry.OutW }, y.Shape);
            Tolerance.Close(DirectConv(k, t.x.V, t.w.V, t.bias ? t.b.V : null), y.ToArray(), 1e-13, 1e-13);
            return true;
        }));
    }

    /// <summary>A transposed-conv case: the conv case read backwards (its output size is the transposed conv's input).</summary>
    private static Gen<(ConvCase K, int OPH, int OPW)> TransposedCases(int maxSide = 4) =>
        from n in Gen.Choose(1, 2) from cin in Gen.Choose(1, 3) from cout in Gen.Choose(1, 3)
        from h in Gen.Choose(1, maxSide) from w in Gen.Choose(1, maxSide)
        from kh in Gen.Choose(1, 4) from kw in Gen.Choose(1, 4) from sh in Gen.Choose(1, 3) from sw in Gen.Choose(1, 3)
        from ph in Gen.Choose(0, 1) from pw in Gen.Choose(0, 1) from oph in Gen.Choose(0, sh - 1) from opw in Gen.Choose(0, sw - 1)
        let oh = (h - 1) * sh - 2 * ph + kh + oph
        let ow = (w - 1) * sw - 2 * pw + kw + opw
        where oh >= 1 && ow >= 1
        select (new ConvCase(n, cin, cout, h, w, kh, kw, sh, sw, ph, pw), oph, opw);

    /// <summary>y[n, co, ih·s − p + i, iw·s − p + j] += x[n, ci, ih, iw]·W[ci, co, i, j] (PyTorch's definition), plus b[co].</summary>
    private static (double[] Y, int OH, int OW) DirectTransposed(ConvCase k, int oph, int opw, double[] x, double[] w, double[]? b)
    {
        int oh = (k.H - 1) * k.SH - 2 * k.PH + k.KH + oph, ow = (k.W - 1) * k.SW - 2 * k.PW + k.KW + opw, cout = k.O;
        var y = new double[k.N * cout * oh * ow];
        for (int n = 0; n < k.N; n++)
            for (int co = 0; co < cout; co++)
                for (int p = 0; p < oh * ow; p++) y[(n * cout + co) * oh * ow + p] = b?[co] ?? 0;
        for (int n = 0; n < k.N; n++)
            for (int ci = 0; ci < k.C; ci++)
                for (int ih = 0; ih < k.H; ih++)
                    for (int iw = 0; iw < k.W; iw++)
                        for (int co = 0; co < cout; co++)
                            for (int i = 0; i < k.KH; i++)
                                for (int j = 0; j < k.KW; j++)
                                {
                                    int r = ih * k.SH - k.PH + i, c = iw * k.SW - k.PW + j;
                                    if (r < 0 || c < 0 || r >= oh || c >= ow) continue;
                                    y[((n * cout + co) * oh + r) * ow + c] += x[((n * k.C + ci) * k.H + ih) * k.W + iw] * w[((ci * cout + co) * k.KH + i) * k.KW + j];
                                }
        return (y, oh, ow);
    }

    [Fact]
    public void ConvTranspose2dMatchesTheScatterDefinition()
    {
        var cases = from t in TransposedCases(5) from x in Gens.Flat(t.K.XShape, Gens.Any)
                    from w in Gens.Flat([t.K.C, t.K.O, t.K.KH, t.K.KW], Gens.Any) from b in Gens.Flat([t.K.O], Gens.Any) from bias in Gen.Elements(false, true)
                    select (t, x, w, b, bias);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var k = c.t.K;
            var (expected, oh, ow) = DirectTransposed(k, c.t.OPH, c.t.OPW, c.x.V, c.w.V, c.bias ? c.b.V : null);
            var y = Tensor.ConvTranspose2d(Tensor.Reshape(c.x.Tensor(), k.XShape), Tensor.Reshape(c.w.Tensor(), k.C, k.O, k.KH, k.KW),
                c.bias ? Tensor.Reshape(c.b.Tensor(), k.O) : null, (k.SH, k.SW), (k.PH, k.PW), (c.t.OPH, c.t.OPW));
            Assert.Equal(new[] { k.N, k.O, oh, ow }, y.Shape);
            Tolerance.Close(expected, y.ToArray(), 1e-13, 1e-13);
            return true;
        }));
    }

    [Fact]
    public void ConvTransposeIsTheAdjointOfConvInTheInput()
    {
        // ⟨conv2d(x, W), y⟩ = ⟨x, conv_transpose2d(y, W)⟩ with the same weight (read [O, C, kH, kW] by conv, [Cin=O, Cout=C, …] by the transpose).
        var cases = from k in Cases() from x in Gens.Flat(k.XShape, Gens.Any) from w in Gens.Flat(k.WShape, Gens.Any)
                    from y in Gens.Flat([k.N, k.O, k.Geometry.OutH, k.Geometry.OutW], Gens.Any) select (k, x, w, y);
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var k = t.k;
            var g = k.Geometry;
            int oph = k.H + 2 * k.PH - k.KH - (g.OutH - 1) * k.SH, opw = k.W + 2 * k.PW - k.KW - (g.OutW - 1) * k.SW;
            if (oph >= k.SH || opw >= k.SW) return true; // PyTorch cannot express this size as an output padding either
            var x = Tensor.Reshape(t.x.Tensor(), k.XShape);
            var w = Tensor.Reshape(t.w.Tensor(), k.WShape);
            var y = Tensor.Reshape(t.y.Tensor(), k.N, k.O, g.OutH, g.OutW);
            double lhs = Tensor.Sum(Tensor.Conv2d(x, w, null, (k.SH, k.SW), (k.PH, k.PW)) * y).Item();
            double rhs = Tensor.Sum(x * Tensor.ConvTranspose2d(y, w, null, (k.SH, k.SW), (k.PH, k.PW), (oph, opw))).Item();
            return Tolerance.IsClose(lhs, rhs, 1e-12, 1e-12);
        }));
    }

    [Fact]
    public void Conv2dGradients()
    {
        // First and second order in x, W and b together (conv is bilinear in x and W: the mixed Hessian blocks are checked).
        var cases = from k in Cases(4) from x in Gens.Flat(k.XShape, Gens.Any) from w in Gens.Flat(k.WShape, Gens.Any)
                    from b in Gens.Flat([k.O], Gens.Any) select (k, x, w, b);
        GradCheck.Property(cases, t => [t.x, t.w, t.b], (t, xs) => Tensor.Conv2d(Tensor.Reshape(xs[0], t.k.XShape), Tensor.Reshape(xs[1], t.k.WShape),
            Tensor.Reshape(xs[2], t.k.O), (t.k.SH, t.k.SW), (t.k.PH, t.k.PW)), maxTest: 12);
    }

    [Fact]
    public void ConvTranspose2dGradients()
    {
        var cases = from t in TransposedCases(3) from x in Gens.Flat(t.K.XShape, Gens.Any)
                    from w in Gens.Flat([t.K.C, t.K.O, t.K.KH, t.K.KW], Gens.Any) from b in Gens.Flat([t.K.O], Gens.Any) select (t, x, w, b);
        GradCheck.Property(cases, c => [c.x, c.w, c.b], (c, xs) =>
        {
            var k = c.t.K;
            return Tensor.ConvTranspose2d(Tensor.Reshape(xs[0], k.XShape), Tensor.Reshape(xs[1], k.C, k.O, k.KH, k.KW), Tensor.Reshape(xs[2], k.O),
                (k.SH, k.SW), (k.PH, k.PW), (c.t.OPH, c.t.OPW));
        }, maxTest: 12);
    }

    [Fact]
    public void PenaltyThroughLeakyConvReachesTheWeights()
    {
        // The gradient-penalty pattern: ∂/∂W of ‖∇ₓ f(x)‖² for f = Σ leaky(conv(x, W)) (double backward through
        // Im2Col, the GEMM and the permutes), against central differences of the penalty itself.
        var k = new ConvCase(2, 2, 3, 5, 5, 3, 3, 2, 2, 1, 1);
        var rng = new Verify.Networks.Init.Rng(7);
        var x0 = Tensor.Normal<double>(rng, 0, 1, k.XShape);
        var w0 = Tensor.Normal<double>(rng, 0, 0.5, k.WShape);
        double Penalty(Tensor<double> w, out Tensor<double>? grad)
        {
            var x = x0.Detach().RequireGrad();
            var f = Tensor.Sum(Tensor.LeakyRelu(Tensor.Conv2d(x, w, null, 2, 1), 0.2) * Tensor.Conv2d(x, w, null, 2, 1));
            var gx = Verify.Networks.Autodiff.Autograd.Grad(f, x, createGraph: true);
            var p = Tensor.Sum(Tensor.Square(gx));
            grad = w.RequiresGrad ? Verify.Networks.Autodiff.Autograd.Grad(p, w) : null;
            return p.Item();
        }
        Penalty(w0.Detach().RequireGrad(), out var analytic);
        for (int i = 0; i < w0.Length; i += 5)
        {
            var up = w0.Detach(); up.Span[i] += 1e-6;
            var down = w0.Detach(); down.Span[i] -= 1e-6;
            double numeric = (Penalty(up, out _) - Penalty(down, out _)) / 2e-6;
            Tolerance.Close(numeric, analytic![i], 1e-6, 1e-6, $"∂penalty/∂W[{i}]");
        }
    }

    [Fact]
    public void FloatAgreesWithDoubleAndThreadsDoNotChangeBits()
    {
        // A DCGAN-sized layer (batch 8, 64→128, k4 s2 p1 on 14×14): float within 1e-4 relative of double (the sums are
        // 1024 terms long), and the batch split over the cores gives the same bits as one thread.
        var rng = new Verify.Networks.Init.Rng(3);
        var x = Tensor.Uniform<double>(rng, -1, 1, 8, 64, 14, 14);
        var w = Tensor.Uniform<double>(rng, -0.03, 0.03, 128, 64, 4, 4);
        var yd = Tensor.Conv2d(x, w, null, 2, 1).ToArray();
        var xf = Tensor.Cast<double, float>(x); var wf = Tensor.Cast<double, float>(w);
        var yf = Tensor.Conv2d(xf, wf, null, 2, 1).ToArray();
        double scale = yd.Max(Math.Abs);
        for (int i = 0; i < yd.Length; i++) Tolerance.Close(yd[i], yf[i], 0, 1e-5 * scale, $"y[{i}]");
        int saved = Parallelism.Threads;
        try
        {
            Parallelism.Threads = 1;
            var one = Tensor.ConvTranspose2d(xf, Tensor.Cast<double, float>(Tensor.Uniform<double>(new Verify.Networks.Init.Rng(4), -0.03, 0.03, 64, 32, 4, 4)), null, 2, 1).ToArray();
            Parallelism.Threads = 2;
            var two = Tensor.ConvTranspose2d(xf, Tensor.Cast<double, float>(Tensor.Uniform<double>(new Verify.Networks.Init.Rng(4), -0.03, 0.03, 64, 32, 4, 4)), null, 2, 1).ToArray();
            Assert.Equal(one, two);
        }
        finally { Parallelism.Threads = saved; }
    }

    [Fact]
    public void BadShapesAreRefusedWithTheReason()
    {
        var x = Tensor.Zeros<double>(1, 2, 5, 5);
        Assert.Contains("same C", Assert.Throws<ArgumentException>(() => Tensor.Conv2d(x, Tensor.Zeros<double>(3, 1, 3, 3))).Message);
        Assert.Contains("bias", Assert.Throws<ArgumentException>(() => Tensor.Conv2d(x, Tensor.Zeros<double>(3, 2, 3, 3), Tensor.Zeros<double>(2))).Message);
        Assert.Contains("does not fit", Assert.Throws<ArgumentException>(() => Tensor.Conv2d(x, Tensor.Zeros<double>(3, 2, 7, 7))).Message);
        Assert.Contains("output padding", Assert.Throws<ArgumentException>(() => Tensor.ConvTranspose2d(x, Tensor.Zeros<double>(2, 3, 3, 3), null, 2, 1, 2)).Message);
        Assert.Throws<ArgumentException>(() => Tensor.Im2Col(Tensor.Zeros<double>(5, 5), Conv2dGeometry.Square(1, 5, 5, 3)));
        Assert.Throws<ArgumentException>(() => Tensor.Col2Im(Tensor.Zeros<double>(4, 9), Conv2dGeometry.Square(1, 5, 5, 3), 1));
    }
}
