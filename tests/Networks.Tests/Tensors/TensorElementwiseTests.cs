using FsCheck;
using FsCheck.Fluent;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Tensors;

/// <summary>
/// Element-wise ops: forward values against the scalar formula, gradients (first and second order) against central
/// finite differences on generated shapes and values. Piecewise ops get values at least 0.05 away from their kinks.
/// </summary>
public sealed class TensorElementwiseTests
{
    private static void Forward(Func<Tensor<double>, Tensor<double>> op, Func<double, double> reference, params double[] xs)
    {
        var y = op(Tensor.From(xs));
        for (int i = 0; i < xs.Length; i++) Tolerance.Close(reference(xs[i]), y[i], 1e-15, 1e-300, $"f({xs[i]})");
    }

    private static readonly double[] Sample = [-3.5, -1.0, -0.2, 0.25, 0.7, 2.0, 30.0];
    private static readonly double[] PositiveSample = [0.01, 0.3, 1.0, 2.5, 40.0];

    [Fact] public void NegValuesAndGradients() { Forward(Tensor.Neg, x => -x, Sample); GradCheck.Unary(Gens.Matrix(Gens.Any), Tensor.Neg); }
    [Fact] public void AddScalarValuesAndGradients() { Forward(x => x + 1.5, x => x + 1.5, Sample); GradCheck.Unary(Gens.Matrix(Gens.Any), x => x - 0.75); }
    [Fact] public void MulScalarValuesAndGradients() { Forward(x => 2.5 * x, x => 2.5 * x, Sample); GradCheck.Unary(Gens.Matrix(Gens.Any), x => x * -1.25); }
    [Fact] public void RSubScalarValuesAndGradients() { Forward(x => 1.0 - x, x => 1.0 - x, Sample); GradCheck.Unary(Gens.Matrix(Gens.Any), x => 2.0 - x); }
    [Fact] public void RDivScalarValuesAndGradients() { Forward(x => 3.0 / x, x => 3.0 / x, Sample); GradCheck.Unary(Gens.Matrix(Gens.AwayFrom(0, 0.5, 1.5)), x => 3.0 / x); }
    [Fact] public void ExpValuesAndGradients() { Forward(Tensor.Exp, Math.Exp, Sample); GradCheck.Unary(Gens.Matrix(Gens.Any), Tensor.Exp); }
    [Fact] public void LogValuesAndGradients() { Forward(Tensor.Log, Math.Log, PositiveSample); GradCheck.Unary(Gens.Matrix(Gens.Positive), Tensor.Log); }
    [Fact] public void SqrtValuesAndGradients() { Forward(Tensor.Sqrt, Math.Sqrt, PositiveSample); GradCheck.Unary(Gens.Matrix(Gens.Positive), Tensor.Sqrt); }
    [Fact] public void SquareValuesAndGradients() { Forward(Tensor.Square, x => x * x, Sample); GradCheck.Unary(Gens.Matrix(Gens.Any), Tensor.Square); }
    [Fact] public void PowValuesAndGradients() { Forward(x => Tensor.Pow(x, 1.7), x => Math.Pow(x, 1.7), PositiveSample); GradCheck.Unary(Gens.Matrix(Gens.Positive), x => Tensor.Pow(x, 1.7)); }
    [Fact] public void AbsValuesAndGradients() { Forward(Tensor.Abs, Math.Abs, Sample); GradCheck.Unary(Gens.Matrix(Gens.AwayFrom(0, 0.05, 2)), x => Tensor.Abs(x) * x); }
    [Fact] public void ReluValuesAndGradients() { Forward(Tensor.Relu, x => Math.Max(x, 0), Sample); GradCheck.Unary(Gens.Matrix(Gens.AwayFrom(0, 0.05, 2)), x => Tensor.Relu(x) * Tensor.Exp(x)); }
    [Fact] public void LeakyReluValuesAndGradients() { Forward(x => Tensor.LeakyRelu(x, 0.2), x => x > 0 ? x : 0.2 * x, Sample); GradCheck.Unary(Gens.Matrix(Gens.AwayFrom(0, 0.05, 2)), x => Tensor.Tanh(Tensor.LeakyRelu(x, 0.2))); }
    [Fact] public void TanhValuesAndGradients() { Forward(Tensor.Tanh, Math.Tanh, Sample); GradCheck.Unary(Gens.Matrix(Gens.Any), Tensor.Tanh); }
    [Fact] public void SigmoidValuesAndGradients() { Forward(Tensor.Sigmoid, x => 1 / (1 + Math.Exp(-x)), Sample); GradCheck.Unary(Gens.Matrix(Gens.Any), Tensor.Sigmoid); }
    [Fact] public void SoftplusValuesAndGradients() { Forward(Tensor.Softplus, x => Math.Log(1 + Math.Exp(x)), Sample); GradCheck.Unary(Gens.Matrix(Gens.Any), Tensor.Softplus); }
    [Fact] public void SafeReciprocalValuesAndGradients() { Forward(Tensor.SafeReciprocal, x => 1 / x, Sample); GradCheck.Unary(Gens.Matrix(Gens.AwayFrom(0, 0.5, 1.5)), Tensor.SafeReciprocal); }
    [Fact] public void ClampValuesAndGradients() { Forward(x => Tensor.Clamp(x, -0.5, 0.5), x => Math.Clamp(x, -0.5, 0.5), Sample); GradCheck.Unary(Gens.Matrix(Gens.Uniform(-1.0, 1.0).Where(v => Math.Abs(Math.Abs(v) - 0.5) > 0.05)), x => Tensor.Clamp(x, -0.5, 0.5) * x); }
    [Fact] public void MaximumValuesAndGradients() { Forward(x => Tensor.Maximum(x, 0.3), x => Math.Max(x, 0.3), Sample); GradCheck.Unary(Gens.Matrix(Gens.AwayFrom(0.3, 0.05, 2)), x => Tensor.Square(Tensor.Maximum(x, 0.3))); }
    [Fact] public void MinimumValuesAndGradients() { Forward(x => Tensor.Minimum(x, 0.3), x => Math.Min(x, 0.3), Sample); GradCheck.Unary(Gens.Matrix(Gens.AwayFrom(0.3, 0.05, 2)), x => Tensor.Square(Tensor.Minimum(x, 0.3))); }

