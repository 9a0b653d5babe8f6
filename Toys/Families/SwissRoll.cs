using Verify.Toys.Numerics;
using Verify.Toys.Random;

namespace Verify.Toys.Families;

/// <summary>
/// The "Swiss roll" toy set of WGAN-GP (reference gan_toy.py): scikit-learn's make_swiss_roll(noise = 0.25) keeps
/// columns x and z, i.e. t = 1.5π(1 + 2U), point (t·cos t, t·sin t) + 0.25·N(0, I), and the set is divided by 7.5.
/// The law is the curve c(t) = (t cos t, t sin t)/7.5, t ~ U[1.5π, 4.5π], smoothed by N(0, σ² I) with σ = 0.25/7.5
/// (plus an optional extra smoothing s, σ² = (0.25/7.5)² + s²), so it has the density
/// p(x) = (1/(3π)) ∫_{1.5π}^{4.5π} (2πσ²)^{−1} exp(−‖x − c(t)‖²/(2σ²)) dt, evaluated by quadrature in t.
/// cos and sin come from <see cref="PortableMath"/> so samples are bit-identical on every machine.
/// </summary>
public sealed class SwissRoll : ToyDistribution, IGaussianSmoothable
{
    /// <summary>scikit-learn noise level used by gan_toy.py.</summary>
    public const double Noise = 0.25;

    /// <summary>The final divisor (gan_toy.py: "data /= 7.5 # stdev plus a little").</summary>
    public const double Divisor = 7.5;

    /// <summary>t ranges over [TMin, TMax] = [1.5π, 4.5π].</summary>
    public const double TMin = 1.5 * Math.PI, TMax = 4.5 * Math.PI;

    private readonly double _extra;

    /// <summary>The published law (no extra smoothing).</summary>
    public SwissRoll() : this(0.0) { }

    private SwissRoll(double extra) => _extra = extra;

    /// <inheritdoc/>
    public override string Name => "swissroll";

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override LawKind Kind => LawKind.AbsolutelyContinuous;

    /// <inheritdoc/>
    public override string Support => "ℝ²";

    /// <summary>The total isotropic standard deviation σ around the curve (after the division).</summary>
    public double Sigma => Math.Sqrt((Noise / Divisor) * (Noise / Divisor) + _extra * _extra);

    /// <summary>The noise-free curve point c(t) = (t cos t, t sin t)/7.5.</summary>
    public static (double X, double Y) Curve(double t) => (t * PortableMath.Cos(t) / Divisor, t * PortableMath.Sin(t) / Divisor);

    /// <inheritdoc/>
    public IToyDistribution Smoothed(double s)
    {
        if (!(s >= 0) || double.IsInfinity(s)) throw new ArgumentException($"s must be finite and non-negative, got {s:R}", nameof(s));
        return new SwissRoll(Math.Sqrt(_extra * _extra + s * s));
    }

    internal override void Generate(Xoshiro256StarStar rng, int n, double[] points, double[]? tangents)
    {
        for (int i = 0; i < n; i++)
        {
            double t = 1.5 * Math.PI * (1.0 + 2.0 * rng.NextDouble());
            double x = t * PortableMath.Cos(t) + Noise * rng.NextNormal();
            double y = t * PortableMath.Sin(t) + Noise * rng.NextNormal();
            points[2 * i] = x / Divisor;
            points[2 * i + 1] = y / Divisor;
            if (_extra > 0)
            {
                points[2 * i] += _extra * rng.NextNormal();
                points[2 * i + 1] += _extra * rng.NextNormal();
            }
            if (tangents is not null)
            {
                tangents[2 * i] = 0.0;
                tangents[2 * i + 1] = 0.0;
            }
        }
    }

    /// <inheritdoc/>
    protected override double DensityCore(ReadOnlySpan<double> x)
    {
        double s = Sigma, x0 = x[0], x1 = x[1];
        // |c′(t)|/7.5 ≥ 1.5π/7.5 ≈ 0.63, so in t the kernel has width ≤ σ/0.63; 16-point panels of a quarter of that
        // integrate it to full precision.
        double panel = 0.25 * s / (TMin / Divisor);
        double integral = Quadrature.Integrate(t =>
        {
            double dx = x0 - t * Math.Cos(t) / Divisor, dy = x1 - t * Math.Sin(t) / Divisor;
            return Math.Exp(-0.5 * (dx * dx + dy * dy) / (s * s));
        }, TMin, TMax, panel);
        return integral / (TMax - TMin) / (2 * Math.PI * s * s);
    }
}
