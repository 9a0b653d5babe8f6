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
    /// <paramref name="block"/>, and returns the arc of most negative priced cost in the first block that holds one, or
    /// −1 after a full cycle with none. The priced cost of arc (i, j) is the reduced cost c̄ = c + πᵢ − π_{n+j} plus its
    /// own tolerance (see <see cref="PricingRule"/>): c·(1+ε) + ε·K + (πᵢ + ε|πᵢ|) − <paramref name="low"/>[n+j] with
    /// low[x] = π_x − ε|π_x|, so an arc enters only when c̄ &lt; −ε·(|c| + |πᵢ| + |π_{n+j}|) — a threshold relative to
    /// the arc itself, never to the largest cost of the problem. <paramref name="next"/> is left where scanning stopped.
    /// </summary>
    public abstract int FindEntering(double[] pi, double[] low, int n, ref int next, int block, in PricingRule rule);

    /// <summary>
    /// Switches from approximate to exact pricing, if this arc set prices approximately; returns whether it did.
    /// Approximate pricing only ever proposes arcs whose exact priced cost is negative, but may miss arcs whose
    /// priced cost is negative by less than its error bound; the exact phase finds those.
    /// </summary>
    public virtual bool Refine() => false;
}

/// <summary>
/// The per-arc entering test of the network simplex: arc (i, j) enters only when its reduced cost
/// c̄ = c + πᵢ − πⱼ &lt; −ε·(|c| + |πᵢ| + |πⱼ|), i.e. when c̄ is negative beyond the rounding of its own terms (POT's
/// rule has the same form with max in place of the sum). Written as one fused multiply-add per arc:
/// c·(1+ε) + ε·K + (πᵢ + ε|πᵢ|) − (πⱼ − ε|πⱼ|) &lt; 0, where K = 2·max(0, −min c) makes ε(c + K) ≥ ε|c| for every c.
/// </summary>
internal readonly struct PricingRule
{
    /// <summary>The rule for relative tolerance <paramref name="eps"/> on costs whose smallest finite entry is <paramref name="minCost"/>.</summary>
    public PricingRule(double eps, double minCost)
    {
        Eps = eps;
        CostFactor = 1.0 + eps;
        CostShift = minCost < 0 ? eps * 2 * -minCost : 0.0;
    }

    /// <summary>ε.</summary>
    public double Eps { get; }

    /// <summary>1 + ε, the factor on the cost.</summary>
    public double CostFactor { get; }

    /// <summary>ε·K, K = 2·max(0, −min c).</summary>
    public double CostShift { get; }

    /// <summary>The constant of row i: πᵢ + ε|πᵢ| + ε·K.</summary>
    public double RowConstant(double piI) => piI + Eps * Math.Abs(piI) + CostShift;

    /// <summary>low[x] = π_x − ε|π_x|, the target-side term.</summary>
    public double Low(double piX) => piX - Eps * Math.Abs(piX);

    /// <summary>The priced cost of an arc of cost c from a node of potential πᵢ to one of π_j: negative exactly when it enters.</summary>
    public double Priced(double c, double piI, double piJ) => Math.FusedMultiplyAdd(c, CostFactor, RowConstant(piI)) - Low(piJ);
}
