using Verify.Theory;
using Verify.Toys.Numerics;
using Verify.Toys.Random;

namespace Verify.Toys.Families;

/// <summary>
/// A discrete histogram on a regular grid in ℝᵈ: atoms at origin + (i₁h₁, …, i_d h_d) for 0 ≤ iₖ &lt; shapeₖ
/// (last axis fastest), with masses pᵢ ≥ 0 (normalised). The law is discrete; <see cref="Law"/> gives it exactly,
/// and <see cref="ToyDistribution.Sample"/> draws atoms i.i.d. by inverse CDF.
/// </summary>
public sealed class GridHistogram : ToyDistribution
{
    private readonly double[] _atoms;
    private readonly double[] _masses;
    private readonly double[] _cumulative;

    /// <summary>The histogram with the given grid and masses (length Π shapeₖ).</summary>
    public GridHistogram(string name, double[] origin, double[] spacing, int[] shape, double[] masses)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(spacing);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(masses);
        int d = origin.Length;
        if (d == 0 || spacing.Length != d || shape.Length != d)
            throw new ArgumentException($"origin, spacing and shape must have the same positive length, got {origin.Length}, {spacing.Length}, {shape.Length}", nameof(shape));
        long count = 1;
        for (int k = 0; k < d; k++)
        {
            if (shape[k] < 1) throw new ArgumentException($"shape[{k}] must be at least 1, got {shape[k]}", nameof(shape));
            if (!(spacing[k] > 0) || double.IsInfinity(spacing[k])) throw new ArgumentException($"spacing[{k}] must be positive and finite, got {spacing[k]:R}", nameof(spacing));
            if (double.IsNaN(origin[k]) || double.IsInfinity(origin[k])) throw new ArgumentException($"origin[{k}] must be finite", nameof(origin));
            count *= shape[k];
        }
        if (masses.Length != count) throw new ArgumentException($"{masses.Length} masses for a grid of {count} cells", nameof(masses));
        double total = 0;
        foreach (double m in masses)
        {
            if (!(m >= 0) || double.IsInfinity(m)) throw new ArgumentException("masses must be finite and non-negative", nameof(masses));
            total += m;
        }
        if (!(total > 0)) throw new ArgumentException("the masses sum to zero", nameof(masses));
        if (double.IsInfinity(total)) throw new ArgumentException("the masses sum to Infinity (overflow); scale them down", nameof(masses));

        int n = (int)count;
        Name = name;
        Dimension = d;
        _masses = masses.Select(m => m / total).ToArray();
        _atoms = new double[n * d];
        _cumulative = new double[n];
        double c = 0;
        for (int i = 0; i < n; i++)
        {
            int rest = i;
            for (int k = d - 1; k >= 0; k--)
            {
                _atoms[i * d + k] = origin[k] + (rest % shape[k]) * spacing[k];
                rest /= shape[k];
            }
            c += _masses[i];
            _cumulative[i] = c;
        }
        _cumulative[n - 1] = 1.0;
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override int Dimension { get; }

    /// <inheritdoc/>
    public override LawKind Kind => LawKind.Discrete;

    /// <inheritdoc/>
    public override string Support => $"the {_masses.Count(m => m > 0)} grid atoms with positive mass";

    /// <summary>The exact law Σᵢ pᵢ δ_{xᵢ} (all grid atoms, zero masses included).</summary>
    public DiscreteDistribution Law => new(_atoms, Dimension, _masses);

    internal override void Generate(Xoshiro256StarStar rng, int n, double[] points, double[]? tangents)
    {
        int d = Dimension;
        for (int i = 0; i < n; i++)
        {
            int j = Categorical.FirstAbove(_cumulative, rng.NextDouble());
            Array.Copy(_atoms, j * d, points, i * d, d);
            if (tangents is not null) Array.Clear(tangents, i * d, d);
        }
    }
}