    [Fact]
    public void MaskedScaleValuesAndGradients()
    {
        var y = Tensor.MaskedScale(Tensor.From(new[] { 2.0, 3.0, -4.0 }), Tensor.From(new[] { 1.0, -1.0, -0.5 }), 0.25);
        Assert.Equal(new[] { 2.0, 0.75, -1.0 }, y.ToArray());
        var cases = from g in Gens.Matrix(Gens.Any) from x in Gens.Matrix(g.M, g.N, Gens.AwayFrom(0, 0.05, 2)) select (g, x);
        GradCheck.Property(cases, c => [c.g, c.x], xs => Tensor.MaskedScale(Tensor.Exp(xs[0]), xs[1], 0.2) * xs[0]);
    }

    [Fact]
    public void LargeTensorsGiveTheSameBitsOnOneThreadAndOnAll()
    {
        // Above the threshold element-wise ops are cut into pieces at multiples of Parallelism.Chunk (never by thread count):
        // every element goes through the same vector code either way. 100 003 elements: a partial last piece.
        var rng = new Verify.Networks.Init.Rng(7);
        var a = Tensor.Uniform<float>(rng, -3, 3, 100_003);
        var b = Tensor.Uniform<float>(rng, 0.5, 3, 100_003);
        Func<Tensor<float>>[] ops = [() => a + b, () => a * b, () => a / b, () => Tensor.Exp(a), () => Tensor.Tanh(a), () => Tensor.Sigmoid(a),
            () => Tensor.Log(b), () => Tensor.Pow(b, 1.7f), () => Tensor.LeakyRelu(a, 0.2f), () => Tensor.MaskedScale(b, a, 0.2f), () => 2f - a, () => a * 3f];
        int saved = Verify.Networks.Native.Parallelism.Threads;
        try
        {
            foreach (var op in ops)
            {
                Verify.Networks.Native.Parallelism.Threads = 1;
                var one = op().ToArray();
                Verify.Networks.Native.Parallelism.Threads = 2;
                Assert.Equal(one, op().ToArray());
            }
        }
        finally { Verify.Networks.Native.Parallelism.Threads = saved; }
    }

