using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;
using Verify.Networks.Training;

namespace Verify.Networks.Tests.Critics;

/// <summary>Shared fixtures: the PyTorch reference critic and 1-D sample sets with their exact W₁.</summary>
internal static class CriticTestKit
{
    // Networks issue §4 (float64, PyTorch 1.13): f(x) = w2·leaky_relu(W1·x + b1, 0.2) + b2.
    public static readonly double[] W1 = [0.5, -1.0, 1.5, 0.25, -0.75, 0.8];
    public static readonly double[] B1 = [0.1, -0.2, 0.05];
    public static readonly double[] W2 = [1.0, -0.5, 2.0];
    public static readonly double[] B2 = [0.3];
    public static readonly double[] X = [0.2, -0.4, 1.0, 0.5];

    public static CriticArchitecture ReferenceArchitecture => new([2, 3, 1], Activation.LeakyReLU, 0.2);

    /// <summary>The reference critic as a Verify MLP (weights copied in).</summary>
    public static MlpCritic<double> ReferenceCritic()
    {
        var c = new MlpCritic<double>(ReferenceArchitecture, new Rng(1));
        W1.CopyTo(c.Linears[0].Weight.Span);
        B1.CopyTo(c.Linears[0].Bias!.Span);
        W2.CopyTo(c.Linears[1].Weight.Span);
        B2.CopyTo(c.Linears[1].Bias!.Span);
        return c;
    }

    /// <summary>f at one point by hand, in double.</summary>
    public static double ReferenceValue(double x0, double x1)
    {
        double f = B2[0];
        for (int i = 0; i < 3; i++)
        {
            double h = W1[2 * i] * x0 + W1[2 * i + 1] * x1 + B1[i];
            f += W2[i] * (h > 0 ? h : 0.2 * h);
        }
        return f;
    }

    /// <summary>n draws of N(mean, sd²) from a seeded generator.</summary>
    public static double[] Normal(int n, double mean, double sd, ulong seed)
    {
        var rng = new Rng(seed);
        return Enumerable.Range(0, n).Select(_ => mean + sd * rng.NextNormal()).ToArray();
    }

    /// <summary>
    /// Exact W₁ between two uniform empirical laws of equal size on ℝ: the mean distance between order statistics
    /// (the quantile-coupling formula, independent of the OT solvers).
    /// </summary>
    public static double SortedW1(double[] a, double[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException("equal sizes only");
        var x = a.OrderBy(v => v).ToArray();
        var y = b.OrderBy(v => v).ToArray();
        return x.Zip(y, (p, q) => Math.Abs(p - q)).Average();
    }

    public static SampleSet<double> Set(double[] values) => new(values, 1);

    public static Tensor<double> Column(double[] values) => Tensor.From(values, values.Length, 1);
}
