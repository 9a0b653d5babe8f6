namespace Verify.Networks.Autodiff;

/// <summary>Thread-local switch for recording ops; see <see cref="Autograd.NoGrad"/>.</summary>
internal static class GradMode
{
    [ThreadStatic] private static int disabledDepth;

    public static bool Enabled => disabledDepth == 0;

    public static void Disable() => disabledDepth++;

    public static void Restore() => disabledDepth--;

    public static void Set(bool enabled, out int saved)
    {
        saved = disabledDepth;
        disabledDepth = enabled ? 0 : Math.Max(1, disabledDepth);
    }

    public static void Reset(int saved) => disabledDepth = saved;
}

/// <summary>A scope that turns recording off (or on) and restores the previous state on dispose.</summary>
public readonly struct GradScope : IDisposable
{
    private readonly int saved;

    internal GradScope(bool enabled) => GradMode.Set(enabled, out saved);

    public void Dispose() => GradMode.Reset(saved);
}
