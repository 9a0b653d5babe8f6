using Verify.Networks.Training;

namespace Verify.Networks.Experiments;

/// <summary>
/// The settings of the WGAN-GP toy code (gan_toy.py, igul222/improved_wgan_training @3c8ba3c) for its toy sets
/// (8gaussians, 25gaussians, swissroll, and their fixed-generator variants): 3 hidden ReLU layers of width 512 in both
/// networks and batch 256 for every method; 5 critic iterations per generator iteration (CRITIC_ITERS, already the
/// default of every Wasserstein method; gan, which that code does not have, keeps Goodfellow's k = 1); for wgan-gp
/// λ = 0.1 and Adam(1e-4, β = (0.5, 0.9)) for both networks; for its "wgan" mode (our wgan-clip) RMSprop(5e-5) and
/// c = 0.01, which are the paper's defaults already. The code comments that a smaller λ "makes things faster for toy
/// tasks"; the paper's λ = 10 stays the default everywhere else. Other methods keep their own papers' optimisers and λ.
/// </summary>
public static class ToyCodeDefaults
{
    /// <summary>Hidden width of generator and critic (DIM).</summary>
    public const int Hidden = 512;

    /// <summary>Hidden layers of generator and critic.</summary>
    public const int Layers = 3;

    /// <summary>Minibatch size (BATCH_SIZE).</summary>
    public const int Batch = 256;

    /// <summary>The wgan-gp penalty weight (LAMBDA).</summary>
    public const double Lambda = 0.1;

    /// <summary>The toy sets of that code.</summary>
    public static IReadOnlyList<string> Sets { get; } = ["8gaussians", "25gaussians", "swissroll"];

    /// <summary>True for the code's toy sets and their fixed-generator variants (case-insensitive).</summary>
    public static bool AppliesTo(string family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return Sets.Any(s => family.Equals(s, StringComparison.OrdinalIgnoreCase)
                             || family.StartsWith(s + "-", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The method's options with the toy code's settings: batch 256, and λ = 0.1 for wgan-gp.</summary>
    public static MethodOptions Options(string method)
    {
        MethodOptions o = MethodOptions.Default(method) with { Batch = Batch };
        return o is WganGpOptions gp ? gp with { Lambda = Lambda } : o;
    }
}
