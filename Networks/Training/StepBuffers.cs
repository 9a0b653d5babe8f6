using System.Numerics;
using Verify.Networks.Architectures;
using Verify.Networks.Critics;
using Verify.Networks.Layers;
using Verify.Networks.Tensors;

namespace Verify.Networks.Training;

/// <summary>
/// Reuse of the buffers one training step allocates. A critic or generator step builds a graph (three critic forwards,
/// the gradient penalty's first-order backward recorded for the double backward, the losses) that nobody can reach once
/// the optimiser has stepped: only the parameters' new gradients outlive it. When the step's parts are known to keep no
/// tensor of their own (an <see cref="MlpCritic{T}"/>, or a DCGAN critic or generator built of plain layers, under the
/// Wasserstein or GAN objective: their forwards cache nothing), every buffer the step allocates is logged (<see cref="TensorPool{T}"/>) and, after the step, all but those
/// backing a parameter's gradient go back to the pool for the next step: the same lengths recur every step, so a run
/// stops touching fresh memory after its first step (page faults and collections were a quarter of the CPU time of
/// <c>verify train</c>, 3×512; for the DCGAN pair's WGAN-GP iteration, whose activations and gradients are megabytes
/// each, fresh pages cost ~12 % of the time). Other critics (spectral normalisation keeps its power-iteration state, user objectives
/// may keep anything) are left to the garbage collector. Recycled buffers are fully overwritten by the ops that rent
/// them, so results are bit-identical with and without reuse (a test compares both).
/// </summary>
internal readonly struct StepBuffers<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T>[]? parameters;

    private StepBuffers(Tensor<T>[]? parameters) => this.parameters = parameters;

    /// <summary>
    /// Opens a log for a step of <paramref name="objective"/> on <paramref name="critic"/> whose gradients go to
    /// <paramref name="parameters"/>; a no-op when the step's parts are not known to be stateless, or a log is already open.
    /// </summary>
    public static StepBuffers<T> Begin(CriticObjective<T> objective, ICritic<T> critic, IEnumerable<Tensor<T>> parameters)
        => Begin(Stateless(objective, critic), parameters);

    /// <summary>Opens a log when <paramref name="stateless"/> and no log is open; <paramref name="parameters"/> keep their gradients.</summary>
    public static StepBuffers<T> Begin(bool stateless, IEnumerable<Tensor<T>> parameters)
        => stateless && TensorPool<T>.BeginLog() ? new StepBuffers<T>(parameters.ToArray()) : default;

    /// <summary>Whether a step of <paramref name="objective"/> on <paramref name="critic"/> keeps no tensor it makes.</summary>
    public static bool Stateless(CriticObjective<T> objective, ICritic<T> critic)
        => objective is WassersteinObjective<T> or GanObjective<T> && (critic is MlpCritic<T> || critic is DcganCritic<T> && OfStatelessLayers(critic));

    /// <summary>Whether <paramref name="generator"/>'s forward keeps no tensor it makes.</summary>
    public static bool Stateless(IGenerator<T> generator)
        => generator is MlpGenerator<T> || generator is DcganGenerator<T> && OfStatelessLayers(generator);

    /// <summary>
    /// Whether every layer below <paramref name="model"/> is of a sealed kind whose forward keeps no tensor: the weighted
    /// layers and activations read their parameters and return fresh outputs, and batch normalisation folds its batch
    /// statistics into its running buffers in place. Spectral normalisation (which keeps its power-iteration vectors) is not.
    /// </summary>
    private static bool OfStatelessLayers(IModule<T> model) => ModuleTree.All(model).Skip(1).All(e => e.Module is Sequential<T>
        or Linear<T> or Conv2d<T> or ConvTranspose2d<T> or LayerNorm<T> or BatchNorm1d<T> or BatchNorm2d<T>
        or ReLU<T> or LeakyReLU<T> or Tanh<T> or Sigmoid<T> or Flatten<T> or Unflatten<T>);

    /// <summary>Whether this step's buffers are logged.</summary>
    public bool Active => parameters is not null;

    /// <summary>
    /// Ends the step: every logged buffer not backing a parameter's gradient or one of <paramref name="kept"/> (tensors the
    /// caller goes on using) goes back to the pool.
    /// </summary>
    public void Complete(params Tensor<T>[] kept)
    {
        if (parameters is null) return;
        TensorPool<T>.EndLog(parameters.Where(p => p.Grad is not null).Select(p => p.Grad!.data).Concat(kept.Select(t => t.data)));
    }

    /// <summary>Closes the log without recycling (after a failure, when the step's tensors may still be reachable).</summary>
    public void Dispose()
    {
        if (parameters is not null) TensorPool<T>.AbandonLog();
    }
}
