using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Checkpoints;
using Verify.Networks.Critics;
using Verify.Networks.Tensors;

namespace Verify.Networks.Experiments;

/// <summary>
/// A critic an experiment trained (or loaded), whatever its <see cref="Precision"/>: evaluate it on points given as
/// doubles, export its weights, or take the typed network with <see cref="As{T}"/>.
/// </summary>
public abstract class TrainedCritic
{
    private protected TrainedCritic() { }

    /// <summary>The architecture (widths, activation, slope).</summary>
    public abstract CriticArchitecture Architecture { get; }

    /// <summary>The type the critic computes in.</summary>
    public abstract Precision Precision { get; }

    /// <summary>f at each row of <paramref name="points"/> (row-major, the critic's input dimension per row), widened to double.</summary>
    public abstract double[] Evaluate(ReadOnlySpan<double> points);

    /// <summary>
    /// The weights as a plain MLP computing the same function now (PyTorch nn.Sequential names "0.weight" [out, in], …;
    /// for a spectrally normalised critic W/σ̂), F32 or F64 as the precision, under <paramref name="prefix"/>.
    /// </summary>
    public abstract IReadOnlyList<NamedArray> Export(string prefix = "");

    /// <summary>The typed network; <see cref="ArgumentException"/> when <typeparamref name="T"/> is not its precision's type.</summary>
    public abstract ICritic<T> As<T>() where T : unmanaged, IFloatingPointIeee754<T>;

    internal static TrainedCritic Of<T>(ICritic<T> critic, CriticArchitecture architecture) where T : unmanaged, IFloatingPointIeee754<T> =>
        new Typed<T>(critic, architecture);

    private sealed class Typed<TNet>(ICritic<TNet> critic, CriticArchitecture architecture) : TrainedCritic
        where TNet : unmanaged, IFloatingPointIeee754<TNet>
    {
        public override CriticArchitecture Architecture => architecture;

        public override Precision Precision => typeof(TNet) == typeof(float) ? Precision.Single : Precision.Double;

        public override double[] Evaluate(ReadOnlySpan<double> points)
        {
            int d = critic.InputDimension;
            if (points.Length % d != 0) throw new ArgumentException($"{points.Length} coordinates are not rows of dimension {d}", nameof(points));
            if (points.Length == 0) return [];
            var sn = critic as SpectralNormCritic<TNet>;
            bool mode = sn?.Training ?? false;
            if (sn is not null) sn.Training = false;
            try
            {
                using var _ = Autograd.NoGrad();
                return critic.Forward(Tensor.FromDouble<TNet>(points.ToArray(), points.Length / d, d)).ToDoubleArray();
            }
            finally
            {
                if (sn is not null) sn.Training = mode;
            }
        }

        public override IReadOnlyList<NamedArray> Export(string prefix = "")
        {
            var dtype = typeof(TNet) == typeof(float) ? SafeTensorsDType.F32 : SafeTensorsDType.F64;
            return critic.ExportParameters().Select(p => new NamedArray(prefix + p.Name, dtype, p.Value.Shape.ToArray(), p.Value.ToDoubleArray())).ToArray();
        }

        public override ICritic<T> As<T>() => critic as ICritic<T>
            ?? throw new ArgumentException($"the critic computes in {typeof(TNet).Name}, not {typeof(T).Name}");
    }
}