    [Fact]
    public void SafeReciprocalIsZeroAtZero() => Assert.Equal(0.0, Tensor.SafeReciprocal(Tensor.From(new[] { 0.0 }))[0]);

    [Fact]
    public void SoftplusAndBceAreStableForLargeLogits()
    {
        var x = Tensor.From(new[] { -800.0, 800.0 });
        Tolerance.Close([0.0, 800.0], Tensor.Softplus(x).ToArray(), 1e-15);
        // ℓ(x, z) = softplus(x) − x·z: with z = 1 the loss at x = 800 is ~0, at x = −800 it is 800.
        Tolerance.Close([800.0, 0.0], Tensor.BceWithLogits(x, Tensor.From(new[] { 1.0, 1.0 })).ToArray(), 1e-15);
    }

    [Fact]
    public void BceWithLogitsValuesAndGradients()
    {
        var x = Tensor.From(new[] { -2.0, 0.3, 1.5 });
        var z = Tensor.From(new[] { 1.0, 0.0, 0.25 });
        var y = Tensor.BceWithLogits(x, z);
        for (int i = 0; i < 3; i++)
        {
            double s = 1 / (1 + Math.Exp(-x[i]));
            Tolerance.Close(-(z[i] * Math.Log(s) + (1 - z[i]) * Math.Log(1 - s)), y[i], 1e-14);
        }
        var cases = from a in Gens.Matrix(Gens.Uniform(-4, 4)) from b in Gens.Matrix(a.M, a.N, Gens.Uniform(0, 1)) select (a, b);
        GradCheck.Property(cases, c => [c.a, c.b], xs => Tensor.BceWithLogits(xs[0], xs[1]));
    }

    /// <summary>A matrix A and an operand B of the same shape, a row (1×n), a column (m×1) or a single value.</summary>
    private static Gen<(Mat A, Mat B)> BroadcastPairs(Gen<double> values) =>
        from a in Gens.Matrix(values)
        from kind in Gen.Choose(0, 3)
        from b in kind switch
        {
            0 => Gens.Matrix(a.M, a.N, values),
            1 => Gens.Matrix(1, a.N, values),
            2 => Gens.Matrix(a.M, 1, values),
            _ => Gens.Matrix(1, 1, values),
        }
        select (a, b);

    [Fact] public void AddBroadcastsAndDifferentiates() => Binary(Tensor.Add, (a, b) => a + b, Gens.Any);
    [Fact] public void SubBroadcastsAndDifferentiates() => Binary(Tensor.Sub, (a, b) => a - b, Gens.Any);
    [Fact] public void MulBroadcastsAndDifferentiates() => Binary(Tensor.Mul, (a, b) => a * b, Gens.Any);
    [Fact] public void DivBroadcastsAndDifferentiates() => Binary(Tensor.Div, (a, b) => a / b, Gens.AwayFrom(0, 0.5, 1.5));

