using System.Diagnostics;
using System.Numerics;
using Verify.Networks.Autodiff;
using Verify.Networks.Critics;
using Verify.Networks.Init;
using Verify.Networks.Optim;
using Verify.Networks.Tensors;
using Verify.Theory;
using Verify.Toys.Families;

namespace Verify.Networks.Training;

/// <summary>The outcome of a generator training run.</summary>
public sealed record GanRun<T>(ICritic<T> Critic, IGenerator<T> Generator, IReadOnlyList<IterationRecord> Records, double Seconds)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>True when the run stopped early because its cancellation token was signalled (Records holds the iterations done).</summary>
    public bool Interrupted { get; init; }
}

/// <summary>
/// Trains a generator against a real law (WGAN's Algorithm 1 shape): each generator iteration runs the method's critic
/// steps (n_critic, or the reference warm-up for wgan-clip) on fresh real batches and generated batches (made without
/// recording), then one generator step on fresh noise. When an iteration has a single critic step (the GAN default) the
/// generated batch of that step is reused, graph and all, for the generator step — as PyTorch's DCGAN example does.
/// Every loss and weight is checked for NaN/±∞ (<see cref="TrainingDivergedException"/> names iteration and tensor).
/// </summary>
public static class GanTraining
{
    /// <summary>
    /// Runs <paramref name="iterations"/> generator iterations. <paramref name="realBatch"/> draws a real batch of the given
    /// size from the given generator; <paramref name="exactEvery"/> &gt; 0 computes exact W₁ between the generated and real
    /// batch every that many iterations (0: never), on a worker thread while the next iteration trains;
    /// <paramref name="onIteration"/> sees each record in order, with the generated and the real batch it describes, as
    /// soon as it is complete: at once when no exact W₁ is due, otherwise once the solve is done, at the latest after the
    /// next iteration has trained. When <paramref name="cancellation"/> is signalled the run stops before the
    /// next iteration and returns what it has, with <see cref="GanRun{T}.Interrupted"/> set.
    /// </summary>
    public static GanRun<T> Run<T>(CriticObjective<T> objective, ICritic<T> critic, IGenerator<T> generator, Func<Rng, int, Tensor<T>> realBatch,
        int iterations, Rng rng, int exactEvery = 1, Action<IterationRecord, Tensor<T>, Tensor<T>>? onIteration = null,
        CancellationToken cancellation = default) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(critic);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(realBatch);
        ArgumentNullException.ThrowIfNull(rng);
        MethodOptions o = objective.Options;
        o.Validate();
        if (iterations < 0) throw new ArgumentException($"iterations must be non-negative, got {iterations}", nameof(iterations));
        if (exactEvery < 0) throw new ArgumentException($"exactEvery must be non-negative, got {exactEvery}", nameof(exactEvery));
        if (critic.InputDimension != generator.OutputDimension)
            throw new ArgumentException($"the critic takes dimension {critic.InputDimension}, the generator makes {generator.OutputDimension}");
        Optimizer<T> optD = o.CriticOptimizer.Create(critic.Parameters());
        Optimizer<T> optG = o.GeneratorOptimizer.Create(generator.Parameters());
        int batch = o.Batch;
        var records = new List<IterationRecord>(iterations);
        var clock = Stopwatch.StartNew();
        // The exact W₁ of iteration g is solved on a worker while iteration g + 1 trains; its record is completed (and
        // handed to onIteration) as soon as the solve is done, in order, at the latest after the next iteration.
        Pending<T>? pending = null;
        void Complete()
        {
            if (pending is not { } p) return;
            double? exact = p.Exact?.GetAwaiter().GetResult();
            var record = p.Record with { ExactW1 = exact };
            records.Add(record);
            onIteration?.Invoke(record, p.Generated, p.Real);
            pending = null;
        }
        try
        {
            for (int g = 0; g < iterations; g++)
            {
                if (cancellation.IsCancellationRequested)
                {
                    Complete();
                    return new GanRun<T>(critic, generator, records, clock.Elapsed.TotalSeconds) { Interrupted = true };
                }
                int steps = o is WganClipOptions clip ? clip.CriticStepsAt(g) : o.NCritic;
                double lossD = 0, estimate = 0, penalty = 0;
                Tensor<T> real = null!;
                Tensor<T>? fakeWithGraph = null;
                for (int s = 0; s < steps; s++)
                {
                    real = realBatch(rng, batch);
                    Tensor<T> fake;
                    if (steps == 1)
                    {
                        fakeWithGraph = generator.Forward(Noise<T>(rng, batch, generator.NoiseDimension));
                        fake = fakeWithGraph.Detach();
                    }
                    else
                    {
                        // Only the generated batch outlives this forward: its hidden activations serve the next one.
                        using var buffers = StepBuffers<T>.Begin(StepBuffers<T>.Stateless(generator), []);
                        using (Autograd.NoGrad()) fake = generator.Forward(Noise<T>(rng, batch, generator.NoiseDimension));
                        buffers.Complete(fake);
                    }
                    (lossD, estimate, penalty) = CriticTraining.TakeStep(objective, critic, optD, real, fake, rng, g);
                }

                // The generator's forward and step in one log (GeneratorStep's own then stays closed): only the generated
                // batch (kept for the log) and the generator's gradients outlive them.
                double lg, gradNorm;
                Tensor<T> generated;
                using (var buffers = StepBuffers<T>.Begin(StepBuffers<T>.Stateless(objective, critic) && StepBuffers<T>.Stateless(generator), generator.Parameters()))
                {
                    generated = fakeWithGraph ?? generator.Forward(Noise<T>(rng, batch, generator.NoiseDimension));
                    (lg, gradNorm) = GeneratorStep(objective, critic, generator, optG, generated, real, g);
                    buffers.Complete(generated);
                }

                Task<double>? exactTask = null;
                if (exactEvery > 0 && g % exactEvery == 0)
                {
                    var gp = new DiscreteDistribution(generated.ToDoubleArray(), generator.OutputDimension);
                    var rp = new DiscreteDistribution(real.ToDoubleArray(), generator.OutputDimension);
                    exactTask = Task.Run(() => Transport.W1(gp, rp));
                }
                var record = new IterationRecord(g, steps, lossD, penalty, lg, estimate, null, gradNorm, clock.Elapsed.TotalSeconds);
                Complete();
                pending = new Pending<T>(record, generated, real, exactTask);
                if (exactTask is null) Complete();
            }
            Complete();
        }
        finally
        {
            // On a failure, do not leave a solve running behind it.
            if (pending?.Exact is { } t) try { t.Wait(); } catch (AggregateException) { }
        }
        return new GanRun<T>(critic, generator, records, clock.Elapsed.TotalSeconds);
    }

    private sealed record Pending<T>(IterationRecord Record, Tensor<T> Generated, Tensor<T> Real, Task<double>? Exact)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// One generator step: the method's generator loss on <paramref name="generated"/> (which carries the generator's
    /// graph), its gradient with respect to the generator's parameters only (the critic's get none), the optimiser's
    /// step, and the divergence checks. Returns the loss and ‖∇_θ L_G‖.
    /// </summary>
    public static (double Loss, double GradNorm) GeneratorStep<T>(CriticObjective<T> objective, ICritic<T> critic, IGenerator<T> generator,
        Optimizer<T> optimizer, Tensor<T> generated, Tensor<T> real, int iteration) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(critic);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(optimizer);
        optimizer.ZeroGrad();
        var parameters = generator.Parameters().ToArray();
        // The critic's forward on the generated batch and the backward pass are unreachable after the step: their buffers
        // serve the next step (StepBuffers; the generated batch itself was made before, and is kept for the log).
        using var buffers = StepBuffers<T>.Begin(objective, critic, parameters);
        var lossG = objective.GeneratorLoss(critic, generated, real);
        double lg = double.CreateChecked(lossG.Item());
        DivergenceGuard.CheckLoss(iteration, "generator loss", lg);
        // Gradients for the generator's parameters only: the pass is pruned to what leads to them, so no critic weight
        // gradient is computed (a full backward would also fill the critic's, to be thrown away).
        var grads = Autograd.Grad(lossG, parameters);
        for (int k = 0; k < parameters.Length; k++) parameters[k].Grad = grads[k];
        double gradNorm = GradNorm(parameters);
        optimizer.Step();
        CriticTraining.CheckParameters(iteration, "generator.", generator);
        buffers.Complete();
        return (lg, gradNorm);
    }

    /// <summary>A real-batch sampler for a toy law: each call draws a fresh seeded batch.</summary>
    public static Func<Rng, int, Tensor<T>> FromLaw<T>(IToyDistribution law) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(law);
        return (rng, n) => Tensor.FromDouble<T>(law.SamplePoints(n, (long)(rng.NextUInt64() >> 1)), n, law.Dimension);
    }

    /// <summary>A real-batch sampler drawing rows (with replacement) from a fixed set.</summary>
    public static Func<Rng, int, Tensor<T>> FromSet<T>(SampleSet<T> set) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(set);
        return (rng, n) => set.Batch(rng, n);
    }

    private static Tensor<T> Noise<T>(Rng rng, int n, int k) where T : unmanaged, IFloatingPointIeee754<T> => Tensor.Normal<T>(rng, 0, 1, n, k);

    /// <summary>√(Σ over parameters of ‖grad‖²); parameters without a gradient count as 0.</summary>
    public static double GradNorm<T>(IEnumerable<Tensor<T>> parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double s = 0;
        foreach (var p in parameters)
        {
            if (p.Grad is null) continue;
            double n = double.CreateChecked(System.Numerics.Tensors.TensorPrimitives.Norm<T>(p.Grad.Span));
            s += n * n;
        }
        return Math.Sqrt(s);
    }
}
