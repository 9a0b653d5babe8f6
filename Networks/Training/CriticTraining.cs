using System.Diagnostics;
using System.Numerics;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Layers;
using Verify.Networks.Optim;

namespace Verify.Networks.Training;

/// <summary>A critic trained on two fixed sample sets.</summary>
/// <param name="Critic">The trained critic.</param>
/// <param name="Steps">Critic steps taken.</param>
/// <param name="LastLoss">The critic loss of the last step.</param>
/// <param name="LastBatchEstimate">The method's estimate on the last training batch.</param>
/// <param name="Seconds">Wall time of the training loop.</param>
public sealed record CriticFit<T>(ICritic<T> Critic, int Steps, double LastLoss, double LastBatchEstimate, double Seconds)
    where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>
/// Trains a critic (or a GAN discriminator) on two fixed sample sets P (real) and Q (fake): each step draws a minibatch
/// of the method's batch size from each set (with replacement, ∝ weights), takes the method's critic loss, one optimiser
/// step, then the method's after-step (clipping). Every loss and every weight is checked (weights before clipping, which
/// would turn ±∞ into ±c): NaN or ±∞ stops training with a
/// <see cref="TrainingDivergedException"/> naming the step and the tensor ("critic loss", "critic.0.weight", …).
/// </summary>
public static class CriticTraining
{
    /// <summary>Trains a fresh critic of <paramref name="architecture"/> for <paramref name="steps"/> steps.</summary>
    public static CriticFit<T> Fit<T>(CriticObjective<T> objective, CriticArchitecture architecture, SampleSet<T> real, SampleSet<T> fake,
        int steps, Rng rng, Action<int>? progress = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentNullException.ThrowIfNull(rng);
        objective.Options.Validate();
        if (steps < 0) throw new ArgumentException($"steps must be non-negative, got {steps}", nameof(steps));
        if (real.Dimension != architecture.Sizes[0] || fake.Dimension != architecture.Sizes[0])
            throw new ArgumentException($"the critic takes dimension {architecture.Sizes[0]}, the samples have {real.Dimension} and {fake.Dimension}");
        var critic = objective.CreateCritic(architecture, rng.Split());
        var optimizer = objective.Options.CriticOptimizer.Create(critic.Parameters());
        var clock = Stopwatch.StartNew();
        double lastLoss = double.NaN, lastEstimate = double.NaN;
        for (int step = 0; step < steps; step++)
        {
            (lastLoss, lastEstimate) = Step(objective, critic, optimizer, real.Batch(rng, objective.Options.Batch), fake.Batch(rng, objective.Options.Batch), rng, step);
            progress?.Invoke(step + 1);
        }
        return new CriticFit<T>(critic, steps, lastLoss, lastEstimate, clock.Elapsed.TotalSeconds);
    }

    /// <summary>One critic step on given batches; returns the loss and the batch estimate. Checks for divergence.</summary>
    public static (double Loss, double Estimate) Step<T>(CriticObjective<T> objective, ICritic<T> critic, Optimizer<T> optimizer,
        Tensors.Tensor<T> real, Tensors.Tensor<T> fake, Rng rng, int iteration) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (loss, estimate, _) = TakeStep(objective, critic, optimizer, real, fake, rng, iteration);
        return (loss, estimate);
    }

    /// <summary>
    /// One critic step: zero the gradients, the method's loss, backward, the optimiser's step; then every weight is checked
    /// for NaN/±∞ (before the method's after-step, so that clipping cannot turn ±∞ into ±c and hide a divergence), then
    /// the after-step. Returns the loss, the batch estimate and the penalty part of the loss.
    /// </summary>
    internal static (double Loss, double Estimate, double Penalty) TakeStep<T>(CriticObjective<T> objective, ICritic<T> critic, Optimizer<T> optimizer,
        Tensors.Tensor<T> real, Tensors.Tensor<T> fake, Rng rng, int iteration) where T : unmanaged, IFloatingPointIeee754<T>
    {
        optimizer.ZeroGrad();
        // The step's graph is unreachable once the optimiser has stepped: its buffers serve the next step (StepBuffers).
        using var buffers = StepBuffers<T>.Begin(objective, critic, critic.Parameters());
        var s = objective.CriticLoss(critic, real, fake, rng);
        double loss = double.CreateChecked(s.Loss.Item());
        DivergenceGuard.CheckLoss(iteration, "critic loss", loss);
        s.Loss.Backward();
        optimizer.Step();
        CheckParameters(iteration, "critic.", critic);
        objective.AfterCriticStep(critic);
        buffers.Complete();
        return (loss, s.Estimate, s.Penalty);
    }

    /// <summary>Throws at the first NaN or ±∞ parameter of <paramref name="module"/>, named with <paramref name="prefix"/>.</summary>
    public static void CheckParameters<T>(int iteration, string prefix, IModule<T> module) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var (name, p) in module.NamedParameters()) DivergenceGuard.CheckValues<T>(iteration, prefix + name, p.Span);
    }
}
