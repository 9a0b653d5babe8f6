using Verify.Networks.Architectures;
using Verify.Networks.Tensors;
using Xunit;

namespace Verify.Networks.Tests.Architectures;

/// <summary>The weights and inputs of torch_architectures.py, rebuilt exactly.</summary>
public static class TorchFill
{
    public static Tensor<double> Grid(int[] shape, int a, int b, double d)
    {
        int n = shape.Aggregate(1, (x, y) => x * y);
        return Tensor.From(Enumerable.Range(0, n).Select(i => (((a * i + b) % 23) - 11) / d).ToArray(), shape);
    }

    /// <summary>Sets every floating state-dict entry k (PyTorch's order; num_batches_tracked is an integer there) as the script does.</summary>
    public static void Fill(SequentialModel<double> model)
    {
        int k = 0;
        foreach (var (name, t) in model.StateDict())
        {
            if (name.EndsWith("num_batches_tracked", StringComparison.Ordinal)) continue;
            double d = t.Rank >= 2 ? 4 * Math.Sqrt((double)t.Length / t.Shape[0]) : 64.0;
            var g = Grid([.. t.Shape], 37 + 2 * k, 11 + k, d).ToArray();
            if (name.EndsWith("running_var", StringComparison.Ordinal)) g = g.Select(v => Math.Abs(v) + 0.5).ToArray();
            g.CopyTo(t.Span);
            k++;
        }
    }

    /// <summary>The names and shapes of <paramref name="actual"/> equal PyTorch's state dict, in order.</summary>
    public static void SameLayout((string Name, int[] Shape)[] expected, IEnumerable<(string Name, Tensor<double> Value)> actual)
    {
        var got = actual.Select(e => (e.Name, Shape: e.Value.Shape.ToArray())).ToArray();
        Assert.Equal(expected.Select(e => e.Name), got.Select(e => e.Name));
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i].Shape, got[i].Shape);
    }
}
