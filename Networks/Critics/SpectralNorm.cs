using System.Numerics.Tensors;
using Verify.Networks.Init;
using Verify.Networks.Native;

namespace Verify.Networks.Critics;

/// <summary>
/// The spectral norm σ(W) = max ‖Wv‖/‖v‖ (largest singular value) of a row-major matrix, in double precision, from both
/// sides:
/// <list type="bullet">
/// <item><see cref="Of"/>: an estimate by power iteration on WᵀW from a seeded Gaussian (uniformly random) start. Every
/// power-iteration value is ≤ σ(W) (a Rayleigh quotient). A start orthogonal to the top singular vector, which a fixed start
/// can be for a matrix built against it, is an event of probability 0; the result is also checked against the certain lower
/// bound σ(W) ≥ ‖W‖_F/√rank and the iteration restarted from a fresh random vector if it fell below.</item>
/// <item><see cref="UpperBound"/>: a certified upper bound, σ(W)² = λ₁(WᵀW) ≤ (tr (WᵀW)ᵖ)^(1/p) for p = 2ʲ (p = 1 is the
/// Frobenius norm), computed by j squarings of the smaller Gram matrix; it exceeds σ(W) by a factor at most rank^(1/2p).
/// The audit's upper bound on a critic's Lipschitz constant uses it, so it never falls below the true constant.</item>
/// </list>
/// Linear maps given only as a map and its adjoint (a convolution) are in <see cref="OfOperator"/>.
/// </summary>
public static partial class SpectralNorm
{
    /// <summary>Squarings used by <see cref="UpperBound"/> by default: p = 2¹², a factor ≤ rank^(1/8192) (≤ 1.0009 up to rank 1000) above σ.</summary>
    public const int DefaultSquarings = 12;

    /// <summary>
    /// An estimate of σ(W) for the <paramref name="rows"/>×<paramref name="cols"/> matrix <paramref name="w"/> (row-major):
    /// power iteration from a Gaussian start drawn from <c>new Rng(seed)</c>, until the relative change is below
    /// <paramref name="tolerance"/> (at most <paramref name="maxIterations"/> steps). Never above σ(W) (up to rounding); a zero
    /// matrix gives 0. Deterministic for a given seed.
    /// </summary>
    public static double Of(ReadOnlySpan<double> w, int rows, int cols, double tolerance = 1e-13, int maxIterations = 100_000, ulong seed = 0)
    {
        CheckShape(w, rows, cols);
        double frobenius2 = TensorPrimitives.SumOfSquares(w);
        if (frobenius2 == 0) return 0;
        if (!double.IsFinite(frobenius2)) throw new ArgumentException("the matrix holds NaN or ±∞ (or overflows ‖W‖²)", nameof(w));
        // σ₁² ≥ ‖W‖_F²/rank: a result below this certain lower bound missed the top singular vector.
        double floor = frobenius2 / Math.Min(rows, cols) * (1 - 1e-9);
        var rng = new Rng(seed);
        double best = 0;
        for (int attempt = 0; attempt < 8; attempt++)
        {
            double sigma = PowerIteration(w, rows, cols, RandomUnit(rng, cols), tolerance, maxIterations);
            best = Math.Max(best, sigma);
            if (sigma * sigma >= floor) break;
        }
        return best;
    }

    /// <summary>‖W‖_F, an upper bound on σ(W) (the p = 1 case of <see cref="UpperBound"/>).</summary>
    public static double Frobenius(ReadOnlySpan<double> w) => Math.Sqrt(TensorPrimitives.SumOfSquares(w));

