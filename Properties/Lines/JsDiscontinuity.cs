using Verify.Properties.Catalogue;
using Verify.Theory;
using Verify.Toys;

namespace Verify.Properties.Lines;

/// <summary>
/// <c>js.discontinuity</c>: along θₖ = 2⁻ᵏ → 0 on the parallel lines, W₁(P₀, P_θₖ) = θₖ → 0 while JS(P₀, P_θₖ) stays
/// log 2 (WGAN paper, Example 1: only W₁ is continuous at θ = 0). Measured on samples with common noise by exact transport
/// and the atom-matched JS; the sequence runs to k = 10 (quick) or 40 (full).
/// </summary>
public static class JsDiscontinuity
{
    /// <summary>The claim's id.</summary>
    public const string Id = "js.discontinuity";

    /// <summary>Relative tolerance of W₁ = θ and absolute tolerance of JS = log 2.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>The catalogue entry.</summary>
    public static Claim Claim { get; } = new(
        Id,
        "along θₙ → 0 on parallel lines, W1 → 0 while JS stays log 2",
        "Arjovsky, Chintala & Bottou, Wasserstein GAN (2017), Example 1 and Fig. 1",
        ClaimKind.Exact,
        $"{Tolerance:0e0}, relative for W1 and in nats for JS: exact values on samples with common noise, up to rounding",
        (s, seed) => Run(s, theta => OnParallelLines(theta, s, seed)),
        "the Gaussian location family N(θ, 1) (overlapping densities, exact W1 and JS by quadrature), where JS → 0 with W1",
        (s, seed) => Run(s, OnGaussians));

    /// <summary>The check for a function θ ↦ (W₁, JS) between the reference law and the member θ.</summary>
    public static Finding Run(ClaimScale scale, Func<double, (double W1, double JS)> values)
    {
        int last = scale.Pick(10, 40);
        double worstRatio = 0, minJs = double.PositiveInfinity, lastW1 = double.NaN, lastTheta = double.NaN;
        for (int k = 1; k <= last; k++)
        {
            double theta = Math.ScaleB(1.0, -k);
            var (w1, js) = values(theta);
            worstRatio = Math.Max(worstRatio, Math.Abs(w1 / theta - 1));
            minJs = Math.Min(minJs, js);
            (lastW1, lastTheta) = (w1, theta);
        }
        return new Finding(
        [
            Condition.Equal($"W1 at θ = 2^-{last} (→ 0)", lastW1, lastTheta, Tolerance * lastTheta),
            Condition.Equal("max over θₖ of |W1/θₖ − 1|", worstRatio, 0.0, Tolerance),
            Condition.Equal("min over θₖ of JS (stays log 2)", minJs, Math.Log(2.0), Tolerance),
        ], last);
    }

    /// <summary>W₁ and JS between samples of P₀ and P_θ with common noise (32 points quick, 256 full).</summary>
    public static (double, double) OnParallelLines(double theta, ClaimScale scale, long seed)
    {
        var family = ToyFamilies.ParallelLines();
        int n = scale.Pick(32, 256);
        var p = family.At(0).Sample(n, seed);
        var q = family.At(theta).Sample(n, seed);
        return (Transport.W1(p, q), Divergences.JS(p, q));
    }

    /// <summary>The exact W₁ and JS between N(0, 1) and N(θ, 1) (closed form and quadrature).</summary>
    public static (double, double) OnGaussians(double theta)
    {
        var e = ToyFamilies.GaussianLocation().Exact(0, theta);
        return (e.W1!.Value, e.JS!.Value);
    }
}
