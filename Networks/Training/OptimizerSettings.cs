using System.Globalization;
using System.Numerics;
using Verify.Networks.Optim;
using Verify.Networks.Tensors;

namespace Verify.Networks.Training;

/// <summary>Which update rule an optimiser uses (PyTorch's definitions).</summary>
public enum OptimizerKind { Sgd, RmsProp, Adam }

/// <summary>
/// An optimiser and its hyper-parameters, as a value that can be printed and stored with a result.
/// RMSprop uses α = 0.99, ε = 1e-8 (PyTorch's defaults); Adam ε = 1e-8.
/// </summary>
public sealed record OptimizerSettings(OptimizerKind Kind, double LearningRate, double Beta1 = 0.9, double Beta2 = 0.999,
    double Alpha = 0.99, double Momentum = 0.0)
{
    /// <summary>Adam(lr, (β₁, β₂)).</summary>
    public static OptimizerSettings Adam(double lr, double beta1, double beta2) => new(OptimizerKind.Adam, lr, beta1, beta2);

    /// <summary>RMSprop(lr) with α = 0.99.</summary>
    public static OptimizerSettings RmsProp(double lr) => new(OptimizerKind.RmsProp, lr);

    /// <summary>SGD(lr, momentum).</summary>
    public static OptimizerSettings Sgd(double lr, double momentum = 0.0) => new(OptimizerKind.Sgd, lr, Momentum: momentum);

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="what"/> when a value is out of range.</summary>
    public void Validate(string what)
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new ArgumentException($"{what}: learning rate must be positive and finite, got {LearningRate}");
        if (Kind == OptimizerKind.Adam && !(Beta1 >= 0 && Beta1 < 1 && Beta2 >= 0 && Beta2 < 1))
            throw new ArgumentException($"{what}: Adam betas must lie in [0, 1), got ({Beta1}, {Beta2})");
        if (Kind == OptimizerKind.RmsProp && !(Alpha >= 0 && Alpha < 1))
            throw new ArgumentException($"{what}: RMSprop alpha must lie in [0, 1), got {Alpha}");
        if (Kind == OptimizerKind.Sgd && !(Momentum >= 0 && Momentum < 1))
            throw new ArgumentException($"{what}: SGD momentum must lie in [0, 1), got {Momentum}");
    }

    /// <summary>The optimiser over <paramref name="parameters"/>.</summary>
    public Optimizer<T> Create<T>(IEnumerable<Tensor<T>> parameters) where T : unmanaged, IFloatingPointIeee754<T> => Kind switch
    {
        OptimizerKind.Adam => new Adam<T>(parameters, LearningRate, Beta1, Beta2),
        OptimizerKind.RmsProp => new RmsProp<T>(parameters, LearningRate, Alpha),
        _ => new Sgd<T>(parameters, LearningRate, Momentum),
    };

    /// <summary>Short text, e.g. "Adam(lr=0.0001, betas=(0.5, 0.9))".</summary>
    public override string ToString()
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return Kind switch
        {
            OptimizerKind.Adam => $"Adam(lr={F(LearningRate)}, betas=({F(Beta1)}, {F(Beta2)}))",
            OptimizerKind.RmsProp => $"RMSprop(lr={F(LearningRate)}, alpha={F(Alpha)})",
            _ => $"SGD(lr={F(LearningRate)}, momentum={F(Momentum)})",
        };
    }
}