    /// <summary>
    /// Rank-3/4 broadcasting: the big operand against a shape made by setting a random subset of its dimensions to 1 and
    /// dropping a random number of leading ones, both ways round; values against an index loop, gradients against finite
    /// differences.
    /// </summary>
    [Fact]
    public void BroadcastingInAnyRank()
    {
        var cases = from shape in Gens.Shape(3, 4, 3) from a in Gens.Flat(shape, Gens.AwayFrom(0, 0.5, 1.5))
                    from mask in Gen.Choose(0, (1 << shape.Length) - 1) from drop in Gen.Choose(0, shape.Length)
                    let small = shape.Select((d, k) => (mask >> k & 1) == 1 ? 1 : d).Skip(drop).ToArray()
                    from b in Gens.Flat(small, Gens.AwayFrom(0, 0.5, 1.5)) from op in Gen.Choose(0, 3) from swap in Gen.Elements(false, true)
                    select (shape, a, small, b, op, swap);
        Func<Tensor<double>, Tensor<double>, Tensor<double>>[] ops = [Tensor.Add, Tensor.Sub, Tensor.Mul, Tensor.Div];
        Func<double, double, double>[] refs = [(x, y) => x + y, (x, y) => x - y, (x, y) => x * y, (x, y) => x / y];
        PropertyCheck.Run(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (big, small) = (Tensor.Reshape(c.a.Tensor(), c.shape), Tensor.Reshape(c.b.Tensor(), c.small));
            var y = c.swap ? ops[c.op](small, big) : ops[c.op](big, small);
            Assert.Equal(c.shape, y.Shape);
            for (int f = 0; f < c.a.V.Length; f++)
            {
                var idx = Nd.Index(c.shape, f)[(c.shape.Length - c.small.Length)..];
                for (int k = 0; k < idx.Length; k++) if (c.small[k] == 1) idx[k] = 0;
                double av = c.a.V[f], bv = c.b.V[Nd.Flat(c.small, idx)];
                Tolerance.Close(c.swap ? refs[c.op](bv, av) : refs[c.op](av, bv), y[f], 1e-15, 1e-300);
            }
            return true;
        }));
        GradCheck.Property(cases, c => [c.a, c.b], (c, xs) =>
        {
            var (big, small) = (Tensor.Reshape(xs[0], c.shape), Tensor.Reshape(xs[1], c.small));
            return c.swap ? ops[c.op](small, big) : ops[c.op](big, small);
        }, maxTest: 15);
    }

    /// <summary>
    /// Broadcasting both ways (A ∘ B and B ∘ A), with a row operand given either as a 1×n matrix or as an [n] vector:
    /// values against the scalar formula, gradients (summed back to each operand's shape) against finite differences.
    /// </summary>
    private static void Binary(Func<Tensor<double>, Tensor<double>, Tensor<double>> op, Func<double, double, double> reference, Gen<double> values,
        [System.Runtime.CompilerServices.CallerMemberName] string caller = "")
    {
        var cases = from p in BroadcastPairs(values) from swap in Gen.Elements(false, true) from vector in Gen.Elements(false, true) select (p.A, p.B, Swap: swap, Vector: vector);
        Tensor<double> Small(Tensor<double> b, bool vector) => vector && b.Rows == 1 ? Tensor.Reshape(b, b.Cols) : b;
        var forward = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (big, small) = (c.A.Tensor(), Small(c.B.Tensor(), c.Vector));
            var y = c.Swap ? op(small, big) : op(big, small);
            Assert.Equal(new[] { c.A.M, c.A.N }, y.Shape);
            for (int i = 0; i < c.A.M; i++)
                for (int j = 0; j < c.A.N; j++)
                {
                    double bv = c.B.V[(c.B.M == 1 ? 0 : i) * c.B.N + (c.B.N == 1 ? 0 : j)], av = c.A.V[i * c.A.N + j];
                    Tolerance.Close(c.Swap ? reference(bv, av) : reference(av, bv), y[i, j], 1e-15, 1e-300);
                }
            return true;
        });
        PropertyCheck.Run(forward, 50, caller: caller + ".forward");
        GradCheck.Property(cases, c => [c.A, c.B],
            (c, xs) => c.Swap ? op(Small(xs[1], c.Vector), xs[0]) : op(xs[0], Small(xs[1], c.Vector)), caller: caller);
    }
}
