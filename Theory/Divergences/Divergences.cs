namespace Verify.Theory;

/// <summary>
/// Front door for the information divergences and statistical distances between two probability laws:
/// KL(P‖Q), JS(P, Q) and the JS distance √JS, TV(P, Q) = ½‖p − q‖₁ and the Hellinger distance.
/// Each comes in three forms: on <see cref="DiscreteDistribution"/>s (atoms matched EXACTLY by coordinates on the
/// union of the supports, see <see cref="MatchedAtoms"/>), on <see cref="Histogram"/>s on the same grid, and on raw
/// probability vectors over the same atoms. <see cref="W1(DiscreteDistribution, DiscreteDistribution)"/> forwards to
/// <see cref="Transport"/> so that the whole family is reachable from one place.
/// </summary>
/// <remarks>
/// Inputs must be probability laws: total mass 1 within 1e-9. Nothing is normalised silently; a law of another mass
/// (for instance a sample file's raw weights) is refused with an <see cref="ArgumentException"/> asking for an explicit
/// <c>Normalized()</c>. Logarithms are natural (nats) unless <see cref="LogBase.Bits"/> is asked for.
/// </remarks>
public static class Divergences
{
    // ---------------------------------------------------------------- discrete distributions

    /// <summary>KL(P‖Q) = Σₓ P(x) log(P(x)/Q(x)) over the matched atoms; +∞ when supp P ⊄ supp Q.</summary>
    public static double KL(DiscreteDistribution p, DiscreteDistribution q, LogBase b = LogBase.Nats)
    {
        var m = Match(p, q);
        return b.FromNats(KullbackLeibler.Divergence(m.P, m.Q));
    }

    /// <summary>Both directions (KL(P‖Q), KL(Q‖P)) in nats, from one matching of the atoms.</summary>
    public static (double PQ, double QP) KLBoth(DiscreteDistribution p, DiscreteDistribution q)
    {
        var m = Match(p, q);
        return (KullbackLeibler.Divergence(m.P, m.Q), KullbackLeibler.Divergence(m.Q, m.P));
    }

    /// <summary>Jensen–Shannon divergence ½KL(P‖M) + ½KL(Q‖M), M = ½(P+Q); in [0, log 2] (log 2 nats = 1 bit).</summary>
    public static double JS(DiscreteDistribution p, DiscreteDistribution q, LogBase b = LogBase.Nats)
    {
        var m = Match(p, q);
        return b.FromNats(JensenShannon.Divergence(m.P, m.Q));
    }

    /// <summary>The Jensen–Shannon distance √JS(P, Q), a metric; SciPy's <c>jensenshannon</c> returns this, not JS.</summary>
    public static double JSDistance(DiscreteDistribution p, DiscreteDistribution q, LogBase b = LogBase.Nats) => Math.Sqrt(JS(p, q, b));

    /// <summary>Total variation ½ Σₓ |P(x) − Q(x)| over the matched atoms, in [0, 1].</summary>
    public static double TV(DiscreteDistribution p, DiscreteDistribution q)
    {
        var m = Match(p, q);
        return TotalVariation.Distance(m.P, m.Q);
    }

    /// <summary>Hellinger distance √(½ Σₓ (√P(x) − √Q(x))²) over the matched atoms, in [0, 1].</summary>
    public static double Hellinger(DiscreteDistribution p, DiscreteDistribution q)
    {
        var m = Match(p, q);
        return HellingerDistance.Distance(m.P, m.Q);
    }

    /// <summary>
    /// W₁(P, Q) = min_γ Σ γᵢⱼ ‖xᵢ − yⱼ‖₂, forwarded to <see cref="Transport.W1"/> (exact, certified). Unlike the
    /// divergences above it needs no matching atoms: it sees how far apart the supports are. Masses must be equal.
    /// </summary>
    public static double W1(DiscreteDistribution p, DiscreteDistribution q) => Transport.W1(p, q);

    // ---------------------------------------------------------------- histograms on one grid

    /// <summary>KL(P‖Q) bin by bin; the histograms must share their grid.</summary>
    public static double KL(Histogram p, Histogram q, LogBase b = LogBase.Nats)
    {
        Grid(p, q);
        return b.FromNats(KullbackLeibler.Divergence(p.Masses, q.Masses));
    }

