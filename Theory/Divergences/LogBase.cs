namespace Verify.Theory;

/// <summary>The unit of an information quantity: nats (natural logarithm) or bits (log₂).</summary>
public enum LogBase
{
    /// <summary>Natural logarithm: log 2 ≈ 0.693 nats is the largest JS divergence.</summary>
    Nats,

    /// <summary>Base-2 logarithm: values in nats divided by ln 2; the largest JS divergence is 1 bit.</summary>
    Bits,
}

internal static class LogBaseExtensions
{
    /// <summary>Converts a value in nats to <paramref name="b"/> (±∞ stays ±∞).</summary>
    public static double FromNats(this LogBase b, double nats) => b switch
    {
        LogBase.Nats => nats,
        LogBase.Bits => nats / Math.Log(2.0),
        _ => throw new ArgumentException($"unknown log base {(int)b}; use LogBase.Nats or LogBase.Bits", nameof(b)),
    };
}
