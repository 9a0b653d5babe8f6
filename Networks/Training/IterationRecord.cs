using System.Globalization;

namespace Verify.Networks.Training;

/// <summary>
/// One generator iteration of a GAN/WGAN run, as logged to the per-iteration CSV.
/// </summary>
/// <param name="Iteration">0-based generator iteration.</param>
/// <param name="CriticSteps">Critic steps taken before this generator step.</param>
/// <param name="CriticLoss">The critic's loss on its last batch (including any penalty).</param>
/// <param name="Penalty">The penalty part of <paramref name="CriticLoss"/> (0 without one).</param>
/// <param name="GeneratorLoss">The generator's loss.</param>
/// <param name="Estimate">The critic's estimate (W₁ or JS) on its last batch, without penalty.</param>
/// <param name="ExactW1">Exact W₁ between the generated batch and a real batch (Theory's OT solver), or null when not computed this iteration.</param>
/// <param name="GeneratorGradNorm">‖∇_θ L_G‖ over all generator parameters.</param>
/// <param name="Seconds">Wall time since training started.</param>
public sealed record IterationRecord(int Iteration, int CriticSteps, double CriticLoss, double Penalty, double GeneratorLoss,
    double Estimate, double? ExactW1, double GeneratorGradNorm, double Seconds)
{
    /// <summary>The CSV header matching <see cref="ToCsv"/>.</summary>
    public const string CsvHeader = "iteration,critic_steps,critic_loss,penalty,generator_loss,critic_estimate,exact_w1_batch,generator_grad_norm,seconds";

    /// <summary>One CSV row (invariant culture; an empty cell where exact W₁ was not computed).</summary>
    public string ToCsv()
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return string.Join(',', Iteration.ToString(CultureInfo.InvariantCulture), CriticSteps.ToString(CultureInfo.InvariantCulture),
            F(CriticLoss), F(Penalty), F(GeneratorLoss), F(Estimate), ExactW1 is { } w ? F(w) : "", F(GeneratorGradNorm), F(Seconds));
    }
}