    /// <summary>Both directions (KL(P‖Q), KL(Q‖P)) in nats, bin by bin.</summary>
    public static (double PQ, double QP) KLBoth(Histogram p, Histogram q)
    {
        Grid(p, q);
        return (KullbackLeibler.Divergence(p.Masses, q.Masses), KullbackLeibler.Divergence(q.Masses, p.Masses));
    }

    /// <summary>JS divergence bin by bin, in [0, log 2].</summary>
    public static double JS(Histogram p, Histogram q, LogBase b = LogBase.Nats)
    {
        Grid(p, q);
        return b.FromNats(JensenShannon.Divergence(p.Masses, q.Masses));
    }

    /// <summary>JS distance √JS bin by bin.</summary>
    public static double JSDistance(Histogram p, Histogram q, LogBase b = LogBase.Nats) => Math.Sqrt(JS(p, q, b));

    /// <summary>Total variation ½ Σ_bins |p − q|.</summary>
    public static double TV(Histogram p, Histogram q)
    {
        Grid(p, q);
        return TotalVariation.Distance(p.Masses, q.Masses);
    }

    /// <summary>Hellinger distance bin by bin.</summary>
    public static double Hellinger(Histogram p, Histogram q)
    {
        Grid(p, q);
        return HellingerDistance.Distance(p.Masses, q.Masses);
    }

    /// <summary>
    /// W₁ between two histograms on the same grid, each bin's mass placed at its centre (<see cref="Histogram.ToDistribution"/>).
    /// Empty bins are dropped before the transport (<see cref="Transport.Wp"/>), so a fine grid costs only its occupied
    /// bins: two 200×200 histograms with 25 occupied bins each solve a 25×25 problem, not a 40 000 × 40 000 one.
    /// </summary>
    public static double W1(Histogram p, Histogram q)
    {
        Histogram.CheckSameGrid(p, q);
        return Transport.W1(p.ToDistribution(), q.ToDistribution());
    }

    // ---------------------------------------------------------------- probability vectors

    /// <summary>KL(p‖q) = Σᵢ pᵢ log(pᵢ/qᵢ) of two probability vectors over the same atoms; +∞ when some pᵢ &gt; 0 = qᵢ.</summary>
    public static double KL(double[] p, double[] q, LogBase b = LogBase.Nats)
    {
        Vectors(p, q);
        return b.FromNats(KullbackLeibler.Divergence(p, q));
    }

    /// <summary>Both directions (KL(p‖q), KL(q‖p)) in nats.</summary>
    public static (double PQ, double QP) KLBoth(double[] p, double[] q)
    {
        Vectors(p, q);
        return (KullbackLeibler.Divergence(p, q), KullbackLeibler.Divergence(q, p));
    }

    /// <summary>JS divergence of two probability vectors, in [0, log 2].</summary>
    public static double JS(double[] p, double[] q, LogBase b = LogBase.Nats)
    {
        Vectors(p, q);
        return b.FromNats(JensenShannon.Divergence(p, q));
    }

    /// <summary>JS distance √JS of two probability vectors (SciPy's <c>jensenshannon</c>).</summary>
    public static double JSDistance(double[] p, double[] q, LogBase b = LogBase.Nats) => Math.Sqrt(JS(p, q, b));

    /// <summary>Total variation ½‖p − q‖₁ of two probability vectors.</summary>
    public static double TV(double[] p, double[] q)
    {
        Vectors(p, q);
        return TotalVariation.Distance(p, q);
    }

    /// <summary>Hellinger distance √(½ Σᵢ (√pᵢ − √qᵢ)²) of two probability vectors.</summary>
    public static double Hellinger(double[] p, double[] q)
    {
        Vectors(p, q);
        return HellingerDistance.Distance(p, q);
    }

    // ---------------------------------------------------------------- checks

    private static MatchedAtoms Match(DiscreteDistribution p, DiscreteDistribution q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        Guard.SameDimension(p, q);
        ProbabilityVector.UnitMasses(p.TotalMass, q.TotalMass, "P", "Q");
        return MatchedAtoms.Match(p, q);
    }

    private static void Grid(Histogram p, Histogram q)
    {
        Histogram.CheckSameGrid(p, q);
        ProbabilityVector.CheckPair(p.Masses, q.Masses, "P", "Q");
    }

    private static void Vectors(double[] p, double[] q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        ProbabilityVector.CheckPair(p, q);
    }
}