    /// <summary>
    /// A certified upper bound on σ(W): (tr Gᵖ)^(1/2p) with G the smaller of WWᵀ and WᵀW and p = 2^<paramref name="squarings"/>,
    /// from j squarings of G normalised to unit trace (the logarithm of the scale is carried along, so nothing over- or
    /// underflows). tr Gᵖ = Σ σᵢ^2p ≥ σ₁^2p, and ≤ rank·σ₁^2p, so the bound is within a factor rank^(1/2p) of σ(W). A relative
    /// allowance 16·(s² + n)·2⁻⁵³ (s the Gram size, n the inner dimension) covers the rounding of the GEMMs.
    /// </summary>
    public static double UpperBound(ReadOnlySpan<double> w, int rows, int cols, int squarings = DefaultSquarings)
    {
        CheckShape(w, rows, cols);
        if (squarings < 0 || squarings > 30) throw new ArgumentException($"squarings must lie in 0 … 30, got {squarings}", nameof(squarings));
        double frobenius2 = TensorPrimitives.SumOfSquares(w);
        if (frobenius2 == 0) return 0;
        if (!double.IsFinite(frobenius2)) throw new ArgumentException("the matrix holds NaN or ±∞ (or overflows ‖W‖²)", nameof(w));
        int s = Math.Min(rows, cols), inner = Math.Max(rows, cols);
        if (s == 1 || squarings == 0) return Math.Sqrt(frobenius2); // rank one: σ = ‖W‖_F exactly
        // Scale W by 1/‖W‖_F first, so G = (W/‖W‖_F)(W/‖W‖_F)ᵀ has trace 1 and ln tr Gᵖ = 0 at the start.
        var scaled = new double[w.Length];
        TensorPrimitives.Multiply(w, 1 / Math.Sqrt(frobenius2), scaled);
        var g = new double[s * s];
        // rows ≤ cols: G = W Wᵀ (s = rows); otherwise G = Wᵀ W (s = cols).
        if (rows <= cols) Gemm.Run(false, true, s, s, cols, 1.0, scaled, scaled, 0.0, g);
        else Gemm.Run(true, false, s, s, rows, 1.0, scaled, scaled, 0.0, g);
        double logTrace = Math.Log(Trace(g, s)); // ≈ 0
        TensorPrimitives.Multiply(g, 1 / Trace(g, s), g);
        var next = new double[s * s];
        double p = 1;
        for (int j = 0; j < squarings; j++)
        {
            Gemm.Run(false, false, s, s, s, 1.0, g, g, 0.0, next);
            double t = Trace(next, s);
            if (!(t > 0)) break; // cannot happen for a PSD G with trace 1 (tr G² ≥ 1/s); stop at the last valid power
            TensorPrimitives.Multiply(next, 1 / t, g);
            logTrace = 2 * logTrace + Math.Log(t); // ln tr G^(2p) = 2·ln tr Gᵖ + ln tr(B²) with B = Gᵖ/tr Gᵖ
            p *= 2;
        }
        double allowance = 1 + 16.0 * ((double)s * s + inner) * Math.Pow(2, -53);
        return Math.Sqrt(frobenius2) * Math.Exp(logTrace / (2 * p)) * allowance;
    }

    private static double Trace(double[] g, int s)
    {
        double t = 0;
        for (int i = 0; i < s; i++) t += g[i * s + i];
        return t;
    }

    /// <summary>Power iteration v ← WᵀWv/‖WᵀWv‖ from <paramref name="v"/> until σ = ‖Wv‖ changes by less than tolerance·σ.</summary>
    private static double PowerIteration(ReadOnlySpan<double> w, int rows, int cols, double[] v, double tolerance, int maxIterations)
    {
        var u = new double[rows];
        double sigma = 0;
        for (int it = 0; it < maxIterations; it++)
        {
            MatVec(w, rows, cols, v, u);
            double next = Math.Sqrt(TensorPrimitives.SumOfSquares<double>(u));
            if (next == 0) return 0;
            MatTVec(w, rows, cols, u, v);
            double nv = Math.Sqrt(TensorPrimitives.SumOfSquares<double>(v));
            if (nv == 0) return next;
            TensorPrimitives.Multiply(v, 1 / nv, v);
            if (Math.Abs(next - sigma) <= tolerance * next) return next;
            sigma = next;
        }
        return sigma;
    }

    /// <summary>u = W v.</summary>
    internal static void MatVec(ReadOnlySpan<double> w, int rows, int cols, ReadOnlySpan<double> v, Span<double> u)
    {
        for (int i = 0; i < rows; i++) u[i] = TensorPrimitives.Dot(w.Slice(i * cols, cols), v);
    }

    /// <summary>v = Wᵀ u.</summary>
    internal static void MatTVec(ReadOnlySpan<double> w, int rows, int cols, ReadOnlySpan<double> u, Span<double> v)
    {
        v[..cols].Clear();
        for (int i = 0; i < rows; i++) TensorPrimitives.MultiplyAdd(w.Slice(i * cols, cols), u[i], v[..cols], v[..cols]);
    }

    /// <summary>A uniformly random unit vector (a normalised standard Gaussian draw).</summary>
    internal static double[] RandomUnit(Rng rng, int n)
    {
        var v = new double[n];
        double norm;
        do
        {
            for (int i = 0; i < n; i++) v[i] = rng.NextNormal();
            norm = Math.Sqrt(TensorPrimitives.SumOfSquares<double>(v));
        } while (norm == 0);
        TensorPrimitives.Multiply(v, 1 / norm, v);
        return v;
    }

    private static void CheckShape(ReadOnlySpan<double> w, int rows, int cols)
    {
        if (rows < 1 || cols < 1 || w.Length != (long)rows * cols)
            throw new ArgumentException($"a {rows}×{cols} matrix needs {(long)rows * cols} values, {w.Length} given", nameof(w));
    }
}
