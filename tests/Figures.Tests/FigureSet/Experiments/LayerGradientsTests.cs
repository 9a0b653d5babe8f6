using Verify.Figures.FigureSet.Experiments;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Figures.Tests.FigureSet.Experiments;

public sealed class LayerGradientsTests
{
    [Fact]
    public void OutputLayerNormIsTheLossWeightsNorm()
    {
        // ℓ = mean_Q f − mean_P f: ∂ℓ/∂z_out is +1/n on each fake row and −1/n on each real row.
        var critic = new MlpCritic<double>(CriticArchitecture.Mlp(2, 8, 3), new Rng(2));
        var rng = new Rng(3);
        var real = Tensor.Normal<double>(rng, 0, 1, 256, 2);
        var fake = Tensor.Normal<double>(rng, 1, 1, 256, 2);
        double[] norms = LayerGradients.Of(critic, real, fake);
        Assert.Equal(4, norms.Length);
        Tolerance.Close(Math.Sqrt(2.0 / 256), norms[^1], rel: 1e-14);
    }

    [Fact]
    public void FirstLayerNormMatchesFiniteDifferencesOfAForwardPassWrittenOut()
    {
        var critic = new MlpCritic<double>(CriticArchitecture.Mlp(2, 3, 2), new Rng(4));
        double[] real = [0.3, -1.2, 1.5, 0.4], fake = [2.0, 0.1, -0.7, 0.9];
        double[] norms = LayerGradients.Of(critic, Tensor.FromDouble<double>(real, 2, 2), Tensor.FromDouble<double>(fake, 2, 2));
        double[][] w = critic.Linears.Select(l => l.Weight.ToDoubleArray()).ToArray();
        double[][] b = critic.Linears.Select(l => l.Bias!.ToDoubleArray()).ToArray();
        // f as a function of the first layer's pre-activation z₁ of one row.
        double FromZ1(double[] z1)
        {
            double[] h = z1.Select(v => Math.Max(v, 0)).ToArray();
            for (int k = 1; k < w.Length; k++)
            {
                int outs = b[k].Length;
                var z = new double[outs];
                for (int o = 0; o < outs; o++)
                {
                    z[o] = b[k][o];
                    for (int i = 0; i < h.Length; i++) z[o] += w[k][o * h.Length + i] * h[i];
                }
                h = k + 1 < w.Length ? z.Select(v => Math.Max(v, 0)).ToArray() : z;
            }
            return h[0];
        }
        double[] Z1(double[] x) => Enumerable.Range(0, 3).Select(o => b[0][o] + w[0][o * 2] * x[0] + w[0][o * 2 + 1] * x[1]).ToArray();
        double sum = 0;
        foreach (var (points, sign) in new[] { (fake, 0.5), (real, -0.5) })
            for (int row = 0; row < 2; row++)
            {
                double[] z = Z1(points[(2 * row)..(2 * row + 2)]);
                for (int i = 0; i < 3; i++)
                {
                    const double h = 1e-6;
                    double[] up = (double[])z.Clone(), down = (double[])z.Clone();
                    up[i] += h;
                    down[i] -= h;
                    double g = sign * (FromZ1(up) - FromZ1(down)) / (2 * h);
                    sum += g * g;
                }
            }
        Tolerance.Close(Math.Sqrt(sum), norms[0], rel: 1e-7);
    }
}
