using Verify.Networks.Optim;
using Verify.Networks.Tensors;
using Verify.TestSupport;
using Xunit;

namespace Verify.Networks.Tests.Optim;

/// <summary>RMSprop against PyTorch 1.13 (float64).</summary>
public sealed class RmsPropTests
{
    [Fact]
    public void MatchesPyTorch()
    {
        var p = OptimReference.NewParameter();
        Tolerance.Close([0.7518968958470518, -1.7753494456014602, 2.7738885693916693],
            OptimReference.Run(p, new RmsProp<double>([p], 0.01)), rel: 1e-12);
    }

    [Fact]
    public void AlphaOutsideRangeIsRejected()
    {
        var p = OptimReference.NewParameter();
        Assert.Throws<ArgumentException>(() => new RmsProp<double>([p], 0.01, alpha: 1.0));
    }

    [Fact]
    public void LongParametersFollowTheScalarFormula()
    {
        // 37 entries exercise the vectorised loop and its tail; reference: PyTorch's documented RMSprop in double.
        int n = 37;
        var p0 = Enumerable.Range(0, n).Select(i => Math.Cos(i + 0.5)).ToArray();
        var p = Tensor.From(p0).RequireGrad();
        var opt = new RmsProp<double>([p], 0.02);
        var x = (double[])p0.Clone(); var v = new double[n];
        for (int t = 1; t <= 4; t++)
        {
            opt.ZeroGrad();
            Tensor.Sum(Tensor.Square(p) * 1.5).Backward(); // g = 3p
            opt.Step();
            for (int i = 0; i < n; i++)
            {
                double g = 3 * x[i];
                v[i] = 0.99 * v[i] + 0.01 * g * g;
                x[i] -= 0.02 * g / (Math.Sqrt(v[i]) + 1e-8);
            }
        }
        Tolerance.Close(x, p.ToArray(), 1e-12);
    }
}
