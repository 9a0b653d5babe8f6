namespace Verify.Networks.Critics;

/// <summary>
/// The spectral norm σ(W) = max ‖Wv‖/‖v‖ (largest singular value) of a row-major matrix, by power iteration on WᵀW
/// run to convergence, in double precision. Used by the critic audit for the upper bound ∏ σ(W_l) on a network's
/// Lipschitz constant (for 1-Lipschitz activations such as ReLU, LeakyReLU with slope ≤ 1, tanh).
/// </summary>
public static class SpectralNorm
{
    /// <summary>
    /// σ(W) of the <paramref name="rows"/>×<paramref name="cols"/> matrix <paramref name="w"/> (row-major), converged to a
    /// relative change below <paramref name="tolerance"/> (at most <paramref name="maxIterations"/> steps). Deterministic:
    /// starts from v = (1, 1, …, 1) perturbed by a fixed pattern so it is not orthogonal to the top singular vector in
    /// practice; a zero matrix gives 0.
    /// </summary>
    public static double Of(ReadOnlySpan<double> w, int rows, int cols, double tolerance = 1e-13, int maxIterations = 100_000)
    {
        if (rows < 1 || cols < 1 || w.Length != rows * cols)
            throw new ArgumentException($"a {rows}×{cols} matrix needs {rows * cols} values, {w.Length} given", nameof(w));
        var v = new double[cols];
        for (int j = 0; j < cols; j++) v[j] = 1.0 + 0.1 * Math.Sin(1.0 + j); // fixed, non-degenerate start
        var u = new double[rows];
        double sigma = 0;
        Normalize(v);
        for (int it = 0; it < maxIterations; it++)
        {
            // u = W v; σ = ‖u‖; v = Wᵀu / ‖Wᵀu‖
            for (int i = 0; i < rows; i++)
            {
                double s = 0;
                for (int j = 0; j < cols; j++) s += w[i * cols + j] * v[j];
                u[i] = s;
            }
            double next = Norm(u);
            if (next == 0) return 0;
            Array.Clear(v);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) v[j] += w[i * cols + j] * u[i];
            Normalize(v);
            if (Math.Abs(next - sigma) <= tolerance * next) return next;
            sigma = next;
        }
        return sigma;
    }

    private static double Norm(double[] x)
    {
        double s = 0;
        foreach (double a in x) s += a * a;
        return Math.Sqrt(s);
    }

    private static void Normalize(double[] x)
    {
        double n = Norm(x);
        if (n > 0) for (int i = 0; i < x.Length; i++) x[i] /= n;
    }
}
