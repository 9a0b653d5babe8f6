using Verify.Networks.Optim;
using Verify.Networks.Tensors;

namespace Verify.Networks.Tests.Optim;

/// <summary>
/// The shared PyTorch reference run (issue 4): p = [1, −2, 3] (float64), three steps t = 0, 1, 2 on the loss
/// Σp² + (t+1)·p[0], each step zero_grad / backward / step.
/// </summary>
internal static class OptimReference
{
    public static Tensor<double> NewParameter() => Tensor.From(new[] { 1.0, -2.0, 3.0 }).RequireGrad();

    public static double[] Run(Tensor<double> p, Optimizer<double> opt)
    {
        for (int t = 0; t < 3; t++)
        {
            opt.ZeroGrad();
            var first = Tensor.Slice(Tensor.Reshape(p, 1, 3), 1, 0, 1);
            var loss = Tensor.Sum(Tensor.Square(p)) + Tensor.Sum(first) * (t + 1.0);
            loss.Backward();
            opt.Step();
        }
        return p.ToArray();
    }
}
