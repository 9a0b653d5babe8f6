namespace Verify.Theory;

/// <summary>
/// The arcs i → j (source i ∈ [0, n), target j ∈ [0, m)) that the network simplex may use, with their costs,
/// and the block-search pricing over them. Node numbering inside the solver: sources 0…n−1, targets n…n+m−1.
/// </summary>
internal abstract class ArcSet
{
    /// <summary>Number of arcs.</summary>
    public abstract int Count { get; }

    /// <summary>Source index i of arc e.</summary>
    public abstract int Source(int e);

    /// <summary>Target index j of arc e (node n + j).</summary>
    public abstract int Target(int e);

    /// <summary>Cost cᵢⱼ of arc e.</summary>
    public abstract double Cost(int e);

    /// <summary>
    /// Block search (as in LEMON's network simplex): scans arcs from <paramref name="next"/> in blocks of
    /// <paramref name="block"/>, and returns the arc of most negative reduced cost c̄ = c + πᵢ − π_{n+j} in the first
    /// block that holds one, or −1 after a full cycle with none. An arc counts as negative only when
    /// c̄ &lt; <paramref name="threshold"/> = −eps·max(max|c|, max|π|), a scale-aware tolerance at least as strict as
    /// POT's per-arc −eps·max(|c|, |πᵢ|, |π_{n+j}|). <paramref name="next"/> is left where scanning stopped.
    /// </summary>
    public abstract int FindEntering(double[] pi, int n, ref int next, int block, double threshold);

    /// <summary>
    /// Switches from approximate to exact pricing, if this arc set prices approximately; returns whether it did.
    /// Approximate pricing only ever proposes arcs whose exact reduced cost is negative, but may miss arcs whose
    /// reduced cost is negative by less than its error bound; the exact phase finds those.
    /// </summary>
    public virtual bool Refine() => false;
}
