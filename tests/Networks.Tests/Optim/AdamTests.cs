using Verify.Networks.Optim;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Optim;

/// <summary>Adam against PyTorch 1.13 (float64).</summary>
public sealed class AdamTests
{
    [Fact]
    public void MatchesPyTorch()
    {
        var p = OptimReference.NewParameter();
        Tolerance.Close([0.6914937114386529, -1.702728536477757, 2.70176491899653],
            OptimReference.Run(p, new Adam<double>([p], 0.1, 0.5, 0.9)), rel: 1e-12);
    }

    [Fact]
    public void FirstStepMovesEachCoordinateByTheLearningRate()
    {
        // bias correction makes the first step −lr·sign(g)·|g|/(|g| + ε') ≈ −lr·sign(g), independent of β.
        var p = OptimReference.NewParameter();
        var opt = new Adam<double>([p], 0.1, 0.5, 0.9);
        Tensor.Sum(Tensor.Square(p)).Backward(); // g = 2p
        opt.Step();
        Tolerance.Close([0.9, -1.9, 2.9], p.ToArray(), rel: 1e-8);
    }

    [Fact]
    public void LongParametersFollowTheScalarFormula()
    {
        // 37 entries exercise the vectorised loop and its tail; reference: PyTorch's documented Adam, step by step in double.
        int n = 37;
        var p0 = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1.0)).ToArray();
        var p = Tensor.From(p0).RequireGrad();
        var opt = new Adam<double>([p], 0.05, 0.8, 0.95, 1e-8);
        var x = (double[])p0.Clone(); var m = new double[n]; var v = new double[n];
        for (int t = 1; t <= 4; t++)
        {
            opt.ZeroGrad();
            Tensor.Sum(Tensor.Exp(p) * 0.5).Backward(); // g = eᵖ/2
            opt.Step();
            for (int i = 0; i < n; i++)
            {
                double g = Math.Exp(x[i]) / 2;
                m[i] = 0.8 * m[i] + 0.2 * g;
                v[i] = 0.95 * v[i] + 0.05 * g * g;
                double mhat = m[i] / (1 - Math.Pow(0.8, t)), vhat = v[i] / (1 - Math.Pow(0.95, t));
                x[i] -= 0.05 * mhat / (Math.Sqrt(vhat) + 1e-8);
            }
        }
        Tolerance.Close(x, p.ToArray(), 1e-12);
    }
}
