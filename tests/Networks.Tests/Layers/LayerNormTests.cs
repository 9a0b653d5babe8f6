using FsCheck;
using FsCheck.Fluent;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Layers;

/// <summary>LayerNorm: PyTorch 1.13 reference values, per-sample statistics, first- and second-order gradient checks.</summary>
public sealed class LayerNormTests
{
    [Fact]
    public void ForwardAndBackwardMatchPyTorch()
    {
        var ln = new LayerNorm<double>([3, 2, 2]);
        TorchGrid.Set(ln.Weight!, TorchGrid.Of([3, 2, 2], 41, 3, 8));
        TorchGrid.Set(ln.Bias!, TorchGrid.Of([3, 2, 2], 43, 7, 8));
        var x = TorchGrid.Of([2, 3, 2, 2], 37, 11, 8).RequireGrad();
        var y = ln.Forward(x);
        TorchGrid.Close(TorchReference.LnY, y, "y");
        var g = TorchGrid.Grads(y, x, ln.Weight!, ln.Bias!);
        TorchGrid.Close(TorchReference.LnDx, g[0], "∂L/∂x");
        TorchGrid.Close(TorchReference.LnDw, g[1], "∂L/∂γ");
        TorchGrid.Close(TorchReference.LnDb, g[2], "∂L/∂β");
    }

    [Fact]
    public void EachSampleIsNormalisedOnItsOwn()
    {
        // Without affine parameters every sample has mean 0 and variance v/(v + ε); changing another sample changes nothing.
        var ln = new LayerNorm<double>([4, 3], elementwiseAffine: false);
        var x = Tensor.Normal<double>(new Verify.Networks.Init.Rng(3), 2, 3, 5, 4, 3);
        var y = ln.Forward(x).ToArray();
        for (int n = 0; n < 5; n++)
        {
            var xs = x.ToArray().Skip(12 * n).Take(12).ToArray();
            double mu = xs.Average(), v = xs.Select(a => (a - mu) * (a - mu)).Average();
            var ys = y.Skip(12 * n).Take(12).ToArray();
            Tolerance.Close(0, ys.Average(), 0, 1e-15);
            Tolerance.Close(v / (v + 1e-5), ys.Select(a => a * a).Average(), 1e-13);
        }
        var x2 = x.Detach();
        x2.Span[0] += 10;
        Assert.Equal(y.Skip(12).ToArray(), ln.Forward(x2).ToArray().Skip(12).ToArray());
        Assert.Empty(ln.Parameters());
    }

    [Fact]
    public void Gradients()
    {
        // First and second order in x with generated γ, β (∂/∂γ and ∂/∂β are checked against PyTorch above).
        var cases = from shape in Gens.Shape(2, 4, 3) from x in Gens.Flat(shape, Gens.Any) from keep in Gen.Choose(1, shape.Length - 1)
                    let normalized = shape.Skip(shape.Length - keep).ToArray()
                    from g in Gens.Flat(normalized, Gens.Any) from b in Gens.Flat(normalized, Gens.Any)
                    where Nd.Count(normalized) > 1
                    select (shape, x, normalized, g, b);
        GradCheck.Property(cases, c => [c.x], (c, xs) =>
        {
            var ln = new LayerNorm<double>(c.normalized);
            TorchGrid.Set(ln.Weight!, c.g.Tensor());
            TorchGrid.Set(ln.Bias!, c.b.Tensor());
            return ln.Forward(Tensor.Reshape(xs[0], c.shape));
        }, maxTest: 15);
    }

    [Fact]
    public void BadInputIsNamed()
    {
        Assert.Contains("does not end in", Assert.Throws<ArgumentException>(() => new LayerNorm<double>([3]).Forward(Tensor.Zeros<double>(2, 4))).Message);
        Assert.Throws<ArgumentException>(() => new LayerNorm<double>([]));
        Assert.Throws<ArgumentException>(() => new LayerNorm<double>([2], eps: 0));
        Assert.Equal(new[] { "weight", "bias" }, new LayerNorm<double>([2, 2]).NamedParameters().Select(p => p.Name));
    }
}
